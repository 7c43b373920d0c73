import { normalizeText } from '../corpus/text-normalizer.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import type { BilingualDictionary } from '../ports/bilingual-dictionary.ts';
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import { translateEnglish } from './english-translator.ts';
import { resolveFollowUp, type ChatTurnText } from './follow-up-resolver.ts';
import { detectLanguage } from './language.ts';
import type { NamedUnit, QuestionFrame, TopicWord } from './question-frame.ts';
import { ScopeReader, type ScopeDocument } from './scope-reader.ts';
import { readSlots } from './slot-reader.ts';
import { TopicReader, type CorpusVocabulary } from './topic-reader.ts';
import { UnitDirectory, type DirectoryUnit } from './unit-directory.ts';

export interface AnalyzerContext {
  documents: ScopeDocument[];
  units: DirectoryUnit[];
  /** English city names of the documents (Tianjin, Shanwei), taken off English unit names. */
  cityNames: string[];
  segmenter: ChineseSegmenter;
  vocabulary: CorpusVocabulary;
  gazetteer: Gazetteer;
  dictionary?: BilingualDictionary;
  /** General-language idf from which a noun the corpus lacks is a topic of its own (answer-policy.json). */
  specificIdf: number;
}

/**
 * Reads a question into its frame, once per turn: units named (by any name staff use), scope
 * (places, documents, years), the asked slot and its modifiers, and the topic words with how the
 * corpus knows each. A follow-up is read against the earlier user turns (follow-up-resolver.ts).
 */
export class QuestionAnalyzer {
  private readonly units: UnitDirectory;
  private readonly scope: ScopeReader;
  private readonly topic: TopicReader;

  constructor(private readonly context: AnalyzerContext) {
    this.units = new UnitDirectory(context.units, context.segmenter, context.cityNames);
    this.scope = new ScopeReader(context.documents, context.gazetteer, (word) => context.vocabulary.mentions(word));
    this.topic = new TopicReader(context.segmenter, context.vocabulary, context.specificIdf);
  }

  /** The frame of the last user turn, read against the conversation before it. */
  analyze(question: string, history: ChatTurnText[] = []): QuestionFrame {
    const earlier = history.filter((turn) => turn.role === 'user').map((turn) => this.read(turn.content));
    return resolveFollowUp(this.read(question), earlier);
  }

  /** One question on its own. */
  read(question: string): QuestionFrame {
    const original = question.trim();
    const language = detectLanguage(original);
    const english = language === 'en';
    const normalized = normalizeText(original).toLowerCase();
    const found = this.units.find(normalized);
    let text = normalized;
    for (const { start, end } of [...found].reverse()) text = `${text.slice(0, start)} ${text.slice(end)}`;
    const units = dedupeUnits(found.map((each) => each.unit));
    const scope = this.scope.read(text, units);
    const slots = readSlots(scope.rest, original, english);
    // English is translated as a phrase (glossary phrases keep their filler words: science and technology).
    const phrase = slots.rest.replace(/\s+/gu, ' ').trim();
    const translation = english ? translateEnglish(phrase, this.context.dictionary, this.context.vocabulary.isKnownTerm) : [];
    const topic = english ? { words: englishTopicWords(translation), frameWords: [] } : this.topic.read(slots.rest);
    const words = topic.words;
    const ownTopic = words.some((word) => word.seen || word.specific);
    const unitTasks = units.length > 0 && !ownTopic && (slots.tasks || ['lead', 'units', 'content', 'figure', 'unit-count'].includes(slots.slots[0]!)) && !slots.yesNo;
    return {
      original,
      normalized,
      standalone: original,
      language,
      slot: slots.slots[0]!,
      slots: slots.slots,
      cues: slots.cues,
      yesNo: slots.yesNo || slots.mention,
      compare: slots.compare || scope.regionCount >= 2,
      count: slots.count,
      mention: slots.mention,
      unitTasks,
      documentsAsked: slots.documents && ownTopic,
      measure: slots.measure,
      scope: scope.scope,
      years: scope.years,
      units,
      topic: { words, text: words.map((word) => word.word).join(' '), phrase, frameWords: topic.frameWords },
      translation,
      followUp: null,
    };
  }
}

/** One topic word per English word or phrase: its best Chinese term, or the English word when none is known. */
function englishTopicWords(translation: QuestionFrame['translation']): TopicWord[] {
  const byEnglish = new Map<string, QuestionFrame['translation']>();
  for (const term of translation) byEnglish.set(term.english, [...(byEnglish.get(term.english) ?? []), term]);
  return [...byEnglish].map(([english, terms]) => {
    const known = terms.find((term) => term.source === 'glossary' || term.source === 'dictionary' || /\p{Script=Han}/u.test(term.chinese));
    const numeric = /^\d/u.test(english);
    return known || numeric
      ? { word: (known ?? terms[0]!).chinese, tag: 'eng', seen: true, specific: false, written: english }
      : { word: english, tag: 'eng', seen: false, specific: terms.some((term) => term.source === 'absent'), written: english };
  });
}

function dedupeUnits(units: NamedUnit[]): NamedUnit[] {
  const seen = new Set<string>();
  return units.filter((unit) => {
    const key = JSON.stringify(unit.byDocument);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
