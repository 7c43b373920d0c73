import { normalizeText } from '../corpus/text-normalizer.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import type { BilingualDictionary } from '../ports/bilingual-dictionary.ts';
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import cues from './question-cues.json' with { type: 'json' };
import { absentAskedThing, EnglishReader } from './english-reading.ts';
import { ClauseReferenceReader, withChineseClauseNumbers, type ReferenceClause } from './clause-reference-reader.ts';
import { commentDeadlineAsked, draftStatusAsked, isTargetTopicWord, isTargetWord, issueDateAsked, namesTargets, targetOfSubjectAsked, placeAskedForOwnDocument, planYearAsked, readDocumentAsk, THING_TAGS } from './document-asks.ts';
import { LiteralPhraseReader } from './literal-phrases.ts';
import { cuePattern } from './cue-matching.ts';
import { continuesEarlier, resolveFollowUp, withPrior, withPriorCounterparts, type ChatTurnText, type EarlierTurn } from './follow-up-resolver.ts';
import { detectLanguage } from './language.ts';
import { METADATA_SLOTS, type AskedSlot, type ClauseReference, type NamedUnit, type QuestionFrame, type TopicWord } from './question-frame.ts';
import { ScopeReader, type ScopeDocument } from './scope-reader.ts';
import { CueTypoReader } from './cue-typos.ts';
import { asksBasisOrApproval, FRAME_CUES, readSlots } from './slot-reader.ts';
import { TopicReader, type CorpusVocabulary } from './topic-reader.ts';
import { UnitDirectory, type DirectoryUnit } from './unit-directory.ts';
import { unitsAskedAbout } from './asker-introduction.ts';

export interface AnalyzerContext {
  documents: (ScopeDocument & { level: string })[];
  /** Numbered clauses, for questions that name one by its place or title (国家方案二(一)). */
  clauses: ReferenceClause[];
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

// The verbs of taking a clause up (落实, implements): part of an ask for the counterpart, no topic.
const IMPLEMENTATION_CUES = [...cues.references.implementation].sort((left, right) => right.length - left.length);
// A condition joining two asks (没有的话, 否则).
const CONDITIONAL = /(?:如果|若|要是|假如)?(?:没有|不是|没|不)的话|不然的话|否则/gu;
// A clause id as the API returns it (sw-2023-0926:8.22).
const CLAUSE_ID = /[a-z][a-z0-9-]*:[a-z0-9]+(?:\.[0-9]+)*/gu;

/**
 * Reads a question into its frame, once per turn: units named (by any name staff use), scope
 * (places, documents, years), the asked slot and its modifiers, and the topic words with how the
 * corpus knows each. A follow-up is read against the earlier user turns (follow-up-resolver.ts).
 */
export class QuestionAnalyzer {
  private readonly units: UnitDirectory;
  private readonly scope: ScopeReader;
  private readonly topic: TopicReader;
  private readonly references: ClauseReferenceReader;
  private readonly phrases: LiteralPhraseReader;
  private readonly cueTypos: CueTypoReader;
  /** Each document's title, normalised once: the words that describe a document rather than ask about a topic. */
  private readonly titles: Map<string, string>;
  private readonly documentOfClause: Map<string, string>;
  private readonly headingOf: Map<string, string>;
  private readonly english: EnglishReader;

  constructor(private readonly context: AnalyzerContext) {
    this.units = new UnitDirectory(context.units, context.segmenter, context.cityNames);
    this.scope = new ScopeReader(context.documents, context.gazetteer, (word) => context.vocabulary.mentions(word));
    this.topic = new TopicReader(context.segmenter, context.vocabulary, context.specificIdf);
    this.references = new ClauseReferenceReader(context.clauses);
    this.phrases = new LiteralPhraseReader(context.vocabulary, this.topic);
    this.cueTypos = new CueTypoReader(FRAME_CUES, (word) => context.segmenter.generalIdf(word) !== null || context.vocabulary.writes(word));
    this.titles = new Map(context.documents.map((document) => [document.id, normalizeText(document.title ?? '').toLowerCase()]));
    this.documentOfClause = new Map(context.clauses.map((clause) => [clause.id, clause.documentId]));
    this.headingOf = new Map(context.clauses.map((clause) => [clause.id, clause.heading ?? '']));
    this.english = new EnglishReader({ ...context, topic: this.topic });
  }

