import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import type { EvalItem } from './eval-set.ts';
import { percentile } from './report-table.ts';
import { groupBy, retrievalMetrics, type RetrievalMetrics } from './retrieval-metrics.ts';

/** What the runner needs from a chat reply, whether it came in-process or over HTTP. */
export interface ObservedReply {
  answer: string;
  notFound: boolean;
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
  const citedGold = item.gold.length === 0 || cited.some((id) => item.gold.includes(id));
  const correct = reply !== null && (answerable ? !reply.notFound && citedGold && missingKeys.length === 0 && forbiddenFound.length === 0 : reply.notFound);
  return { item, reply, error, latencyMs, answerable, cited, citedGold, missingKeys, forbiddenFound, correct };
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
