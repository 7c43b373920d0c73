import glossaryData from './policy-glossary.json' with { type: 'json' };
import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import type { BilingualDictionary } from '../ports/bilingual-dictionary.ts';
import { Bm25Index, type ScoredDocument, type WeightedTerm } from './bm25-index.ts';
import { chineseGroups, englishGroups, groupCoverage, type QuestionGroup, type TermStatistics } from './answer-confidence.ts';
import { translateEnglish, type TranslatedTerm } from './english-translator.ts';
import type { PassageCatalog } from './passage-catalog.ts';
import type { AnalyzedQuery } from './query-analyzer.ts';
import { createTokenizer, type TextTokenizer, type TokenizerMode } from './text-tokenizer.ts';

/**
 * The lexical path: BM25F over clause heading, body and responsible units, on normalised
 * Simplified text. It needs no model, so it is always on.
 */
export interface LexicalOptions {
  tokenizerMode: TokenizerMode;
  dictionary?: BilingualDictionary;
  fieldWeights?: { heading: number; section: number; body: number; units: number };
}

export interface LexicalSearch {
  hits: ScoredDocument[];
  /** What the question asks about, for judging how well a clause covers it. */
  groups: QuestionGroup[];
  terms: WeightedTerm[];
  translation: TranslatedTerm[];
}

// A clause's own heading says most about it; its section heading says what family it belongs to.
const DEFAULT_WEIGHTS = { heading: 2, section: 0.5, body: 1, units: 1.5 };

export class LexicalRetriever {
  private readonly index: Bm25Index;
  private readonly tokenizer: TextTokenizer;
  private readonly vocabulary = new Set<string>();
  private readonly statistics: TermStatistics;
  /** Per passage (catalog order): heading, section heading, text and unit names, normalised. */
  private readonly coverageTexts: string[] = [];
  private readonly titles: string[];
  /** isKnownTerm's verdicts: an English word brings up hundreds of dictionary candidates. */
  private readonly knownTerms = new Map<string, boolean>();