  /**
   * The frame of the last user turn, read against the conversation before it. The clauses an answer
   * cited come with the turn when the conversation is stored; else they are read from its text
   * (津质量发〔2023〕3号 二、(二)「提升食品质量水平」).
   */
  analyze(question: string, history: ChatTurnText[] = []): QuestionFrame {
    const current = this.read(question);
    // Earlier turns are read back only as far as the chain of follow-ups reaches: a new question
    // reads none, "那国家方案呢?" the one before (a state resets at every question of its own).
    const turns: { question: string; answer: ChatTurnText | undefined }[] = [];
    history.forEach((turn, index) => {
      if (turn.role === 'user') turns.push({ question: turn.content, answer: history[index + 1]?.role === 'assistant' ? history[index + 1] : undefined });
    });
    const earlier: EarlierTurn[] = [];
    let frame = current;
    for (let index = turns.length - 1; index >= 0 && continuesEarlier(frame); index -= 1) {
      const { question: asked, answer } = turns[index]!;
      frame = this.read(asked);
      const scoped = frame.scope.documentIds;
      // A clause the answer names without its document (四（九）) is one of the documents that question was about.
      earlier.unshift({
        frame,
        cited: answer ? (answer.citedClauseIds ?? this.citedIn(answer.content, scoped)) : [],
        answerUnits: () => (answer ? this.unitsIn(answer.content, scoped) : []),
      });
    }
    const resolved = resolveFollowUp(current, earlier, (ids) => this.documentsOf(ids), (ids) => this.otherLevel(ids));
    // A follow-up to another document keeps the clauses the answer before cited, read within its question's documents.
    if (earlier.length > 0) return withPriorCounterparts(resolved, earlier.at(-1)!.cited);
    // A question of its own still comes after an answer: the clauses it cited stay in view.
    const last = turns.at(-1)?.answer;
    return last ? withPrior(resolved, last.citedClauseIds ?? this.citedIn(last.content)) : resolved;
  }

  /** The units a name stands for, as staff write it (工信局, MIIT, Tianjin Commerce Bureau): found in the whole of it. */
  findUnits(name: string): NamedUnit[] {
    const normalized = normalizeText(name).toLowerCase().trim();
    const found = this.units.find(normalized);
    const covered = found.reduce((sum, each) => sum + each.end - each.start, 0);
    // A name with words left over (天津市商务局的任务) is a question, not a unit's name; a place may stay (Tianjin Commerce Bureau).
    const rest = [...found].reverse().reduce((text, each) => `${text.slice(0, each.start)} ${text.slice(each.end)}`, normalized);
    const place = this.scope.read(rest, []);
    if (covered === 0 || place.rest.replace(/[\s,.;:()（）、]/gu, '') !== '') return [];
    // The place named keeps its own units: Tianjin Commerce Bureau is not Shanwei's.
    return withinDocuments(found.map(({ unit }) => unit), place.scope.documentIds);
  }

  /** The units an answer's text names, in order, kept to the documents its question was about. */
  private unitsIn(answer: string, scoped: string[]): NamedUnit[] {
    return withinDocuments(this.units.find(normalizeText(answer).toLowerCase()).map((each) => each.unit), scoped);
  }

  /** The clauses an answer's text names by document and place; a place alone is read within `scoped` (all when empty). */
  citedIn(answer: string, scoped: string[] = []): string[] {
    const text = withChineseClauseNumbers(normalizeText(answer).toLowerCase());
    // Clause ids as the API returns them (sw-2023-0926:8.22), pasted back by a client into its history.
    const ids = [...text.matchAll(CLAUSE_ID)].map((match) => match[0]).filter((id) => this.documentOfClause.has(id));
    return [...new Set([...ids, ...this.references.read(text, scoped, (stretch) => this.documentsNamed(stretch)).clauseIds])];
  }

