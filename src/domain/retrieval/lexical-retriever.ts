import { POLICY } from '../answer-policy.ts';
import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { CorpusVocabulary } from '../question/topic-reader.ts';
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import { Bm25Index, type ScoredDocument, type WeightedTerm } from './bm25-index.ts';
import { chineseGroups, englishGroups, topicShare, type TopicGroup, type TermStatistics } from './topic-coverage.ts';
import type { PassageCatalog } from './passage-catalog.ts';
import type { PassageTokenCache } from './passage-token-cache.ts';
import { PinyinSpellings } from './pinyin-spellings.ts';
import { TermTable } from './term-table.ts';
import { escapeRegExp, forMatching, withAlternatives, withoutResponsibility } from './passage-text.ts';
import { createTokenizer, FUNCTION_CHARACTERS, type TextTokenizer, type TokenizerMode } from './text-tokenizer.ts';

/**
 * The lexical path: BM25F over clause heading, body and responsible units, on normalised
 * Simplified text. It needs no model, so it is always on.
 */
export interface LexicalOptions {
  tokenizerMode: TokenizerMode;
  /** The segmenter shared with the question analyzer, so that both cut words alike. */
  segmenter: ChineseSegmenter;
  fieldWeights?: { heading: number; section: number; body: number; units: number };
  /** Tokens kept from the last build (the server's live library): only changed passages are cut again. */
  tokenCache?: PassageTokenCache;
}

export interface LexicalSearch {
  hits: ScoredDocument[];
  /** What the question asks about, for judging how well a clause covers it. */
  groups: TopicGroup[];
  terms: WeightedTerm[];
}

// A clause's own heading says most about it; its section heading says what family it belongs to.
const DEFAULT_WEIGHTS = POLICY.fieldWeights;

export class LexicalRetriever implements CorpusVocabulary {
  private readonly index: Bm25Index;
  private readonly tokenizer: TextTokenizer;
  /** Per term number: 1 when some passage's body has the term (the corpus's vocabulary; headings and unit lists aside). */
  private bodyTerms: Uint8Array;
  /** Words of the responsibility lists besides the units' names (分工, 配合, 按职责): how the corpus assigns tasks. */
  private readonly responsibilityWords = new Set<string>();
  private readonly statistics: TermStatistics;
  /** Per passage (catalog order): heading, section heading, text and unit names, normalised. */
  private readonly coverageTexts: string[] = [];
  private readonly titles: string[];
  /** isKnownTerm's verdicts: an English word brings up hundreds of dictionary candidates. */
  private readonly knownTerms = new Map<string, boolean>();
  /** Body words by their toneless pinyin (海河 → haihe), built with the index. */
  private readonly pinyinSpellings: PinyinSpellings;

  constructor(private readonly catalog: PassageCatalog, private readonly options: LexicalOptions) {
    const weights = options.fieldWeights ?? DEFAULT_WEIGHTS;
    const cache = options.tokenCache;
    const terms = cache?.terms ?? new TermTable();
    this.index = new Bm25Index(
      [
        { name: 'heading', weight: weights.heading, lengthNormalization: 0.3 },
        { name: 'section', weight: weights.section, lengthNormalization: 0 },
        { name: 'body', weight: weights.body, lengthNormalization: 0.75 },
        { name: 'units', weight: weights.units, lengthNormalization: 0 },
      ],
      terms,
    );
    this.tokenizer = createTokenizer(options.tokenizerMode, options.segmenter);
    const numbered = (tokens: string[]) => tokens.map((token) => terms.intern(token));
    const cut = (clause: PassageCatalog['passages'][number]['clause']) => [
      numbered(this.tokenizer.tokenize(normalizeText(clause.heading ?? ''))),
      numbered(this.tokenizer.tokenize(normalizeText(clause.sectionHeading ?? ''))),
      numbered(this.tokenizer.tokenize(withAlternatives(withoutResponsibility(clause.normalizedText)))),
      numbered(clause.units.flatMap((unit) => this.tokenizer.tokenize(unit.name))),
    ];
    this.bodyTerms = new Uint8Array(Math.max(terms.size, 1024));
    for (const { clause } of catalog.passages) {
      // Every text the fields are cut from: a changed clause misses, an unchanged one hits.
      const fields = cache
        ? cache.termIds(clause.id, [this.tokenizer.mode, clause.heading ?? '', clause.sectionHeading ?? '', clause.normalizedText, ...clause.units.map((unit) => unit.name)].join('\u0000'), () => cut(clause))
        : cut(clause);
      // With a cache, the index reads the kept fields again when it builds: nothing is gathered twice.
      if (!cache) this.index.addTermIds(fields);
      this.markBodyTerms(fields[2]!, terms.size);
      const annotation = findResponsibilityAnnotation(clause.normalizedText);
      if (annotation) {
        let words = annotation.raw;
        for (const unit of clause.units) words = words.replaceAll(unit.name, ' ');
        for (const token of this.tokenizer.tokenize(words)) this.responsibilityWords.add(token);
      }
    }
    if (cache) this.index.buildFrom(catalog.passages.length, (document, visit) => cache.visitKept(catalog.passages[document]!.clause.id, visit));
    else this.index.build();
    cache?.keepOnlyUsed();
    for (const { clause } of catalog.passages) {
      const matching = () => forMatching([clause.heading ?? '', clause.sectionHeading ?? '', clause.normalizedText, ...clause.units.map((unit) => unit.name)].join('\n'));
      this.coverageTexts.push(cache ? cache.matchingText(clause.id, matching) : matching());
    }
    this.titles = catalog.documents.map((document) => normalizeText(document.title).toLowerCase());
    this.pinyinSpellings = new PinyinSpellings(this.bodyWords());
    this.statistics = {
      idf: (unit: string) => {
        const term = /^\p{Script=Han}{2}$/u.test(unit) && this.mode !== 'jieba' ? `~${unit}` : unit;
        return this.index.has(term) ? this.index.idf(term) : undefined;
      },
      unseenIdf: Math.log(1 + (this.index.size + 0.5) / 0.5),
    };
  }

