import { POLICY } from '../answer-policy.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import type { StoredClause } from '../ports/clause-store.ts';

/**
 * Whether a clause writes every phrase (中国品牌日, ipv6) in its heading or text, compared on
 * normalised, lower-cased text: the literal test behind "which documents mention X?".
 */
const lowered = new WeakMap<StoredClause, string>();

export function holdsPhrases(clause: StoredClause, phrases: readonly string[]): boolean {
  const text = loweredText(clause);
  return phrases.every((phrase) => text.includes(phrase));
}

/** The clause's heading and text, normalised and lower-cased, made once per clause. */
function loweredText(clause: StoredClause): string {
  let text = lowered.get(clause);
  if (text === undefined) {
    text = `${normalizeText(clause.heading ?? '')}\n${clause.normalizedText}`.toLowerCase();
    lowered.set(clause, text);
  }
  return text;
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
    if (core !== undefined && holdsPhrases(clause, [core])) return true;
    // Less its leading modifiers, word by word, while four characters or more are left (住宅工程质量潜在缺陷保险 is
    // written 工程质量潜在缺陷保险), or with a word set between its words (电动自行车质量抽查: 电动自行车质量监督抽查).
    const words = topicWords.filter((word) => phrase.includes(word));
    for (const word of words.slice(1)) {
      const rest = phrase.slice(phrase.indexOf(word));
      if ([...rest].length >= 4 && holdsPhrases(clause, [rest])) return true;
    }
    return words.length >= 2 && writtenApart(clause, words, phrase.length);
  });
}

/** The words in their order within one stretch a few characters longer than the phrase, no sentence end between. */
function writtenApart(clause: StoredClause, words: readonly string[], length: number): boolean {
  const text = loweredText(clause);
  for (let start = text.indexOf(words[0]!); start !== -1; start = text.indexOf(words[0]!, start + 1)) {
    let position = start + words[0]!.length;
    let held = true;
    for (const word of words.slice(1)) {
      const next = text.indexOf(word, position);
      if (next === -1 || next - position > POLICY.mentionInsertedCharacters || /[。；;！!？?\n]/u.test(text.slice(position, next))) {
        held = false;
        break;
      }
      position = next + word.length;
    }
    if (held && position - start <= length + POLICY.mentionInsertedCharacters) return true;
  }
  return false;
}
