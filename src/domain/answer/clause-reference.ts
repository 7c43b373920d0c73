import type { DocumentSummary, StoredClause } from '../ports/clause-store.ts';
import type { PassageKind } from '../corpus/structure-parser.ts';
import type { NumberedClause } from './answer-decision-types.ts';
import type { AnswerText } from './answer-text.ts';

/** How an answer names a document and a place in it: 津质量发〔2023〕3号 二(二). */

const KIND_ZH: Record<PassageKind, string> = { notice: '通知', preamble: '前言', 'section-text': '引言', clause: '', closing: '结语', signature: '落款' };
const KIND_EN: Record<PassageKind, string> = { notice: 'notice', preamble: 'preamble', 'section-text': 'introduction', clause: '', closing: 'closing part', signature: 'signature' };

export function clauseLocation(clause: StoredClause, english: boolean): string {
  if (clause.clause) return `${clause.section ?? ''}(${clause.clause})`;
  const label = english ? KIND_EN[clause.kind] : KIND_ZH[clause.kind];
  if (clause.section) return english ? `section ${clause.section} ${label}` : `${clause.section}、${label}`;
  return label;
}

export function documentReferenceZh(document: DocumentSummary): string {
  return document.docNumber ?? `${bookTitle(document.title)}${document.status === 'draft' ? '（征求意见稿）' : ''}`;
}

/** A document named in a short list (对比：津政发〔2014〕22号 93%；汕尾市征求意见稿 94.8%): its 文号, else its place and kind. */
export function documentShortNameZh(document: DocumentSummary): string {
  if (document.docNumber) return document.docNumber;
  const place = document.region.replace(/^.+?省(?=.+市)/u, '');
  return `${place}${document.status === 'draft' ? '征求意见稿' : `${document.date?.slice(0, 4) ?? ''}年文件`}`;
}

/** The same in English: its 文号, else its place and kind (Guangdong, Shanwei draft). */
export function documentShortNameEn(document: DocumentSummary): string {
  return document.docNumber ?? `${document.regionEn} ${document.status === 'draft' ? 'draft' : document.date?.slice(0, 4) ?? ''}`.trim();
}

/** 《…》 around a title, the title's own 《》 becoming 〈〉 as Chinese nests them. */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`;
}

export function documentReferenceEn(document: DocumentSummary): string {
  const year = document.date?.slice(0, 4) ?? '';
  const kind = document.status === 'draft' ? 'draft' : document.level === 'national' ? 'national plan' : 'plan';
  const name = `the ${document.level === 'national' ? '' : `${document.regionEn} `}${year} ${kind}`.replace(/\s+/gu, ' ');
  return document.docNumber ? `${name} (${document.docNumber})` : `${name} (${document.title})`;
}

/** “the Tianjin 2023 plan” at the start of an English sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** 津质量发〔2023〕3号 二(二)「提升食品质量水平」[1]: how an answer line names the clause it cites; midSentence: not capitalised in English. */
export function clauseHeadline(clause: NumberedClause, text: AnswerText, withHeading: boolean, midSentence = false): string {
  const { clause: stored, document } = clause.hit;
  const english = text.language === 'en';
  const reference = text.corpus(english ? (midSentence ? documentReferenceEn(document) : capitalize(documentReferenceEn(document))) : documentReferenceZh(document));
  const location = text.corpus(clauseLocation(stored, english));
  const heading = withHeading && stored.heading ? text.corpus(stored.heading.replace(/[。；;]$/u, '')) : undefined;
  if (english) return `${reference}, ${location}${heading ? ` “${heading}”` : ''} [${clause.n}]`;
  return `${reference} ${location}${heading ? `「${heading}」` : ''}[${clause.n}]`;
}
