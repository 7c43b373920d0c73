import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { readSeeds } from '../src/test-support/seed-files.ts';
import { normalizeText } from '../src/domain/corpus/text-normalizer.ts';
import type { StoredClause } from '../src/domain/ports/clause-store.ts';
import { Bm25Index } from '../src/domain/retrieval/bm25-index.ts';

/**
 * The pipeline a newcomer would write first, to measure ours against: LangChain's recursive
 * splitter at 500 characters over the raw seed files, jieba words, plain BM25, top 5 chunks. No
 * cleaning, no clause structure, no Traditional → Simplified, no translation of English questions.
 * A chunk counts as finding a clause when they share a 20-character run of text (compared after
 * normalisation, so the measure is generous to the baseline, not strict).
 */
export interface NewcomerBaseline {
  /** The top chunks, best first, each as the ids of the clauses it overlaps. */
  rankChunks(question: string, limit: number): string[][];
  chunkCount: number;
}

const OVERLAP_RUN = 20;

export async function buildNewcomerBaseline(clauses: StoredClause[]): Promise<NewcomerBaseline> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 50 });
  const chunks: string[] = [];
  for (const seed of readSeeds()) chunks.push(...(await splitter.splitText(new TextDecoder().decode(seed.bytes))));
  const jieba = Jieba.withDict(dict);
  const words = (text: string) => jieba.cutForSearch(text, true).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const index = new Bm25Index([{ name: 'text', weight: 1, lengthNormalization: 0.75 }]);
  for (const chunk of chunks) index.add([words(chunk)]);
  index.build();

  const clauseTexts = clauses.map((clause) => ({ id: clause.id, text: clause.normalizedText }));
  const overlapping = chunks.map((chunk) => {
    const text = normalizeText(chunk);
    const runs: string[] = [];
    for (let start = 0; start + OVERLAP_RUN <= text.length; start += OVERLAP_RUN / 2) runs.push(text.slice(start, start + OVERLAP_RUN));
    return clauseTexts.filter((clause) => runs.some((run) => clause.text.includes(run))).map((clause) => clause.id);
  });

  return {
    chunkCount: chunks.length,
    rankChunks(question, limit) {
      return index.search(words(question).map((term) => ({ term, weight: 1 })), limit).map((hit) => overlapping[hit.index] ?? []);
    },
  };
}
