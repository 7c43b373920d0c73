import type { DocumentFactView, DocumentSummary } from '../../ports/clause-store.ts';
import { METADATA_SLOTS } from '../../question/question-frame.ts';
import { normalizeText } from '../../corpus/text-normalizer.ts';
import type { AnswerText } from '../answer-text.ts';
import { bookTitle, capitalize, documentReferenceEn, documentReferenceZh } from '../clause-reference.ts';
import { isEnglish, verdictLine, type AnswerKind, type KindContext } from './kind-support.ts';
import { CONTACT_CHANNELS, chineseDate, noticeLines } from './notice-facts.ts';

/**
 * 文号, issuer and dates come from the document record, which keeps every value each source gave:
 * where the sources disagree (the two Tianjin 2023 copies name different issuers and dates), the
 * answer says so and names the sources instead of picking one.
 */
export const metadataKind: AnswerKind = {
  name: 'metadata',
  recordBased: true,
  applies: (frame) => METADATA_SLOTS.includes(frame.slot),
  evidence(context) {
    const documents = targets(context);
    if (documents.length === 0) return { missing: 'document', rule: 'metadata: no document in scope or retrieved' };
    // The evidence is the document record; a passage is cited only where it states the value itself.
    const clause = context.clauses.find(({ hit }) => hit.document.id === documents[0]!.id) ?? context.clauses[0];
    // 正式版什么时候发布? The final version of a draft is a document the library does not hold.
    if (context.frame.documentAsk.finalVersion && documents.every((document) => document.status === 'draft') && context.frame.slots.some((slot) => slot === 'issue-date' || slot === 'docNumber' || slot === 'issuer')) {
      return { missing: 'document', ...(clause ? { nearest: clause } : {}), rule: 'metadata: the final version of a draft is not in the library' };
    }
    // 天津方案给的反馈电话是多少? 汕尾实施意见的文号? Asked what no document asked about states, the fact is not covered
    // (a yes/no on it is answered: 是否经国务院同意? No).
    const factSlots = context.frame.slots.filter((slot) => METADATA_SLOTS.includes(slot));
    const states = (slot: string, document: DocumentSummary) => STATED_BY[slot]!(document, context.documentFacts[document.id] ?? [], context);
    if (!context.frame.yesNo && factSlots.length > 0 && factSlots.every((slot) => STATED_BY[slot] !== undefined && documents.every((document) => !states(slot, document)))) {
      return { missing: 'document', ...(clause ? { nearest: clause } : {}), rule: `metadata: no document asked about states its ${context.frame.slots.join(', ')}` };
    }
    return { found: clause ? [{ clause, quote: '' }] : [], rule: 'metadata: from the document record, every source\'s value' };
  },
  compose(context, _evidence, text) {
    const quotes: Record<number, string> = {};
    for (const document of targets(context)) describeDocument(document, context, text, quotes);
    return { quotes };
  },
  missingText: { zh: '文件没有写明所问的这一项（最接近的是{nearest}）。', en: 'The document does not state what is asked (the nearest passage is {nearest}).' },
};

// Whether a document states the fact a slot asks for, from its record; slots missing here are always answered.
const STATED_BY: Partial<Record<string, (document: DocumentSummary, facts: DocumentFactView[], context: KindContext) => boolean>> = {
  docNumber: (document) => document.docNumber !== null && document.docNumber !== '',
  // 传真号码是多少? A way of sending comments asked by name must be one the notice gives (a contact line, or its
  // sentence on how to send them); asked for none in particular, any contact will do.
  contact: (document, facts, context) => {
    const asked = CONTACT_CHANNELS.filter(({ kind }) => context.frame.documentAsk.channels[kind]);
    if (asked.length === 0) return facts.some((fact) => /^contact|^commentDeadline$/u.test(fact.field));
    const passages = context.clauses.filter(({ hit }) => hit.document.id === document.id).map(({ hit }) => hit.clause.normalizedText);
    return asked.some((channel) => facts.some((fact) => fact.field === channel.field) || passages.some((passage) => channel.pattern.test(passage)));
  },
  addressees: (_document, facts) => facts.some((fact) => fact.field === 'addressees'),
  basis: (_document, facts) => facts.some((fact) => fact.field === 'basis'),
  approval: (_document, facts) => facts.some((fact) => fact.field === 'approval'),
};

