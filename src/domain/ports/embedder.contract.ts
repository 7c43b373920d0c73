import { describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.ts';

/** What every Embedder must do; each implementation runs this suite against itself. */
export function embedderContract(name: string, createEmbedder: () => Promise<Embedder>) {
  describe(`Embedder contract: ${name}`, () => {
    const norm = (vector: Float32Array) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

    it('returns one unit vector of the declared size per text', async () => {
      const embedder = await createEmbedder();
      const vectors = await embedder.embedPassages(['乳制品质量安全提升行动', '建筑工程质量评价制度', '计量']);
      expect(vectors).toHaveLength(3);
      for (const vector of vectors) {
        expect(vector).toHaveLength(embedder.dimensions);
        expect(norm(vector)).toBeCloseTo(1, 4);
      }
    });

    it('is deterministic and independent of batching', async () => {
      const embedder = await createEmbedder();
      const texts = Array.from({ length: 40 }, (_, index) => `质量提升行动第${index}项`);
      const together = await embedder.embedPassages(texts);
      const alone = await embedder.embedPassages([texts[17]!]);
      expect(together[17]).toHaveLength(alone[0]!.length);
      together[17]!.forEach((value, index) => expect(value).toBeCloseTo(alone[0]![index]!, 4));
    });

    it('returns nothing for no texts', async () => {
      const embedder = await createEmbedder();
      expect(await embedder.embedQueries([])).toEqual([]);
    });
  });
}
