import nlp from 'compromise';

/**
 * English closed-class words (prepositions, conjunctions, determiners, pronouns, auxiliaries) by
 * compromise's lexicon rather than a hand list: "across", "within", "whether", "both" frame an English
 * question and name no topic, so a topic word must not come from one. Words are tagged alone, as the
 * translator reads them, and remembered: a question's words repeat across turns and users.
 */
const FUNCTION_TAGS = ['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary'];
const MEMORY_LIMIT = 20_000;
const verdicts = new Map<string, boolean>();

const adjectives = new Map<string, boolean>();

/** A word compromise's lexicon knows only as an adjective (electric, smart, special; not fund, chain). */
export function isEnglishAdjective(word: string): boolean {
  const key = word.toLowerCase();
  let verdict = adjectives.get(key);
  if (verdict === undefined) {
    const tags: string[] = nlp(key).terms().json()[0]?.terms?.[0]?.tags ?? [];
    verdict = tags.includes('Adjective') && !tags.includes('Noun') && !tags.includes('Verb');
    if (adjectives.size >= MEMORY_LIMIT) adjectives.clear();
    adjectives.set(key, verdict);
  }
  return verdict;
}

export function isEnglishFunctionWord(word: string): boolean {
  const key = word.toLowerCase();
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    const tags: string[] = nlp(key).terms().json()[0]?.terms?.[0]?.tags ?? [];
    // A word that is also a noun (set, lead) can be a topic: only a word that is nothing else frames.
    verdict = tags.length > 0 && tags.some((tag) => FUNCTION_TAGS.includes(tag)) && !tags.includes('Noun') && !tags.includes('Verb') && !tags.includes('Adjective');
    if (verdicts.size >= MEMORY_LIMIT) verdicts.clear();
    verdicts.set(key, verdict);
  }
  return verdict;
}
