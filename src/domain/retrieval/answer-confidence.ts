import type { TranslatedTerm } from './english-translator.ts';

/**
 * How much of what the question asks about a clause actually contains: the answerer's test for
 * "the documents do not cover this". Unlike BM25's own coverage, words the corpus never uses
 * count against the match (个人所得税, cryptocurrency), and the alternative translations of one
 * English word count once. Each question word is matched by its character bigrams, so a word
 * segmented differently in the question and the clause still matches.
 */
export interface QuestionGroup {
  /** Question word or English word, for explanations. */
  label: string;
  weight: number;
  /** Alternative spellings (translations); each is a list of units (bigrams, numbers, words). */
  alternatives: string[][];
}

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

export function chineseGroups(words: string[], statistics: TermStatistics): QuestionGroup[] {
  return words.map((word) => {
    const units = unitsOf(word);
    return { label: word, weight: meanIdf(units, statistics), alternatives: [units] };
  });
}

export function englishGroups(translation: TranslatedTerm[], statistics: TermStatistics): QuestionGroup[] {
  const byWord = new Map<string, TranslatedTerm[]>();
  for (const term of translation) byWord.set(term.english, [...(byWord.get(term.english) ?? []), term]);
  return [...byWord].map(([english, terms]) => {
    const alternatives = terms.map((term) => unitsOf(term.chinese));
    const known = terms.some((term) => term.source !== 'literal');
    // An English word with no Chinese counterpart in the corpus is a topic the corpus lacks.
    // Half weight: English questions carry more frame words (aim, set, overall) than Chinese ones.
    const weight = known ? Math.max(...terms.map((term) => term.weight)) * Math.min(...alternatives.map((units) => meanIdf(units, statistics))) : statistics.unseenIdf / 2;
    return { label: english, weight, alternatives: known ? alternatives : [[`\u0000${english}`]] };
  });
}

/** Weighted share of the question's groups found in the text, 0…1. */
export function groupCoverage(groups: QuestionGroup[], text: string, statistics: TermStatistics): number {
  const total = groups.reduce((sum, group) => sum + group.weight, 0);
  if (total === 0) return 0;
  let matched = 0;
  for (const group of groups) {
    const best = Math.max(...group.alternatives.map((units) => unitShare(units, text, statistics)));
    matched += group.weight * best;
  }
  return matched / total;
}

function unitShare(units: string[], text: string, statistics: TermStatistics): number {
  let total = 0;
  let found = 0;
  for (const unit of units) {
    const idf = statistics.idf(unit) ?? statistics.unseenIdf;
    total += idf;
    if (text.includes(unit)) found += idf;
  }
  return total === 0 ? 0 : found / total;
}

function meanIdf(units: string[], statistics: TermStatistics): number {
  if (units.length === 0) return 0;
  return units.reduce((sum, unit) => sum + (statistics.idf(unit) ?? statistics.unseenIdf), 0) / units.length;
}
