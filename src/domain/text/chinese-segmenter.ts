import { Jieba, TfIdf } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import type { GrowingVocabulary } from '../retrieval/passage-token-cache.ts';

/**
 * jieba with the corpus's own words added (unit names, glossary terms, the names policy texts put in
 * quotes such as “振兴杯”), so that a name stays one word in clauses and in questions alike. One
 * instance serves indexing and question reading: both must cut text the same way.
 */
export interface TaggedWord {
  word: string;
  /** jieba's part of speech: n noun, v verb, r pronoun, m numeral, eng Latin, x unknown… */
  tag: string;
}

export interface ChineseSegmenter {
  cut(text: string): string[];
  cutForSearch(text: string): string[];
  tag(text: string): TaggedWord[];
  /**
   * Tagged with the dictionary's words only, without jieba's discovery of new words: how a word jieba
   * coined from characters it did not know (不太熟, 归谁) splits into words its dictionary has.
   */
  dictionaryTag(text: string): TaggedWord[];
  /**
   * How rare a word is in general Chinese (jieba's idf table): 情况 4.0, 事情 4.9, 无人机 9.7. A word
   * the corpus never uses says the topic is absent only when it is rare in general language too.
   * Null for words the table lacks (new coinages, abbreviations, typos) and single characters.
   */
  generalIdf(word: string): number | null;
}

// jieba's user dictionary is "word frequency tag" per line: a word with whitespace cannot be one.
const DICTIONARY_WORD = /^[^\s]{2,40}$/u;
// High enough that a user word wins over jieba's own segmentation of it.
const USER_WORD_FREQUENCY = 100_000;
// What jieba's keyword extractor gives a word its table lacks (its default for unknown words).
const UNKNOWN_IDF = 11.95;

export function createChineseSegmenter(userWords: Iterable<string>): ChineseSegmenter {
  return new SegmenterVocabulary().segmenter(userWords);
}

/**
 * One jieba instance that learns the corpus's words as documents arrive, for a library that changes
 * while the server runs: loading jieba's own dictionary takes 150–250 ms of blocked event loop,
 * adding a document's new words well under 1 ms. Words only accumulate: a removed document's unit
 * names stay known until the next start (they cut a name as one word; no clause holds them any more).
 */
export class SegmenterVocabulary implements GrowingVocabulary {
  private readonly jieba = Jieba.withDict(dict);
  private readonly known = new Set<string>();
  private readonly learned: string[] = [];

  get version(): number {
    return this.learned.length;
  }

  wordsSince(version: number): readonly string[] {
    return this.learned.slice(version);
  }

  /** A segmenter that knows these words (and those given before). */
  segmenter(userWords: Iterable<string>): ChineseSegmenter {
    const added = [...new Set(userWords)].filter((word) => DICTIONARY_WORD.test(word) && !this.known.has(word));
    if (added.length > 0) this.jieba.loadDict(new TextEncoder().encode(added.map((word) => `${word} ${USER_WORD_FREQUENCY} n`).join('\n')));
    for (const word of added) {
      this.known.add(word);
      this.learned.push(word);
    }
    return segmenterOver(this.jieba);
  }
}

// jieba's idf table does not depend on the corpus: read once (150–230 ms) for the process.
let sharedTfIdf: TfIdf | undefined;

function segmenterOver(jieba: Jieba): ChineseSegmenter {
  const tfidf = (sharedTfIdf ??= TfIdf.withDict(idf));
  const idfCache = new Map<string, number | null>();
  return {
    cut: (text) => jieba.cut(text, true),
    cutForSearch: (text) => jieba.cutForSearch(text, true),
    tag: (text) => jieba.tag(text, true).map(({ word, tag }) => ({ word, tag })),
    dictionaryTag: (text) => jieba.tag(text, false).map(({ word, tag }) => ({ word, tag })),
    generalIdf(word) {
      let value = idfCache.get(word);
      if (value === undefined) {
        // A one-word text: its only keyword's weight is the word's idf (term frequency 1 of 1); the
        // extractor skips words it cannot weigh, which are the ones its table lacks.
        // A compound jieba cuts into several words is not a word of its table.
        const single = [...word].length >= 2 && jieba.cut(word, false).length === 1;
        const weight = single ? tfidf.extractKeywords(jieba, word, 1)[0]?.weight : undefined;
        value = weight === undefined || weight === 0 || Math.abs(weight - UNKNOWN_IDF) < 0.01 ? null : weight;
        idfCache.set(word, value);
      }
      return value;
    },
  };
}

let plain: ChineseSegmenter | undefined;

/** jieba with its own dictionary only, for work that must not depend on the corpus's words (aligning clauses at ingest). */
export function plainChineseSegmenter(): ChineseSegmenter {
  plain ??= createChineseSegmenter([]);
  return plain;
}
