import { englishSentenceWords, isEnglishAdjective, type EnglishSentenceWords } from '../text/english-word-class.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import type { BilingualDictionary } from '../ports/bilingual-dictionary.ts';
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import { escapePattern } from './cue-matching.ts';
import { translateEnglish } from './english-translator.ts';
import cues from './question-cues.json' with { type: 'json' };
import type { QuestionFrame, TopicWord } from './question-frame.ts';
import type { CorpusVocabulary, TopicReader } from './topic-reader.ts';

/**
 * How an English question is read besides its frame words: shorthand in full (depts, MTBF), places'
 * possessives typed without the apostrophe (Tianjins), the topic translated into the corpus's Chinese
 * (english-translator.ts), one topic word per English word or phrase, each as specific as its Chinese term.
 */
export interface EnglishReadingContext {
  segmenter: ChineseSegmenter;
  vocabulary: CorpusVocabulary;
  gazetteer: Gazetteer;
  dictionary?: BilingualDictionary;
  specificIdf: number;
  topic: TopicReader;
}

const ABBREVIATIONS = new Map(Object.entries(cues.englishAbbreviations.words));
const ABBREVIATED = new RegExp(`(?<![a-z0-9-])(${[...ABBREVIATIONS.keys()].sort((left, right) => right.length - left.length).map(escapePattern).join('|')})(?![a-z0-9-])`, 'gu');

const CAPITALS = new Map(Object.entries(cues.englishCapitalAcronyms.words));
const CAPITAL_ACRONYMS = new RegExp(`(?<![A-Za-z])(?:${[...CAPITALS.keys()].join('|')})(?![A-Za-z])`, 'gu');

const TRUTH_LEAD_IN = /\b(is|was|isn't|wasn't)\s+it\s+(?:really\s+|actually\s+)?(?:true|correct|right|accurate|the case|so)\s+that\b/gu;

export class EnglishReader {
  constructor(private readonly context: EnglishReadingContext) {}

  /** IT written in capitals is information technology, before lower case makes it the pronoun. */
  capitalAcronyms(original: string): string {
    return original.replace(CAPITAL_ACRONYMS, (word) => CAPITALS.get(word) ?? word);
  }

  /** The normalised question as it is meant: depts → departments, Tianjins → tianjin's. */
  normalize(text: string): string {
    // "science & tech" is "science and technology"; s&t and r&d, written without spaces, stay as they are.
    const expanded = text.replace(/\s+&\s+/gu, ' and ').replace(ABBREVIATED, (word) => ABBREVIATIONS.get(word) ?? word)
      // Is it true that…, is it correct that…: the yes or no is asked of the statement after "that"; the adjective judges it.
      .replace(TRUTH_LEAD_IN, '$1 it that');
    return expanded.replace(/\b([a-z]{4,})s\b/gu, (word, stem: string) => (this.context.gazetteer.mentions(stem).some((mention) => mention.text === stem) ? `${stem}'s` : word));
  }

  /**
   * An English question's topic in Chinese: its English words translated, the Chinese it quotes (about
   * 医美 supervision) read as a Chinese question's would be.
   */
  translate(phrase: string, original: string): QuestionFrame['translation'] {
    const { dictionary, vocabulary } = this.context;
    const quoted = phrase.match(/\p{Script=Han}+/gu) ?? [];
    // A composed rendering that the corpus writes as it stands is its term
    // even where its segmenter cuts it (China Brand Day → 中国品牌日, cut 中国/品牌/日).
    // Only for a name the question writes as one, in title case (China Brand Day): words joined as written are as
    // often a verb and its object (improving workers' quality → 提升劳动者质量, strengthening enterprises → 加强企业).
    const titleCased = new Map<string, boolean>();
    const isName = (english: string) => {
      let named = titleCased.get(english);
      if (named === undefined) titleCased.set(english, (named = isTitleCased(english, original)));
      return named;
    };
    // A noun before a gerund (brand building, capacity building) is a compound noun, as Chinese writes it (品牌建设):
    // unlike a gerund before its object (strengthening enterprises), it names a thing.
    // So does an adjective before a noun (electric bicycles → 电动自行车): it modifies, it takes no object.
    const isCompoundNoun = (english: string) => /^[a-z]+(?<!ing) [a-z]+ing$/u.test(english) || (/^[a-z]+ [a-z]+$/u.test(english) && isEnglishAdjective(english.split(' ')[0]!));
    // Two words of two characters each, as such compounds are written (not 品 + 工程 inside 产品工程).
    const isCorpusTerm = (term: string, english?: string) => vocabulary.isCorpusWord(term)
      || (english !== undefined && (isName(english) || (isCompoundNoun(english) && [...term].length >= 4)) && vocabulary.writes(term));
    // Tagging the whole sentence costs a millisecond or two: done once, only when a word has no rendering at all or
    // has a noun sense of its own.
    let sentence: EnglishSentenceWords | undefined;
    const translated = translateEnglish(phrase.replace(/\p{Script=Han}+/gu, ' '), {
      ...(dictionary ? { dictionary } : {}),
      isKnownTerm: vocabulary.isKnownTerm,
      passagesUsing: vocabulary.passagesUsing,
      isCorpusWord: isCorpusTerm,
      writes: (term) => vocabulary.writes(term),
      compoundWithHead: (head, characters) => vocabulary.compoundWithHead(head, characters),
      spelledInPinyin: (word) => vocabulary.wordsSpelledInPinyin(word),
      isAskingWord: (word) => (sentence ??= englishSentenceWords(original)).asking.has(word),
      isNounHere: (word) => (sentence ??= englishSentenceWords(original)).nouns.has(word),
    });
    const read = quoted.flatMap((span) => this.context.topic.read(span).words.map((word) => ({
      english: word.written ?? word.word, chinese: word.word, weight: 1, source: word.seen ? ('glossary' as const) : ('literal' as const),
    })));
    return [...translated, ...read];
  }

