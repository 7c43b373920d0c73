import { formatChineseNumeral } from '../src/domain/corpus/chinese-numerals.ts';
import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import type { EvalItem } from './eval-set.ts';
import { percentile } from './report-table.ts';
import { groupBy, retrievalMetrics, type RetrievalMetrics } from './retrieval-metrics.ts';

/** What the runner needs from a chat reply, whether it came in-process or over HTTP. */
export interface ObservedReply {
  answer: string;
  notFound: boolean;
  /** Why the answer was "not found" (kind and detail), when it was. */
  notFoundReason?: { kind: string; detail?: string } | null;
  /** The answer kind the assistant chose (lead, figure, unit-check, …). */
  answerKind?: string;
  citations: { clauseId: string; n?: number; text?: string }[];
  retrieved: string[];
  backend: string;
}

export interface ItemVerdict {
  item: EvalItem;
  reply: ObservedReply | null;
  /** Set when the pipeline failed for this item; such an item counts as wrong. */
  error: string | null;
  latencyMs: number;
  answerable: boolean;
  cited: string[];
  citedGold: boolean;
  missingKeys: string[];
  forbiddenFound: string[];
  /** For yes/no items: the verdict the answer opens with, or null when it opens with neither. */
  yesNo: 'yes' | 'no' | null;
  /** For how-many items: whether the answer states the expected number. */
  countStated: boolean | null;
  /** For items that name their documents: documents cited that should not be, and ones missing. */
  documentsMissing: string[];
  documentsExtra: string[];
  correct: boolean;
}

/**
 * Keys are compared on normalised text: an answer may quote the Traditional or Taiwan wording of
 * a source while the key is written in Simplified, and both say the same thing.
 */
export function judgeItem(item: EvalItem, reply: ObservedReply | null, latencyMs: number, error: string | null = null): ItemVerdict {
  const answerable = !item.expectNotFound;
  const cited = reply ? [...new Set(reply.citations.map((citation) => citation.clauseId))] : [];
  const answer = reply ? normalizeText(reply.answer).toLowerCase() : '';
  const missingKeys = reply ? item.keys.filter((key) => !answer.includes(normalizeText(key).toLowerCase())) : [...item.keys];
  const forbiddenFound = reply ? (item.forbidden ?? []).filter((text) => answer.includes(normalizeText(text).toLowerCase())) : [];
  // Metadata items (文号, issuer) are answered from the document record: no clause holds the value.
  // "Which documents mention X" is about documents: any clause of each gold document will do.
  const citedGold =
    item.gold.length === 0 ||
    item.goldDocuments !== undefined ||
    (item.goldMode === 'all' ? item.gold.every((id) => cited.includes(id)) : cited.some((id) => item.gold.includes(id)));
  const yesNo = reply && item.expectYesNo ? openingVerdict(reply.answer) : null;
  const countStated = reply && item.expectCount !== undefined ? statesCount(answer, item.expectCount) : null;
  const citedDocuments = new Set(cited.map((id) => id.split(':')[0]!));
  const documentsMissing = item.goldDocuments ? item.goldDocuments.filter((id) => !citedDocuments.has(id)) : [];
  const documentsExtra = item.goldDocuments ? [...citedDocuments].filter((id) => !item.goldDocuments!.includes(id)) : [];
  const answered =
    !reply?.notFound &&
    citedGold &&
    missingKeys.length === 0 &&
    forbiddenFound.length === 0 &&
    (item.expectYesNo === undefined || yesNo === item.expectYesNo) &&
    countStated !== false &&
    documentsMissing.length === 0 &&
    documentsExtra.length === 0;
  const correct = reply !== null && (answerable ? answered : reply.notFound);
  return { item, reply, error, latencyMs, answerable, cited, citedGold, missingKeys, forbiddenFound, yesNo, countStated, documentsMissing, documentsExtra, correct };
}

