// @ts-check
/**
 * The conversation of one browser tab: kept in sessionStorage, so a reload keeps it and another tab
 * starts fresh. Storage can be missing or full (private windows, sandboxed frames); then the
 * conversation simply lives in memory.
 *
 * @typedef {import('./chat-client.js').ChatReply} ChatReply
 * @typedef {import('./chat-client.js').ChatMessage} ChatMessage
 * @typedef {{ question: string, reply?: ChatReply }} Turn
 * @typedef {{ conversationId?: string, turns: Turn[] }} Conversation
 */

// Earlier turns give follow-ups their context; a few are enough and keep requests small. The server
// takes earlier messages of up to 4,000 characters (and reads less): a long answer is sent cut.
const HISTORY_TURNS = 6;
const HISTORY_MESSAGE_CHARACTERS = 4000;

/** @param {string} key */
export function createConversationState(key) {
  /** @type {Conversation} */
  let conversation = load(key);

  function save() {
    try {
      sessionStorage.setItem(key, JSON.stringify(conversation));
    } catch {
      // Storage unavailable: the conversation stays in memory for this page.
    }
  }

  return {
    get conversation() {
      return conversation;
    },
    /**
     * The messages for the next question: recent answered turns, then the question.
     * @param {string} question
     * @returns {ChatMessage[]}
     */
    messagesFor(question) {
      /** @type {ChatMessage[]} */
      const messages = [];
      for (const turn of conversation.turns.filter((candidate) => candidate.reply).slice(-HISTORY_TURNS)) {
        messages.push(
          { role: 'user', content: turn.question.slice(0, HISTORY_MESSAGE_CHARACTERS) },
          { role: 'assistant', content: (turn.reply?.answer ?? '').slice(0, HISTORY_MESSAGE_CHARACTERS) },
        );
      }
      messages.push({ role: 'user', content: question });
      return messages;
    },
    /** @param {string} question @param {ChatReply} reply */
    record(question, reply) {
      conversation = { conversationId: reply.conversationId, turns: [...conversation.turns, { question, reply }] };
      save();
    },
    reset() {
      conversation = { turns: [] };
      save();
    },
  };
}

/** @param {string} key @returns {Conversation} */
function load(key) {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (stored && Array.isArray(stored.turns)) return stored;
  } catch {
    // Unreadable or unavailable storage starts a new conversation.
  }
  return { turns: [] };
}

/** @typedef {ReturnType<typeof createConversationState>} ConversationState */
