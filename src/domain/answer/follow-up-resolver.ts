import { analyzeQuery, type QueryIntent, type ScopeDocument } from '../retrieval/query-analyzer.ts';

/**
 * Resolves a follow-up ("那汕尾呢?", "And in the national plan?", "它的牵头单位是谁?") against the
 * conversation: what the new question leaves out (topic, what kind of answer, which documents)
 * is carried over from the turn before; what it says replaces it. Turns are replayed from the
 * first question, so a chain of follow-ups keeps its topic.
 */
export interface ResolvedQuestion {
  /** Text to retrieve with: the question itself, or for a follow-up the topic it refers to. */
  retrievalText: string;
  /** The question made self-contained, for not-found checks and for display. */
  standalone: string;
  /** Set for follow-ups: the intents and documents carried over or restated. */
  intents?: QueryIntent[];
  documentIds?: string[];
  scopeNamed: boolean;
  years: string[];
}

interface TurnState {
  topic: string;
  intents: QueryIntent[];
  documentIds: string[];
  scopeNamed: boolean;
  standalone: string;
  years: string[];
}

const FOLLOW_UP_OPENING = /^\s*(那么?|那个|它的?|其|该|这个|这|还有|and\b|what about\b|how about\b|same\b|also\b)/iu;
const FOLLOW_UP_ENDING = /呢\s*[?？]?\s*$/u;
const FOLLOW_UP_PRONOUN = /(?<![a-z])(it|its|that one|this one|they|their|there)(?![a-z])/iu;
// Characters and words that carry no topic of their own in a follow-up.
const EMPTY_HAN = /[那么它其该这个呢的是谁吗啊呀些还有在中里方案文件规定要求什么如何怎么样]/gu;
const EMPTY_WORDS = new Set(['and', 'in', 'the', 'what', 'about', 'how', 'it', 'its', 'that', 'this', 'for', 'of', 'plan', 'document', 'is', 'are', 'does', 'do', 'say', 'says', 'there', 'same', 'one', 'then', 'also', 'a', 'an', 'on', 'they', 'their']);

function ownTopicSize(topic: string): number {
  const han = topic.replace(EMPTY_HAN, '').match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = (topic.toLowerCase().match(/[a-z]+/gu) ?? []).filter((word) => !EMPTY_WORDS.has(word)).length;
  return han + words * 2;
}

export function resolveFollowUp(question: string, previousQuestions: string[], documents: ScopeDocument[]): ResolvedQuestion {
  let state: TurnState | undefined;
  let resolved: ResolvedQuestion | undefined;
  for (const turn of [...previousQuestions, question]) {
    const analyzed = analyzeQuery(turn, documents);
    const explicitIntents = analyzed.intents.filter((intent) => intent !== 'content');
    const ownTopic = ownTopicSize(analyzed.topicText) >= 2;
    const looksLikeFollowUp = FOLLOW_UP_OPENING.test(turn) || FOLLOW_UP_ENDING.test(turn) || FOLLOW_UP_PRONOUN.test(turn) || !ownTopic;
    if (!state || !looksLikeFollowUp) {
      state = {
        topic: analyzed.topicText,
        intents: analyzed.intents,
        documentIds: analyzed.scope.documentIds,
        scopeNamed: analyzed.scope.cues.length > 0,
        standalone: turn,
        years: analyzed.years,
      };
      resolved = { retrievalText: turn, standalone: turn, scopeNamed: state.scopeNamed, years: analyzed.years };
      continue;
    }
    const restatesScope = analyzed.scope.documentIds.length > 0;
    state = {
      topic: ownTopic ? analyzed.topicText : state.topic,
      intents: explicitIntents.length > 0 ? explicitIntents : state.intents,
      documentIds: restatesScope ? analyzed.scope.documentIds : state.documentIds,
      scopeNamed: analyzed.scope.cues.length > 0 || state.scopeNamed,
      standalone: `${turn} (${state.standalone})`,
      years: analyzed.years.length > 0 ? analyzed.years : state.years,
    };
    resolved = {
      retrievalText: state.topic,
      standalone: state.standalone,
      intents: state.intents,
      documentIds: state.documentIds,
      scopeNamed: state.scopeNamed,
      years: state.years,
    };
  }
  return resolved!;
}
