import glossaryData from '../text/policy-glossary.json' with { type: 'json' };
import cues from './question-cues.json' with { type: 'json' };
import { eng as englishStopwords } from 'stopword';
import { POLICY } from '../answer-policy.ts';
import { englishBaseForms, isEnglishFunctionWord, isEnglishVerbOnly } from '../text/english-word-class.ts';
import { withoutDocumentKinds } from './document-kind-names.ts';
import type { BilingualDictionary } from '../ports/bilingual-dictionary.ts';
import type { TranslatedTerm } from './question-frame.ts';

/**
 * English question words → the Chinese terms the policy texts use. The glossary of government
 * and policy terms is tried first (longest phrase wins), then phrases the general dictionary
 * glosses as a whole (fuel cell), then single words; dictionary candidates are kept only when the
 * corpus uses them, so that “safety” becomes 安全 and not 保安 or 别针. A word the dictionary knows
 * but whose every rendering the corpus lacks (e-cigarette → 电子烟) is marked absent: a topic the
 * documents do not have. A word the dictionary does not know stays literal, and proves nothing.
 */

const GLOSSARY = new Map<string, string[]>(
  Object.entries(glossaryData.terms as Record<string, string[]>).map(([phrase, terms]) => [lemmatizePhrase(phrase), terms]),
);
const NOUN_SENSES = new Map(Object.entries(glossaryData.nounSenses.words as Record<string, string[]>));
const LONGEST_PHRASE = Math.max(...[...GLOSSARY.keys()].map((phrase) => phrase.split(' ').length));
// English function words (the stopword package's list) and the question frame's own filler words.
const FILLERS = new Set([...englishStopwords, ...cues.fillers]);
const isFiller = (word: string) => FILLERS.has(word) || isEnglishFunctionWord(word);
const TASK_NOUNS = new Set(cues.taskNouns.cues);
const DICTIONARY_CANDIDATES = 3;
// Bounds on composing a phrase from its words' renderings: a few per word, a few hundred joins.
const RENDERINGS_PER_WORD = 8;
// Dictionary scores from which a rendering is one of a word's main senses (the dictionaries' first glosses score 1).
const MAIN_RENDERING = 0.8;
const COMPOSED_CANDIDATES = 512;

export type CompoundWithHead = (head: string, characters: ReadonlySet<string>) => string | undefined;

/** What the translator asks of the dictionaries, the corpus and the question's sentence. */
export interface EnglishTranslationContext {
  dictionary?: BilingualDictionary;
  /** The corpus uses the term. */
  isKnownTerm: (term: string) => boolean;
  /** How many passages use the term as a word: among renderings the dictionaries rank alike, the corpus's own sense first. */
  passagesUsing?: (term: string) => number;
  /** The corpus has the term (composed from the English words given) as one of its words, not only as characters within longer words. */
  isCorpusWord?: (term: string, english?: string) => boolean;
  /** Some passage writes the term as it stands, whatever its segmenter cut (购物节 inside 非遗购物节). */
  writes?: (term: string) => boolean;
  compoundWithHead?: CompoundWithHead;
  /** The corpus's words that toneless pinyin spells so (haihe → 海河): a Chinese name written in English. */
  spelledInPinyin?: (word: string) => readonly string[];
  /** The question's sentence uses the word as a noun (the fine for…), for words whose noun sense is their own (nounSenses). */
  isNounHere?: (word: string) => boolean;
  /** A verb or degree word as the question's sentence uses it (englishAskingWords), asked only of words no rendering fits. */
  isAskingWord?: (word: string) => boolean;
}

