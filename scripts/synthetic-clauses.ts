import type { StoredClause } from '../src/domain/ports/clause-store.ts';

/**
 * Synthetic clauses recombined from the seeds' sentences with a fixed seed, so vocabulary and
 * lengths stay realistic; each keeps the units of the clause it borrowed its first sentence from.
 * The benchmarks use them to see how cost grows with the size of the library.
 */
export function synthesizeClauses(seed: StoredClause[], size: number): StoredClause[] {
  const sentences = seed.flatMap((clause) => clause.normalizedText.split('。').filter((sentence) => sentence.length > 8));
  let state = 20261122;
  // 32-bit arithmetic: with doubles the products lose their low bits and the draws start repeating.
  const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  return Array.from({ length: size }, (_, index) => {
    const template = seed[index % seed.length]!;
    const count = 3 + Math.floor(random() * 6);
    const text = Array.from({ length: count }, () => sentences[Math.floor(random() * sentences.length)]).join('。');
    return { ...template, id: `${template.documentId}:synthetic-${index}`, text, normalizedText: text };
  });
}
