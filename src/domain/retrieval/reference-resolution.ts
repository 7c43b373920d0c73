import type { ClauseReference } from '../question/question-frame.ts';
import type { PassageCatalog } from './passage-catalog.ts';
import type { ResolvedReference } from './retrieval-types.ts';

/**
 * The clauses a reference asks about. Same: the clauses pointed at. Corresponding: the clauses of
 * the target documents that implement them, that they implement, or that match them closely
 * (aligned at ingest); when a document holds none of those, its nearest clause, said to be the
 * closest. `allowed`: the request's document filter.
 */
export function resolveReference(reference: ClauseReference, catalog: PassageCatalog, allowed?: string[]): ResolvedReference {
  const permitted = (documentId: string) => !allowed || allowed.length === 0 || allowed.includes(documentId);
  const sources = reference.clauseIds.filter((id) => {
    const index = catalog.indexOf(id);
    return index !== undefined && (reference.relation === 'corresponding' || permitted(catalog.passages[index]!.document.id));
  });
  if (reference.relation === 'same') return { relation: 'same', targets: sources.map((id) => ({ clauseId: id, relation: 'same', of: id })), sources, closest: false };

  const documents = reference.targetDocumentIds.filter(permitted);
  const strong: ResolvedReference['targets'] = [];
  const nearest: (ResolvedReference['targets'][number] & { score: number; documentId: string })[] = [];
  for (const source of sources) {
    for (const counterpart of catalog.counterparts(source, documents)) {
      const relation = counterpart.relation === 'nearest' ? 'nearest' : counterpart.implementer === 'this' ? 'implements' : counterpart.implementer === 'other' ? 'implemented-by' : 'corresponds';
      const target = { clauseId: counterpart.clauseId, relation, of: source } as const;
      if (relation === 'nearest') nearest.push({ ...target, score: counterpart.score, documentId: counterpart.documentId });
      else if (!strong.some((each) => each.clauseId === target.clauseId)) strong.push(target);
    }
  }
  // Where one document implements the other, that is the answer; a mere likeness elsewhere is not.
  const implementing = strong.filter((each) => each.relation === 'implements' || each.relation === 'implemented-by');
  if (strong.length > 0) return { relation: 'corresponding', targets: implementing.length > 0 ? implementing : strong, sources, closest: false };
  // A clause of another document that both take up closely (the national clause Tianjin's implements, which Shanwei's
  // is nearest to) bridges them: its likeness to a candidate adds to the candidate's own, weighted by how surely the
  // source takes the bridge up.
  const bridged = new Map<string, Map<string, number>>();
  for (const each of nearest) {
    const key = `${each.of}\n${each.documentId}`;
    if (!bridged.has(key)) bridged.set(key, bridgedScores(catalog, each.of, each.documentId));
    each.score += bridged.get(key)!.get(each.clauseId) ?? 0;
  }
  // One closest clause per document, the best of any source's.
  const byDocument = new Map<string, (typeof nearest)[number]>();
  for (const each of nearest) if (!byDocument.has(each.documentId) || byDocument.get(each.documentId)!.score < each.score) byDocument.set(each.documentId, each);
  const targets = [...byDocument.values()].sort((left, right) => right.score - left.score).map(({ clauseId, relation, of }) => ({ clauseId, relation, of }));
  return { relation: 'corresponding', targets, sources, closest: targets.length > 0 };
}

/** For each clause of the document, its best bridged likeness to the source: through a clause elsewhere the source takes up. */
function bridgedScores(catalog: PassageCatalog, source: string, documentId: string): Map<string, number> {
  const scores = new Map<string, number>();
  for (const bridge of catalog.counterparts(source)) {
    if (bridge.relation === 'nearest' || bridge.documentId === documentId) continue;
    for (const onward of catalog.counterparts(bridge.clauseId, [documentId])) {
      scores.set(onward.clauseId, Math.max(scores.get(onward.clauseId) ?? 0, bridge.score * onward.score));
    }
  }
  return scores;
}
