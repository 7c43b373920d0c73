import cues from './question-cues.json' with { type: 'json' };
import { FUNCTION_CHARACTERS, STOPWORDS } from '../retrieval/text-tokenizer.ts';
import type { ChineseSegmenter, TaggedWord } from '../text/chinese-segmenter.ts';
import { cuePattern, isLatin } from './cue-matching.ts';
import type { TopicWord } from './question-frame.ts';

/** What the corpus says about a word of a question; the lexical index implements it. */
export interface CorpusVocabulary {
  /** Some passage or title holds the word, or both parts of one split of it (儿童用品); with a mask, a passage of those documents. */
  mentions(word: string, allowed?: Uint8Array): boolean;
  /** Some passage or title writes the word as it stands (not only its parts apart). */
  writes(word: string): boolean;
  /** A longer word the corpus writes for an abbreviation: 危化品 → 危险化学品. */
  expansion(word: string): string | undefined;
  /** The corpus's spelling of a word that differs from it in one character, read with its neighbours (a typo). */
  correctedSpelling(word: string, before: string, after: string): string | undefined;
  /** The corpus uses the term (for English translation candidates). */
  isKnownTerm(term: string): boolean;
  /** The corpus has the term as one of its words (as its segmenter cuts them). */
  isCorpusWord(term: string): boolean;
  /** How many passages have the term as one of their words (0 when none): which of a word's senses the corpus uses. */
  passagesUsing(term: string): number;
  /** The corpus's words that toneless pinyin spells so (haihe → 海河), those more passages use first. */
  wordsSpelledInPinyin(latin: string): readonly string[];
  /** The word belongs to how the responsibility lists assign tasks (分工, 配合): a frame word, not a topic. */
  isResponsibilityWord(word: string): boolean;
  /**
   * A compound the corpus writes of two characters before `head`, the first of them among `characters`
   * (海上风电 for 风电 and the first characters of offshore's renderings 海面, 近海): an English modifier
   * rendered otherwise than the corpus writes it.
   */
  compoundWithHead(head: string, characters: ReadonlySet<string>): string | undefined;
}

export interface TopicReading {
  words: TopicWord[];
  frameWords: string[];
}

/**
 * Parts of speech that never carry a topic: pronouns (哪个, 啥, 咋), modal particles (吗, 呢),
 * auxiliaries (的, 了), prepositions, conjunctions, adverbs (都, 还), measure words, locatives
 * (里, 中), time words (现在), interjections, and numerals written in characters (几个, 一共).
 */
const FRAME_TAGS = /^(r|rr|rz|ry|y|u.*|p|c|cc|d|q|f|t|e|o|zg|m|mq)$/u;
// Verbs and adjectives the corpus never uses are how the question asks (弄, 搞, 管), not what about.
const PREDICATE_TAGS = /^(v|vd|vg|a|ad|ag|z|b)$/u;
// Nouns, names, idioms, Latin words, unknown words: the topic, whether the corpus knows them or not.
const NOUN_TAGS = /^(n|nr|nrt|nrfg|ns|nt|nz|ng|l|i|j|vn|an|eng|x|s|g|k|h)$/u;
// The last word of a phrase that asks rather than names (不太熟, 有点名); a pronoun that opens one (别的局).
const PHRASE_HEAD_TAGS = /^(y|u.*|p|c|cc|d|q|f|m|mq|e|o|a|ad)$/u;
const PRONOUN_TAGS = /^(r|rr|rz|ry)$/u;
// Pronouns that point (这个, 那项, 该, 此), not those that ask (哪个, 什么) or stand for a person (我们).
const ENDS_IN_DEMONSTRATIVE = /(?:这|那|该|此|同一)(?:个|项|一|类|些|种|条)?$/u;
// Resultative complements, the closed set of characters that follow a verb to give its result (管住, 抓好, 做到, 管牢).
const RESULTATIVE = /^\p{Script=Han}[住好到完掉牢紧透]$/u;
const LEVEL_PLACE = /^(省|市|县|区|国家|中央)(里|上|里头|这边|那边)$/u;
const FILLERS = [...new Set(cues.fillers)].sort((left, right) => right.length - left.length);

