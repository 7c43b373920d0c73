import qualifierData from './value-qualifiers.json' with { type: 'json' };

/**
 * Values as an English reader needs them: an amount in yuan with its scale (100万元 → RMB 1
 * million), a date in English order (2023年9月4日 → 4 September 2023), a figure as written (94.8%
 * reads the same), and the words around a target that qualify it (力争 aims for, 以上 or more,
 * 不低于 at least). The qualifiers are a closed class of Chinese target phrasing, listed in
 * value-qualifiers.json.
 */
const SCALES: Record<string, number> = { 万: 1e4, 十万: 1e5, 百万: 1e6, 千万: 1e7, 亿: 1e8 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const QUALIFIERS = qualifierData.qualifiers as { zh: string; en: string; position: 'before' | 'after' }[];

export function englishAmount(value: string): string | null {
  // Traditional sources write 萬 and 億.
  const match = /^(\d+(?:\.\d+)?)\s*(十万|百万|千万|万|亿)?元$/u.exec(value.trim().replace(/萬/gu, '万').replace(/億/gu, '亿'));
  if (!match) return null;
  const yuan = Number(match[1]) * (match[2] ? SCALES[match[2]]! : 1);
  const scaled = (amount: number, unit: string) => `RMB ${Number(amount.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit}`;
  if (yuan >= 1e9) return scaled(yuan / 1e9, 'billion');
  if (yuan >= 1e6) return scaled(yuan / 1e6, 'million');
  return `RMB ${yuan.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
}

export function englishDate(value: string): string | null {
  const full = /^((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?$/u.exec(value.trim());
  if (full) {
    const month = MONTHS[Number(full[2]) - 1];
    if (!month) return null;
    return full[3] ? `${Number(full[3])} ${month} ${full[1]}` : `${month} ${full[1]}`;
  }
  const year = /^((?:19|20)\d{2})年(底|末)?$/u.exec(value.trim());
  if (year) return year[2] ? `the end of ${year[1]}` : year[1]!;
  const dayMonth = /^(\d{1,2})月(\d{1,2})日$/u.exec(value.trim());
  if (dayMonth && MONTHS[Number(dayMonth[1]) - 1]) return `${Number(dayMonth[2])} ${MONTHS[Number(dayMonth[1]) - 1]}`;
  return null;
}

/** The value in English: an amount or a date converted, anything else (94.8%, 50家) as written. */
export function englishValue(value: string): { text: string; kind: 'amount' | 'date' | 'figure' } {
  const amount = englishAmount(value);
  if (amount) return { text: amount, kind: 'amount' };
  const date = englishDate(value);
  if (date) return { text: date, kind: 'date' };
  return { text: value, kind: 'figure' };
}

/**
 * What the part around a value says of it, in English: "aims for … or more". Read from the words
 * next to the value in its part (制造业产品质量合格率力争达到94.8% → aims for).
 */
export function englishQualifiers(part: string, value: string): string[] {
  const at = part.indexOf(value);
  if (at < 0) return [];
  const before = part.slice(Math.max(0, at - 8), at);
  const after = part.slice(at + value.length, at + value.length + 4);
  return QUALIFIERS.filter((qualifier) => (qualifier.position === 'before' ? before.includes(qualifier.zh) : after.startsWith(qualifier.zh))).map((qualifier) => qualifier.en);
}
