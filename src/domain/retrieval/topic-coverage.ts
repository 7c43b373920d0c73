import type { TranslatedTerm } from '../question/question-frame.ts';

/**
 * How much of what the question asks about a text holds: the test for "the documents do not cover
 * this", and for which sentence of a clause answers. Unlike BM25's own coverage, words the corpus
 * never uses count against the match (个人所得税, cryptocurrency), and the alternative translations
 * of one English word count once. Each word is matched by its character bigrams, each weighted by
 * its idf, so a word segmented differently in the question and the clause still matches. Groups
 * carry their weights, so texts can be scored without the index (sentences, by the answerer).
 */
export type { TopicGroup, WeightedUnit } from './retrieval-types.ts';
import type { TopicGroup, WeightedUnit } from './retrieval-types.ts';

export interface TermStatistics {
  /** idf of a unit in the corpus, undefined when the corpus never uses it. */
  idf(unit: string): number | undefined;
  /** idf given to units the corpus never uses: the highest possible. */
  readonly unseenIdf: number;
}

export function unitsOf(term: string): string[] {
  if (!/\p{Script=Han}/u.test(term) || term.length <= 2) return [term];
  const units: string[] = [];
  for (let index = 0; index < term.length - 1; index += 1) units.push(term.slice(index, index + 2));
  return units;
}

function weighted(units: string[], statistics: TermStatistics): WeightedUnit[] {
  return units.map((unit) => ({ unit, idf: statistics.idf(unit) ?? statistics.unseenIdf }));
}

export function chineseGroups(words: string[], statistics: TermStatistics): TopicGroup[] {
  return words.map((word) => {
    const units = weighted(unitsOf(word), statistics);
    return { label: word, weight: meanIdf(units), alternatives: [units] };
  });
}

export function englishGroups(translation: TranslatedTerm[], statistics: TermStatistics): TopicGroup[] {
  const byWord = new Map<string, TranslatedTerm[]>();
  for (const term of translation) byWord.set(term.english, [...(byWord.get(term.english) ?? []), term]);
  return [...byWord].map(([english, terms]) => {
    const alternatives = terms.map((term) => weighted(unitsOf(term.chinese), statistics));
    // Chinese written in an English question (“双百标杆”) is matched as Chinese.
    const known = terms.some((term) => term.source === 'glossary' || term.source === 'dictionary' || /\p{Script=Han}/u.test(term.chinese));
    // An English word with no Chinese counterpart in the corpus is a topic the corpus lacks.
    // Half weight: English questions carry more frame words (aim, set, overall) than Chinese ones.
    const weight = known ? Math.max(...terms.map((term) => term.weight)) * Math.min(...alternatives.map(meanIdf)) : statistics.unseenIdf / 2;
    return { label: english, weight, alternatives: known ? alternatives : [[{ unit: `\u0000${english}`, idf: statistics.unseenIdf }]] };
  });
}

/** Weighted share of the question's groups found in the text, 0…1. */
export function topicShare(groups: TopicGroup[], text: string): number {
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  if (total === 0) return 0;
  let matched = 0;
  for (const group of groups) matched += group.weight * Math.max(...group.alternatives.map((units) => unitShare(units, text)));
  return matched / total;
}

/** The groups the text holds (fully), for explanations. */
export function groupsFound(groups: TopicGroup[], text: string): string[] {
  return groups.filter((group) => group.alternatives.some((units) => unitShare(units, text) >= 0.99)).map((group) => group.label);
}

function unitShare(units: WeightedUnit[], text: string): number {
  let total = 0;
  let found = 0;
  for (const { unit, idf } of units) {
    total += idf;
    if (text.includes(unit)) found += idf;
  }
  return total === 0 ? 0 : found / total;
}

function meanIdf(units: WeightedUnit[]): number {
  if (units.length === 0) return 0;
  return units.reduce((sum, unit) => sum + unit.idf, 0) / units.length;
}
