/**
 * Questions generated from the corpus itself, to fit the topic gate on far more (and more varied)
 * questions than any hand-written set: positives ask about phrases from each clause's body, in
 * Simplified and Traditional Chinese and in English (through the glossary and CC-CEDICT's glosses),
 * some with a word swapped for a dictionary synonym the corpus may not use (as staff paraphrase);
 * negatives ask the same way about nouns of general Chinese that no document uses. Deterministic.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as OpenCC from 'opencc-js';
import glossaryData from '../../src/domain/text/policy-glossary.json' with { type: 'json' };
import { findResponsibilityAnnotation } from '../../src/domain/corpus/responsibility-parser.ts';
import type { Gazetteer } from '../../src/domain/places/gazetteer.ts';
import type { CorpusVocabulary } from '../../src/domain/question/topic-reader.ts';
import type { PassageCatalog } from '../../src/domain/retrieval/passage-catalog.ts';
import type { ChineseSegmenter } from '../../src/domain/text/chinese-segmenter.ts';
import type { RawEntry } from '../dictionary/cedict-entries.ts';
import type { BilingualDictionary } from '../../src/domain/ports/bilingual-dictionary.ts';

export interface GeneratedQuestion {
  question: string;
  answerable: boolean;
  language: 'zh-Hans' | 'zh-Hant' | 'en';
  /** Clause id for positives; the absent noun for negatives. */
  source: string;
}

export interface GeneratorInputs {
  catalog: PassageCatalog;
  segmenter: ChineseSegmenter;
  vocabulary: CorpusVocabulary;
  gazetteer: Gazetteer;
  cedict: RawEntry[];
  dictionary: BilingualDictionary;
  seed: number;
}

const PHRASE_TAGS = /^(n|nz|vn|l|nt|eng|j|an)$/u;
const ZH_TEMPLATES = ['{p}由哪个部门牵头', '{p}归谁管', '{p}是哪个单位负责的', '谁负责{p}', '关于{p}有什么要求', '{p}是怎么规定的', '有没有提到{p}', '{p}这块咋说的', '{p}的主责部门是哪个'];
const EN_TEMPLATES = ['Who leads {p}?', 'Which department is responsible for {p}?', 'What does the plan say about {p}?', 'Does the plan mention {p}?', 'who is in charge of {p}', 'requirements on {p}?'];
// English words every clause has, as 质量, 标准, 安全, 监管, 产品 are in Chinese.
const GENERIC_ENGLISH = ['quality', 'standards', 'safety', 'supervision', 'products', 'product quality'];
const PLACE_ZH: Record<string, string> = { cn: '国家方案', tj: '天津', sw: '汕尾' };
const PLACE_EN: Record<string, string> = { cn: 'the national plan', tj: 'Tianjin', sw: 'Shanwei' };
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const require = createRequire(import.meta.url);

