import cues from './question-cues.json' with { type: 'json' };
import { commentDeadlineAsked } from './document-asks.ts';
import { METADATA_SLOTS, type ClauseReference, type FollowUpReading, type NamedUnit, type QuestionFrame } from './question-frame.ts';

/**
 * Resolves a follow-up ("那汕尾呢?", "And in the national plan?", "这一条还提到了哪些单位?") against the
 * earlier turns: what the new question leaves out (topic, asked slot, documents, years) is carried
 * over from the turn before; what it says replaces it. A question that points at a clause (这一条,
 * it) asks about the clauses the previous answer cited; one that moves to another document with no
 * topic of its own, or asks for the corresponding clause, asks about the clauses there that take
 * those up. Turns are replayed from the first, so a chain of follow-ups keeps its topic; a turn that
 * reads as a new question starts afresh.
 */
export interface ChatTurnText {
  role: 'user' | 'assistant';
  content: string;
  /** The clauses the answer cited, when known (stored with the conversation); else read from its text. */
  citedClauseIds?: string[];
}

/** An earlier user turn, read, with the clauses the answer to it cited. */
export interface EarlierTurn {
  frame: QuestionFrame;
  cited: string[];
  /**
   * The units the answer named, in the order named (its first is what it answered: the lead asked for).
   * Read only when a follow-up asks for them: finding units in a long answer is not free.
   */
  answerUnits?: () => NamedUnit[];
}

/** The documents of the other level, where a clause's counterparts are sought when no document is named. */
export type OtherLevel = (clauseIds: string[]) => string[];
/** The documents of clauses. */
export type DocumentsOf = (clauseIds: string[]) => string[];

const FOLLOW_UP_OPENING = /^\s*(那么?|那个|它的?|其|该|这个|这|还有|另外|and\b|what about\b|how about\b|same\b|also\b|ok\b|okay\b)/iu;
const FOLLOW_UP_ENDING = /呢\s*[?？]?\s*$/u;
const FOLLOW_UP_PRONOUN = /(?<![a-z])(it|its|that one|this one|they|their|there)(?![a-z])/iu;

/** Whether the question names a topic of its own: two Han characters or one English word the corpus knows or names. */
export function hasOwnTopic(frame: QuestionFrame): boolean {
  return namesTopic(frame) || frame.units.length > 0;
}

function isUnitCheck(frame: QuestionFrame): boolean {
  return frame.yesNo && frame.units.length > 0 && !namesTopic(frame);
}

