/**
 * Where a question says who is asking (我是县市场监管局的, 我们是税务口的, We are Shanwei finance bureau):
 * a unit named there is the asker's, not the one asked about, when another unit is named as well
 * (我是县市场监管局的，…公安局也有份吗? checks 公安局). Alone, it is the subject (…哪些条款涉及我们?).
 */
const CHINESE = /(?:我们|咱们|我|咱|本人)(?:是|在|属于|来自)([^，,。；;？?！!]{2,24})/gu;
const ENGLISH = /\b(?:i am|i'm|we are|we're|this is)\s+(?:from\s+|with\s+|at\s+)?([^,.;:?!]{2,60})/gu;

/** The stretches [start, end) of the normalised, lower-cased question that introduce the asker. */
export function introductionSpans(text: string): [start: number, end: number][] {
  return [...text.matchAll(CHINESE), ...text.matchAll(ENGLISH)].map((match) => [match.index, match.index + match[0].length]);
}

/** The units found outside the asker's introduction, when there are any; else all of them. */
export function unitsAskedAbout<T extends { start: number; end: number }>(found: T[], text: string): T[] {
  const spans = introductionSpans(text);
  if (spans.length === 0) return found;
  const outside = found.filter(({ start, end }) => !spans.some(([from, to]) => start >= from && end <= to));
  return outside.length > 0 ? outside : found;
}