  /**
   * One topic word per English word or phrase: its best Chinese term, or the English word when none is
   * known. Words that only spell out a unit the question names (we are the Tianjin consumers association
   * (市消协)) are its name, no topic.
   */
  topicWords(translation: QuestionFrame['translation'], unitNameWords: ReadonlySet<string>): TopicWord[] {
    const byEnglish = new Map<string, QuestionFrame['translation']>();
    for (const term of translation) byEnglish.set(term.english, [...(byEnglish.get(term.english) ?? []), term]);
    const spellsUnit = (english: string) => unitNameWords.size > 0 && english.split(/[\s,]+/u).filter(Boolean).every((each) => unitNameWords.has(each.replace(/s$/u, '')));
    return [...byEnglish].filter(([english]) => !spellsUnit(english)).map(([english, terms]) => {
      const known = terms.find((term) => term.source === 'glossary' || term.source === 'dictionary' || /\p{Script=Han}/u.test(term.chinese));
      const numeric = /^\d/u.test(english);
      // A compound guessed through its head (english-translator.ts modifiedCompound) is a topic word, but too weak a
      // reading to say that only other documents write the thing asked about.
      if (known?.guessed) return { word: known.chinese, tag: 'eng', seen: true, specific: false, written: english };
      return known || numeric
        ? this.withSpecificity({ word: (known ?? terms[0]!).chinese, tag: 'eng', seen: true, specific: false, written: english })
        : { word: english, tag: 'eng', seen: false, specific: terms.some((term) => term.source === 'absent'), written: english };
    });
  }

  /**
   * A translated English word is specific as its Chinese term would be (tractor → 拖拉机, rare; time → 时间, common):
   * asked of documents that lack it, it is a topic they do not cover.
   */
  private withSpecificity(word: TopicWord): TopicWord {
    // Three characters or more: a translation is a guess, and a name of a thing (拖拉机) is a safer guess than a
    // two-character word the dictionaries may render one way where a document writes another (故障 for 失效).
    if (!/^\p{Script=Han}{3,}$/u.test(word.word)) return word;
    const idf = this.context.segmenter.generalIdf(word.word);
    return { ...word, specific: idf === null || idf >= this.context.specificIdf };
  }
}

// What, which, how much: the noun phrase after it, up to the verb or preposition that follows (what fine does…, what's the fine for…).
const WH_PHRASE = /\b(?:what|which|how much|how many)(?:'s|\s+is|\s+are|\s+was|\s+were)?\s+(?:(?:the|a|an|exact|specific)\s+)*((?:[a-z-]+\s+){0,3}?[a-z-]+)(?=\s+(?:does|do|did|is|are|was|were|will|would|should|can|could|has|have|for|of|in|on|under|to|that|from|by|at|with)\b|\s*[?.,;]|\s*$)/u;

/**
 * The head of the noun phrase an English question word asks for (what fine does the plan set → fine;
 * which provincial document → document), when the translation found no corpus rendering of it.
 */
export function absentAskedThing(normalized: string, translation: QuestionFrame['translation']): string | null {
  const head = WH_PHRASE.exec(normalized)?.[1]?.split(/\s+/u).at(-1);
  if (!head) return null;
  const terms = translation.filter((term) => term.english === head);
  return terms.length > 0 && terms.every((term) => term.source === 'absent') ? head : null;
}

/** The English words stand in the question as a name: each capitalised (China Brand Day, Quality Month). */
function isTitleCased(english: string, original: string): boolean {
  const words = english.split(' ');
  if (words.length < 2) return false;
  const pattern = new RegExp(`(?<![A-Za-z])${words.map((word) => `${word[0]!.toUpperCase()}${escapePattern(word.slice(1))}`).join('\\s+')}(?![a-z])`, 'u');
  return pattern.test(original);
}
