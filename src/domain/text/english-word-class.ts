import nlp from 'compromise';

/**
 * English word classes by compromise's lexicon rather than hand lists. Closed-class words (prepositions,
 * conjunctions, determiners, pronouns, auxiliaries: across, within, whether, both) frame an English
 * question and name no topic; an adjective (electric, smart) modifies the noun after it, so the two read
 * as one compound. Words are tagged alone, as the translator reads them, and their tags remembered: a
 * question's words repeat across turns and users.
 */
const FUNCTION_TAGS = ['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord', 'Copula', 'Modal', 'Auxiliary'];
const MEMORY_LIMIT = 20_000;
const remembered = new Map<string, readonly string[]>();

function tagsOf(word: string): readonly string[] {
  const key = word.toLowerCase();
  let tags = remembered.get(key);
  if (tags === undefined) {
    tags = (nlp(key).terms().json()[0]?.terms?.[0]?.tags as string[] | undefined) ?? [];
    if (remembered.size >= MEMORY_LIMIT) remembered.clear();
    remembered.set(key, tags);
  }
  return tags;
}

// The lexicon loads on first use: paid at start-up, not by the first English question.
tagsOf('the');

/** A word that frames and is nothing else (set, lead are also nouns: they may be topics). */
export function isEnglishFunctionWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.some((tag) => FUNCTION_TAGS.includes(tag)) && !tags.includes('Noun') && !tags.includes('Verb') && !tags.includes('Adjective');
}

/** A word the lexicon knows only as an adjective (electric, smart, special; not fund, chain). */
export function isEnglishAdjective(word: string): boolean {
  const tags = tagsOf(word);
  return tags.includes('Adjective') && !tags.includes('Noun') && !tags.includes('Verb');
}

/**
 * A word the lexicon knows only as a verb (supposed, beat, went; not report, a noun too). Not a gerund, which names
 * an activity as a noun does (smuggling), nor a form in -s, which may be a plural the lexicon reads as a verb (drones).
 */
export function isEnglishVerbOnly(word: string): boolean {
  const tags = tagsOf(word);
  return tags.includes('Verb') && !tags.includes('Noun') && !tags.includes('Adjective') && !tags.includes('Gerund') && !/(?:ing|s)$/u.test(word);
}

/** How an English sentence uses its words, tagged once in the sentence rather than alone (englishSentenceWords). */
export interface EnglishSentenceWords {
  /**
   * Words the sentence uses as its verbs (who spearheads the task, which agency oversees it) or as degree words
   * (grow bigger and stronger): spearheads alone is a plural noun, in its sentence the verb of the question. A word
   * of either kind that no dictionary renders as a corpus term is how the question asks, not what about. Gerunds
   * name activities and stay out.
   */
  asking: ReadonlySet<string>;
  /** Words the sentence uses as nouns (the fine for false reports): fine alone is an adjective. */
  nouns: ReadonlySet<string>;
}

// A dash, colon or semicolon between words closes a fragment of its own (pet food quality - do the documents …):
// tagged with the question after it, its first noun reads as an imperative verb.
const FRAGMENT_BREAK = /\s[-–—]+\s|[:;]/u;

export function englishSentenceWords(sentence: string): EnglishSentenceWords {
  const asking = new Set<string>();
  const nouns = new Set<string>();
  let previous = '';
  const fragments = sentence.toLowerCase().split(FRAGMENT_BREAK);
  for (const term of fragments.flatMap((fragment) => nlp(fragment).terms().json() as { terms: { normal: string; tags: string[] }[] }[])) {
    const { normal, tags } = term.terms[0] ?? { normal: '', tags: [] };
    const word = /^[a-z]+$/u.test(normal);
    const verb = tags.includes('Verb') && !tags.includes('Gerund') && !tags.includes('Noun');
    const degree = (tags.includes('Comparative') || tags.includes('Superlative')) && !tags.includes('Noun');
    // How far, how strict, how soon: the adverb or adjective after "how" is the measure asked, no topic.
    const measured = previous === 'how' && (tags.includes('Adverb') || tags.includes('Adjective')) && !tags.includes('Noun');
    if (word && (verb || degree || measured)) asking.add(normal);
    if (word && tags.includes('Noun')) nouns.add(normal);
    previous = normal;
  }
  return { asking, nouns };
}

const baseForms = new Map<string, readonly string[]>();

/**
 * The dictionary forms of an inflected word by compromise's conjugation and plural tables: the infinitive of a verb
 * (built → build, sold → sell, held → hold, thawed → thaw) and the singular of a noun (children → child), which
 * rules on endings miss for irregular words. Remembered: the same words come up again and again.
 */
export function englishBaseForms(word: string): readonly string[] {
  const key = word.toLowerCase();
  let forms = baseForms.get(key);
  if (forms === undefined) {
    // Each transform rewrites the document it is given, so each reads the word afresh.
    const infinitive = nlp(key).verbs().toInfinitive().text().trim();
    const singular = nlp(key).nouns().toSingular().text().trim();
    forms = [...new Set([infinitive, singular])].filter((form) => /^[a-z]+$/u.test(form) && form !== key);
    if (baseForms.size >= MEMORY_LIMIT) baseForms.clear();
    baseForms.set(key, forms);
  }
  return forms;
}
