import { normalizeText } from '../corpus/text-normalizer.ts';
import type { StoredClause } from '../ports/clause-store.ts';

/**
 * Whether a clause writes every phrase (中国品牌日, ipv6) in its heading or text, compared on
 * normalised, lower-cased text: the literal test behind "which documents mention X?".
 */
const lowered = new WeakMap<StoredClause, string>();

export function holdsPhrases(clause: StoredClause, phrases: readonly string[]): boolean {
  let text = lowered.get(clause);
  if (text === undefined) {
    text = `${normalizeText(clause.heading ?? '')}\n${clause.normalizedText}`.toLowerCase();
    lowered.set(clause, text);
  }
  return phrases.every((phrase) => text.includes(phrase));
}
