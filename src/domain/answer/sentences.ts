import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import { normalizeText, unifyWidths } from '../corpus/text-normalizer.ts';
import type { StoredClause } from '../ports/clause-store.ts';

/**
 * Sentences of a clause as written (display text), each with its normalised form for matching.
 * The responsibility annotation at the end is not a sentence of policy: it is answered from the
 * parsed unit list, so it is cut off here.
 */
export interface Sentence {
  text: string;
  normalized: string;
}

const SENTENCE = /[^。；！？;!?\n]+[。；！？;!?]?/gu;

// Clauses are loaded once and never change while the process runs; splitting and normalising
// (OpenCC) their sentences once each keeps that work off every later request.
const sentencesByClause = new WeakMap<StoredClause, Sentence[]>();

export function clauseSentences(clause: StoredClause): Sentence[] {
  let sentences = sentencesByClause.get(clause);
  if (!sentences) {
    sentences = splitSentences(clause.text);
    sentencesByClause.set(clause, sentences);
  }
  return sentences;
}

/** A text's sentences as the answers quote them (cut after 。；！？, trimmed). */
export function sentenceTexts(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((each) => each.trim()).filter((each) => each !== '');
}

function splitSentences(displayText: string): Sentence[] {
  // unifyWidths maps character for character, so offsets found in it hold for the display text.
  const annotation = findResponsibilityAnnotation(unifyWidths(displayText));
  const body = annotation ? displayText.slice(0, annotation.start) : displayText;
  return sentenceTexts(body)
    .filter((text) => /\p{Script=Han}|\d/u.test(text))
    .map((text) => ({ text, normalized: normalizeText(text) }));
}

export interface SentenceScore {
  sentence: Sentence;
  index: number;
  score: number;
}

/** Weighted share of the question's terms that the sentence contains. */
export function scoreSentence(sentence: Sentence, terms: { term: string; weight: number }[]): number {
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  if (total === 0) return 0;
  const matched = terms.filter((term) => sentence.normalized.includes(term.term)).reduce((sum, term) => sum + term.weight, 0);
  return matched / total;
}

export function rankSentences(sentences: Sentence[], terms: { term: string; weight: number }[], accept: (sentence: Sentence) => boolean = () => true): SentenceScore[] {
  return sentences
    .map((sentence, index) => ({ sentence, index, score: scoreSentence(sentence, terms) }))
    .filter(({ sentence }) => accept(sentence))
    .sort((left, right) => right.score - left.score || left.index - right.index);
}

/**
 * Figures: percentages, counts with a measure word, ratios, amounts; a list of numbers sharing one
 * measure (80、250小时) is one figure. A year (到2025年) is when, not how much: it is no figure.
 */
export const FIGURE =
  /(?<![\d.])(?!(?:19|20)\d{2}\s*年)\d+(?:\.\d+)?(?:[、和]\d+(?:\.\d+)?)*\s*(?:(?:万|亿)(?:元|批次|项|个|家|件|人|次)?|%|‰|个百分点|元|批次|项|个|家|次|台|件|所|人|名|倍|天|年|小时|座|处|届)|[一二三四五六七八九十百千万]+(?:个|项|家|所|名|次|大|届)|[十百千万亿]+级/u;
/** A target set for a year (到2025年): the plan's goals; the year is the first group. */
export const TARGET_YEAR = /到((?:19|20)\d{2})年/u;
export const MONEY = /\d+(?:\.\d+)?\s*(?:万|亿)?元/u;
export const DATE = /(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/u;
