import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEvalSet } from './eval-set.ts';
import { seedStore } from './seed-store.ts';

const DEV_SET = fileURLToPath(new URL('./sets/dev.jsonl', import.meta.url));

describe('eval/sets/dev.jsonl', () => {
  const items = loadEvalSet(DEV_SET);
  const store = seedStore();

  it('has unique ids and covers all three languages', () => {
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
    for (const language of ['zh-Hans', 'zh-Hant', 'en']) expect(items.some((item) => item.language === language)).toBe(true);
  });

  it.each(items.map((item) => [item.id, item] as const))('%s: gold clauses exist and hold the key strings', (_, item) => {
    const clauses = store.getClauses(item.gold);
    expect(clauses.map((clause) => clause.id)).toEqual(item.gold);
    const haystack = clauses.map((clause) => `${clause.text}\n${clause.normalizedText}\n${clause.units.map((unit) => unit.name).join('、')}`).join('\n');
    for (const key of item.keys) expect(haystack, `${item.id} key ${key}`).toContain(key);
  });
});