  get mode(): TokenizerMode {
    return this.tokenizer.mode;
  }

  /** The tokens the index is built from (jieba with the unit and glossary dictionary, bigrams). */
  tokenize(text: string): string[] {
    return this.tokenizer.tokenize(text);
  }

  /** True when the corpus uses the term: as a word, or (bigram mode) through all its bigrams. */
  isKnownTerm = (term: string): boolean => {
    let known = this.knownTerms.get(term);
    if (known === undefined) {
      known = this.judgeTerm(term);
      this.knownTerms.set(term, known);
    }
    return known;
  };

  isCorpusWord = (term: string): boolean => this.inBodies(term);

  passagesUsing = (term: string): number => (this.index.has(term) ? this.index.documentsWith(term).length : 0);

  isResponsibilityWord = (word: string): boolean => this.responsibilityWords.has(word);

  /** Body words spelt so in toneless pinyin (haihe → 海河), those more passages use first. */
  wordsSpelledInPinyin = (latin: string): string[] =>
    [...this.pinyinSpellings.wordsSpelled(latin)].sort((left, right) => this.passagesUsing(right) - this.passagesUsing(left));

  private *bodyWords(): Generator<string> {
    const known = Math.min(this.bodyTerms.length, this.index.terms.size);
    for (let id = 0; id < known; id += 1) if (this.bodyTerms[id] === 1) yield this.index.terms.text(id);
  }

  private markBodyTerms(ids: number[], termCount: number): void {
    if (termCount > this.bodyTerms.length) {
      const grown = new Uint8Array(Math.max(termCount, this.bodyTerms.length * 2));
      grown.set(this.bodyTerms);
      this.bodyTerms = grown;
    }
    for (const id of ids) this.bodyTerms[id] = 1;
  }

  /** Some passage's body has the token (terms learned by later builds over the same table have no flag here). */
  private inBodies(token: string): boolean {
    const id = this.index.terms.find(token);
    return id !== undefined && this.bodyTerms[id] === 1;
  }

  private judgeTerm(term: string): boolean {
    if (this.inBodies(term)) return true;
    // A Chinese term with a bigram the corpus lacks is unknown: no need to run jieba over it.
    if (this.mode !== 'jieba' && /^\p{Script=Han}{2,}$/u.test(term)) {
      for (let index = 0; index < term.length - 1; index += 1) if (!this.inBodies(`~${term.slice(index, index + 2)}`)) return false;
    }
    const tokens = this.tokenizer.tokenize(term);
    return tokens.length > 0 && tokens.every((token) => this.inBodies(token)) && (this.mode !== 'jieba' || tokens.includes(term));
  }

  /**
   * BM25F over the frame's topic: its Chinese words, or an English question's translations. Topic
   * words the corpus lacks still take part in judging coverage (they count against a clause), unless
   * they are ordinary words that say nothing (事情).
   */
  search(frame: QuestionFrame, limit: number, allowed?: Uint8Array): LexicalSearch {
    const english = frame.translation.length > 0;
    const terms: WeightedTerm[] = english
      ? frame.translation.flatMap((term) => this.tokenizer.tokenize(term.chinese).map((token) => ({ term: token, weight: term.weight })))
      : this.tokenizer.tokenize(frame.topic.text).map((token) => ({ term: token, weight: 1 }));
    const words = frame.topic.words.filter((word) => word.seen || word.specific).map((word) => word.word);
    const groups = english ? englishGroups(frame.translation, this.statistics) : chineseGroups(words, this.statistics);
    return { hits: this.index.search(terms, limit, allowed), groups, terms };
  }

