import { normalizeText } from '../../corpus/text-normalizer.ts';
import { POLICY } from '../../answer-policy.ts';
import type { DocumentFactView, DocumentSummary, StoredClause } from '../../ports/clause-store.ts';
import type { QuestionFrame } from '../../question/question-frame.ts';
import { topicShare, type TopicGroup } from '../../retrieval/topic-coverage.ts';
import type { AnswerText } from '../answer-text.ts';
import type { AnswerKindName, Evidence, NotFoundReason, NumberedClause } from '../answer-decision-types.ts';
import { rankSentencesByTopic, yearsInForce } from '../evidence.ts';
import { FIGURE } from '../sentences.ts';

/** What an answer kind reads: the frame, the numbered clauses, the topic's weighted words, the documents. */
export interface KindContext {
  frame: QuestionFrame;
  clauses: NumberedClause[];
  groups: TopicGroup[];
  /** Documents the question (or its conversation, or the request's filter) is about; empty when unscoped. */
  scopeDocuments: DocumentSummary[];
  /** The documents searched: those in scope, or the whole library. */
  searchedDocuments: DocumentSummary[];
  /** Per document: every value its sources give for issuer, number and dates. */
  documentFacts: Record<string, DocumentFactView[]>;
  /** Composed as one entry of a comparison: the comparison states the answer first, for all documents. */
  comparing?: boolean;
}

export type EvidenceResult =
  | { found: Evidence[]; closestMatch?: boolean; rule: string }
  | { missing: NonNullable<NotFoundReason['missing']>; nearest?: NumberedClause; rule: string };

export interface ComposedAnswer {
  /** The sentence(s) of each cited clause the answer relies on, by clause number, for highlighting. */
  quotes: Record<number, string>;
}

/**
 * One kind of answer: when it applies, what evidence it needs from the retrieved clauses, how the
 * extractive answerer words it, and what a not-found answer says when the evidence is missing.
 */
export interface AnswerKind {
  name: AnswerKindName;
  /** Answered from records (document facts, responsibility lists), judged by its own evidence, with no topic gate before it. */
  recordBased?: boolean;
  applies(frame: QuestionFrame): boolean;
  evidence(context: KindContext): EvidenceResult;
  compose(context: KindContext, evidence: Evidence[], text: AnswerText, closestMatch: boolean): ComposedAnswer;
  /** The sentence a not-found answer says when this kind's fact is missing from the nearest clause. */
  missingText: { zh: string; en: string };
}

/** The clauses an answer may rest on: the first few retrieved, which fit the question best. */
export function nearestClauses(context: KindContext): NumberedClause[] {
  // Asked of the clauses that take up another (国家层面对应那条 也是发改委牵头吗?), those are the evidence; the clause
  // they were found from is there to be named, not answered from.
  const targets = context.clauses.filter(({ hit }) => hit.reference?.role === 'target');
  return (targets.length > 0 ? targets : context.clauses).slice(0, POLICY.evidenceDepth);
}

const fits = new WeakMap<NumberedClause, number>();

/**
 * How well a clause fits the topic, 0…1.2: its coverage, the share its best sentence holds, and a
 * bonus when it writes the topic's words as one phrase (加强冷链食品监管 for 冷链 食品 监管).
 */
export function topicFit(clause: NumberedClause, context: KindContext): number {
  let fit = fits.get(clause);
  if (fit === undefined) {
    const sentence = rankSentencesByTopic(clause.hit.clause, context.groups)[0]?.share ?? 0;
    const words = context.frame.topic.words.filter((word) => word.seen && /\p{Script=Han}/u.test(word.word)).map((word) => word.word);
    const phrase = words.length >= 2 && clause.hit.clause.normalizedText.includes(words.join(''));
    fit = (clause.hit.coverage + sentence) / 2 + (phrase ? POLICY.phraseBonus : 0);
    fits.set(clause, fit);
  }
  return fit;
}

/**
 * The clause that answers: the first in retrieval's order (BM25F weighs the heading) whose fit to
 * the topic is within a margin of the best fit among them.
 */
export function mostOnTopic(clauses: NumberedClause[], context: KindContext): NumberedClause | undefined {
  const best = Math.max(...clauses.map((clause) => topicFit(clause, context)));
  return clauses.find((clause) => topicFit(clause, context) >= best - POLICY.coverageMargin);
}

/**
 * The sentence(s) of a clause that hold the topic, as written: the best one, and the runner-up when
 * it matches at least half as well and a content answer wants more than one.
 */
export function topicQuote(clause: NumberedClause, groups: TopicGroup[], count = 1, years: readonly string[] = [], targets = false): string {
  const byTopic = rankSentencesByTopic(clause.hit.clause, askedBeyondHeading(clause, groups));
  // Asked for a year (what does it say for 2035?): the sentences that speak of it, where the clause has any: those that
  // name it, and those after one that did until another year is named.
  const inForce = years.length > 0 ? yearsInForce(clause.hit.clause) : [];
  const forYear = years.length > 0 ? byTopic.filter(({ sentence, index }) => years.some((year) => sentence.normalized.includes(`${year}年`) || inForce[index] === year)) : [];
  const all = forYear.length > 0 ? forYear : byTopic;
  if (all.length === 0) return clause.hit.clause.text;
  // The clause's title restated as its first sentence says nothing the headline does not: the quote is
  // the body sentence that holds most of the topic (or the first, when none holds any).
  const heading = normalizedHeading(clause.hit.clause);
  const body = all.filter(({ sentence }) => heading === '' || sentence.normalized.replace(/[。；;.]$/u, '') !== heading);
  const byShare = body.length === 0 ? all : body[0]!.share > 0 ? body : [...body].sort((left, right) => left.index - right.index);
  // Targets asked: a sentence that sets a figure comes before those that only name the topic, an on-topic one first;
  // the clause is on topic, and its targets may stand in a sentence of their own (推动挖掘机…提高60%以上).
  const setsFigure = (match: (typeof byShare)[number]) => (targets && FIGURE.test(match.sentence.normalized) ? (match.share > 0 ? 2 : 1) : 0);
  const ranked = targets ? [...byShare].sort((left, right) => setsFigure(right) - setsFigure(left)) : byShare;
  const picked = [ranked[0]!];
  const runnerUp = ranked[1];
  if (count > 1 && runnerUp && runnerUp.share > 0 && runnerUp.share >= ranked[0]!.share * POLICY.secondSentenceRatio) picked.push(runnerUp);
  picked.sort((left, right) => left.index - right.index);
  return picked.map(({ sentence }) => sentence.text).join('');
}