export function generateQuestions(inputs: GeneratorInputs): GeneratedQuestion[] {
  const random = seeded(inputs.seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const synonyms = synonymIndex(inputs.cedict);
  const glosses = glossIndex(inputs.cedict);
  const englishOf = englishIndex();
  // English adjectives and nouns whose renderings the corpus never uses, for paraphrase noise.
  const absentGlosses = [...new Set([...glosses.values()])].filter((gloss) => !gloss.includes(' ') && gloss.length >= 5 && random() < 0.01 && !glossInCorpus(gloss, inputs)).slice(0, 300);
  const questions: GeneratedQuestion[] = [];
  const regions = [...new Set(inputs.catalog.documents.map((document) => document.regionCode))];
  const chinese = (phrase: string, region: string, answerable: boolean, source: string) => {
    const place = random() < 0.5 ? PLACE_ZH[region] ?? '' : '';
    const text = `${place}${place ? ' ' : ''}${pick(ZH_TEMPLATES).replace('{p}', phrase)}`;
    const traditional = random() < 0.3;
    questions.push({ question: traditional ? toTraditional(text) : text, answerable, language: traditional ? 'zh-Hant' : 'zh-Hans', source });
  };
  const english = (phrase: string, region: string, answerable: boolean, source: string) => {
    const place = random() < 0.5 ? PLACE_EN[region] : undefined;
    // English paraphrase: staff's own words often have no rendering the corpus uses (offshore for 海上).
    const noisy = answerable && absentGlosses.length > 0 && random() < 0.15 ? `${pick(absentGlosses)} ${phrase}` : phrase;
    const text = pick(EN_TEMPLATES).replace('{p}', noisy);
    questions.push({ question: place ? `${text.replace(/\?$/u, '')} in ${place}?` : text, answerable, language: 'en', source });
  };

  for (const { clause, document } of inputs.catalog.passages) {
    if (clause.kind !== 'clause' && clause.kind !== 'section-text') continue;
    const phrases = bodyPhrases(clause.normalizedText, inputs.segmenter);
    for (let count = 0; count < Math.min(3, phrases.length); count += 1) {
      const phrase = pick(phrases);
      chinese(phrase.text, document.regionCode, true, clause.id);
      // Staff paraphrase: one word swapped for a dictionary synonym, which the corpus may not use.
      const swappable = phrase.words.filter((word) => (synonyms.get(word)?.length ?? 0) > 0);
      if (swappable.length > 0 && random() < 0.5) {
        const word = pick(swappable);
        chinese(phrase.text.replace(word, pick(synonyms.get(word)!)), document.regionCode, true, clause.id);
      }
      const gloss = phrase.words.map((word) => glosses.get(word)).filter(Boolean);
      if (gloss.length === phrase.words.length) english(gloss.join(' '), document.regionCode, true, clause.id);
      // Asked of another place whose documents never use the phrase's words: not covered there.
      const other = pick(regions.filter((region) => region !== document.regionCode));
      const mask = inputs.catalog.documentMask(inputs.catalog.documents.filter((each) => each.regionCode === other).map((each) => each.id));
      if (other && random() < 0.25 && phrase.words.every((word) => word.length >= 2 && !inputs.vocabulary.mentions(word, mask))) {
        questions.push({ question: `${PLACE_ZH[other]} ${pick(ZH_TEMPLATES).replace('{p}', phrase.text)}`, answerable: false, language: 'zh-Hans', source: `elsewhere:${clause.id}` });
      }
    }
    const glossaryTerms = [...englishOf].filter(([term]) => clause.normalizedText.includes(term));
    for (let count = 0; count < Math.min(2, glossaryTerms.length); count += 1) english(pick(glossaryTerms)[1], document.regionCode, true, clause.id);
  }

  const absent = absentNouns(inputs, random);
  const englishTerms = [...englishOf.values()];
  const allPhrases = inputs.catalog.passages.filter(({ clause }) => clause.kind === 'clause').flatMap(({ clause }) => bodyPhrases(clause.normalizedText, inputs.segmenter).map((phrase) => phrase.text));
  for (const noun of absent) {
    const region = pick(regions);
    // Alone, beside a word every clause has (无人机质量), or before a real clause phrase (中药材质量追溯体系):
    // the absent noun is what is asked about.
    const roll = random();
    const phrase = roll < 0.3 ? noun : roll < 0.6 ? `${noun}${pick(['质量', '标准', '安全', '监管', '产品'])}` : `${noun}${pick(allPhrases)}`;
    chinese(phrase, region, false, `absent:${noun}`);
    // In English only when no rendering of the gloss is in the corpus ("interest" also means 利益, which
    // is), as in Chinese: alone, beside a word every clause has (drone product quality), or before an
    // English policy term (pet food, hydrogen fuel vehicles).
    const gloss = glosses.get(noun);
    // Drawn before the test, as the committed gate's questions were: the same seed gives the same questions.
    const englishRoll = random();
    const besides = englishRoll < 0.3 ? '' : ` ${pick(englishRoll < 0.6 ? GENERIC_ENGLISH : englishTerms)}`;
    if (gloss && !glossInCorpus(gloss, inputs)) english(`${gloss}${besides}`, region, false, `absent:${noun}`);
  }
  return questions;
}

/** Noun phrases of a clause body (one to three nouns, three to eight characters), with their words. */
function bodyPhrases(normalizedText: string, segmenter: ChineseSegmenter): { text: string; words: string[] }[] {
  const annotation = findResponsibilityAnnotation(normalizedText);
  const body = annotation ? normalizedText.slice(0, annotation.start) : normalizedText;
  const tagged = segmenter.tag(body);
  const phrases = new Map<string, string[]>();
  for (let start = 0; start < tagged.length; start += 1) {
    for (let length = 1; length <= 3 && start + length <= tagged.length; length += 1) {
      const words = tagged.slice(start, start + length);
      if (!words.every(({ tag }) => PHRASE_TAGS.test(tag))) break;
      const text = words.map(({ word }) => word).join('');
      if (text.length >= 3 && text.length <= 8 && /^\p{Script=Han}+$/u.test(text)) phrases.set(text, words.map(({ word }) => word));
    }
  }
  return [...phrases].map(([text, words]) => ({ text, words }));
}

/** Nouns of general Chinese (jieba's dictionary) that no document uses and that name things. */
function absentNouns(inputs: GeneratorInputs, random: () => number): string[] {
  const lines = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8').split('\n');
  const nouns: string[] = [];
  for (const line of lines) {
    const [word, frequency, tag] = line.split(' ');
    if (!word || tag !== 'n' || !/^\p{Script=Han}{2,4}$/u.test(word)) continue;
    const count = Number(frequency);
    if (count < 30 || count > 3000 || random() > 0.02) continue;
    const idf = inputs.segmenter.generalIdf(word);
    if (idf === null || idf < 6 || inputs.vocabulary.mentions(word) || inputs.gazetteer.mentions(word).length > 0) continue;
    nouns.push(word);
  }
  return nouns.slice(0, 700);
}

function glossInCorpus(gloss: string, inputs: GeneratorInputs): boolean {
  return gloss.split(' ').some((word) => inputs.dictionary.chineseFor(word).some((candidate) => candidate.term.length > 1 && inputs.vocabulary.isKnownTerm(candidate.term)));
}

/** Chinese words that share a one- or two-word English gloss: 抽查 and 抽检 are both "spot check". */
function synonymIndex(entries: RawEntry[]): Map<string, string[]> {
  const byGloss = new Map<string, string[]>();
  for (const [, simplified, , meanings] of entries) {
    if (!/^\p{Script=Han}{2,4}$/u.test(simplified)) continue;
    for (const gloss of glossesOf(meanings)) byGloss.set(gloss, [...(byGloss.get(gloss) ?? []), simplified]);
  }
  const synonyms = new Map<string, string[]>();
  for (const words of byGloss.values()) {
    if (words.length < 2 || words.length > 6) continue;
    for (const word of words) synonyms.set(word, [...new Set([...(synonyms.get(word) ?? []), ...words.filter((other) => other !== word)])]);
  }
  return synonyms;
}

/** The first short English gloss of each Chinese word. */
function glossIndex(entries: RawEntry[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const [, simplified, , meanings] of entries) {
    if (index.has(simplified)) continue;
    const gloss = glossesOf(meanings)[0];
    if (gloss) index.set(simplified, gloss);
  }
  return index;
}

function glossesOf(meanings: string | string[]): string[] {
  return (Array.isArray(meanings) ? meanings : [meanings])
    .flatMap((meaning) => meaning.split(';'))
    .map((gloss) => gloss.replace(/\([^)]*\)/gu, ' ').replace(/\b(to|a|an|the)\b/giu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase())
    .filter((gloss) => /^[a-z][a-z -]*$/u.test(gloss) && gloss.split(' ').length <= 2 && !/^(cl|variant|surname|see)\b/u.test(gloss));
}

/** Glossary Chinese term → its English key (the first one listed). */
function englishIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const [english, terms] of Object.entries(glossaryData.terms as Record<string, string[]>)) for (const term of terms) if (!index.has(term)) index.set(term, english);
  return index;
}

/** A small deterministic generator (mulberry32): the same seed gives the same questions. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
