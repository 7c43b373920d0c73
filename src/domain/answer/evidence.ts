import { namedSubject } from '../question/named-subject.ts';
import { POLICY } from '../answer-policy.ts';
import type { StoredClause } from '../ports/clause-store.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import { topicShare, type TopicGroup } from '../retrieval/topic-coverage.ts';
import { clauseSentences, DATE, FIGURE, MONEY, type Sentence } from './sentences.ts';

/**
 * Where in a clause the asked fact is: the sentence that holds the question's topic, and in it the
 * figure, amount or date that belongs to that topic. A policy sentence lists several targets in
 * comma-separated parts (制造业产品质量合格率力争达到94.8%,食品抽检合格率达到98.5%以上); the asked
 * value is the one in the part that names the asked subject, or in the part right after it. A value
 * written before its subject (…100万元的政府奖励,同时鼓励…争创中国质量奖) belongs to another one.
 */
export interface SentenceMatch {
  sentence: Sentence;
  index: number;
  /** Share of the topic's weight the sentence holds, 0…1. */
  share: number;
}

/** The largest share of the topic any comma-separated part of the clause holds. */
export function bestPartShare(clause: StoredClause, groups: TopicGroup[]): number {
  return Math.max(0, ...clauseSentences(clause).flatMap((sentence) => (sentence.normalized.match(PART) ?? [sentence.normalized]).map((part) => topicShare(groups, part.toLowerCase()))));
}

export interface ValueMatch extends SentenceMatch {
  /** The value as written (94.8%, 100萬元, 2023年10月26日). */
  value: string;
  /** The comma-separated part that holds it, as written: the part quoted around the value. */
  part: string;
  /** The year the value is for (到2025年), from the sentence or the clause before it; null when none. */
  year: string | null;
}

export type ValueKind = 'figure' | 'money' | 'date' | 'year';

const PART = /[^,，;；]+[,，;；]?/gu;
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/gu;
// Above any share a part can have: the part that writes the value the question states wins.
const STATED_VALUE_BONUS = 1;
// A part matched only by a word or two of the topic is not about the asked subject.
const MIN_PART_SHARE = POLICY.valuePartShare;

export function lowerNormalized(sentence: Sentence): string {
  return sentence.normalized.toLowerCase();
}

/** The clause's sentences by how much of the topic each holds, best first, document order on ties. */
export function rankSentencesByTopic(clause: StoredClause, groups: TopicGroup[]): SentenceMatch[] {
  return clauseSentences(clause)
    .map((sentence, index) => ({ sentence, index, share: topicShare(groups, lowerNormalized(sentence)) }))
    .sort((left, right) => right.share - left.share || left.index - right.index);
}

const PATTERNS: Record<ValueKind, RegExp> = { figure: FIGURE, money: MONEY, date: DATE, year: /(?<!\d)(?:19|20)\d{2}年/u };

/**
 * The value of the asked kind that belongs to the topic: in the part holding most of the topic, or
 * the part after it when that one holds no value; the measure (%, 家, 元) must match when asked.
 */
export function findValue(clause: StoredClause, groups: TopicGroup[], kind: ValueKind, frame: QuestionFrame): ValueMatch | undefined {
  const sentences = clauseSentences(clause);
  let best: ValueMatch | undefined;
  let yearBefore: string | null = null;
  // A thing the question names in full (中国质量奖, 婴幼儿配方乳粉) that the clause writes: the value must be
  // in a part that names it, or carried from one; a value before it belongs to something else (天津质量奖's 100万元).
  // With no topic (the clause pointed at is asked about as a whole), no subject narrows where the value may stand.
  const named = groups.length === 0 ? [] : namedSubject(frame.topic.words, 4, (name) => clause.normalizedText.includes(name), true);
  // A value a comparison states itself (do both set the 60% target?): the part that sets it is the one asked
  // about. A single figure checked (汕尾食品抽检合格率是98%吗?) is the subject's own, whatever it is: the
  // 98% of 水利工程 two parts on is not it.
  const stated = frame.compare ? statedValues(frame, kind) : [];
  sentences.forEach((sentence, index) => {
    const parts = sentence.text.match(PART) ?? [sentence.text];
    const normalizedParts = sentence.normalized.match(PART) ?? [sentence.normalized];
    // With no topic of its own (这条有提到具体数字吗?), the clause pointed at is the topic: every part is on it.
    const shares = normalizedParts.map((part) => (groups.length === 0 ? 1 : topicShare(groups, part.toLowerCase())));
    let sentenceYear = yearBefore;
    // The part that names the subject best carries it to the parts after it, fading, until a value
    // answers it; a part that names it less well (质量奖 of 天津质量奖, asked of 中国质量奖) carries nothing.
    const strongest = Math.max(...shares);
    let carried = 0;
    let namedSeen = false;
    normalizedParts.forEach((part, at) => {
      sentenceYear = lastYear(part) ?? sentenceYear;
      const namesIt = named.length === 0 || named.some((word) => part.includes(word));
      namedSeen ||= namesIt;
      // A part that writes the thing named in full is about it, however few of the other words it holds.
      const own = named.length > 0 && namesIt ? Math.max(shares[at]!, MIN_PART_SHARE) : shares[at]!;
      // A year stands before what it is for (到2035年,质量强市建设基础更加牢固): asked for a year, a part
      // that names the subject takes the year the sentence set for it.
      const value = valueIn(part, kind, frame.measure, frame.count) ?? (kind === 'year' && sentenceYear && own >= MIN_PART_SHARE ? `${sentenceYear}年` : undefined);
      if (!value) {
        carried = Math.max(own >= strongest * 0.9 ? own : 0, carried * POLICY.carriedPartFactor);
        return;
      }
      const states = stated.some((each) => part.replace(/\s+/gu, '').includes(each));
      const share = states ? Math.max(own, strongest, MIN_PART_SHARE) + STATED_VALUE_BONUS : Math.max(own, carried * POLICY.carriedPartFactor);
      carried = 0;
      if (share < MIN_PART_SHARE || (!namedSeen && !states)) return;
      const candidate: ValueMatch = { sentence, index, share, value: displayValue(parts[at] ?? part, value), part: (parts[at] ?? part).replace(/[,，;；]$/u, ''), year: sentenceYear };
      if (!best || share > best.share + 1e-9) best = candidate;
    });
    yearBefore = lastYear(sentence.normalized) ?? yearBefore;
  });
  return best;
}

