import { normalizeText } from '../corpus/text-normalizer.ts';

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
