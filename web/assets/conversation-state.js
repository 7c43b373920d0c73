// @ts-check
/**
 * The conversation on screen: kept in localStorage under the chat's key, so a reload and a new tab
 * show it (the page and each embed have their own key); the server keeps every conversation for
 * the history list. Storage can be missing or full (private windows, sandboxed frames); then the
 * conversation simply lives in memory.
 *
 * @typedef {import('./chat-client.js').ChatReply} ChatReply
 * @typedef {import('./chat-client.js').ChatMessage} ChatMessage
 * @typedef {import('./chat-client.js').StoredMessage} StoredMessage
 * @typedef {{ question: string, reply?: ChatReply, rating?: 'up' | 'down' }} Turn
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
      localStorage.setItem(key, JSON.stringify(conversation));
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
    /** A conversation from the history list replaces the one on screen. @param {Conversation} next */
    replace(next) {
      conversation = next;
      save();
    },
    /** The thumb given to an answer, shown again after a reload. @param {string} messageId @param {'up' | 'down'} rating */
    rate(messageId, rating) {
      const turn = conversation.turns.find((each) => each.reply?.messageId === messageId);
      if (!turn) return;
      turn.rating = rating;
      save();
    },
    /** Forget the conversation on screen if it is this one (deleted from the list). @param {string} conversationId */
    forget(conversationId) {
      if (conversation.conversationId !== conversationId) return;
      conversation = { turns: [] };
      save();
    },
  };
}

/** @param {string} key @returns {Conversation} */
function load(key) {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null');
    if (stored && Array.isArray(stored.turns)) return stored;
  } catch {
    // Unreadable or unavailable storage starts a new conversation.
  }
  return { turns: [] };
}

/**
 * A stored conversation as turns the chat can show: each answer with the clauses it cited, as they
 * read when they were cited (they outlive a removed document).
 * @param {string} conversationId @param {StoredMessage[]} messages @returns {Conversation}
 */
export function conversationFromStored(conversationId, messages) {
  /** @type {Turn[]} */
  const turns = [];
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index];
    if (!message || message.role !== 'user') continue;
    const answer = messages[index + 1]?.role === 'assistant' ? messages[index + 1] : undefined;
    if (!answer) {
      turns.push({ question: message.content });
      continue;
    }
    index += 1;
    /** @param {'cited' | 'related'} role */
    const citations = (role) => answer.citations.filter((citation) => citation.role === role && citation.snapshot).map((citation) => ({
      n: citation.n, clauseId: citation.clauseId, docId: citation.documentId, docTitle: citation.snapshot.docTitle, docNumber: citation.snapshot.docNumber,
      docStatus: citation.snapshot.docStatus ?? 'in-force', section: citation.snapshot.section, clause: citation.snapshot.clause, heading: citation.snapshot.heading,
      text: citation.snapshot.text, quote: citation.snapshot.quote, units: citation.snapshot.units ?? [], counterparts: [],
    }));
    turns.push({
      question: message.content,
      reply: { conversationId, messageId: answer.id, answer: answer.content, notFound: answer.notFound === true, citations: citations('cited'), related: citations('related'), backend: '', warnings: [] },
    });
  }
  return { conversationId, turns };
}

/** @typedef {ReturnType<typeof createConversationState>} ConversationState */