export class TopicReader {
  constructor(
    private readonly segmenter: ChineseSegmenter,
    private readonly vocabulary: CorpusVocabulary,
    /** General-language idf from which an unseen noun counts as a topic of its own (policy). */
    private readonly specificIdf: number,
  ) {}

  /** The topic words of a Chinese question's text (English questions are translated instead). */
  read(text: string): TopicReading {
    let rest = ` ${text} `;
    for (const filler of FILLERS) if (!isLatin(filler) && filler.length > 1) rest = rest.replace(cuePattern(filler), ' ');
    const frameWords: string[] = [];
    const words: TopicWord[] = [];
    const tagged = this.compounds(this.segmenter.tag(rest.replace(/[?？!！。,，、:：;；"“”'‘’()（）《》「」【】]/gu, ' ')));
    tagged.forEach(({ word, tag }, index) => {
      const before = tagged.slice(Math.max(0, index - 2), index).map((each) => each.word).join('');
      const after = tagged.slice(index + 1, index + 3).map((each) => each.word).join('');
      if (/^\s*$/u.test(word)) return;
      if (STOPWORDS.has(word)) {
        frameWords.push(word);
        return;
      }
      // 这个指标, 该目标, 这项任务: a common noun after a demonstrative points at what was said before; it names no topic.
      if (this.pointsBack(text, word, tag)) {
        frameWords.push(word);
        return;
      }
      if (/^\d+(\.\d+)?%?$/u.test(word)) {
        words.push({ word, tag: 'm', seen: true, specific: false });
        return;
      }
      const next = tagged.slice(index + 1).find((each) => !/^\s*$/u.test(each.word));
      const reading = this.readWord(word, tag, before, after, next !== undefined && /\p{Script=Han}/u.test(next.word) && NOUN_TAGS.test(next.tag) && !STOPWORDS.has(next.word));
      // A word the corpus lacks may be a phrase jieba glued (不太熟): its parts, read one by one.
      const parts = reading && !reading.seen ? this.phraseParts({ word, tag }) : undefined;
      if (parts) {
        for (const part of parts) {
          const partReading = STOPWORDS.has(part.word) ? undefined : this.readWord(part.word, part.tag, before, after);
          if (partReading) words.push(partReading);
          else frameWords.push(part.word);
        }
      } else if (reading) words.push(reading);
      else frameWords.push(word);
    });
    return { words, frameWords };
  }

  /**
   * Words jieba cut apart: a single character and the word beside it are joined when some passage
   * writes the joined word as it stands (预制 菜 → 预制菜), and a single noun-like character after a
   * word the corpus never uses is that word's head (充电 桩 → 充电桩): a compound the corpus lacks.
   */
  private compounds(tagged: TaggedWord[]): TaggedWord[] {
    const result: TaggedWord[] = [];
    for (let index = 0; index < tagged.length; ) {
      let joined = 1;
      for (let length = 3; length >= 2 && joined === 1; length -= 1) {
        const parts = tagged.slice(index, index + length);
        if (parts.length < length || !parts.every((part) => /^\p{Script=Han}+$/u.test(part.word) && !STOPWORDS.has(part.word))) continue;
        const word = parts.map((part) => part.word).join('');
        const head = length === 2 && parts[1]!.word.length === 1 && /^(n|ng|q|k)$/u.test(parts[1]!.tag) && (this.modifiesHead(parts[0]!) || this.absentHead(parts[0]!, parts[1]!));
        const fragment = parts.some((part) => part.word.length === 1) && parts.every((part) => !FRAME_TAGS.test(part.tag));
        // 首台 套 (numeral, measure word) of 首台套: a name the corpus writes, whose "numeral" counts nothing.
        const countLike = length === 2 && parts[0]!.tag === 'm' && /^q/u.test(parts[1]!.tag) && !/^[\d一二三四五六七八九十百千万两几多每]+$/u.test(parts[0]!.word);
        if (word.length <= 5 && (head || ((fragment || (countLike && word.length >= 3)) && this.vocabulary.writes(word)))) {
          result.push({ word, tag: 'n' });
          joined = length;
        }
      }
      if (joined === 1) result.push(tagged[index]!);
      index += joined;
    }
    return result;
  }

  /**
   * A word that may take a one-character head as a compound the corpus lacks (充电 of 充电桩): one the
   * corpus never uses and rare in general Chinese; a pronoun or a common word (别的 局, 有点 名) does not.
   */
  private modifiesHead(modifier: TaggedWord): boolean {
    if (modifier.word.length < 2 || FRAME_TAGS.test(modifier.tag) || this.vocabulary.mentions(modifier.word)) return false;
    return this.isRare(modifier.word);
  }

  /**
   * A one-character noun no passage writes at all, after a word (电子 烟 → 电子烟): the head of a
   * product or thing the corpus never names, however common its modifier is. Read apart, the
   * modifier alone would carry the topic and the head would be lost as a single character.
   */
  private absentHead(modifier: TaggedWord, head: TaggedWord): boolean {
    if (modifier.word.length < 2 || FRAME_TAGS.test(modifier.tag) || PREDICATE_TAGS.test(modifier.tag)) return false;
    return /^(n|ng)$/u.test(head.tag) && !this.vocabulary.writes(head.word);
  }

  /**
   * A common noun (not rare in general Chinese) right after a demonstrative (这个, 该, 此, 那项) in the
   * question as written: the fillers that hold the demonstrative are gone from the text tagged.
   */
  private pointsBack(text: string, word: string, tag: string): boolean {
    if (!NOUN_TAGS.test(tag) || !/^\p{Script=Han}+$/u.test(word) || this.isRare(word)) return false;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (ENDS_IN_DEMONSTRATIVE.test(text.slice(Math.max(0, at - 3), at))) return true;
    return false;
  }

  /** Rare in general Chinese (jieba's idf table), or not in it at all. */
  private isRare(word: string): boolean {
    const idf = this.segmenter.generalIdf(word);
    return idf === null || idf >= this.specificIdf;
  }

  /**
   * A word the corpus lacks that jieba's dictionary splits into a phrase (its last word an adverb, a
   * measure word or an adjective, or its first a pronoun: 不太熟 → 不 太 熟, 有点名 → 有点 名) is part
   * of how the question is put, which jieba's new-word discovery glued.
   * Its parts are read one by one; a coinage headed by a noun (网约车, 工信局) stays whole.
   */
  private phraseParts(tagged: TaggedWord): TaggedWord[] | undefined {
    const { word } = tagged;
    if (!/^\p{Script=Han}{2,}$/u.test(word) || FRAME_TAGS.test(tagged.tag)) return undefined;
    const parts = this.segmenter.dictionaryTag(word);
    // A compound's last word is its head: a name ends in a noun (网约车, 工信局), a phrase of the question in an
    // adverb, a measure word or an adjective (不太熟, 有点名); one opening with a pronoun (别的局) names nothing.
    // A rare word before a one-character head is a compound all the same (充电 桩, 桩 also a measure word).
    const compound = parts.length === 2 && parts[1]!.word.length === 1 && this.isRare(parts[0]!.word);
    if (parts.length > 1 && !compound && (PHRASE_HEAD_TAGS.test(parts.at(-1)!.tag) || PRONOUN_TAGS.test(parts[0]!.tag))) return parts;
    // jieba's table lists some such phrases as words (归谁, as a name): a pronoun or a particle at either end
    // (谁, 啥, 吗) still makes one of them.
    const characters = [...word];
    for (const [edge, rest] of [[characters[0]!, characters.slice(1)], [characters.at(-1)!, characters.slice(0, -1)]] as const) {
      const edgeTag = this.segmenter.dictionaryTag(edge)[0]?.tag ?? '';
      if (!PRONOUN_TAGS.test(edgeTag) && !/^(y|u.*)$/u.test(edgeTag)) continue;
      const restParts = this.segmenter.dictionaryTag(rest.join(''));
      const edgePart = { word: edge, tag: edgeTag };
      return edge === characters[0] ? [edgePart, ...restParts] : [...restParts, edgePart];
    }
    return undefined;
  }

  private withoutParticle(word: string): string | undefined {
    const characters = [...word];
    if (characters.length < 3) return undefined;
    const candidates = [
      FUNCTION_CHARACTERS.has(characters.at(-1)!) ? characters.slice(0, -1).join('') : undefined,
      FUNCTION_CHARACTERS.has(characters[0]!) ? characters.slice(1).join('') : undefined,
    ];
    return candidates.find((candidate) => candidate !== undefined && this.vocabulary.mentions(candidate));
  }

  /** `beforeNoun`: a noun follows, so that a verb or adjective here modifies it (殡葬 of 殡葬服务). */
  private readWord(word: string, tag: string, before: string, after: string, beforeNoun = false): TopicWord | undefined {
    const han = /\p{Script=Han}/u.test(word);
    if (!han) return /^[a-z][a-z0-9.+-]*$/iu.test(word) ? { word: word.toLowerCase(), tag: 'eng', seen: this.vocabulary.mentions(word.toLowerCase()), specific: true } : undefined;
    if (FRAME_TAGS.test(tag)) return undefined;
    // A one-character verb (定, 管, 搞, 讲) is how the question asks: what it is about is named by its nouns.
    if (/^(v|vd|vg)$/u.test(tag) && [...word].length === 1) return undefined;
    const idf = this.segmenter.generalIdf(word);
    // Specific: rare enough in general Chinese to be a topic of its own (无人机, not 事情); a word jieba's
    // table lacks is when long enough to be a name (装机容量, 宠物食品).
    const specific = NOUN_TAGS.test(tag) && (idf === null ? word.length >= 3 : idf >= this.specificIdf);
    if (this.vocabulary.mentions(word)) return { word, tag, seen: true, specific };
    // 管住, 抓好, 做到: a verb with its result (a one-character verb and a resultative complement) takes an object and
    // says how; unlike 殡葬 of 殡葬服务 it never modifies the noun after it.
    if (/^(v|vd|vg)$/u.test(tag) && RESULTATIVE.test(word) && /^v/u.test(this.segmenter.dictionaryTag(word[0]!)[0]?.tag ?? '')) return undefined;
    // 省里, 市里: the level of government spoken of, which the scope reads (a follow-up's place); it names no topic.
    if (LEVEL_PLACE.test(word)) return undefined;
    // 有哪些单位分工负责: the responsibility lists' own wording asks for units; it is no topic the clauses lack.
    if (this.vocabulary.isResponsibilityWord(word)) return undefined;
    // A word general Chinese does not know may be an abbreviation of a corpus word (危化品 → 危险化学品, 医美 → 医疗美容).
    // So may one it knows as an abbreviation (jieba's tag j: 国企 → 国有企业, 质检).
    const expansion = (idf === null || tag === 'j') && word.length >= 2 ? this.vocabulary.expansion(word) : undefined;
    if (expansion) return { word: expansion, tag, seen: true, specific: false, written: word };
    // jieba glues an unknown word to the particle beside it (快检是, 是快检): the word without the particle.
    const unglued = idf === null ? this.withoutParticle(word) : undefined;
    if (unglued) return { word: unglued, tag: 'n', seen: true, specific: false, written: word };
    // A word the corpus lacks may be a typo (消废品 for 消费品, 质量水准 for 质量水平): one character off.
    const corrected = this.vocabulary.correctedSpelling(word, before, after);
    if (corrected) return { word: corrected, tag, seen: true, specific: false, written: word };
    // A verb rare in general Chinese that modifies the noun after it (殡葬 of 殡葬服务) names what is asked about,
    // as a noun would; before a count or a particle (牵扯几个, 点名了哪些) it is how the question asks, as 弄, 搞, 管 are.
    if (beforeNoun && PREDICATE_TAGS.test(tag) && /^\p{Script=Han}{2,}$/u.test(word) && idf !== null && idf >= this.specificIdf) return { word, tag, seen: false, specific: true };
    if (PREDICATE_TAGS.test(tag) || !NOUN_TAGS.test(tag)) return undefined;
    return { word, tag, seen: false, specific };
  }
}