/** Topic words of its own, units aside. */
function namesTopic(frame: QuestionFrame): boolean {
  const content = frame.topic.words.filter((word) => word.seen || word.specific);
  const han = content.reduce((sum, word) => sum + (word.word.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
  return han >= 2 || content.some((word) => !/\p{Script=Han}/u.test(word.word));
}

function looksLikeFollowUp(frame: QuestionFrame): boolean {
  return FOLLOW_UP_OPENING.test(frame.original) || FOLLOW_UP_ENDING.test(frame.original) || FOLLOW_UP_PRONOUN.test(frame.original)
    || frame.referenceCues.sameClause !== null || frame.referenceCues.correspondence !== null || !hasOwnTopic(frame)
    // 市通信管理局也有参与吗? A yes/no on a unit alone asks about the clause in view.
    || isUnitCheck(frame);
}

/**
 * Whether a question continues the one before it. A question that names its own clauses
 * (国家方案二(一)…) is about them, whatever came before.
 */
export function continuesEarlier(frame: QuestionFrame): boolean {
  // A named document's own facts (汕尾那个征求意见截止到哪天, 天津方案的文号) need nothing from before; nor does
  // a question its asker says is another one (另外问下, another question).
  const ownFacts = METADATA_SLOTS.includes(frame.slot) && frame.scope.named && !frame.referenceCues.clauseAsked && frame.referenceCues.sameClause === null;
  if (NEW_QUESTION.test(frame.original) || ownFacts) return false;
  return frame.reference?.from !== 'question' && looksLikeFollowUp(frame);
}

const NEW_QUESTION = /^\s*(?:另外问(?:一)?下|另外想问|再问(?:一)?个|换个问题|另一个问题|还有个问题|(?:another|new|different|separate|unrelated) question)/iu;

export function resolveFollowUp(current: QuestionFrame, earlier: EarlierTurn[], documentsOf: DocumentsOf, otherLevel: OtherLevel): QuestionFrame {
  let state: QuestionFrame | undefined;
  let cited: string[] = [];
  let answerUnits: () => NamedUnit[] = () => [];
  for (const turn of [...earlier, { frame: current, cited: [] }]) {
    const follows = state && continuesEarlier(turn.frame);
    const tasksOf = follows && asksItsTasks(turn.frame) ? answerUnits()[0] : undefined;
    // Is the postal bureau leading anything else? The unit named, its tasks besides the clauses the answer before cited.
    const otherTasks = follows && !tasksOf && asksOtherTasks(turn.frame) && cited.length > 0;
    // 天津的呢？也是这个部门吗? The unit the answer before named is the one checked.
    const named = follows && !tasksOf && turn.frame.yesNo && turn.frame.units.length === 0 && UNIT_REFERENCE.test(turn.frame.original) ? answerUnits()[0] : undefined;
    // Asked again of a lead (也是这个部门吗 after 谁牵头), it is the lead that is checked.
    const leadAgain = named && state!.slot === 'lead' && turn.frame.slot === 'content';
    const frame = named ? { ...turn.frame, units: [named], ...(leadAgain ? { slot: 'lead' as const, slots: ['lead' as const] } : {}) } : turn.frame;
    state = tasksOf ? unitTasksOf(turn.frame, [tasksOf], state!) : otherTasks ? unitTasksOf(turn.frame, turn.frame.units, state!, cited) : follows ? merge(frame, state!, cited, documentsOf, otherLevel) : turn.frame;
    cited = turn.cited;
    answerUnits = turn.answerUnits ?? (() => []);
  }
  return state!;
}

/** A new question that names no document of its own keeps the clauses last cited in view (QuestionFrame.priorClauseIds). */
export function withPrior(frame: QuestionFrame, cited: string[]): QuestionFrame {
  const restates = frame.scope.named || frame.scope.uncoveredPlace !== null || frame.reference !== null || METADATA_SLOTS.includes(frame.slot) || NEW_QUESTION.test(frame.original);
  return cited.length === 0 || restates ? frame : { ...frame, priorClauseIds: cited };
}

/**
 * A follow-up that names another document and a topic of its own (那国家方案里乳粉这块呢?) still sits in the
 * answer before: the clauses it cited stand for their counterparts in that document (retriever.ts preferPrior),
 * which come first when they hold the new topic as well as any clause found.
 */
export function withPriorCounterparts(frame: QuestionFrame, cited: string[]): QuestionFrame {
  const across = frame.followUp !== null && frame.scope.named && frame.reference === null && !frame.followUp.carried.includes('topic') && !METADATA_SLOTS.includes(frame.slot);
  return cited.length === 0 || !across ? frame : { ...frame, priorClauseIds: cited };
}

// 这个部门, 该局, the same department: a noun that points at the unit the answer before named, wherever it stands.
const UNIT_REFERENCE = /(?:这个|这家|该|同一个|同一|那个)(?:部门|单位|局|委|机构)|(?<![a-z])(?:the same|this|that)\s+(?:department|bureau|unit|agency|body|ministry|commission)(?![a-z])/iu;
// 它, 他们, it, they, or such a noun: the unit the answer before named (its tasks: 它还牵头了哪些条?). Not the bare
// pronoun for a unit checked again: 它 is as often the clause.
const UNIT_PRONOUN = new RegExp(`^\\s*(?:那么?|那)?\\s*(?:它们?|他们|她们)|(?<![a-z])(?:it|they)(?![a-z])|${UNIT_REFERENCE.source}`, 'iu');

/** 它还牵头了哪些条? what else does it lead? A pronoun, a list of tasks asked, and no unit or topic of its own. */
function asksItsTasks(frame: QuestionFrame): boolean {
  const tasks = frame.cues.some((cue) => cue.slot === 'tasks');
  // Not a clause of another document (which Tianjin clause matches it?): that asks for a counterpart.
  const counterpart = frame.referenceCues.correspondence !== null || (frame.referenceCues.clauseAsked && frame.scope.named);
  return tasks && !counterpart && frame.units.length === 0 && !namesTopic(frame) && frame.reference?.from !== 'question' && UNIT_PRONOUN.test(frame.original);
}

// Anything else, any other task, 别的, 其他任务: something besides what the answer before cited.
const ELSE_ASKED = /\b(?:anything|something|what)\s+else\b|\bany\s+other\s+(?:tasks?|items?|clauses?|work|things?|jobs?)\b|别的|其[他它](?:任务|工作|事项|事|条|项)/u;

/** Is the postal bureau leading anything else? 市邮政管理局还负责别的吗? A unit named, something else asked, no topic of its own. */
function asksOtherTasks(frame: QuestionFrame): boolean {
  return frame.units.length > 0 && ELSE_ASKED.test(frame.normalized) && !namesTopic(frame) && frame.reference?.from !== 'question';
}

/** The units' tasks, in the documents the question before was about; with `besides`, other than those clauses. */
function unitTasksOf(frame: QuestionFrame, units: NamedUnit[], previous: QuestionFrame, besides: string[] = []): QuestionFrame {
  return {
    ...frame,
    standalone: `${frame.original} (${units[0]!.mention})`,
    units,
    unitTasks: true,
    besidesClauseIds: besides,
    reference: null,
    scope: frame.scope.named ? frame.scope : previous.scope,
    followUp: { continues: previous.original, carried: ['scope'] },
  };
}

function merge(frame: QuestionFrame, previous: QuestionFrame, cited: string[], documentsOf: DocumentsOf, otherLevel: OtherLevel): QuestionFrame {
  const carried: FollowUpReading['carried'] = [];
  // 市通信管理局也有参与吗? is 税务总局 in it too? A unit checked against the clause in view: the clause is the topic.
  const unitCheck = isUnitCheck(frame);
  const ownTopic = hasOwnTopic(frame) && !unitCheck;
  const restatesScope = frame.scope.named || frame.scope.uncoveredPlace !== null || (frame.scope.documentIds.length > 0 && !unitCheck);
  // A unit named narrows the scope to the documents listing it; only a place or document named moves the question elsewhere.
  const reference = clauseReference(frame, cited, ownTopic, frame.scope.named || frame.scope.uncoveredPlace !== null, documentsOf, otherLevel, unitCheck);
  // Asked about something inside the clause (这条里说的示范基地叫什么? what does it say about tourism?), the question asks its content, not the slot before.
  // Asked which clause of another document (which clause of the national plan is that based on?): the clause is the answer.
  // Asked whether the two say the same (牵头单位一样吗), the slot stays, and the clauses are compared on it.
  const clauseAsked = frame.referenceCues.clauseAsked && reference?.relation === 'corresponding' && !frame.same;
  // Asked what it says (and what does it say for 2035?), the wording is asked, whatever slot came before.
  // So does a list asked (那检验检测中心有点名哪几个?): the ones the clause names are its wording, not the figure asked before.
  const contentAsked = frame.cues.some((cue) => cue.slot === 'content' || cue.slot === 'list');
  const ownSlot = clauseAsked || contentAsked || frame.slot !== 'content' || frame.yesNo || (reference?.relation === 'same' && ownTopic);
  if (reference) carried.push('clauses');
  if (!ownTopic) carried.push('topic');
  if (!ownSlot) carried.push('slot');
  if (!restatesScope) carried.push('scope');
  if (frame.years.all.length === 0 && previous.years.all.length > 0) carried.push('years');
  // Is there a deadline for comments? after a question on the Shanwei draft: the draft named before is the one whose
  // comments are asked (a date asked of a draft with no subject of its own, document-asks.ts).
  const scope = restatesScope ? frame.scope : previous.scope;
  const draftDeadline = !restatesScope && frame.slot === 'date' && commentDeadlineAsked(frame.normalized, scope.cues, frame.topic.words);
  return {
    ...frame,
    standalone: `${frame.original} (${previous.standalone})`,
    ...(draftDeadline ? { slot: 'contact' as const, slots: ['contact' as const] } : clauseAsked ? { slot: 'content' as const, slots: ['content' as const] } : ownSlot ? {} : { slot: previous.slot, slots: previous.slots, measure: frame.measure ?? previous.measure, count: previous.count }),
    ...(ownTopic ? {} : { topic: previous.topic, translation: previous.translation, units: frame.units.length > 0 ? frame.units : previous.units, unitTasks: frame.unitTasks || previous.unitTasks }),
    // The corresponding clause is sought on the earlier topic too: a similar target is still a pass-rate target.
    ...(ownTopic && reference?.relation === 'corresponding' ? joinedTopic(frame, previous) : {}),
    // 農產品呢? after a manufacturing pass rate: the same measure of a new subject (the rate, not any figure of it).
    ...(ownTopic && !ownSlot && reference === null ? withMeasureOf(frame, previous) : {}),
    // Asked about one clause, a question is not a comparison, whatever the question before compared.
    compare: reference?.relation === 'same' ? false : frame.compare || (!restatesScope && previous.compare),
    // Within the clauses pointed at, scope is theirs; the documents named are where counterparts are sought.
    scope,
    years: frame.years.all.length > 0 ? frame.years : previous.years,
    reference,
    followUp: { continues: previous.original, carried },
  };
}

/**
 * Which clauses a follow-up points at. This clause (这一条, it) without another document named: those
 * the previous answer cited. Another document named, with a correspondence word or no topic of its
 * own (天津方案里对应的条款由谁牵头? 那国家方案呢? the Tianjin version): those there that take them up.
 */
function clauseReference(frame: QuestionFrame, cited: string[], ownTopic: boolean, restatesScope: boolean, documentsOf: DocumentsOf, otherLevel: OtherLevel, unitCheck: boolean): ClauseReference | null {
  if (cited.length === 0 || frame.scope.uncoveredPlace !== null) return null;
  const citedDocuments = documentsOf(cited);
  const { sameClause, correspondence } = frame.referenceCues;
  const named = frame.scope.documentIds.filter((id) => !citedDocuments.includes(id));
  // "It" after an answer that cited clauses is those clauses; when they do not hold the question's own
  // topic, retrieval widens to their documents (chat-retrieval.ts).
  const pointsAtClause = sameClause !== null || unitCheck;
  // 裡面天津市名牌產品要幾個: pointing inside the clause, a place named that covers its document (天津 for
  // Tianjin's 2014 opinion) names no other document; it is as often part of a name (天津市名牌产品).
  if (sameClause !== null && correspondence === null && frame.scope.documentIds.some((id) => citedDocuments.includes(id))) {
    // Who leads it in the national one? after an answer citing Tianjin's clause and the national one: a document named
    // among those cited points at its own clauses only.
    const inNamed = frame.scope.named ? cited.filter((id) => documentsOf([id]).some((document) => frame.scope.documentIds.includes(document))) : [];
    return { clauseIds: inNamed.length > 0 ? inNamed : cited, from: 'previous-answer', relation: 'same', targetDocumentIds: [], cues: [sameClause], ownTopic };
  }
  if (restatesScope && named.length > 0 && (correspondence !== null || !ownTopic || pointsAtClause)) {
    return { clauseIds: cited, from: 'previous-answer', relation: 'corresponding', targetDocumentIds: named, cues: [correspondence ?? sameClause ?? 'document named'], ownTopic };
  }
  if (!restatesScope && correspondence !== null && !pointsAtClause) {
    const targets = otherLevel(cited);
    if (targets.length > 0) return { clauseIds: cited, from: 'previous-answer', relation: 'corresponding', targetDocumentIds: targets, cues: [correspondence], ownTopic };
  }
  if (!restatesScope && pointsAtClause) {
    return { clauseIds: cited, from: 'previous-answer', relation: 'same', targetDocumentIds: [], cues: [sameClause ?? frame.units[0]!.mention], ownTopic };
  }
  return null;
}

// The Chinese words that name a rate (合格率, 覆盖率, 比例): what a figure is a figure of.
const RATE_WORDS = (cues.measures.percent as string[]).filter((word) => /^\p{Script=Han}+$/u.test(word) && !word.startsWith('百分'));

/** The new subject with the measure the question before asked of its own (合格率), when the new one names none. */
function withMeasureOf(frame: QuestionFrame, previous: QuestionFrame): Partial<Pick<QuestionFrame, 'topic' | 'translation'>> {
  const isRate = (word: string) => RATE_WORDS.some((rate) => word.includes(rate));
  if (frame.topic.words.some((word) => isRate(word.word))) return {};
  const measures = previous.topic.words.filter((word) => word.seen && isRate(word.word));
  if (measures.length === 0) return {};
  const words = [...frame.topic.words, ...measures];
  const translation = [...frame.translation, ...previous.translation.filter((term) => isRate(term.chinese))];
  return { topic: { ...frame.topic, words, text: words.map((word) => word.word).join(' ') }, translation };
}

function joinedTopic(frame: QuestionFrame, previous: QuestionFrame): Pick<QuestionFrame, 'topic' | 'translation'> {
  const seen = new Set(frame.topic.words.map((word) => word.word));
  const words = [...frame.topic.words, ...previous.topic.words.filter((word) => !seen.has(word.word))];
  const translation = [...frame.translation, ...previous.translation.filter((term) => !frame.translation.some((own) => own.english === term.english && own.chinese === term.chinese))];
  return {
    topic: { ...frame.topic, words, text: words.map((word) => word.word).join(' '), phrase: [frame.topic.phrase, previous.topic.phrase].filter(Boolean).join(' ') },
    translation,
  };
}
