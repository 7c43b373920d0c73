import { POLICY } from '../answer-policy.ts';
import type { DenseSearch } from '../ports/dense-search.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { LexicalRetriever } from './lexical-retriever.ts';
import type { PassageCatalog } from './passage-catalog.ts';
import { reciprocalRankFusion, type RankedList } from './rank-fusion.ts';
import type { ResolvedReference, RetrievalHit, RetrievalPath, RetrievalResult } from './retrieval-types.ts';

export type { RetrievalHit, RetrievalPath, RetrievalResult } from './retrieval-types.ts';

export interface RetrieveOptions {
  limit?: number;
  /** Restricts retrieval to these documents (on top of any scope the question names). */
  documentIds?: string[];
}

// Each path contributes this many candidates to fusion; more than the final limit so that a
// clause ranked low by one path can still rise with the other's vote.
const CANDIDATES = POLICY.candidatesPerPath;
/**
 * Confidence is the best coverage (share of the question's topic words a clause holds, words the
 * corpus never uses counting against it) among the first hits. Lexical only: dense similarities of
 * unrelated texts sit close to those of related ones, so they cannot say "not covered".
 */
const CONFIDENCE_DEPTH = POLICY.confidenceDepth;

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

  /**
   * Every clause that lists one of the frame's units (by its name in that document), within the
   * frame's scope and the request's filter, in document order: a unit's tasks are retrieved from the
   * parsed responsibility lists, all of them, not ranked and cut.
   */
  retrieveUnitTasks(frame: QuestionFrame, options: UnitTasksOptions = {}): RetrievalResult {
    const documentIds = intersect(options.documentIds, frame.scope.documentIds);
    const hits = this.catalog.passages
      .filter(({ clause, document }) => {
        if (documentIds && !documentIds.includes(document.id)) return false;
        const names = frame.units.flatMap((unit) => unit.byDocument[document.id] ?? []);
        return clause.units.some((unit) => names.includes(unit.name));
      })
      .map(({ clause, document }) => ({ clause, document, score: 0, coverage: 1, paths: {} }));
    return { frame, terms: [], groups: [], hits, confidence: hits.length > 0 ? 1 : 0, activePaths: this.activePaths, searchedDocumentIds: documentIds ?? [], scopeUnseen: [] };
  }

  /** The share of the topic a clause holds (coverage), for the groups a search read the topic into. */
  coverageOf(groups: RetrievalResult['groups'], clauseId: string): number {
    return this.lexical.coverage(groups, clauseId);
  }

  /**
   * The clauses the answer before cited (QuestionFrame.priorClauseIds), first, when one holds the topic at
   * least as well as the best clause found, within the documents searched: 每个产业集群要建几个? after an
   * answer on 8.22 is asked of 8.22, not of 3.8 whose heading shares the words.
   */
  preferPrior(result: RetrievalResult, documentIds: string[] | undefined): RetrievalResult {
    if (result.frame.priorClauseIds.length === 0 || result.hits.length === 0) return result;
    // A clause cited before that lies outside the documents now asked about stands for its counterparts there
    // (天津提升食品质量那条 → 那国家方案里乳粉这块呢?: the national clause it takes up, if that holds the topic as well).
    const ids = [...new Set(result.frame.priorClauseIds.flatMap((id) => {
      const index = this.catalog.indexOf(id);
      if (index === undefined || !documentIds || documentIds.includes(this.catalog.passages[index]!.document.id)) return [id];
      return this.catalog.counterparts(id, documentIds).filter((each) => each.relation !== 'nearest').map((each) => each.clauseId);
    }))];
    const best = Math.max(...result.hits.slice(0, CONFIDENCE_DEPTH).map((hit) => hit.coverage));
    const prior = ids.flatMap((id): RetrievalHit[] => {
      const index = this.catalog.indexOf(id);
      if (index === undefined) return [];
      const { clause, document } = this.catalog.passages[index]!;
      if (documentIds && !documentIds.includes(document.id)) return [];
      const coverage = this.coverageOf(result.groups, id);
      return coverage > 0 && coverage >= best ? [{ clause, document, score: 0, coverage, paths: {} }] : [];
    });
    if (prior.length === 0) return result;
    const first = new Set(prior.map((hit) => hit.clause.id));
    return { ...result, hits: [...prior, ...result.hits.filter((hit) => !first.has(hit.clause.id))].slice(0, Math.max(result.hits.length, prior.length)) };
  }

  /**
   * The clauses a reference resolved to (reference-resolution.ts), targets first, then the sources
   * they were found from when those are other clauses. With a topic of the question's own, the
   * targets are ordered and scored by it (这条里说的示范基地: the sentence that holds it); without one,
   * the clauses are the topic and count as fully on it.
   */
  retrieveReferenced(frame: QuestionFrame, resolved: ResolvedReference): RetrievalResult {
    const targetIds = resolved.targets.map((target) => target.clauseId);
    const indexes = targetIds.flatMap((id) => this.catalog.indexOf(id) ?? []);
    const mask = new Uint8Array(this.catalog.passages.length);
    for (const index of indexes) mask[index] = 1;
    const ownTopic = frame.reference?.ownTopic ?? false;
    const lexical = this.lexical.search(frame, Math.max(1, indexes.length), mask);
    const ranked = ownTopic ? [...lexical.hits.map((hit) => hit.index), ...indexes.filter((index) => !lexical.hits.some((hit) => hit.index === index))] : indexes;
    const hit = (index: number, reference: RetrievalHit['reference']): RetrievalHit => {
      const { clause, document } = this.catalog.passages[index]!;
      return { clause, document, score: 0, coverage: ownTopic ? this.lexical.coverage(lexical.groups, clause.id) : 1, paths: {}, ...(reference ? { reference } : {}) };
    };
    const hits = ranked.map((index) => {
      const target = resolved.targets.find((each) => each.clauseId === this.catalog.passages[index]!.clause.id)!;
      return hit(index, { role: 'target', relation: target.relation, of: target.of });
    });
    if (resolved.relation === 'corresponding') {
      for (const id of resolved.sources) {
        const index = this.catalog.indexOf(id);
        if (index !== undefined && !targetIds.includes(id)) hits.push({ ...hit(index, { role: 'source' }), coverage: 0 });
      }
    }
    const confidence = ownTopic ? Math.max(0, ...hits.slice(0, CONFIDENCE_DEPTH).map((each) => each.coverage)) : 1;
    const documentIds = [...new Set(hits.map((each) => each.document.id))];
    return {
      frame, terms: lexical.terms, groups: lexical.groups, hits, confidence, activePaths: this.activePaths, searchedDocumentIds: documentIds,
      scopeUnseen: ownTopic ? this.lexical.unseenWithin(frame, mask) : [], reference: resolved,
    };
  }

  /** The frame's topic, within its scope (and the request's filter), best clauses first. */
  async retrieve(frame: QuestionFrame, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const limit = options.limit ?? 5;
    const documentIds = intersect(options.documentIds, frame.scope.documentIds);
    const allowed = this.catalog.documentMask(documentIds);
    const lexical = this.lexical.search(frame, CANDIDATES, allowed);
    if (asksForUnits(frame)) lexical.hits = this.unitsFirst(lexical.hits);
    const dense = this.dense ? await this.dense.search(frame.normalized, CANDIDATES, allowed) : [];

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
      return { clause: passage.clause, document: passage.document, score, paths, coverage: this.lexical.coverage(lexical.groups, passage.clause.id) };
    });
    // Judged on the first few hits: an answer rests on them, and the count stays fixed as the corpus grows.
    const best = Math.max(0, ...hits.slice(0, CONFIDENCE_DEPTH).map((hit) => hit.coverage));
    return { frame, terms: lexical.terms, groups: lexical.groups, hits, confidence: best, activePaths: this.activePaths, searchedDocumentIds: documentIds ?? [], scopeUnseen: this.lexical.unseenWithin(frame, allowed) };
  }
}

/** Who leads / who is responsible: answered only by a clause that names units. */
function asksForUnits(frame: QuestionFrame): boolean {
  return frame.slot === 'lead' || frame.slot === 'units' || frame.slot === 'unit-count';
}

export interface UnitTasksOptions {
  documentIds?: string[];
}

function intersect(requested: string[] | undefined, scoped: string[]): string[] | undefined {
  if (!requested || requested.length === 0) return scoped.length > 0 ? scoped : undefined;
  if (scoped.length === 0) return requested;
  const narrowed = requested.filter((id) => scoped.includes(id));
  // The question names documents outside the requested filter: the filter wins, it is explicit.
  return narrowed.length > 0 ? narrowed : requested;
}
