import { parseChineseNumeral } from '../corpus/chinese-numerals.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import cues from './question-cues.json' with { type: 'json' };

/**
 * Values a question states to check them (汕尾的目标是95%对吧? Is Tianjin's target 98%? 每年抽查不少于3万批次，
 * 对吗?): rates, amounts and quantities with their measure. Not bare counts or years, which a question
 * writes as its scope (天津14年的意见) or its ask (几个). Read once, into the frame; the answer compares
 * them with the value the clause sets.
 */
export interface StatedValue {
  /** As the question writes it, spaces dropped (95%, 3万批次, 100万元). */
  text: string;
  kind: 'figure' | 'money';
  /** The measure it is in (%, 批次, 元): what an asked figure must be in. */
  measure: string;
}

// Measures of a checked value; 个 and 年 are left out, as they write counts and years.
const MEASURES = '%|‰|个百分点|倍|元|批次|家|项|件|台|所|座|处|小时';
const STATED = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(万|亿)?\\s*(${MEASURES})`, 'gu');
const ENGLISH_PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*(?:per\s*cent|percent)\b/gu;

export function readStatedValues(normalizedQuestion: string): StatedValue[] {
  const text = normalizedQuestion.replace(ENGLISH_PERCENT, '$1%');
  return [...text.matchAll(STATED)].map((match) => ({
    text: match[0].replace(/\s+/gu, ''),
    kind: match[3] === '元' ? 'money' : 'figure',
    measure: match[3]!,
  }));
}

/**
 * The same value, as a number in its measure: 3万批次 is 30000 批次, 4萬批次 (normalised: any script) 40000, 95%
 * is not 98.5%. A value whose measure the other does not write compares by number alone.
 */
export function sameValue(stated: string, written: string): boolean {
  const read = (value: string) => {
    const match = new RegExp(`(\\d+(?:\\.\\d+)?)(万|亿)?(${MEASURES})?`, 'u').exec(normalizeText(value).replace(/\s+/gu, ''));
    if (!match) return undefined;
    return { amount: Number(match[1]) * (match[2] === '万' ? 1e4 : match[2] === '亿' ? 1e8 : 1), measure: match[3] };
  };
  const left = read(stated);
  const right = read(written);
  if (!left || !right) return false;
  return Math.abs(left.amount - right.amount) < 1e-9 && (!left.measure || !right.measure || left.measure === right.measure);
}

/** A number of units a yes/no question states (是三个单位负责吧? are four agencies responsible?), as written and as a number. */
export interface StatedUnitCount {
  text: string;
  count: number;
}

const ENGLISH_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
// Not 同一个单位, 哪个部门, 每个局: the number must count the units, not pick one out.
// The unit nouns a count asks about (question-cues.json counts.unitNouns), plurals in English; a one-character one (局)
// too easily ends another word (三个局 is rare, 第三个结局 is not).
const UNIT_NOUNS = cues.counts.unitNouns;
const CHINESE_UNIT_NOUNS = UNIT_NOUNS.filter((noun) => /^\p{Script=Han}{2,}$/u.test(noun)).sort((left, right) => right.length - left.length);
const ENGLISH_UNIT_NOUNS = UNIT_NOUNS.filter((noun) => /^[a-z]+s$/u.test(noun));
const CHINESE_UNIT_COUNT = new RegExp(`(?<![同哪每这那某几第])(\\d{1,2}|[一二两三四五六七八九十]{1,3})\\s*[个家]?\\s*(?:${CHINESE_UNIT_NOUNS.join('|')})`, 'u');
const ENGLISH_UNIT_COUNT = new RegExp(`\\b(\\d{1,2}|${Object.keys(ENGLISH_NUMBERS).join('|')})\\s+(?:[a-z-]+\\s+)?(?:${ENGLISH_UNIT_NOUNS.join('|')})\\b`, 'u');

export function readStatedUnitCount(text: string, english: boolean): StatedUnitCount | null {
  const match = (english ? ENGLISH_UNIT_COUNT : CHINESE_UNIT_COUNT).exec(text);
  if (!match) return null;
  const written = match[1]!;
  const count = /^\d+$/u.test(written) ? Number(written) : english ? ENGLISH_NUMBERS[written] : parseChineseNumeral(written);
  return count === undefined || count === 0 ? null : { text: match[0], count };
}
