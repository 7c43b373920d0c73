import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import { loadEvalSet } from './eval-set.ts';
import { SEEDS, seedStore } from './seed-store.ts';

const SETS = fileURLToPath(new URL('./sets/', import.meta.url));
const store = seedStore();
// Keys of metadata items (文号, issuer, dates) are checked against the document records.
const documentFacts = store
  .listDocuments()
  .flatMap((summary) => {
    const document = store.getDocument(summary.id)!;
    return [document.docNumber ?? '', document.issuer ?? '', document.date ?? '', ...document.facts.map((fact) => fact.value)];
  })
  .join('\n');
// Facts of a notice that no passage holds (a draft's contact phone) are checked against the source files.
const sourceText = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(`${SEEDS}${name}`, 'utf8'))
  .join('\n');
const documentIds = new Set(store.listDocuments().map((document) => document.id));

for (const file of readdirSync(SETS).filter((name) => name.endsWith('.jsonl'))) {
  describe(`eval/sets/${file}`, () => {
    const items = loadEvalSet(`${SETS}${file}`);

    it('has unique ids and covers all three languages', () => {
      expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      for (const language of ['zh-Hans', 'zh-Hant', 'en']) expect(items.some((item) => item.language === language)).toBe(true);
    });

    it.each(items.map((item) => [item.id, item] as const))('%s: gold clauses exist and hold the key strings', (_, item) => {
      if (item.expectNotFound) {
        expect(item.gold, `${item.id}: a not-found item has no gold clauses`).toEqual([]);
        expect(item.keys).toEqual([]);
        return;
      }
      expect(item.keys.length + item.gold.length, `${item.id}: an answerable item needs gold clauses or keys`).toBeGreaterThan(0);
      const clauses = store.getClauses(item.gold);
      expect(clauses.map((clause) => clause.id)).toEqual(item.gold);
      const haystack =
        item.gold.length > 0
          ? clauses.map((clause) => `${clause.normalizedText}\n${clause.units.map((unit) => unit.name).join('、')}`).join('\n')
          : normalizeText(`${documentFacts}\n${sourceText}`);
      for (const key of item.keys) expect(haystack, `${item.id} key ${key}`).toContain(normalizeText(key));
      if (item.kind === 'follow-up') expect(item.history?.some((turn) => turn.role === 'user')).toBe(true);
      for (const id of item.goldDocuments ?? []) expect(documentIds, `${item.id}: goldDocuments`).toContain(id);
    });
  });
}

describe('eval/sets/answers.jsonl', () => {
  it('has at least 100 items of every kind staff ask, in the three languages', () => {
    const items = loadEvalSet(`${SETS}answers.jsonl`);
    expect(items.length).toBeGreaterThanOrEqual(100);
    const kinds = new Set(items.map((item) => item.kind));
    for (const kind of ['lead', 'responsible', 'figure', 'content', 'metadata', 'cross-document', 'unanswerable', 'follow-up']) expect(kinds).toContain(kind);
    expect(items.filter((item) => item.expectNotFound).length).toBeGreaterThanOrEqual(15);
  });
});