  /** One question on its own. */
  read(question: string): QuestionFrame {
    const original = question.trim();
    const language = detectLanguage(original);
    const english = language === 'en';
    const lowered = withChineseClauseNumbers(normalizeText(english ? this.english.capitalAcronyms(original) : original).toLowerCase());
    const normalized = english ? this.english.normalize(lowered) : lowered;
    const found = this.units.find(normalized);
    let text = normalized;
    for (const { start, end } of [...found].reverse()) text = `${text.slice(0, start)} ${text.slice(end)}`;
    const units = dedupeUnits(unitsAskedAbout(found, normalized).map((each) => each.unit));
    // 落实国务院哪个文件, was it approved by the State Council: there the State Council is what is asked about,
    // the document implemented or the approver, not the national plan as the scope.
    if (asksBasisOrApproval(normalized)) text = text.replace(STATE_COUNCIL, ' ');
    const scope = this.scope.read(text, units);
    const references = this.references.read(text, scope.scope.documentIds, (stretch) => this.documentsNamed(stretch));
    let rest = scope.rest;
    for (const label of references.labels) rest = rest.replace(label, ' ');
    if (references.correspondence) rest = rest.replace(cuePattern(references.correspondence), ' ');
    // Which Tianjin clause implements the national task on…? Asked for a counterpart, the verb of taking it up is
    // part of that ask (implements is no 器具, 落实 no topic).
    if (references.correspondence) for (const cue of IMPLEMENTATION_CUES) rest = rest.replace(cuePattern(cue), ' ');
    if (references.sameClause && references.sameClause !== 'it') rest = rest.replace(cuePattern(references.sameClause), ' ');
    // 没有的话参与了哪些: a condition between two asks joins them; read as words, its 有/的 would be taken for cues.
    if (!english) rest = rest.replace(CONDITIONAL, ' ');
    const slots = readSlots(this.cueTypos.repair(rest).repaired, normalized, english, units.length > 0);
    // Text in brackets glosses what the question asks ((津门老字号), (括号里排第一)): what of it the corpus
    // uses joins the topic; what it does not use is no reason to say the documents lack the topic.
    const { main, asides } = splitAsides(slots.rest);
    // English is translated as a phrase (glossary phrases keep their filler words: science and technology).
    const phrase = main.replace(/\s+/gu, ' ').trim();
    const translation = english
      ? [...this.english.translate(phrase, original), ...asides.flatMap((aside) => this.english.translate(aside, original).filter((term) => term.source === 'glossary' || term.source === 'dictionary'))]
      : [];
    const mainTopic = english ? { words: this.english.topicWords(translation, this.units.englishNameWords(units)), frameWords: [] } : this.topic.read(main);
    const asideWords = english ? [] : asides.flatMap((aside) => this.topic.read(aside).words.filter((word) => word.seen && !mainTopic.words.some((own) => own.word === word.word)));
    const allWords = [...mainTopic.words, ...asideWords];
    // 食品抽检合格率的目标: the target word says a figure is asked, as 多少 does; it is no topic (document-asks.ts).
    const targetsOf = targetOfSubjectAsked(slots.slots[0]!, allWords);
    const topic = { words: targetsOf ? allWords.filter((word) => !isTargetTopicWord(word)) : allWords, frameWords: [...mainTopic.frameWords, ...(targetsOf ? allWords.filter(isTargetTopicWord).map((word) => word.word) : [])] };
    const words = topic.words;
    const ownTopic = words.some((word) => word.seen || word.specific);
    const clauseAsked = CLAUSE_ASKED.test(normalized);
    const reference = this.namedReference(references.clauseIds, references.labels, references.correspondence, scope.scope.documentIds, words, clauseAsked)
      ?? this.topicReference(text, scope.scope.cues, references.correspondence, clauseAsked, words);
    // 天津方案哪一条落实国家方案二(一)? which national clause does Tianjin 三(八) follow? The clause is what is asked, whatever verb asks it.
    // 汕尾那个征求意见截止到哪天: a date asked of a draft with no topic of its own is its deadline for comments,
    // which the draft's notice states with where to send them.
    const draftDeadline = slots.slots[0] === 'date' && commentDeadlineAsked(normalized, scope.scope.cues, words);
    const describesDocument = (word: string) => this.inTitleOf(word, scope.scope.documentIds);
    const documentDate = slots.slots[0] === 'date' && !draftDeadline && !reference && issueDateAsked(normalized, scope.scope.named, words, describesDocument);
    const draftStatus = draftStatusAsked(normalized, slots.yesNo, slots.slots[0]!, scope.scope, words);
    // Asked with a slot of its own and whether it is the same (牵头单位一样吗), the slot stays: the clauses are compared on it.
    const askedSlots: AskedSlot[] = clauseAsked && reference?.relation === 'corresponding' && !slots.same ? ['content'] : draftDeadline ? ['contact'] : documentDate ? ['issue-date'] : draftStatus ? ['status'] : slots.slots;
    // A unit's tasks are asked when nothing but the unit is named: a verb left over (作为, 负责) names no task.
    const namesThing = words.some((word) => (word.seen || word.specific) && THING_TAGS.test(word.tag));
    // 有没有牵头的任务? Do we lead any task? A yes/no on the unit's tasks is answered by listing them (none, if none).
    const unitTasks = !reference && units.length > 0 && !namesThing && (slots.tasks || ['lead', 'units', 'content', 'figure', 'unit-count'].includes(slots.slots[0]!)) && (!slots.yesNo || slots.tasks);
    const documentFactAsked = METADATA_SLOTS.includes(askedSlots[0]!);
    const targetAsked = askedSlots[0] === 'figure' || askedSlots[0] === 'money';
    const placeOfOwnDocument = reference ? null : placeAskedForOwnDocument(normalized, scope.scope.placeBelow, scope.uncoveredBesideNamed, documentFactAsked, targetAsked);
    return {
      original,
      normalized,
      standalone: original,
      language,
      slot: askedSlots[0]!,
      slots: askedSlots,
      cues: slots.cues,
      yesNo: slots.yesNo || slots.mention,
      compare: slots.compare || scope.regionCount >= 2 || scope.singledOut >= 2,
      same: slots.same,
      count: slots.count,
      mention: slots.mention,
      unitTasks,
      documentsAsked: slots.documents && ownTopic,
      // A year asked with the plan's goals or horizon, and no subject of its own (乳制品 would be one): the
      // words left describe the document (质量工作意见), not a topic inside it.
      planYear: askedSlots[0] === 'date' ? planYearAsked(normalized, slots.cues, words, describesDocument) : null,
      targets: targetsOf || namesTargets(words),
      askedThing: english ? absentAskedThing(normalized, translation) : null,
      documentAsk: readDocumentAsk(normalized),
      measure: slots.measure,
      statedValues: slots.stated,
      statedUnitCount: slots.statedUnitCount,
      unitRole: slots.unitRole,
      scope: placeOfOwnDocument ? { ...scope.scope, uncoveredPlace: placeOfOwnDocument } : scope.scope,
      years: scope.years,
      units,
      // Phrases are read only where a question is asked literally: finding what the corpus writes scans its texts.
      topic: { words, text: words.map((word) => word.word).join(' '), phrase, frameWords: topic.frameWords, phrases: slots.documents && ownTopic ? this.phrases.read(words, normalized, original, english) : [] },
      translation: targetsOf ? translation.filter((term) => !isTargetWord(term.chinese) && !isTargetWord(term.english)) : translation,
      reference,
      referenceCues: { sameClause: namedByTopic(references.sameClause, normalized, words) ? null : references.sameClause, correspondence: references.correspondence, clauseAsked },
      followUp: null,
      priorClauseIds: [],
      besidesClauseIds: [],
    };
  }

