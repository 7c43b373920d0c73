import { POLICY } from '../answer-policy.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import { topicShare, type TopicGroup } from '../retrieval/topic-coverage.ts';
import type { NumberedClause } from './answer-decision-types.ts';
import { rankSentencesByTopic } from './evidence.ts';

/**
 * Is the question's topic in the clauses retrieval found? A logistic model over a few features of
 * the frame and the best clauses, fitted by npm run fit:gate on questions generated from the corpus
 * itself (positives from each clause's own phrases, units and figures; negatives from topics, places
 * and years no document has); its weights are in answer-policy.json with what they were fitted on.
 */
export interface GateFeatures {
  /** Best share of the topic's weight one of the first clauses holds (words the corpus lacks count against). */
  coverage: number;
  /** The same for the best single sentence: a topic spread over a long clause is weaker. */
  sentenceShare: number;
  /** The same for the best clause's heading. */
  headingShare: number;
  /** Share of the topic words that no document uses and that are specific (无人机, not 事情). */
  unseenShare: number;
  /** 1 when some topic word is such a word. */
  hasUnseen: number;
  /** The same for English questions, whose "unseen" words are translations the corpus lacks: weaker evidence. */
  englishUnseenShare: number;
  englishHasUnseen: number;
  /** log(1 + number of topic words). */
  topicSize: number;
  /** 1 for English questions (translated, so coverage is noisier). */
  english: number;
}

export const FEATURE_NAMES: readonly (keyof GateFeatures)[] = ['coverage', 'sentenceShare', 'headingShare', 'unseenShare', 'hasUnseen', 'englishUnseenShare', 'englishHasUnseen', 'topicSize', 'english'];

export interface GateModel {
  weights: Record<keyof GateFeatures, number>;
  bias: number;
  /** Probability from which the topic counts as found. */
  threshold: number;
}

export function gateFeatures(frame: QuestionFrame, clauses: NumberedClause[], groups: TopicGroup[], scopeUnseen: readonly string[] = []): GateFeatures {
  const top = clauses.slice(0, POLICY.confidenceDepth);
  const best = top.reduce<NumberedClause | undefined>((chosen, clause) => (!chosen || clause.hit.coverage > chosen.hit.coverage ? clause : chosen), undefined);
  const words = frame.topic.words;
  // Unseen: no document uses it, or (asked of some documents) none of those does.
  const unseen = words.filter((word) => word.specific && (!word.seen || scopeUnseen.includes(word.word))).length;
  const english = frame.language === 'en';
  const unseenShare = words.length === 0 ? 0 : unseen / words.length;
  return {
    coverage: best?.hit.coverage ?? 0,
    sentenceShare: Math.max(0, ...top.map((clause) => rankSentencesByTopic(clause.hit.clause, groups)[0]?.share ?? 0)),
    headingShare: best?.hit.clause.heading ? topicShare(groups, best.hit.clause.heading.toLowerCase()) : 0,
    unseenShare: english ? 0 : unseenShare,
    hasUnseen: !english && unseen > 0 ? 1 : 0,
    englishUnseenShare: english ? unseenShare : 0,
    englishHasUnseen: english && unseen > 0 ? 1 : 0,
    topicSize: Math.log1p(groups.length),
    english: english ? 1 : 0,
  };
}

export function gateProbability(features: GateFeatures, model: GateModel): number {
  let z = model.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

export interface GateVerdict {
  open: boolean;
  probability: number;
  features: GateFeatures;
}

export function topicGate(frame: QuestionFrame, clauses: NumberedClause[], groups: TopicGroup[], scopeUnseen: readonly string[] = [], model: GateModel = POLICY.gate): GateVerdict {
  const features = gateFeatures(frame, clauses, groups, scopeUnseen);
  const probability = gateProbability(features, model);
  return { open: probability >= model.threshold, probability, features };
}