  constructor(private readonly catalog: PassageCatalog, private readonly options: LexicalOptions) {
    const weights = options.fieldWeights ?? DEFAULT_WEIGHTS;
    this.index = new Bm25Index([
      { name: 'heading', weight: weights.heading, lengthNormalization: 0.3 },
      { name: 'section', weight: weights.section, lengthNormalization: 0 },
      { name: 'body', weight: weights.body, lengthNormalization: 0.75 },
      { name: 'units', weight: weights.units, lengthNormalization: 0 },
    ]);
    const unitNames = new Set(catalog.passages.flatMap((passage) => passage.clause.units.map((unit) => unit.name)));
    const glossaryTerms = Object.values(glossaryData.terms as Record<string, string[]>).flat();
    this.tokenizer = createTokenizer(options.tokenizerMode, [...unitNames, ...glossaryTerms]);
    for (const { clause } of catalog.passages) {
      const heading = this.tokenizer.tokenize(normalizeText(clause.heading ?? ''));
      const section = this.tokenizer.tokenize(normalizeText(clause.sectionHeading ?? ''));
      const body = this.tokenizer.tokenize(withoutResponsibility(clause.normalizedText));
      const units = clause.units.flatMap((unit) => this.tokenizer.tokenize(unit.name));
      this.index.add([heading, section, body, units]);
      for (const token of body) this.vocabulary.add(token);
    }
    this.index.build();
    for (const { clause } of catalog.passages) {
      const text = [clause.heading ?? '', clause.sectionHeading ?? '', clause.normalizedText, ...clause.units.map((unit) => unit.name)].join('\n');
      this.coverageTexts.push(normalizeText(text).toLowerCase());
    }
    this.titles = catalog.documents.map((document) => normalizeText(document.title).toLowerCase());
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

  private judgeTerm(term: string): boolean {
    if (this.vocabulary.has(term)) return true;
    // A Chinese term with a bigram the corpus lacks is unknown: no need to run jieba over it.
    if (this.mode !== 'jieba' && /^\p{Script=Han}{2,}$/u.test(term)) {
      for (let index = 0; index < term.length - 1; index += 1) if (!this.vocabulary.has(`~${term.slice(index, index + 2)}`)) return false;
    }
    const tokens = this.tokenizer.tokenize(term);
    return tokens.length > 0 && tokens.every((token) => this.vocabulary.has(token)) && (this.mode !== 'jieba' || tokens.includes(term));
  }

  search(query: AnalyzedQuery, limit: number, allowed?: Uint8Array): LexicalSearch {
    const translation = query.language === 'en' ? translateEnglish(query.topicPhrase, this.options.dictionary, this.isKnownTerm) : [];
    const terms: WeightedTerm[] =
      query.language === 'en'
        ? translation.flatMap((term) => this.tokenizer.tokenize(term.chinese).map((token) => ({ term: token, weight: term.weight })))
        : this.tokenizer.tokenize(query.topicText).map((token) => ({ term: token, weight: 1 }));
    const groups = query.language === 'en' ? englishGroups(translation, this.statistics) : chineseGroups(this.tokenizer.words(query.topicText), this.statistics);
    return { hits: this.index.search(terms, limit, allowed), groups, terms, translation };
  }

  /**
   * Chinese words of the question (three or more characters) that occur nowhere in the corpus, not
   * even inside a longer word: 无人机, 装机容量. A question about them is one the documents cannot
   * answer. Two-character words are left out: they are mostly everyday verbs (安排, 得到) or
   * segmentation slips (奖要), and would turn answerable questions away. A compound the documents
   * write apart counts as seen: 儿童用品 when one clause says 儿童老年人残疾人用品.
   */
  unseenWords(query: AnalyzedQuery): string[] {
    if (query.language === 'en') return [];
    const words = this.tokenizer.mode === 'bigram' ? [] : this.tokenizer.words(query.topicText);
    return [...new Set(words.filter((word) => /^\p{Script=Han}{3,}$/u.test(word) && !this.occurs([word]) && !this.writtenApart(word)))];
  }

  /** Whether some split of the word into two parts of two or more characters occurs in one passage. */
  private writtenApart(word: string): boolean {
    for (let at = 2; at <= word.length - 2; at += 1) {
      if (this.occurs([word.slice(0, at), word.slice(at)])) return true;
    }
    return false;
  }

  /**
   * Whether one passage (or, for a single piece, a title) holds all the pieces. Only the passages
   * holding the rarest bigram of the pieces are read, so the cost follows that bigram's postings,
   * not the size of the library; with jieba alone there are no bigram postings and all are read.
   */
  private occurs(pieces: string[]): boolean {
    if (pieces.length === 1 && this.titles.some((title) => title.includes(pieces[0]!))) return true;
    const holds = (index: number) => pieces.every((piece) => this.coverageTexts[index]!.includes(piece));
    if (this.mode === 'jieba') return this.coverageTexts.some((_, index) => holds(index));
    let rarest: Uint32Array | undefined;
    for (const piece of pieces) {
      for (let index = 0; index < piece.length - 1; index += 1) {
        const postings = this.index.documentsWith(`~${piece.slice(index, index + 2)}`);
        if (postings.length === 0) return false;
        if (!rarest || postings.length < rarest.length) rarest = postings;
      }
    }
    if (!rarest) return this.coverageTexts.some((_, index) => holds(index));
    for (const index of rarest) if (holds(index)) return true;
    return false;
  }

  /** Share of the question's groups that a passage contains (heading, text and unit names). */
  coverage(groups: QuestionGroup[], clauseId: string): number {
    const index = this.catalog.indexOf(clauseId);
    return groupCoverage(groups, index === undefined ? '' : this.coverageTexts[index]!, this.statistics);
  }
}

/** The responsibility annotation is indexed as the units field; in the body it would only add noise. */
function withoutResponsibility(normalizedText: string): string {
  const annotation = findResponsibilityAnnotation(normalizedText);
  return annotation ? normalizedText.slice(0, annotation.start) : normalizedText;
}