/** The values of the kind the question states itself (60%, 100万元: stated-values.ts), spaces dropped. */
export function statedValues(frame: QuestionFrame, kind: ValueKind): string[] {
  return frame.statedValues.filter((value) => value.kind === kind).map((value) => value.text);
}

/** Whether a part of the clause holds the topic (any share) and the asked year: for "the clause is about that year". */
export function yearsOf(clause: StoredClause): string[] {
  // A year inside a title (《质量发展纲要(2011-2020年)》) names that document, not a target of this one.
  const text = clause.normalizedText.replace(/《[^》]*》/gu, ' ');
  return [...new Set([...text.matchAll(YEAR)].map((match) => match[1]!))];
}

/**
 * The year each sentence of a clause speaks for: the last it names, or else the last an earlier sentence named (到2025年，…。
 * 制造业…94.8%。 is 2025's too). A year inside a title names that document, not a target.
 */
export function yearsInForce(clause: StoredClause): (string | null)[] {
  let year: string | null = null;
  return clauseSentences(clause).map((sentence) => (year = lastYear(sentence.normalized.replace(/《[^》]*》/gu, ' ')) ?? year));
}

function lastYear(text: string): string | null {
  const years = [...text.matchAll(YEAR)].map((match) => match[1]!);
  return years.at(-1) ?? null;
}

// 五大特色旅游板块, 三大行动: how many items a list has, named as a label; a figure only when a count is asked.
const LIST_LABEL = /^[一二三四五六七八九十]+大$/u;

function valueIn(part: string, kind: ValueKind, measure: string | null, counts: boolean): string | undefined {
  const pattern = new RegExp(PATTERNS[kind].source, 'gu');
  for (const match of part.matchAll(pattern)) {
    if (kind === 'figure' && measure && !fitsMeasure(match[0], measure)) continue;
    if (kind === 'figure' && !counts && LIST_LABEL.test(match[0])) continue;
    return match[0];
  }
  return undefined;
}

/** 94.8% fits %; 4万批次 fits 批次; 100萬元 fits 元; 30家 fits 家. A bare number fits any measure. */
function fitsMeasure(value: string, measure: string): boolean {
  if (measure === '%') return /%|‰|百分点|百分之/u.test(value);
  if (measure === '元') return /元/u.test(value);
  if (/^\d+(\.\d+)?$/u.test(value.trim())) return true;
  // 五大特色旅游板块 counts its items: asked 多少个 or 几类, five is the answer.
  if (LIST_LABEL.test(value)) return /^(个|项|大|类|种|条)$/u.test(measure);
  return value.includes(measure) || (measure === '批次' && value.includes('批'));
}

/** The value as the source writes it (Traditional 萬 for 万): the same span of the display part. */
function displayValue(displayPart: string, normalizedValue: string): string {
  const digits = normalizedValue.match(/\d+(?:\.\d+)?/u)?.[0];
  if (!digits) return normalizedValue;
  const at = displayPart.indexOf(digits);
  return at < 0 ? normalizedValue : displayPart.slice(at, at + normalizedValue.length);
}