/**
 * A question that restates most of a clause's title and asks something more (加强材料质量保障能力那条，
 * 点名要监督抽查的是哪类产品): the title's words found the clause, and what else it asks picks the sentence,
 * when some sentence holds it. Otherwise the whole topic does.
 */
function askedBeyondHeading(clause: NumberedClause, groups: TopicGroup[]): TopicGroup[] {
  const heading = normalizedHeading(clause.hit.clause).toLowerCase();
  if (heading === '' || groups.length < 2) return groups;
  const beyond = groups.filter((group) => topicShare([group], heading) < 0.99);
  if (beyond.length === 0 || beyond.length > groups.length / 2) return groups;
  return rankSentencesByTopic(clause.hit.clause, beyond)[0]!.share > 0 ? beyond : groups;
}

/**
 * The body sentence that holds the topic when the clause's title does not (首席质量官, asked of
 * 压实企业主体责任): a units answer shows by it that the clause is the one asked about.
 */
export function topicSentenceBeyondHeading(clause: NumberedClause, groups: TopicGroup[]): string | undefined {
  if (groups.length === 0) return undefined;
  const heading = normalizedHeading(clause.hit.clause);
  const headingShare = topicShare(groups, heading.toLowerCase());
  const best = rankSentencesByTopic(clause.hit.clause, groups).find(({ sentence }) => sentence.normalized.replace(/[。；;.]$/u, '') !== heading);
  if (!best || best.share < POLICY.bodySentenceShare || best.share <= headingShare) return undefined;
  return best.sentence.text;
}

// Clauses do not change while the process runs; their heading is normalised (OpenCC) once each.
const headings = new WeakMap<StoredClause, string>();
function normalizedHeading(clause: StoredClause): string {
  let heading = headings.get(clause);
  if (heading === undefined) headings.set(clause, (heading = normalizeText(clause.heading ?? '').replace(/[。；;.]$/u, '')));
  return heading;
}

/** The units of a clause, lead first. */
export function unitsLeadFirst(clause: NumberedClause) {
  const units = clause.hit.clause.units;
  const lead = units.find((unit) => unit.role === 'lead') ?? units[0];
  return lead ? [lead, ...units.filter((unit) => unit !== lead)] : [];
}

/** A unit's name for the answer: Chinese as written, with the English name beside it for English readers. */
export function unitName(unit: { name: string; nameEn: string | null }, text: AnswerText): string {
  return text.language === 'en' && unit.nameEn ? `${text.corpus(unit.name)} (${text.corpus(unit.nameEn)})` : text.corpus(unit.name);
}

export function isEnglish(context: KindContext): boolean {
  return context.frame.language === 'en';
}

/**
 * The Chinese verdict words a yes/no takes as it was asked: 是不是/是否 → 是/不是, 有没有/提到了吗 → 有/没有.
 * A verdict in the question's own verb reads as an answer to it, not as a form.
 */
const CONFIRM_TAG = /对[吧吗么嘛]|对不对/u;

export function verdictWords(context: KindContext): [string, string] {
  const cue = context.frame.cues.find((each) => each.slot === 'yes-no')?.cue ?? '';
  // A value or a count of units checked (是95%对吧? 是三个单位负责吧?) is confirmed or not, never "had": 对/不对 for 对吧, 对吗; else 是/不是.
  if (context.frame.statedValues.length > 0 || context.frame.statedUnitCount !== null) return CONFIRM_TAG.test(context.frame.normalized) ? ['对。', '不对。'] : ['是。', '不是。'];
  return /是/u.test(cue) ? ['是。', '不是。'] : ['有。', '没有。'];
}

/** The verdict a yes/no answer opens with: Yes./No., or the Chinese words that fit the question (有/没有, 可以/不可以). */
export function verdictLine(holds: boolean, english: boolean, [yes, no]: [string, string]): string {
  return holds ? (english ? 'Yes.' : yes) : english ? 'No.' : no;
}

/** The verdict opening a line that goes on with the answer (Yes. 3 units…, 是。共3个…): a space after it in English. */
export function verdictOpening(holds: boolean, context: KindContext): string {
  const english = isEnglish(context);
  return `${verdictLine(holds, english, verdictWords(context))}${english ? ' ' : ''}`;
}

/** The names the units the question names have in a document (市财政局 for 市财政局, 市市场监管委 for 市监委). */
export function askedUnitNames(frame: KindContext['frame'], documentId: string): string[] {
  return frame.units.flatMap((unit) => unit.byDocument[documentId] ?? []);
}
