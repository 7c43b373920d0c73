import type { DocumentSummary, StoredClause } from '../ports/clause-store.ts';
import type { DenseSearch } from '../ports/dense-search.ts';
import type { WeightedTerm } from './bm25-index.ts';
import type { TranslatedTerm } from './english-translator.ts';
import type { LexicalRetriever } from './lexical-retriever.ts';
import type { PassageCatalog } from './passage-catalog.ts';
import { analyzeQuery, asksForUnits, type AnalyzedQuery, type QueryIntent } from './query-analyzer.ts';
import { reciprocalRankFusion, type RankedList } from './rank-fusion.ts';

export type RetrievalPath = 'lexical' | 'dense';

export interface RetrievalHit {
  clause: StoredClause;
  document: DocumentSummary;
  /** Fused score (reciprocal-rank fusion over the active paths). */
  score: number;
  paths: {
    lexical?: { rank: number; score: number; coverage: number };
    dense?: { rank: number; similarity: number };
  };
}

export interface RetrievalResult {
  query: AnalyzedQuery;
  translation: TranslatedTerm[];
  /** The Chinese terms matched against clauses (translated for English questions), for picking sentences. */
  terms: WeightedTerm[];
  hits: RetrievalHit[];
  /** 0…1: how much of the question the best of the top hits covers; answerers say “not found” below a threshold. */
  confidence: number;
  /** Words of a Chinese question the corpus never uses; see LexicalRetriever.unseenWords. */
  unseenWords: string[];
  activePaths: RetrievalPath[];
}

export interface RetrieveOptions {
  limit?: number;
  /** Restricts retrieval to these documents (on top of any scope the question names). */
  documentIds?: string[];
  /** Replaces the intents read from the question: a follow-up carries over the previous turn's. */
  intents?: QueryIntent[];
}

// Each path contributes this many candidates to fusion; more than the final limit so that a
// clause ranked low by one path can still rise with the other's vote.
const CANDIDATES = 30;
/**
 * Confidence is the share of what the question asks about (its words; for English, its words'
 * translations, each word once) that one of the top hits contains, with words the corpus never
 * uses counting against it. Lexical only: dense similarities of unrelated texts sit close to those
 * of related ones, so they cannot say "not covered". Calibrated with npm run eval.
 */
const CONFIDENCE_DEPTH = 3;

export class Retriever {
  constructor(
    private readonly catalog: PassageCatalog,
    private readonly lexical: LexicalRetriever,
    private readonly dense?: DenseSearch,
  ) {}

  get activePaths(): RetrievalPath[] {
    return this.dense ? ['lexical', 'dense'] : ['lexical'];
  }

  /**
   * A question about who leads can only be answered by a clause that names units, so those
   * move ahead of clauses that do not (the 2014 opinion names none); order is otherwise kept.
   */
  private unitsFirst<T extends { index: number }>(hits: T[]): T[] {
    const named = (hit: T) => this.catalog.passages[hit.index]!.clause.units.length > 0;
    return [...hits.filter(named), ...hits.filter((hit) => !named(hit))];
  }

  async retrieve(question: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const limit = options.limit ?? 5;
    const analyzed = analyzeQuery(question, this.catalog.documents);
    const query = options.intents && options.intents.length > 0 ? { ...analyzed, intents: options.intents } : analyzed;
    const documentIds = intersect(options.documentIds, query.scope.documentIds);
    const allowed = this.catalog.documentMask(documentIds);
    const lexical = this.lexical.search(query, CANDIDATES, allowed);
    if (asksForUnits(query.intents)) lexical.hits = this.unitsFirst(lexical.hits);
    const dense = this.dense ? await this.dense.search(query.normalized, CANDIDATES, allowed) : [];

    const lists: RankedList[] = [{ path: 'lexical', items: lexical.hits.map((hit) => hit.index) }];
    if (this.dense) lists.push({ path: 'dense', items: dense.map((hit) => hit.passageIndex) });
    const lexicalRank = new Map(lexical.hits.map((hit, rank) => [hit.index, { rank: rank + 1, score: hit.score, coverage: hit.coverage }]));
    const denseRank = new Map(dense.map((hit, rank) => [hit.passageIndex, { rank: rank + 1, similarity: hit.similarity }]));
    const fused = reciprocalRankFusion(lists, limit);
    const hits = fused.map(({ item, score }) => {
      const passage = this.catalog.passages[item]!;
      const paths: RetrievalHit['paths'] = {};
      const lexicalEntry = lexicalRank.get(item);
      const denseEntry = denseRank.get(item);
      if (lexicalEntry) paths.lexical = lexicalEntry;
      if (denseEntry) paths.dense = denseEntry;
      return { clause: passage.clause, document: passage.document, score, paths };
    });
    // Judged on the first few hits: an answer rests on them, and the count stays fixed as the corpus grows.
    const best = Math.max(0, ...hits.slice(0, CONFIDENCE_DEPTH).map((hit) => this.lexical.coverage(lexical.groups, hit.clause.id)));
    return { query, translation: lexical.translation, terms: lexical.terms, hits, confidence: best, unseenWords: this.lexical.unseenWords(query), activePaths: this.activePaths };
  }
}

function intersect(requested: string[] | undefined, scoped: string[]): string[] | undefined {
  if (!requested || requested.length === 0) return scoped.length > 0 ? scoped : undefined;
  if (scoped.length === 0) return requested;
  const narrowed = requested.filter((id) => scoped.includes(id));
  // The question names documents outside the requested filter: the filter wins, it is explicit.
  return narrowed.length > 0 ? narrowed : requested;
}
