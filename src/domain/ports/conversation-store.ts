/** Conversations, their messages, the clauses each answer cited, and feedback on answers. */
export interface StoredCitation {
  n: number;
  clauseId: string;
  documentId: string;
  /** cited: supports the answer; related: offered beside a not-found answer. */
  role: 'cited' | 'related';
  /** What the clause said when it was cited: kept when its document leaves the library. */
  snapshot?: CitationSnapshot;
}

export interface CitationSnapshot {
  quote?: string;
  units?: { name: string; nameEn: string | null; role: 'lead' | 'co' }[];
  docStatus?: 'in-force' | 'draft';
  docTitle: string;
  docNumber: string | null;
  section: string | null;
  clause: string | null;
  heading: string | null;
  text: string;
  page?: number | null;
}

export interface ExchangeRecord {
  conversationId: string;
  /** Whose list the conversation belongs to (a hash of the browser's anonymous id), set when it is created. */
  owner?: string;
  /** Which face it was asked in (the page, an embed): lists are per channel. */
  channel?: string;
  question: { id: string; content: string };
  answer: {
    id: string;
    content: string;
    notFound: boolean;
    /** The kind of answer (lead, figure, …) or not-found, and for a not-found answer why. */
    answerKind: string;
    notFoundReason: { kind: string; detail: string } | null;
    backend: string;
    citations: StoredCitation[];
    warnings: string[];
    timings: Record<string, number>;
  };
}

export interface StoredMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  createdAt: string;
  notFound: boolean | null;
  answerKind: string | null;
  notFoundReason: { kind: string; detail: string } | null;
  backend: string | null;
  citations: StoredCitation[];
}

export interface StoredConversation {
  id: string;
  createdAt: string;
  /** Given by its browser (rename); null until then. */
  title: string | null;
  /** Messages in the conversation; `messages` is the page asked for. */
  total: number;
  messages: StoredMessage[];
}

/** A window of a conversation's messages, in order: from `offset`, at most `limit`; a negative offset counts from the end. */
export interface MessagePage {
  offset?: number;
  limit?: number;
}

export interface FeedbackRecord {
  messageId: string;
  rating: 'up' | 'down';
  comment: string | null;
}

/** A rated answer with the question it answered, for the admin page. */
export interface FeedbackEntry {
  messageId: string;
  conversationId: string;
  rating: 'up' | 'down';
  comment: string | null;
  ratedAt: string;
  question: string;
  answer: string;
  answerKind: string | null;
  backend: string | null;
  citations: StoredCitation[];
}

export interface FeedbackQuery {
  rating?: 'up' | 'down';
  offset?: number;
  limit?: number;
}

/** A conversation as a list shows it. */
export interface ConversationSummary {
  id: string;
  /** Renamed, or the first question. */
  title: string;
  createdAt: string;
  updatedAt: string;
  messages: number;
}

export interface ConversationStore {
  exists(conversationId: string): boolean;
  /** Stores a question and its answer in one transaction, creating the conversation if new. */
  recordExchange(exchange: ExchangeRecord): void;
  /** A page of the conversation's messages (all of them when no page is given), in time linear in the page. */
  getConversation(conversationId: string, page?: MessagePage): StoredConversation | undefined;
  /** How many messages the conversation holds (0 when there is none). */
  messageCount(conversationId: string): number;
  /** False when no assistant message has this id. A second rating of a message replaces the first. */
  recordFeedback(feedback: FeedbackRecord): boolean;
  /** Who owns the conversation: undefined when there is none, null when it has no owner (asked without a browser id). */
  ownerOf(conversationId: string): string | null | undefined;
  /** The owner's conversations in one channel, last used first. */
  listConversations(owner: string, channel: string, page?: MessagePage): { total: number; conversations: ConversationSummary[] };
  renameConversation(conversationId: string, title: string): void;
  /** The conversation, its messages, citations and feedback. */
  deleteConversation(conversationId: string): void;
  /** Rated answers, newest rating first, with their total for paging. */
  listFeedback(query?: FeedbackQuery): { total: number; entries: FeedbackEntry[] };
}
