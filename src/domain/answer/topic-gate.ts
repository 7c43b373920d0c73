import { POLICY } from '../answer-policy.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { TopicGroup } from '../retrieval/topic-coverage.ts';
import type { NumberedClause } from './answer-decision-types.ts';
import { rankSentencesByTopic } from './evidence.ts';

/**
 * Is the question's topic in the clauses retrieval found? A logistic model over a few features of
 * the frame and the best clauses, fitted by npm run fit:gate on questions generated from the corpus
 * itself (positives from each clause's own phrases, units and figures; negatives from topics, places
 * and years no document has); its weights are in answer-policy.json with what they were fitted on.
 */
export interface GateFeatures {
  /**
   * How well the best of the first clauses fits the topic: the mean of its coverage (share of the
   * topic's weight it holds, words the corpus lacks counting against it) and its best sentence's share.
   */
  fit: number;
  /** Share of the topic words that no (searched) document uses and that are specific (无人机, not 事情). */
  unseenShare: number;
  /** 1 when some topic word is such a word. */
  hasUnseen: number;
  /** The same three for English questions, whose fit and unseen words come through translation: weaker evidence. */
  englishFit: number;
  englishUnseenShare: number;
  englishHasUnseen: number;
  /** log(1 + number of topic words). */
  topicSize: number;
  /** 1 for English questions. */
  english: number;
}

export const FEATURE_NAMES: readonly (keyof GateFeatures)[] = ['fit', 'unseenShare', 'hasUnseen', 'englishFit', 'englishUnseenShare', 'englishHasUnseen', 'topicSize', 'english'];

export interface GateModel {
  weights: Record<keyof GateFeatures, number>;
  bias: number;
  /** Probability from which the topic counts as found. */
  threshold: number;
}

/** What the gate reads of retrieval's result besides the numbered clauses. */
export interface GateEvidence {
  groups: TopicGroup[];
  /** Specific topic words the corpus uses but the searched documents do not. */
  scopeUnseen: readonly string[];
}

export function gateFeatures(frame: QuestionFrame, clauses: NumberedClause[], evidence: GateEvidence): GateFeatures {
  const { groups, scopeUnseen } = evidence;
  const top = clauses.slice(0, POLICY.confidenceDepth);
  const best = top.reduce<NumberedClause | undefined>((chosen, clause) => (!chosen || clause.hit.coverage > chosen.hit.coverage ? clause : chosen), undefined);
  const words = frame.topic.words;
  // Unseen: no document uses it, or (asked of some documents) none of those does.
  const unseen = words.filter((word) => word.specific && (!word.seen || scopeUnseen.includes(word.word))).length;
  const english = frame.language === 'en';
  const unseenShare = words.length === 0 ? 0 : unseen / words.length;
  const fit = ((best?.hit.coverage ?? 0) + Math.max(0, ...top.map((clause) => rankSentencesByTopic(clause.hit.clause, groups)[0]?.share ?? 0))) / 2;
  return {
    fit: english ? 0 : fit,
    unseenShare: english ? 0 : unseenShare,
    hasUnseen: !english && unseen > 0 ? 1 : 0,
    englishFit: english ? fit : 0,
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

export function topicGate(frame: QuestionFrame, clauses: NumberedClause[], evidence: GateEvidence, model: GateModel = POLICY.gate): GateVerdict {
  const features = gateFeatures(frame, clauses, evidence);
  const probability = gateProbability(features, model);
  return { open: probability >= model.threshold, probability, features };
}
