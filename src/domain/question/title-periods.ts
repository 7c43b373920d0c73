import { normalizeText } from '../corpus/text-normalizer.ts';

/**
 * The period a plan's title gives (行动实施方案（2023—2025年）), as a question names the plan by it:
 * "the 2023-2025 plan", 23-25年那个方案. Such a period is the document's name, not a year asked about:
 * its end is no deadline of the asked fact.
 */
const PERIOD = /((?:19|20)\d{2})\s*年?\s*(?:[-—–~至到]|to)\s*((?:19|20)?\d{2})\s*年?/giu;

export interface TitlePeriod {
  /** The period as the question writes it. */
  text: string;
  /** The documents whose title gives that period. */
  documentIds: string[];
}

export function readTitlePeriod(text: string, documents: { id: string; title?: string }[]): TitlePeriod | null {
  for (const match of text.matchAll(PERIOD)) {
    const start = match[1]!;
    const end = match[2]!.length === 2 ? `${start.slice(0, 2)}${match[2]}` : match[2]!;
    const titled = documents.filter((document) => periodsOf(document.title ?? '').some(([from, to]) => from === start && to === end));
    if (titled.length > 0) return { text: match[0].trim(), documentIds: titled.map((document) => document.id) };
  }
  return null;
}

function periodsOf(title: string): [string, string][] {
  return [...normalizeText(title).matchAll(/((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})/gu)].map((match) => [match[1]!, match[2]!]);
}
