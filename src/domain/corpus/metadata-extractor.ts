import { DATE_LINE, DOCUMENT_NUMBER, hasTerminalPunctuation } from './line-kinds.ts';
import type { SourceLine } from './source-lines.ts';
import { normalizeText, type Script } from './text-normalizer.ts';

/**
 * Facts about a document as one source states them. Sources disagree (a republishing site names
 * the bureau that posted the text, the official copy names the leading group that issued it), so
 * every value is kept with where it was read; the document picks a primary value by precedence.
 */
export type FactField =
  | 'docNumber'
  | 'issuer'
  | 'date'
  | 'status'
  | 'commentDeadline'
  /** 主送: the bodies a notice is addressed to. */
  | 'addressees'
  /** The documents it implements or follows (依据/落实/按照《…》), with their 文号 where given. */
  | 'basis'
  /** Who approved it (经国务院同意). */
  | 'approval'
  /** A draft's contact for comments. */
  | 'contactPhone'
  | 'contactFax'
  | 'contactEmail'
  | 'contactAddress';

export interface DocumentFact {
  field: FactField;
  value: string;
  /** How the source states it: document-header, signature, metadata-field, title, page-source, … */
  evidence: string;
  lineNumber: number;
}

// Lower rank wins when a document shows several values for the same field.
export const EVIDENCE_RANK: Record<string, number> = {
  'document-header': 0,
  signature: 1,
  'signed-date': 1,
  'metadata-field': 2,
  'published-date': 3,
  'effective-date': 4,
  title: 5,
  'document-number-line': 0,
  'page-source': 6,
  'page-posted': 7,
  'draft-marker': 0,
  'comment-notice': 0,
  'notice-salutation': 0,
  'basis-sentence': 0,
  'approval-sentence': 0,
  'contact-line': 0,
};

// 主送 lines list bodies, each ending in an organ word: 各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
const ADDRESSEE_PART = /(单位|政府|机构|部门|部委|委|局|办|厅|小组|委员会|成员单位)$/u;
// A document cited as what this one implements: 贯彻落实《…》, 按照…印发的《…》, 依据《…》.
const BASIS = /(?:贯彻落实|贯彻|落实|依据|根据|按照)[^。;]{0,40}?《([^》]{4,80})》(?:\s*\(([^()]{0,20}〔\d{4}〕\d+号)\))?/gu;
const APPROVAL = /经([\p{Script=Han}]{2,10}?)同意/u;
const PHONE = /^(?:联系电话|电话|联系方式)[:\s]*((?:\d{3,4}-)?\d{7,8}(?:[,、]\s*(?:\d{3,4}-)?\d{7,8})*)$/u;
const FAX = /^(?:传真|传真号码|联系传真)[:\s]*((?:\d{3,4}-)?\d{7,8}(?:[,、]\s*(?:\d{3,4}-)?\d{7,8})*)$/u;
const EMAIL = /^(?:电子邮箱|电子邮件|邮箱|e-?mail)[:\s]*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)$/iu;
const ADDRESS = /^(?:通讯地址|通信地址|邮寄地址|地址)[:\s]*(.{6,80})$/u;

const ORGANISATION = /^[\p{Script=Han}()]{2,40}(局|委|会|部|办|院|府|署|社|联|行|组|厅|中心|小组|委员会)$/u;
const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/u;

