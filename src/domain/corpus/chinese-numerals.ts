const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses the numerals used to number sections and clauses (一 … 九十九). */
export function parseChineseNumeral(numeral: string): number | undefined {
  if (numeral.length === 0) return undefined;
  const tenIndex = numeral.indexOf('十');
  if (tenIndex === -1) {
    return numeral.length === 1 ? DIGITS[numeral] : undefined;
  }
  const tensPart = numeral.slice(0, tenIndex);
  const unitsPart = numeral.slice(tenIndex + 1);
  const tens = tensPart === '' ? 1 : DIGITS[tensPart];
  const units = unitsPart === '' ? 0 : DIGITS[unitsPart];
  if (tens === undefined || units === undefined || tensPart.length > 1 || unitsPart.length > 1) return undefined;
  return tens * 10 + units;
}

const WRITTEN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The inverse, for 0 … 99: 3 → 三, 12 → 十二, 20 → 二十 (section numerals, counts in answers). */
export function formatChineseNumeral(value: number): string {
  if (value < 10) return WRITTEN[value]!;
  const ones = value % 10 === 0 ? '' : WRITTEN[value % 10]!;
  return value < 20 ? `十${ones}` : `${WRITTEN[Math.floor(value / 10)]}十${ones}`;
}

export const CHINESE_NUMERAL_CLASS = '[一二三四五六七八九十]';