/** The verdict a yes/no answer opens with: 是/对/有/Yes, or 不是/否/不/没有/No. */
export function openingVerdict(answer: string): 'yes' | 'no' | null {
  const opening = normalizeText(answer).trim().replace(/^[*_#>\s]+/u, '').toLowerCase();
  if (/^(不是|否|不|没有|没|未|no\b|not\b)/u.test(opening)) return 'no';
  if (/^(是|对|有|yes\b)/u.test(opening)) return 'yes';
  return null;
}


/** Whether an answer states a count: as digits, in Chinese numerals before a measure word, or as "none" for 0. */
export function statesCount(normalizedAnswer: string, count: number): boolean {
  if (new RegExp(`(?<![\\d.])${count}(?![\\d.%])`, 'u').test(normalizedAnswer)) return true;
  if (new RegExp(`(?<![一二三四五六七八九十])${formatChineseNumeral(count)}(?:个|项|家|条|份|类|大|种|件|所|部门|单位)`, 'u').test(normalizedAnswer)) return true;
  return count === 0 && /没有|无|none|no clause|not lead|leads no|does not lead/u.test(normalizedAnswer);
}

export interface AnswerMetrics {
  count: number;
  correct: number;
  retrieval: RetrievalMetrics;
  citationPrecision: number;
  citationRecall: number;
  keyAccuracy: number;
  /** Share of unanswerable items answered with not-found; null when the group has none. */
  notFoundAccuracy: number | null;
  /** Share of answerable items wrongly answered with not-found. */
  falseNotFound: number | null;
  latencyP50: number;
  latencyP95: number;
  errors: number;
}

export interface AnswerSummary {
  overall: AnswerMetrics;
  byLanguage: Record<string, AnswerMetrics>;
  byKind: Record<string, AnswerMetrics>;
}

export function summarize(verdicts: ItemVerdict[]): AnswerSummary {
  const grouped = (key: (verdict: ItemVerdict) => string) =>
    Object.fromEntries([...groupBy(verdicts, key)].sort(([left], [right]) => left.localeCompare(right)).map(([name, list]) => [name, metricsOf(list)]));
  return { overall: metricsOf(verdicts), byLanguage: grouped((verdict) => verdict.item.language), byKind: grouped((verdict) => verdict.item.kind) };
}

function metricsOf(verdicts: ItemVerdict[]): AnswerMetrics {
  const answerable = verdicts.filter((verdict) => verdict.answerable);
  const unanswerable = verdicts.filter((verdict) => !verdict.answerable);
  const withGold = answerable.filter((verdict) => verdict.item.gold.length > 0);
  const precisions = withGold.map((verdict) => (verdict.cited.length === 0 ? 0 : verdict.cited.filter((id) => verdict.item.gold.includes(id)).length / verdict.cited.length));
  const recalls = withGold.map((verdict) => verdict.item.gold.filter((id) => verdict.cited.includes(id)).length / verdict.item.gold.length);
  const latencies = verdicts.filter((verdict) => verdict.reply).map((verdict) => verdict.latencyMs).sort((left, right) => left - right);
  return {
    count: verdicts.length,
    correct: share(verdicts, (verdict) => verdict.correct),
    retrieval: retrievalMetrics(withGold.map((verdict) => ({ group: '', gold: verdict.item.gold, ranked: verdict.reply?.retrieved ?? [] }))),
    citationPrecision: mean(precisions),
    citationRecall: mean(recalls),
    keyAccuracy: share(answerable, (verdict) => verdict.reply !== null && verdict.missingKeys.length === 0),
    notFoundAccuracy: unanswerable.length === 0 ? null : share(unanswerable, (verdict) => verdict.reply?.notFound === true),
    falseNotFound: answerable.length === 0 ? null : share(answerable, (verdict) => verdict.reply?.notFound === true),
    latencyP50: percentile(latencies, 0.5),
    latencyP95: percentile(latencies, 0.95),
    errors: verdicts.filter((verdict) => verdict.error !== null).length,
  };
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