export function translateEnglish(text: string, context: EnglishTranslationContext): TranslatedTerm[] {
  const { dictionary, isKnownTerm, compoundWithHead } = context;
  const isCorpusWord = context.isCorpusWord ?? (() => false);
  const isAskingWord = context.isAskingWord ?? (() => false);
  const writes = context.writes ?? (() => false);
  // A name no dictionary knows, of four letters or more, that spells corpus words in pinyin.
  const pinyinSpelled = (word: string) => (/^[a-z]{4,}$/u.test(word) && !(dictionary && knowsWord(word, dictionary)) ? context.spelledInPinyin?.(word) ?? [] : []);
  let spelled: readonly string[] = [];
  const written = withoutDocumentKinds(text.toLowerCase()).replace(/[’']s\b/gu, '').match(/[a-z0-9]+(?:[.&-][a-z0-9]+)*|\p{Script=Han}+/gu) ?? [];
  // A hyphenated word read as its words where they make a phrase the corpus uses (spot-check → spot check → 抽查);
  // else it stays one: a word the dictionaries know (e-cigarette → 电子烟, absent from the corpus, is no e + 香烟), a
  // modifier read through its parts beside its head (ready-mixed concrete, modifiedCompound), a code (c-ncap).
  const readApart = (word: string) => {
    if (!/^[a-z]+(?:-[a-z]+)+$/u.test(word) || GLOSSARY.has(word) || isKnownTerm(word)) return false;
    const phrase = word.replaceAll('-', ' ');
    return GLOSSARY.has(phrase) || (dictionary?.chineseForPhrase(phrase).some((candidate) => isKnownTerm(candidate.term)) ?? false);
  };
  const words = written.flatMap((word) => (readApart(word) ? word.split('-') : [word]));
  const lemmas = words.map(lemmatize);
  const terms: TranslatedTerm[] = [];
  for (let start = 0; start < words.length; ) {
    // Expected to, required to, supposed to, asked to: a participle before an infinitive frames what is asked of
    // someone (what is Tianjin Customs expected to do?); it names no topic.
    if (/^[a-z]+ed$/u.test(words[start]!) && words[start + 1] === 'to' && !GLOSSARY.has(lemmas[start]!)) {
      start += 1;
      continue;
    }
    let matched = false;
    for (let length = Math.min(LONGEST_PHRASE, words.length - start); length >= 1; length -= 1) {
      const phrase = lemmas.slice(start, start + length).join(' ');
      // Before a word is taken alone: a few words whose renderings join into one corpus term (Quality Month → 质量月).
      const composed = length === 1 && dictionary ? composedPhrase(words, start, dictionary, isCorpusWord) : undefined;
      if (composed) {
        terms.push(composed.term);
        start += composed.length;
        matched = true;
        break;
      }
      // A word used as a noun whose noun sense is not its first (the fine for false reports: 罚款): that sense, or, when the
      // corpus has no word for it, a topic the documents lack.
      const nounSense = length === 1 && NOUN_SENSES.has(lemmas[start]!) && (context.isNounHere?.(words[start]!) ?? false) ? NOUN_SENSES.get(lemmas[start]!)!.filter(isKnownTerm) : undefined;
      if (nounSense?.length === 0) {
        terms.push({ english: words[start]!, chinese: words[start]!, weight: 0.5, source: 'absent' });
        start += 1;
        matched = true;
        break;
      }
      const chinese = nounSense ?? GLOSSARY.get(phrase) ?? (length === 1 ? singleWordEntry(words[start]!) : undefined);
      if (chinese) {
        const english = words.slice(start, start + length).join(' ');
        chinese.forEach((term, index) => terms.push({ english, chinese: term, weight: index === 0 ? 1 : 0.7, source: 'glossary' }));
        start += length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const phrase = dictionary ? dictionaryPhrase(words, start, dictionary, isKnownTerm, writes) : undefined;
    if (phrase) {
      terms.push(...phrase.terms);
      start += phrase.length;
      continue;
    }
    const word = words[start]!;
    start += 1;
    if (isFiller(word)) continue;
    if (/^\d/u.test(word) || /\p{Script=Han}/u.test(word)) {
      terms.push({ english: word, chinese: word, weight: 1, source: 'literal' });
      continue;
    }
    const fromDictionary = dictionaryTerms(word, dictionary, isKnownTerm, context.passagesUsing);
    // Rendered only as words for a unit's tasks (assigned: 任务), the word asks for the tasks, as 任务 does: no topic.
    if (fromDictionary.length > 0 && fromDictionary.every((term) => TASK_NOUNS.has(term.chinese))) continue;
    // Rendered otherwise than the corpus writes it, a modifier is found by its head: offshore wind power is 海上风电.
    const compound = fromDictionary.length === 0 && dictionary && compoundWithHead ? modifiedCompound(words, start - 1, dictionary, isKnownTerm, compoundWithHead) : undefined;
    if (compound) {
      terms.push(compound.term);
      start += compound.length - 1;
    } else if (fromDictionary.length > 0) terms.push(...fromDictionary);
    // A code or acronym the corpus writes as it stands (IPv6, 5G, 96333, BIM) needs no translation: as good as a
    // glossary term. Only where no dictionary renders the word: an English word a portal's Latin text happens to hold
    // (gov, service) is still translated.
    else if (word.length >= 2 && isKnownTerm(word)) terms.push({ english: word, chinese: word, weight: 1, source: 'glossary' });
    // A name no dictionary knows that spells a corpus word in pinyin (the Haihe craftsmen: 海河; the Luban Award: 鲁班):
    // two syllables or more, so that no English word of one (men, fan) is taken for a Chinese one.
    else if ((spelled = pinyinSpelled(word)).length > 0) {
      terms.push(...spelled.slice(0, 2).map((chinese, index) => ({ english: word, chinese, weight: index === 0 ? 0.9 : 0.6, source: 'dictionary' as const })));
    }
    // A verb the corpus has no rendering of (supposed to, beat by, went out) is how the question asks, as an unused
    // Chinese verb is (topic-reader.ts): no topic the documents lack.
    // Before a word of content it modifies that word (drone quality, return goods): a topic.
    else if (isEnglishVerbOnly(word) && (start >= words.length || isFiller(words[start]!))) continue;
    // So is a word its sentence uses as a verb or a degree word (who spearheads it, grow bigger), whatever it is alone.
    else if (isAskingWord(word)) continue;
    else terms.push({ english: word, chinese: word, weight: 0.5, source: dictionary && knowsWord(word, dictionary) ? 'absent' : 'literal' });
  }
  return terms;
}

/**
 * Three or two words the dictionary glosses as one thing, when the corpus uses its rendering, or writes
 * a rendering of three characters or more as it stands (shopping festival → 购物节 of 非遗购物节, which its
 * segmenter cut otherwise): a phrase glossed whole is one thing, and so long a string is seldom chance.
 */
function dictionaryPhrase(words: string[], start: number, dictionary: BilingualDictionary, isKnownTerm: (term: string) => boolean, writes: (term: string) => boolean) {
  for (let length = Math.min(3, words.length - start); length >= 2; length -= 1) {
    const slice = words.slice(start, start + length);
    if (isFiller(slice[0]!) || isFiller(slice.at(-1)!)) continue;
    const candidates = dictionary.chineseForPhrase(slice.join(' ')).filter((candidate) => candidate.term.length > 1 && (isKnownTerm(candidate.term) || ([...candidate.term].length >= 3 && writes(candidate.term))));
    if (candidates.length === 0) continue;
    const english = slice.join(' ');
    const terms = candidates.slice(0, DICTIONARY_CANDIDATES).map((candidate, index) => ({ english, chinese: candidate.term, weight: index === 0 ? 0.9 : 0.6, source: 'dictionary' as const }));
    return { terms, length };
  }
  return undefined;
}

/**
 * Two or three words whose renderings, joined, are a term the corpus uses and the dictionary lacks as
 * a phrase: Quality Month is 质量 + 月, the corpus's 质量月.
 */
function composedPhrase(words: string[], start: number, dictionary: BilingualDictionary, isCorpusWord: (term: string, english?: string) => boolean): { term: TranslatedTerm; length: number } | undefined {
  for (let length = Math.min(3, words.length - start); length >= 2; length -= 1) {
    const slice = words.slice(start, start + length);
    if (slice.some((word) => isFiller(word) || /^\d/u.test(word))) continue;
    const renderings = slice.map((word) => renderingsOf(word, dictionary));
    if (renderings.some((list) => list.length === 0)) continue;
    let joined = [''];
    for (const list of renderings) joined = joined.flatMap((prefix) => list.map((rendering) => prefix + rendering)).slice(0, COMPOSED_CANDIDATES);
    const known = joined.find((term) => [...term].length >= 3 && isCorpusWord(term, slice.join(' ')));
    if (known) return { term: { english: slice.join(' '), chinese: known, weight: 0.9, source: 'dictionary' }, length };
  }
  return undefined;
}

/**
 * A modifier whose renderings the corpus lacks (offshore: 近海, 海面), before a word or two it renders
 * (wind power: 风电): the corpus's compound of that head whose modifier shares a character with them
 * (海上风电). One shared character is evidence only beside a head the corpus writes with it.
 */
function modifiedCompound(words: string[], at: number, dictionary: BilingualDictionary, isKnownTerm: (term: string) => boolean, compoundWithHead: CompoundWithHead): { term: TranslatedTerm; length: number } | undefined {
  // The modifier's main renderings only (pet: 宠物, not the 生气 of "a fit of pique"), two characters or more.
  // A hyphenated modifier the dictionaries lack (ready-mixed) by its parts' renderings (ready: 预备; mixed: 混合).
  const forms = [words[at]!, ...wordForms(words[at]!), ...(words[at]!.includes('-') ? words[at]!.split('-').flatMap((part) => [part, ...wordForms(part)]) : [])];
  // The compound's modifier must open as one of these renderings does (海上 as 海面, 警务 as 警察): a character shared anywhere is chance (制定 and 定当).
  const characters = new Set(forms.flatMap((form) => dictionary.chineseFor(form).filter((candidate) => candidate.term.length > 1 && candidate.score >= MAIN_RENDERING).map((candidate) => [...candidate.term][0]!)));
  if (characters.size === 0) return undefined;
  for (let length = Math.min(2, words.length - at - 1); length >= 1; length -= 1) {
    const head = words.slice(at + 1, at + 1 + length);
    if (head.some((word) => isFiller(word) || /^\d/u.test(word))) continue;
    const renderings = length === 1 ? renderingsOf(head[0]!, dictionary) : dictionary.chineseForPhrase(head.join(' ')).map((candidate) => candidate.term);
    // A one-character head (station → 站) is checked by the compound itself: the corpus must write it; not beside a
    // modifier read through its parts (one-time: 一, 时…), whose first characters are too many for a one-character head.
    const hyphenated = words[at]!.includes('-');
    for (const rendering of renderings.filter((term) => ([...term].length === 1 && !hyphenated) || isKnownTerm(term))) {
      const compound = compoundWithHead(rendering, characters);
      if (compound) return { term: { english: words.slice(at, at + 1 + length).join(' '), chinese: compound, weight: 0.8, source: 'dictionary', guessed: true }, length: length + 1 };
    }
  }
  return undefined;
}

/** A word's renderings, one-character ones too (month → 月): the glossary's first, then the dictionary's. */
function renderingsOf(word: string, dictionary: BilingualDictionary): string[] {
  const glossary = singleWordEntry(word) ?? [];
  const fromDictionary = [word, ...wordForms(word)].flatMap((form) => dictionary.chineseFor(form).map((candidate) => candidate.term));
  return [...new Set([...glossary, ...fromDictionary])].slice(0, RENDERINGS_PER_WORD);
}

/** The dictionary has renderings of the word (of two or more characters), known to the corpus or not. */
function knowsWord(word: string, dictionary: BilingualDictionary): boolean {
  if ([word, ...wordForms(word)].some((form) => dictionary.chineseFor(form).some((candidate) => candidate.term.length > 1))) return true;
  // A hyphenated word the dictionaries gloss as a phrase (fuel-cell: 燃料电池), kept whole since the corpus lacks it.
  return word.includes('-') && dictionary.chineseForPhrase(word.replaceAll('-', ' ')).some((candidate) => candidate.term.length > 1);
}

/**
 * A word's renderings the corpus uses, best first: by the dictionaries' score, and among renderings scored
 * alike (raise: 募集, 增加, 提高 all first glosses) by how many passages use them, since the sense a policy
 * text uses most is the likeliest one (提高, not 募集 of raising funds).
 */
function dictionaryTerms(word: string, dictionary: BilingualDictionary | undefined, isKnownTerm: (term: string) => boolean, passagesUsing?: (term: string) => number): TranslatedTerm[] {
  if (!dictionary) return [];
  for (const form of [word, ...wordForms(word)]) {
    const all = dictionary.chineseFor(form);
    // A remote sense (寿命 of expect, through life expectancy) is no rendering: a word whose senses the corpus uses
    // only so far down is one the corpus has no word for.
    const floor = (all[0]?.score ?? 0) * POLICY.remoteSense;
    const known = all.filter((candidate) => candidate.term.length > 1 && candidate.score >= floor && isKnownTerm(candidate.term));
    const candidates = passagesUsing
      ? known.map((candidate) => ({ candidate, used: passagesUsing(candidate.term) })).sort((left, right) => right.candidate.score - left.candidate.score || right.used - left.used).map(({ candidate }) => candidate)
      : known;
    if (candidates.length > 0) {
      return candidates.slice(0, DICTIONARY_CANDIDATES).map((candidate) => ({
        english: word,
        chinese: candidate.term,
        weight: 0.6 * candidate.score,
        source: 'dictionary' as const,
      }));
    }
  }
  return [];
}

function singleWordEntry(word: string): string[] | undefined {
  for (const form of [word, ...wordForms(word)]) {
    const entry = GLOSSARY.get(form);
    if (entry) return entry;
  }
  return undefined;
}

/** Plural and verb endings, enough to match glossary keys and dictionary glosses. */
function wordForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  if (word.endsWith('ing')) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  if (word.endsWith('ed')) forms.push(word.slice(0, -2), word.slice(0, -1));
  // Irregular forms the endings do not give (built, sold, children), from the lexicon.
  for (const form of englishBaseForms(word)) if (!forms.includes(form)) forms.push(form);
  // Spellings the dictionaries list another way: hyphenated or joined (pre-tax, pretax), British or American.
  for (const variant of spellingVariants(word)) for (const form of [variant, ...(variant === word ? [] : wordForms(variant))]) if (!forms.includes(form)) forms.push(form);
  return forms;
}

/**
 * The same word spelt otherwise: joined where it was hyphenated (pre-tax → pretax), and in American
 * spelling where it is British (fertilisation → fertilization, labour → labor, centre → center), since
 * the dictionaries list one spelling only. At most these two; wordForms applies its endings to each.
 */
function spellingVariants(word: string): string[] {
  const variants: string[] = [];
  if (/^[a-z]+(?:-[a-z]+)+$/u.test(word)) variants.push(word.replaceAll('-', ''));
  const american = word
    .replace(/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/u, 'iz$1')
    .replace(/(?<=[a-z]{2}[^aeiou])our(s|ed|ing|er|ers)?$/u, 'or$1')
    .replace(/(?<=[a-z]{2})tre(s)?$/u, 'ter$1');
  if (american !== word) variants.push(american);
  return variants;
}

function lemmatize(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/u.test(word)) return word;
  if (/(ches|shes|xes)$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function lemmatizePhrase(phrase: string): string {
  return phrase.toLowerCase().split(/\s+/u).map(lemmatize).join(' ');
}