  /**
   * Some passage or title holds the word, or both parts of one split of it (儿童用品 in
   * 儿童老年人残疾人用品); with a mask, some passage of the masked documents does.
   */
  mentions(word: string, allowed?: Uint8Array): boolean {
    if (this.occurs([word], allowed)) return true;
    return /^\p{Script=Han}{4,}$/u.test(word) && this.writtenApart(word, allowed);
  }

  writes(word: string): boolean {
    return this.occurs([word]);
  }

  compoundWithHead(head: string, characters: ReadonlySet<string>): string | undefined {
    if (!/^\p{Script=Han}+$/u.test(head)) return undefined;
    // A one-character head must end the word there (警务站”), not begin a longer one (质量获得感 is no 获).
    const ending = [...head].length === 1 ? '(?![\\p{Script=Han}--[的和与及、]])' : '';
    const pattern = new RegExp(`(\\p{Script=Han}{2})${escapeRegExp(head)}${ending}`, 'gv');
    const modifiers = new Set<string>();
    // Only the passages holding the head's rarest bigram are read (all of them for a one-character head).
    for (const passage of this.passagesWithBigramsOf(head, -1)) {
      const text = this.coverageTexts[passage]!;
      if (!text.includes(head)) continue;
      for (const match of text.matchAll(pattern)) modifiers.add(match[1]!);
    }
    // A head the corpus modifies in many ways (质量: 产品质量, 进行质量…) makes one shared character no evidence.
    if (modifiers.size > POLICY.compoundHeadModifiers) return undefined;
    // The two characters are a word of the corpus's own (海上 of 海上风电), not the tail of a longer one (提高乳制品 has no 高乳).
    const modifier = [...modifiers].find((each) => characters.has([...each][0]!) && (this.isCorpusWord(each) || this.isCorpusWord(each + head)));
    return modifier ? modifier + head : undefined;
  }

  /**
   * The corpus word an abbreviation stands for: its characters in order, first and last kept, at
   * most three characters left out between each (危化品 → 危险化学品, 婴配粉 → 婴幼儿配方乳粉).
   */
  expansion(word: string): string | undefined {
    if (/^\p{Script=Han}{2}$/u.test(word)) return this.twoWordExpansion(word);
    if (!/^\p{Script=Han}{3,6}$/u.test(word)) return undefined;
    const pattern = new RegExp([...word].join('\\p{Script=Han}{0,3}'), 'u');
    for (const text of this.coverageTexts) {
      if (!text.includes(word[0]!) || !text.includes(word.at(-1)!)) continue;
      const match = pattern.exec(text);
      if (match && match[0].length > word.length && match[0].length <= word.length * 2 + 1) return match[0];
    }
    return undefined;
  }

  /**
   * A two-character abbreviation made of the first characters of two words the corpus writes side by
   * side (医美 for 医疗美容, 质检 for 质量检验): both words must be words of the corpus, so that two
   * characters that merely occur near each other expand to nothing.
   */
  private twoWordExpansion(word: string): string | undefined {
    const pattern = new RegExp(`${escapeRegExp(word[0]!)}(\\p{Script=Han})${escapeRegExp(word[1]!)}(\\p{Script=Han})`, 'gu');
    for (const text of this.coverageTexts) {
      if (!text.includes(word[0]!) || !text.includes(word[1]!)) continue;
      for (const match of text.matchAll(pattern)) {
        const first = word[0]! + match[1]!;
        const second = word[1]! + match[2]!;
        // 国企: 国有企业 is one word of the corpus's segmenter, not 国有 beside 企业.
        if ((this.inBodies(first) && this.inBodies(second)) || this.inBodies(first + second)) return first + second;
      }
    }
    return undefined;
  }

