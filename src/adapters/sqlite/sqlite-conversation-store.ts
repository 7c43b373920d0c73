import type Database from 'better-sqlite3';
import type {
  MessagePage,
  ConversationStore, ConversationSummary, ExchangeRecord, FeedbackEntry, FeedbackQuery, FeedbackRecord, StoredCitation, StoredConversation, StoredMessage,
} from '../../domain/ports/conversation-store.ts';

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  not_found: number | null;
  answer_kind: string | null;
  not_found_reason: string | null;
  backend: string | null;
  created_at: string;
}

interface CitationRow {
  message_id: string;
  n: number;
  clause_id: string;
  document_id: string;
  role: StoredCitation['role'];
  snapshot: string | null;
}

/** Conversations in the same SQLite file as the corpus; each exchange is written in one transaction. */
export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly database: Database.Database, private readonly now: () => Date = () => new Date()) {}

  exists(conversationId: string): boolean {
    return this.database.prepare('SELECT 1 FROM conversations WHERE id = ?').get(conversationId) !== undefined;
  }

  recordExchange(exchange: ExchangeRecord): void {
    const timestamp = this.now().toISOString();
    const insertMessage = this.database.prepare(
      `INSERT INTO messages (id, conversation_id, position, role, content, not_found, answer_kind, not_found_reason, backend, warnings, timings, created_at)
       VALUES (@id, @conversationId, @position, @role, @content, @notFound, @answerKind, @notFoundReason, @backend, @warnings, @timings, @createdAt)`,
    );
    const insertCitation = this.database.prepare(
      'INSERT INTO message_citations (message_id, n, clause_id, document_id, role, snapshot) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.database.transaction(() => {
      this.database
        .prepare('INSERT OR IGNORE INTO conversations (id, created_at, owner, channel, title, updated_at) VALUES (?, ?, ?, ?, NULL, ?)')
        .run(exchange.conversationId, timestamp, exchange.owner ?? null, exchange.channel ?? null, timestamp);
      this.database.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?').run(timestamp, exchange.conversationId);
      const { next } = this.database
        .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM messages WHERE conversation_id = ?')
        .get(exchange.conversationId) as { next: number };
      insertMessage.run({
        id: exchange.question.id, conversationId: exchange.conversationId, position: next, role: 'user',
        content: exchange.question.content, notFound: null, answerKind: null, notFoundReason: null, backend: null, warnings: '[]', timings: '{}', createdAt: timestamp,
      });
      const { answer } = exchange;
      insertMessage.run({
        id: answer.id, conversationId: exchange.conversationId, position: next + 1, role: 'assistant', content: answer.content,
        notFound: answer.notFound ? 1 : 0, answerKind: answer.answerKind, notFoundReason: answer.notFoundReason ? JSON.stringify(answer.notFoundReason) : null,
        backend: answer.backend, warnings: JSON.stringify(answer.warnings),
        timings: JSON.stringify(answer.timings), createdAt: timestamp,
      });
      for (const citation of answer.citations) insertCitation.run(answer.id, citation.n, citation.clauseId, citation.documentId, citation.role, citation.snapshot ? JSON.stringify(citation.snapshot) : null);
    })();
  }

  getConversation(conversationId: string, page: MessagePage = {}): StoredConversation | undefined {
    const conversation = this.database.prepare('SELECT id, created_at, title FROM conversations WHERE id = ?').get(conversationId) as
      | { id: string; created_at: string; title: string | null }
      | undefined;
    if (!conversation) return undefined;
    const total = this.messageCount(conversationId);
    const limit = Math.max(0, page.limit ?? total);
    const offset = page.offset === undefined ? 0 : page.offset < 0 ? Math.max(0, total + page.offset) : page.offset;
    // One indexed range of messages, and their citations in one query grouped by message: linear in the page.
    const rows = this.database
      .prepare('SELECT id, role, content, not_found, answer_kind, not_found_reason, backend, created_at FROM messages WHERE conversation_id = ? ORDER BY position LIMIT ? OFFSET ?')
      .all(conversationId, limit, offset) as MessageRow[];
    const byMessage = this.citationsOf(rows.map((row) => row.id));
    const messages: StoredMessage[] = rows.map((row) => ({
      id: row.id,
      role: row.role,
      content: row.content,
      createdAt: row.created_at,
      notFound: row.not_found === null ? null : row.not_found === 1,
      answerKind: row.answer_kind,
      notFoundReason: row.not_found_reason ? (JSON.parse(row.not_found_reason) as StoredMessage['notFoundReason']) : null,
      backend: row.backend,
      citations: byMessage.get(row.id) ?? [],
    }));
    return { id: conversation.id, createdAt: conversation.created_at, title: conversation.title, total, messages };
  }

  /** The citations of these messages, in one query grouped by message. */
  private citationsOf(messageIds: string[]): Map<string, StoredCitation[]> {
    const citations = this.database
      .prepare('SELECT message_id, n, clause_id, document_id, role, snapshot FROM message_citations WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY role, n')
      .all(JSON.stringify(messageIds)) as CitationRow[];
    const byMessage = new Map<string, StoredCitation[]>();
    for (const citation of citations) {
      const list = byMessage.get(citation.message_id) ?? [];
      list.push({
        n: citation.n, clauseId: citation.clause_id, documentId: citation.document_id, role: citation.role,
        ...(citation.snapshot ? { snapshot: JSON.parse(citation.snapshot) as StoredCitation['snapshot'] } : {}),
      });
      byMessage.set(citation.message_id, list);
    }
    return byMessage;
  }

  messageCount(conversationId: string): number {
    return (this.database.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').get(conversationId) as { n: number }).n;
  }

  recordFeedback(feedback: FeedbackRecord): boolean {
    const message = this.database.prepare("SELECT 1 FROM messages WHERE id = ? AND role = 'assistant'").get(feedback.messageId);
    if (!message) return false;
    this.database
      .prepare(
        `INSERT INTO feedback (message_id, rating, comment, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (message_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, updated_at = excluded.updated_at`,
      )
      .run(feedback.messageId, feedback.rating, feedback.comment, this.now().toISOString());
    return true;
  }

  listFeedback({ rating, offset = 0, limit = 50 }: FeedbackQuery = {}): { total: number; entries: FeedbackEntry[] } {
    const filter = rating ? 'WHERE f.rating = @rating' : '';
    const total = (this.database.prepare(`SELECT COUNT(*) AS n FROM feedback f ${filter}`).get(rating ? { rating } : {}) as { n: number }).n;
    // The question is the user message just before the answer in its conversation.
    const rows = this.database
      .prepare(
        `SELECT f.message_id, f.rating, f.comment, f.updated_at, a.conversation_id, a.content AS answer, a.answer_kind, a.backend, q.content AS question
         FROM feedback f
         JOIN messages a ON a.id = f.message_id
         LEFT JOIN messages q ON q.conversation_id = a.conversation_id AND q.position = a.position - 1
         ${filter}
         ORDER BY f.updated_at DESC, f.message_id LIMIT @limit OFFSET @offset`,
      )
      .all(rating ? { rating, limit, offset } : { limit, offset }) as {
      message_id: string; rating: 'up' | 'down'; comment: string | null; updated_at: string; conversation_id: string;
      answer: string; answer_kind: string | null; backend: string | null; question: string | null;
    }[];
    const citations = this.citationsOf(rows.map((row) => row.message_id));
    return {
      total,
      entries: rows.map((row) => ({
        messageId: row.message_id, conversationId: row.conversation_id, rating: row.rating, comment: row.comment, ratedAt: row.updated_at,
        question: row.question ?? '', answer: row.answer, answerKind: row.answer_kind, backend: row.backend,
        citations: (citations.get(row.message_id) ?? []).filter((citation) => citation.role === 'cited'),
      })),
    };
  }

  ownerOf(conversationId: string): string | null | undefined {
    const row = this.database.prepare('SELECT owner FROM conversations WHERE id = ?').get(conversationId) as { owner: string | null } | undefined;
    return row ? row.owner : undefined;
  }

  listConversations(owner: string, channel: string, { offset = 0, limit = 50 }: MessagePage = {}): { total: number; conversations: ConversationSummary[] } {
    const total = (this.database.prepare('SELECT COUNT(*) AS n FROM conversations WHERE owner = ? AND channel = ?').get(owner, channel) as { n: number }).n;
    // The first question is the title until the conversation is renamed.
    const rows = this.database
      .prepare(
        `SELECT c.id, c.created_at, COALESCE(c.updated_at, c.created_at) AS updated_at,
                COALESCE(c.title, (SELECT substr(m.content, 1, 80) FROM messages m WHERE m.conversation_id = c.id ORDER BY m.position LIMIT 1)) AS title,
                (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS messages
         FROM conversations c WHERE c.owner = ? AND c.channel = ?
         ORDER BY updated_at DESC, c.id LIMIT ? OFFSET ?`,
      )
      .all(owner, channel, limit, Math.max(0, offset)) as { id: string; created_at: string; updated_at: string; title: string | null; messages: number }[];
    return { total, conversations: rows.map((row) => ({ id: row.id, title: row.title ?? '', createdAt: row.created_at, updatedAt: row.updated_at, messages: row.messages })) };
  }

  renameConversation(conversationId: string, title: string): void {
    this.database.prepare('UPDATE conversations SET title = ? WHERE id = ?').run(title, conversationId);
  }

  deleteConversation(conversationId: string): void {
    // Messages go with their conversation, and citations and feedback with their messages (ON DELETE CASCADE).
    this.database.prepare('DELETE FROM conversations WHERE id = ?').run(conversationId);
  }
}