  /** Clauses the question names itself: asked about, or (with 对应, 落实) their counterparts in the other documents named. */
  private namedReference(clauseIds: string[], labels: string[], correspondence: string | null, scoped: string[], words: TopicWord[], clauseAsked: boolean): ClauseReference | null {
    if (clauseIds.length === 0) return null;
    const sources = this.documentsOf(clauseIds);
    const content = words.filter((word) => word.seen || word.specific);
    const ownTopic = content.length > 0;
    const named = scoped.filter((id) => !sources.includes(id));
    // A correspondence word, or a clause asked of another document named (国家方案二(一)在天津方案拆成了哪几条?).
    if (correspondence || (clauseAsked && named.length > 0)) {
      // Words that restate the named clause's title (天津方案(十四)提高流通服务绿色化规范化水平) describe it; they are no topic to find in its counterpart.
      const headings = clauseIds.map((id) => this.headingOf.get(id) ?? '');
      const ownTopic = content.some((word) => !headings.some((heading) => heading.includes(word.word)));
      const targets = named.length > 0 ? named : this.otherLevel(clauseIds);
      if (targets.length > 0) return { clauseIds, from: 'question', relation: 'corresponding', targetDocumentIds: targets, cues: [...labels, correspondence ?? 'clause asked'], ownTopic };
    }
    return { clauseIds, from: 'question', relation: 'same', targetDocumentIds: [], cues: labels, ownTopic };
  }

