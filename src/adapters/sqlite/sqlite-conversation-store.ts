import type Database from 'better-sqlite3';
import type {
  MessagePage,
  ConversationStore, ExchangeRecord, FeedbackRecord, StoredCitation, StoredConversation, StoredMessage,
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
      'INSERT INTO message_citations (message_id, n, clause_id, document_id, role) VALUES (?, ?, ?, ?, ?)',
    );
    this.database.transaction(() => {
      this.database.prepare('INSERT OR IGNORE INTO conversations (id, created_at) VALUES (?, ?)').run(exchange.conversationId, timestamp);
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
      for (const citation of answer.citations) insertCitation.run(answer.id, citation.n, citation.clauseId, citation.documentId, citation.role);
    })();
  }

  getConversation(conversationId: string, page: MessagePage = {}): StoredConversation | undefined {
    const conversation = this.database.prepare('SELECT id, created_at FROM conversations WHERE id = ?').get(conversationId) as
      | { id: string; created_at: string }
      | undefined;
    if (!conversation) return undefined;
    const total = this.messageCount(conversationId);
    const limit = Math.max(0, page.limit ?? total);
    const offset = page.offset === undefined ? 0 : page.offset < 0 ? Math.max(0, total + page.offset) : page.offset;
    // One indexed range of messages, and their citations in one query grouped by message: linear in the page.
    const rows = this.database
      .prepare('SELECT id, role, content, not_found, answer_kind, not_found_reason, backend, created_at FROM messages WHERE conversation_id = ? ORDER BY position LIMIT ? OFFSET ?')
      .all(conversationId, limit, offset) as MessageRow[];
    const citations = this.database
      .prepare('SELECT message_id, n, clause_id, document_id, role FROM message_citations WHERE message_id IN (SELECT value FROM json_each(?)) ORDER BY role, n')
      .all(JSON.stringify(rows.map((row) => row.id))) as CitationRow[];
    const byMessage = new Map<string, StoredMessage['citations']>();
    for (const citation of citations) {
      const list = byMessage.get(citation.message_id) ?? [];
      list.push({ n: citation.n, clauseId: citation.clause_id, documentId: citation.document_id, role: citation.role });
      byMessage.set(citation.message_id, list);
    }
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
    return { id: conversation.id, createdAt: conversation.created_at, total, messages };
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
}
