import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { QuestionAnalyzer } from '../domain/question/question-analyzer.ts';
import type { PassageCatalog } from '../domain/retrieval/passage-catalog.ts';
import type { Retriever } from '../domain/retrieval/retriever.ts';
import { TurnDecider } from './turn-decision.ts';
import { UnitViews } from './unit-views.ts';

/**
 * Everything a question is answered from, for one version of the library: the catalog, the
 * question analyzer that knows its units and words, the retriever over its indexes, and what is
 * built on them. A chat turn takes one view at its start and keeps it: a change to the library
 * swaps the whole view at once, so no answer ever sees half a document.
 */
export interface LibraryView {
  catalog: PassageCatalog;
  analyzer: QuestionAnalyzer;
  retriever: Retriever;
  decider: TurnDecider;
  units: UnitViews;
  /** The places the library covers, for "not covered" answers. */
  coveredRegions: { region: string; regionEn: string }[];
}

export function libraryView(parts: { catalog: PassageCatalog; analyzer: QuestionAnalyzer; retriever: Retriever; store: ClauseStore }): LibraryView {
  const { catalog, analyzer, retriever, store } = parts;
  const seen = new Map<string, { region: string; regionEn: string }>();
  for (const document of catalog.documents) {
    if (!seen.has(document.regionCode)) seen.set(document.regionCode, { region: document.region, regionEn: document.regionEn });
  }
  return {
    catalog,
    analyzer,
    retriever,
    decider: new TurnDecider({ analyzer, retriever, catalog, store }),
    units: new UnitViews(catalog, (name) => analyzer.findUnits(name)),
    coveredRegions: [...seen.values()],
  };
}

/** The current view, replaced whole when the library changes. */
export class LiveLibrary {
  constructor(private view: LibraryView) {}

  get current(): LibraryView {
    return this.view;
  }

  replace(view: LibraryView): void {
    this.view = view;
  }
}