/** The documents the question names, else the one its best clause comes from. */
function targets(context: KindContext): DocumentSummary[] {
  if (context.scopeDocuments.length > 0) return context.scopeDocuments;
  const first = context.clauses[0]?.hit.document;
  return first ? [first] : [];
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
// Where a source states an issuer, in the reader's words: the official text's own letterhead and
// signature, or a republishing web page's title, info box and source line.
const ISSUER_WHERE: Record<string, { copy: 'official' | 'web'; zh: string; en: string }> = {
  'document-header': { copy: 'official', zh: '版头', en: 'letterhead' },
  signature: { copy: 'official', zh: '落款', en: 'signature' },
  title: { copy: 'web', zh: '标题', en: 'title' },
  'metadata-field': { copy: 'web', zh: '信息栏', en: 'info box' },
  'page-source': { copy: 'web', zh: '来源栏', en: 'source line' },
};

function describeDocument(document: DocumentSummary, context: KindContext, text: AnswerText, quotes: Record<number, string>): void {
  const english = isEnglish(context);
  const slots = context.frame.slots;
  const facts = context.documentFacts[document.id] ?? [];
  const referenceText = english ? documentReferenceEn(document) : documentReferenceZh(document);
  const reference = text.corpus(referenceText);
  const referenceStart = text.corpus(capitalize(referenceText));
  const title = text.corpus(document.title);
  const booked = text.corpus(bookTitle(document.title));
  // Cite a passage of the document only when it states the value itself (the signature block does).
  // A joint notice lists its issuers one by one (市场监管总局 中央网信办 …): the passage holding each of them shows the list.
  const cite = (value: string) => {
    const parts = normalizeText(value).split('、');
    const holder = context.clauses.find(({ hit }) => hit.document.id === document.id && parts.every((part) => hit.clause.normalizedText.includes(part)));
    if (!holder) return '';
    if (holder.hit.clause.text.includes(value)) quotes[holder.n] = value;
    return english ? ` [${holder.n}]` : `[${holder.n}]`;
  };

  if (slots.includes('docNumber')) {
    if (document.docNumber) {
      text.line(english ? `The document number of “${title}” is ${text.corpus(document.docNumber)}${cite(document.docNumber)}.` : `${booked}的文号是${text.corpus(document.docNumber)}${cite(document.docNumber)}。`);
    } else {
      text.line(
        english
          ? `“${title}” is ${document.status === 'draft' ? 'a draft for comment and ' : ''}carries no document number.`
          : `${booked}${document.status === 'draft' ? '是征求意见稿，' : ''}未标注文号。`,
      );
    }
  }
  if (slots.includes('issuer')) {
    const values = distinct(facts.filter((fact) => fact.field === 'issuer'), document.issuer);
    if (values.length <= 1) {
      const issuer = values[0]?.value ?? document.issuer ?? '';
      // A joint plan names its issuers in one list (市场监管总局、中央网信办…): say how many.
      const count = issuer.split('、').length;
      const counted = count > 1 ? (english ? ` (${count} departments)` : `（共${count}个部门）`) : '';
      // 联合发文的单位里有没有海关总署? The verdict on the units named, by any of their names, first.
      if (context.frame.yesNo && context.frame.units.length > 0) {
        const issuers = normalizeText(issuer).split('、');
        const among = context.frame.units.every((unit) => [normalizeText(unit.mention), ...(unit.byDocument[document.id] ?? []).map((name) => normalizeText(name))].some((name) => issuers.includes(name)));
        text.line(verdictLine(among, english, ['有。', '没有。']));
      }
      text.line(english ? `${referenceStart} was issued by ${text.corpus(issuer)}${cite(issuer)}${counted}.` : `${reference}的发布单位是${text.corpus(issuer)}${cite(issuer)}${counted}。`);
    } else {
      // Said as where each copy states it: the official text (letterhead) vs a republishing web page (title, info box).
      const where = (evidence: string[]) => {
        const known = evidence.map((each) => ISSUER_WHERE[each]).filter((each) => each !== undefined);
        const copies = [...new Set(known.map((each) => each.copy))];
        return copies
          .map((copy) => {
            const parts = known.filter((each) => each.copy === copy).map((each) => (english ? each.en : each.zh));
            return english ? `the ${copy === 'official' ? 'official text' : 'republishing web page'} (${parts.join(', ')})` : `${copy === 'official' ? '正式文本' : '转载网页'}（${parts.join('、')}）`;
          })
          .join(english ? ' and ' : '和');
      };
      const listed = values.map(({ value, evidence }) =>
        english ? `${where(evidence)} names ${text.corpus(value)}${cite(value)}` : `${where(evidence)}写的是${text.corpus(value)}${cite(value)}`,
      );
      text.line(english ? `The copies differ on who issued ${reference}: ${listed.join('; ')}.` : `${reference}的发布单位，各份文本写法不同：${listed.join('；')}。`);
    }
  }
  if (slots.includes('issue-date')) {
    const anyDate = facts.filter((fact) => fact.field === 'date');
    // 落款日期是哪天? The date of the kind asked, where the sources give one; else every date, each labelled.
    const askedDate = context.frame.documentAsk.date;
    const dated = askedDate && anyDate.some((fact) => fact.evidence === askedDate) ? anyDate.filter((fact) => fact.evidence === askedDate) : anyDate;
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
  // The document's own passages that retrieval returned: where a notice fact's sentence can be read again.
  const passages = context.clauses.filter(({ hit }) => hit.document.id === document.id).map(({ hit }) => hit.clause.normalizedText);
  noticeLines(slots, facts, { reference, referenceStart, english, text, cite, passages, yesNo: context.frame.yesNo }, context.frame.documentAsk.channels);
  if (slots.includes('status')) {
    const deadline = facts.find((fact) => fact.field === 'commentDeadline')?.value;
    // 是不是征求意见稿? 正式印发了吗? The verdict first; 正式印发的还是征求意见稿 offers both and gets none.
    const asked = context.frame.documentAsk.status;
    if (context.frame.yesNo && asked !== null) text.line(verdictLine(asked === (document.status === 'draft' ? 'draft' : 'issued'), english, ['是。', '不是。']));
    // The notice that invites comments shows the status; an issued document's number shows it was issued.
    if (document.status === 'draft') {
      const shown = cite('征求意见');
      text.line(
        english
          ? `${referenceStart} is a draft for comment (${text.corpus('征求意见稿')})${shown}, not yet issued${deadline ? `; comments were invited until ${text.corpus(chineseDate(deadline))}` : ''}.`
          : `${reference}是征求意见稿${shown}，尚未正式印发${deadline ? `，征求意见截止${text.corpus(chineseDate(deadline))}` : ''}。`,
      );
    } else {
      const shown = document.docNumber ? cite(document.docNumber) : '';
      text.line(english ? `${referenceStart} is an issued document (${text.corpus(document.docNumber ?? document.title)})${shown}, not a draft.` : `${reference}是正式印发的文件${shown}，不是征求意见稿。`);
    }
  }
}



/** Each value a field is given, with the kinds of evidence that give it. */
function distinct(facts: DocumentFactView[], fallback: string | null): { value: string; evidence: string[] }[] {
  const grouped = new Map<string, string[]>();
  for (const fact of facts) {
    const evidence = grouped.get(fact.value) ?? [];
    if (!evidence.includes(fact.evidence)) evidence.push(fact.evidence);
    grouped.set(fact.value, evidence);
  }
  if (grouped.size === 0 && fallback) grouped.set(fallback, []);
  return [...grouped].map(([value, evidence]) => ({ value, evidence }));
}