  /**
   * A clause named by its topic in one document, its counterpart asked in another (国家方案里提升质量
   * 基础设施服务效能那条 对应天津方案哪一条? worker quality literacy in the national plan – Tianjin
   * counterpart clause?): the target is the document named next to the asking words (哪一条, counterpart),
   * the source the other documents named.
   */
  private topicReference(text: string, scopeCues: string[], correspondence: string | null, clauseAsked: boolean, words: TopicWord[]): ClauseReference | null {
    if (!correspondence && !clauseAsked) return null;
    if (!words.some((word) => word.seen)) return null;
    const asking = CLAUSE_ASKED.exec(text) ?? (correspondence ? cuePattern(correspondence).exec(text) : null);
    if (!asking) return null;
    const askStart = asking.index;
    const askEnd = asking.index + asking[0].length;
    const mentions = scopeCues.flatMap((cue) => {
      const at = text.indexOf(cue);
      return at < 0 ? [] : [{ documents: this.documentsNamed(cue), distance: at >= askEnd ? at - askEnd : Math.max(0, askStart - (at + cue.length)) }];
    }).filter((mention) => mention.documents.length > 0);
    if (mentions.length < 2) return null;
    const nearest = mentions.reduce((best, mention) => (mention.distance < best.distance ? mention : best));
    const targets = nearest.documents;
    const sources = [...new Set(mentions.filter((mention) => mention !== nearest).flatMap((mention) => mention.documents))].filter((id) => !targets.includes(id));
    if (sources.length === 0) return null;
    return { clauseIds: [], from: 'question', relation: 'corresponding', targetDocumentIds: targets, sourceDocumentIds: sources, cues: [asking[0]], ownTopic: false };
  }

  /** A word of the title of one of the documents (all when none is named): it describes the document. */
  private inTitleOf(word: string, documentIds: string[]): boolean {
    return [...this.titles].some(([id, title]) => (documentIds.length === 0 || documentIds.includes(id)) && title.includes(word));
  }

  private documentsOf(clauseIds: string[]): string[] {
    return [...new Set(clauseIds.flatMap((id) => this.documentOfClause.get(id) ?? []))];
  }

  /** National clauses are taken up by the local documents; local ones take up the national documents. */
  private otherLevel(clauseIds: string[]): string[] {
    const sources = this.documentsOf(clauseIds);
    const national = this.context.documents.filter((document) => sources.includes(document.id)).some((document) => document.level === 'national');
    return this.context.documents.filter((document) => !sources.includes(document.id) && (document.level === 'national') !== national).map((document) => document.id);
  }

  /** The documents a stretch of text names (by 文号, place or level); none when it names none. */
  private documentsNamed(stretch: string): string[] {
    const reading = this.scope.read(stretch, []);
    if (!reading.scope.named) return [];
    return reading.scope.documentIds.length > 0 ? reading.scope.documentIds : this.context.documents.map((document) => document.id);
  }
}

/**
 * 那绿电创新示范基地那条呢: a demonstrative clause word after a topic names the clause on that topic, not the clause in view
 * (这条里说的示范基地, with the topic after, is the clause in view).
 */
function namedByTopic(sameClause: string | null, normalized: string, words: TopicWord[]): boolean {
  if (!sameClause || !/^[那这]/u.test(sameClause)) return false;
  const at = normalized.lastIndexOf(sameClause);
  // Three characters or more of topic before it: 国家那条 is the national plan's clause in view, 直播带货那条 the one on live selling.
  const before = words.filter((word) => word.seen && normalized.indexOf(word.word) >= 0 && normalized.indexOf(word.word) < at);
  return at > 0 && before.reduce((sum, word) => sum + (word.word.match(/\p{Script=Han}/gu)?.length ?? 0), 0) >= 3;
}

// The question asks which clause (哪条, 哪几条, 哪一项, which Tianjin clause, what item).
const CLAUSE_ASKED = /哪[一几些]?[条项款]|哪个条款|哪些条款|\b(?:which|what)\b(?:\s+[^\s?？]+){0,4}?\s+(?:clause|clauses|item|items|article|articles|point|points|section|task|tasks|counterpart)\b/u;

const STATE_COUNCIL = /国务院|state council/gu;


/**
 * The question without its bracketed asides, and the asides. Clause labels (二(一)) were read before; a
 * question that is all brackets is read whole.
 */
function splitAsides(text: string): { main: string; asides: string[] } {
  const asides: string[] = [];
  const main = text.replace(/[（(]([^（()）]{1,40})[)）]/gu, (_whole, inner: string) => {
    asides.push(inner);
    return ' ';
  });
  const han = main.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han >= 2 || /[a-z]{3,}/u.test(main) ? { main, asides } : { main: text, asides: [] };
}

/** Each unit kept to the documents given (all when none), those left with no document dropped, once each. */
function withinDocuments(units: NamedUnit[], documentIds: string[]): NamedUnit[] {
  const within = (unit: NamedUnit) => (documentIds.length === 0 ? unit : { ...unit, byDocument: Object.fromEntries(Object.entries(unit.byDocument).filter(([id]) => documentIds.includes(id))) });
  return dedupeUnits(units.map(within)).filter((unit) => Object.keys(unit.byDocument).length > 0);
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
