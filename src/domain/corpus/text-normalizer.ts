import * as OpenCC from 'opencc-js';
import taiwanTerms from './taiwan-terms.json' with { type: 'json' };

/**
 * Normalised form used for indexing and matching: Simplified script, mainland wording,
 * half-width punctuation and no layout whitespace between Chinese characters.
 * Display text is never passed through here; the source's own wording is kept for quoting.
 */

// Character conversion only; Taiwan phrases (智慧財產權, 積體電路) are mapped by our own term list,
// because OpenCC's Taiwan phrase table rewrites ordinary words (建立→创建, 整合→集成).
const taiwanCharacters = OpenCC.Converter({ from: 'tw', to: 'cn' });
const traditionalToSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const TERMS = Object.entries(taiwanTerms.terms as Record<string, string>).sort(([left], [right]) => right.length - left.length);
const TERM_PATTERN = new RegExp(TERMS.map(([from]) => from).join('|'), 'gu');
const TERM_MAP = new Map(TERMS);

function mainlandWording(text: string): string {
  return text.replace(TERM_PATTERN, (term) => TERM_MAP.get(term) ?? term);
}

const HAN = /\p{Script=Han}/u;
const HAN_GLOBAL = /\p{Script=Han}/gu;

export type Script = 'traditional' | 'simplified';

/** A text is Traditional when a noticeable share of its Han characters change under conversion. */
export function detectScript(text: string): Script {
  const sample = text.slice(0, 20_000);
  const han = sample.match(HAN_GLOBAL) ?? [];
  if (han.length === 0) return 'simplified';
  const converted = traditionalToSimplified(han.join(''));
  let changed = 0;
  for (let index = 0; index < han.length; index += 1) {
    if (converted[index] !== han[index]) changed += 1;
  }
  return changed / han.length > 0.03 ? 'traditional' : 'simplified';
}

export function toSimplified(text: string, script: Script = detectScript(text)): string {
  return mainlandWording(script === 'traditional' ? taiwanCharacters(text) : traditionalToSimplified(text));
}

/**
 * Display text for a reader of Simplified Chinese: a Traditional source's characters converted one
 * for one, its words and punctuation kept (a quote still says what the document says, in the
 * reader's script). Simplified text is returned as it is.
 */
export function simplifiedForDisplay(text: string): string {
  const known = displayed.get(text);
  if (known !== undefined) return known;
  const shown: string = detectScript(text) === 'traditional' ? taiwanCharacters(text) : text;
  // Asked for the same clause texts answer after answer (citations, document pages): each is
  // converted once. The texts come from a bounded corpus; the cap only guards against misuse.
  if (displayed.size >= DISPLAYED_CAP) displayed.clear();
  displayed.set(text, shown);
  return shown;
}

const DISPLAYED_CAP = 50_000;
const displayed = new Map<string, string>();

const FULL_WIDTH_PUNCTUATION: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '：': ':', '；': ';', '！': '!', '？': '?',
  '［': '[', '］': ']', '｛': '{', '｝': '}', '％': '%', '／': '/', '＋': '+', '－': '-', '．': '.',
};

/** Unifies full-width/half-width forms so that 95号 and ９５号, （一） and (一) compare equal. */
export function unifyWidths(text: string): string {
  let result = '';
  for (const character of text) {
    const mapped = FULL_WIDTH_PUNCTUATION[character];
    if (mapped !== undefined) {
      result += mapped;
      continue;
    }
    const code = character.codePointAt(0)!;
    // Full-width ASCII letters and digits (Ｕ+FF10–FF5A) map to their ASCII counterparts.
    if (code >= 0xff10 && code <= 0xff5a && /[０-９Ａ-Ｚａ-ｚ]/u.test(character)) {
      result += String.fromCodePoint(code - 0xfee0);
      continue;
    }
    result += character === '\u3000' || character === '\u00a0' ? ' ' : character;
  }
  return result;
}

/** Removes spaces that only lay out Chinese text (产品 工程 → 产品工程), keeps spaces between Latin words. */
export function collapseLayoutSpaces(text: string): string {
  return text
    .replace(/[ \t]+/g, ' ')
    .replace(/ (?=\p{Script=Han}|[(),:;、。《》“”])/gu, (space, offset: number, whole: string) => {
      const previous = whole[offset - 1] ?? '';
      return HAN.test(previous) || /[(),:;、。《》“”]/u.test(previous) ? '' : space;
    })
    .replace(/(?<=\p{Script=Han}) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=\p{Script=Han})/gu, '')
    .trim();
}

export function normalizeText(text: string, script?: Script): string {
  return collapseLayoutSpaces(unifyWidths(toSimplified(text, script)));
}
