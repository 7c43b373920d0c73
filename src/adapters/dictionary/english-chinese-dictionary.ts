import type { BilingualDictionary } from '../../domain/ports/bilingual-dictionary.ts';
import { CedictDictionary } from '../cedict/cedict-dictionary.ts';
import { EcdictDictionary } from '../ecdict/ecdict-dictionary.ts';
import { CombinedDictionary } from './combined-dictionary.ts';

/**
 * The dictionary English questions are translated with: ECDICT (English → Chinese, by sense) beside
 * CC-CEDICT's reverse index (Chinese → English glosses, read backwards). One per process.
 */
let shared: BilingualDictionary | undefined;

export function englishChineseDictionary(): BilingualDictionary {
  shared ??= new CombinedDictionary([CedictDictionary.shared(), EcdictDictionary.shared()]);
  return shared;
}
