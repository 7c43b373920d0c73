import { normalizeText } from '../corpus/text-normalizer.ts';
import { escapePattern } from './cue-matching.ts';

/** What a question's 文号 reader needs of a document. */
export interface NumberedDocument {
  docNumber: string | null;
}

const BRACKETS = /[\s〔〕[\]［］()（）【】{}]/u;
const BRACKETS_ALL = new RegExp(BRACKETS.source, 'gu');
const SHORT_NUMBER = /(?<!\d)(?:((?:19|20)\d{2})\s*)?(\d{1,4})\s*号文?/u;

/**
 * The documents a question names by 文号: written whole with any brackets or spaces (津质量发〔2023〕3号,
 * 津质量发2023 3号), or short, as the number and perhaps the year (95号文, 22号), with the issuer's code before
 * it (津政发22号) when one document has that number. Each found stretch is taken out of the text: it is no topic.
 */
export class DocumentNumbers<T extends NumberedDocument> {
  private readonly whole: { document: T; key: string; pattern: RegExp }[];
  private readonly short: { document: T; year: string; serial: string; prefix: string[] }[];

  constructor(documents: readonly T[]) {
    const numbered = documents.filter((document) => document.docNumber);
    this.whole = numbered.map((document) => {
      const key = withoutBrackets(normalizeText(document.docNumber!).toLowerCase());
      return { document, key, pattern: new RegExp([...key].map(escapePattern).join(`${BRACKETS.source}*`), 'u') };
    });
    this.short = numbered.flatMap((document) => {
      const parts = /〔(\d{4})〕(\d+)号/u.exec(document.docNumber!);
      return parts ? [{ document, year: parts[1]!, serial: parts[2]!, prefix: [...normalizeText(document.docNumber!.split('〔')[0] ?? '').toLowerCase()] }] : [];
    });
  }

  read(text: string): { whole: T[]; short: T[]; rest: string } {
    let rest = text;
    const whole = this.whole.filter(({ key }) => withoutBrackets(rest).includes(key));
    for (const { pattern } of whole) rest = rest.replace(pattern, ' ');
    const short = this.readShort(rest);
    return { whole: whole.map(({ document }) => document), short: short.documents, rest: short.rest };
  }

  private readShort(text: string): { documents: T[]; rest: string } {
    const match = SHORT_NUMBER.exec(text);
    if (!match) return { documents: [], rest: text };
    const [, year, serial] = match;
    const found = this.short.filter((each) => each.serial === serial && (year === undefined || each.year === year));
    if (found.length !== 1) return { documents: [], rest: text };
    // 津政发22号: the issuer's code written before the number belongs to it, not to the topic.
    const before = text.slice(0, match.index).trimEnd();
    const { prefix } = found[0]!;
    let start = match.index;
    for (let length = prefix.length; length >= 2; length -= 1) {
      if (before.endsWith(prefix.slice(-length).join(''))) {
        start = before.length - length;
        break;
      }
    }
    return { documents: [found[0]!.document], rest: `${text.slice(0, start)} ${text.slice(match.index + match[0].length)}` };
  }
}

export function withoutBrackets(text: string): string {
  return text.replace(BRACKETS_ALL, '');
}
