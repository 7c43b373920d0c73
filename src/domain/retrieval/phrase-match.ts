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

/**
 * A phrase joined from several topic words (内外贸产品同线同标同质) is also written by a clause that writes its
 * last word, the head a Chinese compound ends with, on its own when it has four characters or more
 * (“同线同标同质”产品): the thing named, less its modifiers (工程质量潜在缺陷保险: 缺陷保险, not 工程质量).
 */
export function writesPhrases(clause: StoredClause, phrases: readonly string[], topicWords: readonly string[]): boolean {
  return phrases.every((phrase) => {
    if (holdsPhrases(clause, [phrase])) return true;
    const core = topicWords.find((word) => word !== phrase && [...word].length >= 4 && phrase.endsWith(word));
    return core !== undefined && holdsPhrases(clause, [core]);
  });
}