  /**
   * The spelling the corpus uses for a word that differs from it in one character (a typo: 消废品 for
   * 消费品, 水准 for 水平 in 质量水准): the word with a neighbour or two, as a window of four or more
   * characters, matched against the passages with one character of the word left open.
   */
  correctedSpelling(word: string, before: string, after: string): string | undefined {
    if (!/^\p{Script=Han}{2,}$/u.test(word)) return undefined;
    const left = (before.match(/\p{Script=Han}+$/u)?.[0] ?? '').slice(-2);
    const right = (after.match(/^\p{Script=Han}+/u)?.[0] ?? '').slice(0, 2);
    const windows = [
      { text: left + word, offset: left.length },
      { text: word + right, offset: 0 },
      { text: left.slice(-1) + word + right.slice(0, 1), offset: Math.min(1, left.length) },
      { text: word, offset: 0 },
    ].filter((window) => window.text.length >= 4);
    for (const { text, offset } of windows) {
      for (let at = offset; at < offset + word.length; at += 1) {
        // 事故率 is not 事故 with another ending: a measure's suffix (率, 额, 量) names what is measured.
        if (at === offset + word.length - 1 && MEASURE_SUFFIXES.has(word.at(-1)!)) continue;
        const pattern = new RegExp(`${escapeRegExp(text.slice(0, at))}(\\p{Script=Han})${escapeRegExp(text.slice(at + 1))}`, 'u');
        for (const passage of this.passagesWithBigramsOf(text, at)) {
          const match = pattern.exec(this.coverageTexts[passage]!);
          // A particle put in (事故率 → 事故的) makes no spelling of a word, only a stretch of text around one.
          if (match && match[1] !== text[at] && !FUNCTION_CHARACTERS.has(match[1]!)) return word.slice(0, at - offset) + match[1] + word.slice(at - offset + 1);
        }
      }
    }
    return undefined;
  }

  /** Passages holding the window's rarest bigram that does not cover the open position (all of them without bigram postings). */
  private passagesWithBigramsOf(text: string, open: number): Iterable<number> {
    let rarest: Uint32Array | undefined;
    if (this.mode !== 'jieba') {
      for (let index = 0; index < text.length - 1; index += 1) {
        if (index === open || index + 1 === open) continue;
        const postings = this.index.documentsWith(`~${text.slice(index, index + 2)}`);
        if (!rarest || postings.length < rarest.length) rarest = postings;
      }
    }
    return rarest ?? this.coverageTexts.keys();
  }


  /** Whether some split of the word into two parts of two or more characters occurs in one passage. */
  private writtenApart(word: string, allowed?: Uint8Array): boolean {
    for (let at = 2; at <= word.length - 2; at += 1) {
      if (this.occurs([word.slice(0, at), word.slice(at)], allowed)) return true;
    }
    return false;
  }

  /**
   * Whether one passage (or, for a single piece, a title) holds all the pieces. Only the passages
   * holding the rarest bigram of the pieces are read, so the cost follows that bigram's postings,
   * not the size of the library; with jieba alone there are no bigram postings and all are read.
   */
  private occurs(pieces: string[], allowed?: Uint8Array): boolean {
    if (!allowed && pieces.length === 1 && this.titles.some((title) => title.includes(pieces[0]!))) return true;
    const holds = (index: number) => (!allowed || allowed[index] === 1) && pieces.every((piece) => this.coverageTexts[index]!.includes(piece));
    if (this.mode === 'jieba') return this.coverageTexts.some((_, index) => holds(index));
    let rarest: Uint32Array | undefined;
    // Bigram postings exist for runs of Han characters only (BIM, 5G are read in full).
    for (const run of pieces.flatMap((piece) => piece.match(/\p{Script=Han}{2,}/gu) ?? [])) {
      for (let index = 0; index < run.length - 1; index += 1) {
        const postings = this.index.documentsWith(`~${run.slice(index, index + 2)}`);
        if (postings.length === 0) return false;
        if (!rarest || postings.length < rarest.length) rarest = postings;
      }
    }
    if (!rarest) return this.coverageTexts.some((_, index) => holds(index));
    for (const index of rarest) if (holds(index)) return true;
    return false;
  }

  /** Topic words that occur in the corpus but in none of the masked documents' passages (预制菜 asked of Tianjin). */
  unseenWithin(frame: QuestionFrame, allowed: Uint8Array | undefined): string[] {
    if (!allowed) return [];
    // An English word is unseen there only when none of its renderings is used there (tractor: 拖拉机 only in the national plan).
    const renderings = (word: QuestionFrame['topic']['words'][number]) =>
      word.written === undefined || frame.language !== 'en' ? [word.word] : [word.word, ...frame.translation.filter((term) => term.english === word.written).map((term) => term.chinese)];
    // A rate (覆盖率) whose root those documents use (每年100%全覆盖) is set there, worded otherwise: not another document's thing.
    const rateOf = (word: string) => (/^\p{Script=Han}{2,}率$/u.test(word) ? word.slice(0, -1) : undefined);
    return frame.topic.words
      .filter((word) => word.seen && word.specific && !renderings(word).some((term) => this.mentions(term, allowed)))
      .filter((word) => {
        const root = rateOf(word.word);
        return root === undefined || !this.mentions(root, allowed);
      })
      .map((word) => word.word);
  }

  /** Share of the question's groups that a passage contains (heading, text and unit names). */
  coverage(groups: TopicGroup[], clauseId: string): number {
    const index = this.catalog.indexOf(clauseId);
    return topicShare(groups, index === undefined ? '' : this.coverageTexts[index]!);
  }
}

const MEASURE_SUFFIXES = new Set([...'率额量数度比']);
