import type { TopicWord } from './question-frame.ts';

/**
 * The thing a question names in full: its longest topic words the corpus knows, in Han characters, of
 * `minimum` characters or more, among those `accept` takes; with `joinPairs`, two words side by side count
 * as one name too (中国 质量奖 → 中国质量奖). The answer decision asks whether the documents asked about write
 * it (the tractor only the national plan names); the value finder, whether a part of a clause does.
 */
export function namedSubject(words: readonly TopicWord[], minimum: number, accept: (name: string) => boolean = () => true, joinPairs = false): string[] {
  const han = words.filter((word) => word.seen && /^\p{Script=Han}+$/u.test(word.word)).map((word) => word.word);
  const candidates = joinPairs ? [...han, ...han.slice(1).map((word, index) => `${han[index]}${word}`)] : han;
  const named = candidates.filter((name) => [...name].length >= minimum && accept(name));
  const longest = Math.max(0, ...named.map((name) => name.length));
  return named.filter((name) => name.length === longest);
}
