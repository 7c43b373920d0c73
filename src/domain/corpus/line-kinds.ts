import { CHINESE_NUMERAL_CLASS } from './chinese-numerals.ts';

/** What one normalised line of a policy text is, judged on its own. */
export type LineKind =
  | 'section-heading'
  | 'clause-start'
  | 'date'
  | 'document-number'
  | 'document-header'
  | 'publication-note'
  | 'title'
  | 'paragraph';

export const SECTION_HEADING = new RegExp(`^(${CHINESE_NUMERAL_CLASS}{1,3})、\\s*([^。]{1,60})$`, 'u');
export const CLAUSE_START = new RegExp(`^\\((${CHINESE_NUMERAL_CLASS}{1,4})\\)\\s*([\\s\\S]*)$`, 'u');
export const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
export const DOCUMENT_NUMBER = /[\p{Script=Han}]{1,12}〔\d{4}〕\d{1,4}号/u;
const DOCUMENT_NUMBER_LINE = new RegExp(`^${DOCUMENT_NUMBER.source}$`, 'u');
const DOCUMENT_HEADER = /^[\p{Script=Han}()]{2,40}文件$/u;
const PUBLICATION_NOTE = /^\((此件公开发布|此件主动公开|此件不公开|征求意见稿|送审稿|试行)\)$/u;
const TERMINAL_PUNCTUATION = /[。:;!?,、]$/u;
// Titles of policy documents end with the document's genre, optionally followed by the plan
// period, a draft marker, or the document number in brackets.
const TITLE_ENDING =
  /(通知|意见|方案|纲要|办法|规定|决定|细则|计划|要点|条例|规划|指南|措施)(\((\d{4}\s*[—–-]\s*\d{4}年|\d{4}年|征求意见稿)\))?(\([^()]*号\))?$/u;

export function endsLikeTitle(normalizedLine: string): boolean {
  return TITLE_ENDING.test(normalizedLine) && !TERMINAL_PUNCTUATION.test(normalizedLine);
}

export function classifyLine(normalizedLine: string): LineKind {
  if (CLAUSE_START.test(normalizedLine)) return 'clause-start';
  if (SECTION_HEADING.test(normalizedLine)) return 'section-heading';
  if (DATE_LINE.test(normalizedLine)) return 'date';
  if (DOCUMENT_NUMBER_LINE.test(normalizedLine)) return 'document-number';
  if (PUBLICATION_NOTE.test(normalizedLine)) return 'publication-note';
  if (DOCUMENT_HEADER.test(normalizedLine)) return 'document-header';
  if (normalizedLine.length <= 120 && endsLikeTitle(normalizedLine)) return 'title';
  return 'paragraph';
}

export function hasTerminalPunctuation(normalizedLine: string): boolean {
  return TERMINAL_PUNCTUATION.test(normalizedLine);
}

/** True when 《 or ( opened on this line are not closed on it: the line was broken mid-title. */
export function hasUnclosedBracket(normalizedLine: string): boolean {
  const count = (character: string) => normalizedLine.split(character).length - 1;
  return count('《') > count('》') || count('(') > count(')');
}
