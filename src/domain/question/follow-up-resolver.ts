import type { FollowUpReading, QuestionFrame } from './question-frame.ts';

/**
 * Resolves a follow-up ("那汕尾呢?", "And in the national plan?", "它的牵头单位是谁?") against the
 * earlier user turns: what the new question leaves out (topic, asked slot, documents, years) is
 * carried over from the turn before; what it says replaces it. Turns are replayed from the first,
 * so a chain of follow-ups keeps its topic; a turn that reads as a new question starts afresh.
 */
export interface ChatTurnText {
  role: 'user' | 'assistant';
  content: string;
}

const FOLLOW_UP_OPENING = /^\s*(那么?|那个|它的?|其|该|这个|这|还有|and\b|what about\b|how about\b|same\b|also\b)/iu;
const FOLLOW_UP_ENDING = /呢\s*[?？]?\s*$/u;
const FOLLOW_UP_PRONOUN = /(?<![a-z])(it|its|that one|this one|they|their|there)(?![a-z])/iu;

/** Whether the question names a topic of its own: two Han characters or one English word the corpus knows or names. */
function hasOwnTopic(frame: QuestionFrame): boolean {
  const content = frame.topic.words.filter((word) => word.seen || word.specific);
  const han = content.reduce((sum, word) => sum + (word.word.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
  return han >= 2 || content.some((word) => !/\p{Script=Han}/u.test(word.word)) || frame.units.length > 0;
}

function looksLikeFollowUp(frame: QuestionFrame): boolean {
  return FOLLOW_UP_OPENING.test(frame.original) || FOLLOW_UP_ENDING.test(frame.original) || FOLLOW_UP_PRONOUN.test(frame.original) || !hasOwnTopic(frame);
}

export function resolveFollowUp(current: QuestionFrame, earlier: QuestionFrame[]): QuestionFrame {
  let state: QuestionFrame | undefined;
  for (const frame of [...earlier, current]) {
    state = state && looksLikeFollowUp(frame) ? merge(frame, state) : frame;
  }
  return state!;
}

function merge(frame: QuestionFrame, previous: QuestionFrame): QuestionFrame {
  const carried: FollowUpReading['carried'] = [];
  const ownTopic = hasOwnTopic(frame);
  const ownSlot = frame.slot !== 'content' || frame.yesNo;
  const restatesScope = frame.scope.documentIds.length > 0 || frame.scope.uncoveredPlace !== null;
  if (!ownTopic) carried.push('topic');
  if (!ownSlot) carried.push('slot');
  if (!restatesScope) carried.push('scope');
  if (frame.years.all.length === 0 && previous.years.all.length > 0) carried.push('years');
  return {
    ...frame,
    standalone: `${frame.original} (${previous.standalone})`,
    ...(ownSlot ? {} : { slot: previous.slot, slots: previous.slots, measure: frame.measure ?? previous.measure, count: previous.count }),
    ...(ownTopic ? {} : { topic: previous.topic, translation: previous.translation, units: frame.units.length > 0 ? frame.units : previous.units, unitTasks: frame.unitTasks || previous.unitTasks }),
    compare: frame.compare || (!restatesScope && previous.compare),
    scope: restatesScope ? frame.scope : previous.scope,
    years: frame.years.all.length > 0 ? frame.years : previous.years,
    followUp: { continues: previous.original, carried },
  };
}
