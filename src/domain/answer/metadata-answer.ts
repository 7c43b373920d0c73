import type { AnswerDraft, AnswerInput } from '../ports/answer-backend.ts';
import type { DocumentFactView, DocumentSummary } from '../ports/clause-store.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import type { AnswerText } from './answer-text.ts';
import { capitalize, documentReferenceEn, documentReferenceZh } from './clause-reference.ts';

/**
 * 文号, issuer and dates come from the document record, which keeps every value each source gave:
 * where the sources disagree (the two Tianjin 2023 copies name different issuers and dates), the
 * answer says so and names the sources instead of picking one.
 */
const ISSUE_DATE_CUES = /发布|印发|成文|签发|出台|发文|公布|issued|published|dated|signed|released|adopted/u;

export function isMetadataQuestion(input: AnswerInput): boolean {
  if (input.intents.includes('docNumber') || input.intents.includes('issuer')) return true;
  return input.intents.includes('date') && ISSUE_DATE_CUES.test(normalizeText(input.standaloneQuestion).toLowerCase());
}

const EVIDENCE_ZH: Record<string, string> = {
  'signed-date': '成文日期',
  'published-date': '发布日期',
  'effective-date': '施行日期',
  'page-posted': '网页发布时间',
};
const EVIDENCE_EN: Record<string, string> = {
  'signed-date': 'signed',
  'published-date': 'published',
  'effective-date': 'in effect from',
  'page-posted': 'posted online',
};

export function metadataAnswer(input: AnswerInput, text: AnswerText): AnswerDraft {
  const quotes: Record<number, string> = {};
  const targets = input.scopeDocuments.length > 0 ? input.scopeDocuments : [input.clauses[0]!.hit.document];
  for (const document of targets) describeDocument(document, input, text, quotes);
  return { text: text.toString(), notFound: false, related: [], quotes };
}

function describeDocument(document: DocumentSummary, input: AnswerInput, text: AnswerText, quotes: Record<number, string>): void {
  const english = input.language === 'en';
  const facts = input.documentFacts[document.id] ?? [];
  const referenceText = english ? documentReferenceEn(document) : documentReferenceZh(document);
  const reference = text.corpus(referenceText);
  const referenceStart = text.corpus(capitalize(referenceText));
  const title = text.corpus(document.title);
  // Cite a passage of the document only when it states the value itself (the signature block does).
  const cite = (value: string) => {
    const holder = input.clauses.find(({ hit }) => hit.document.id === document.id && hit.clause.normalizedText.includes(normalizeText(value)));
    if (!holder) return '';
    quotes[holder.n] = value;
    return english ? ` [${holder.n}]` : `[${holder.n}]`;
  };

  if (input.intents.includes('docNumber')) {
    if (document.docNumber) {
      text.line(english ? `The document number of “${title}” is ${text.corpus(document.docNumber)}${cite(document.docNumber)}.` : `《${title}》的文号是${text.corpus(document.docNumber)}${cite(document.docNumber)}。`);
    } else {
      text.line(
        english
          ? `“${title}” is ${document.status === 'draft' ? 'a draft for comment and ' : ''}carries no document number.`
          : `《${title}》${document.status === 'draft' ? '是征求意见稿，' : ''}未标注文号。`,
      );
    }
  }
  if (input.intents.includes('issuer')) {
    const values = distinct(facts.filter((fact) => fact.field === 'issuer'), document.issuer);
    if (values.length <= 1) {
      const issuer = values[0]?.value ?? document.issuer ?? '';
      text.line(english ? `${referenceStart} was issued by ${text.corpus(issuer)}${cite(issuer)}.` : `${reference}的发布单位是${text.corpus(issuer)}${cite(issuer)}。`);
    } else {
      const listed = values.map(({ value, sources }) => `${text.corpus(value)}${cite(value)}（${text.corpus(sources.join('、'))}）`);
      text.line(english ? `The sources differ on the issuer of ${reference}: ${listed.join('; ')}.` : `各来源对${reference}发布单位的记载不同：${listed.join('；')}。`);
    }
  }
  if (input.intents.includes('date')) {
    const dated = facts.filter((fact) => fact.field === 'date');
    const byKind = new Map<string, string[]>();
    for (const fact of dated) {
      const label = (english ? EVIDENCE_EN : EVIDENCE_ZH)[fact.evidence] ?? fact.evidence;
      const values = byKind.get(label) ?? [];
      if (!values.includes(fact.value)) values.push(fact.value);
      byKind.set(label, values);
    }
    if (byKind.size === 0 && document.date) byKind.set(english ? 'dated' : '日期', [document.date]);
    const parts = [...byKind].map(([label, values]) => `${label} ${values.map((value) => text.corpus(english ? `${chineseDate(value)} (${value})` : chineseDate(value)) + cite(chineseDate(value))).join(' / ')}`);
    text.line(english ? `${referenceStart}: ${parts.join('; ')}.` : `${reference}：${parts.join('；')}。`);
  }
}

/** 2023-09-04 → 2023年9月4日, as the signature blocks write it. */
function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

function distinct(facts: DocumentFactView[], fallback: string | null): { value: string; sources: string[] }[] {
  const grouped = new Map<string, string[]>();
  for (const fact of facts) {
    const sources = grouped.get(fact.value) ?? [];
    if (!sources.includes(fact.source)) sources.push(fact.source);
    grouped.set(fact.value, sources);
  }
  if (grouped.size === 0 && fallback) grouped.set(fallback, []);
  return [...grouped].map(([value, sources]) => ({ value, sources }));
}