export function extractFacts(allLines: SourceLine[], script: Script): DocumentFact[] {
  const facts: DocumentFact[] = [];
  const add = (field: FactField, value: string, evidence: string, line: SourceLine) => {
    if (!facts.some((fact) => fact.field === field && fact.value === value && fact.evidence === evidence)) {
      facts.push({ field, value, evidence, lineNumber: line.lineNumber });
    }
  };
  const firstSection = allLines.findIndex((line) => line.kind === 'section-heading' || line.kind === 'clause-start');
  const headerEnd = firstSection === -1 ? allLines.length : firstSection;

  allLines.forEach((line, index) => {
    const text = line.normalized;
    const inHeader = index < headerEnd;
    // Document numbers inside sentences cite other documents (国发〔2012〕9号); only
    // header lines that are not sentences state this document's own number.
    if (inHeader && text.length <= 120 && !hasTerminalPunctuation(text)) {
      const number = DOCUMENT_NUMBER.exec(text.replace(/^[•\s]*(发布)?文号:?/u, ''));
      const evidence = /文号/u.test(text) ? 'metadata-field' : line.kind === 'document-number' ? 'document-number-line' : 'title';
      if (number) add('docNumber', number[0], evidence, line);
    }
    const header = /^(.{2,40})文件$/u.exec(text);
    if (inHeader && line.kind === 'document-header' && header) add('issuer', header[1]!, 'document-header', line);
    const labelled = /^[•\s]*(发布机构|发布机关|发布单位)[:\s]*(.+)$/u.exec(text);
    if (labelled && ORGANISATION.test(labelled[2]!)) add('issuer', labelled[2]!, 'metadata-field', line);
    if (/^(发布单位|发布机关)$/u.test(text)) {
      const value = allLines[index + 1]?.normalized;
      if (value && ORGANISATION.test(value)) add('issuer', value, 'metadata-field', allLines[index + 1]!);
    }
    const pageSource = /来源:([\p{Script=Han}]{2,40}?)(浏览|点击|$)/u.exec(text);
    if (pageSource && ORGANISATION.test(pageSource[1]!)) add('issuer', pageSource[1]!, 'page-source', line);
    const titleIssuer = /^([\p{Script=Han}]{2,30}?)关于/u.exec(text);
    if (inHeader && line.kind === 'title' && titleIssuer && ORGANISATION.test(titleIssuer[1]!)) {
      add('issuer', titleIssuer[1]!, 'title', line);
    }

    const signedDate = DATE_LINE.exec(text);
    if (signedDate) {
      add('date', isoDate(signedDate[1]!, signedDate[2]!, signedDate[3]!), 'signed-date', line);
      const signers = signatureAbove(allLines, index, script);
      if (signers.length > 0) add('issuer', signers.join('、'), 'signature', allLines[index - 1]!);
    }
    for (const [label, evidence] of [['发布日期', 'published-date'], ['生效日期', 'effective-date']] as const) {
      const labelledDate = new RegExp(`${label}:?(\\d{4}-\\d{2}-\\d{2})`, 'u').exec(text);
      if (labelledDate) add('date', labelledDate[1]!, evidence, line);
    }
    const posted = /(\d{4}-\d{2}-\d{2})\s*\d{2}:\d{2}(:\d{2})?\s*来源/u.exec(text);
    if (posted && ISO_DATE.test(posted[1]!)) add('date', posted[1]!, 'page-posted', line);

    if (inHeader) {
      // 主送: a line ending in a colon whose parts are mostly bodies (各省、自治区、直辖市人民政府,…).
      const salutation = /^([^。;]{4,120}):$/u.exec(text);
      const parts = salutation?.[1]!.split(/[,、]/u).map((part) => part.trim()) ?? [];
      if (salutation && !/^(发布|来源|备注|属性)/u.test(text) && parts.filter((part) => ADDRESSEE_PART.test(part)).length * 2 >= parts.length) {
        add('addressees', salutation[1]!, 'notice-salutation', line);
      }
      for (const match of text.matchAll(BASIS)) add('basis', `《${match[1]}》${match[2] ? `(${match[2]})` : ''}`, 'basis-sentence', line);
      const approval = APPROVAL.exec(text);
      if (approval) add('approval', approval[1]!, 'approval-sentence', line);
      // Contact lines count only in a notice's own header, not in a portal's footer (邮箱:law#…).
      for (const [field, pattern] of [['contactPhone', PHONE], ['contactFax', FAX], ['contactEmail', EMAIL], ['contactAddress', ADDRESS]] as const) {
        const contact = pattern.exec(text);
        if (contact) add(field, contact[1]!.trim(), 'contact-line', line);
      }
    }
    if (/征求意见稿/u.test(text)) add('status', 'draft', 'draft-marker', line);
    const deadline = /请于(\d{4})年(\d{1,2})月(\d{1,2})日前/u.exec(text);
    if (deadline) add('commentDeadline', isoDate(deadline[1]!, deadline[2]!, deadline[3]!), 'comment-notice', line);
  });
  return facts;
}

/** Issuing bodies listed on the lines just above a date, several per line in joint documents. */
function signatureAbove(allLines: SourceLine[], dateIndex: number, script: Script): string[] {
  const signers: string[] = [];
  for (let index = dateIndex - 1; index >= 0; index -= 1) {
    const line = allLines[index]!;
    if (line.kind !== 'paragraph' || hasTerminalPunctuation(line.normalized)) break;
    // Normalisation removes the spaces that separate joint issuers, so split the display text.
    const names = line.display.split(/[\s\u3000]+/u).filter(Boolean).map((name) => normalizeText(name, script));
    if (names.length === 0 || !names.every((name) => ORGANISATION.test(name))) break;
    signers.unshift(...names);
  }
  return signers;
}

function isoDate(year: string, month: string, day: string): string {
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The value of the best-ranked fact for a field, or undefined. */
export function primaryFact(facts: DocumentFact[], field: FactField): DocumentFact | undefined {
  return facts
    .filter((fact) => fact.field === field)
    .sort((left, right) => (EVIDENCE_RANK[left.evidence] ?? 9) - (EVIDENCE_RANK[right.evidence] ?? 9))[0];
}
