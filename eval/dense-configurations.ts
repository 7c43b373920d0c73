import type { ClauseStore } from '../src/domain/ports/clause-store.ts';
import type { BilingualDictionary } from '../src/domain/ports/bilingual-dictionary.ts';
import type { Retriever } from '../src/domain/retrieval/retriever.ts';

/** Dense and hybrid configurations for the eval; filled in once the dense path exists. */
export async function denseConfigurations(_store: ClauseStore, _dictionary: BilingualDictionary): Promise<{ name: string; retriever: Retriever }[]> {
  return [];
}
