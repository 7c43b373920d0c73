// @ts-check
import { readServerSentEvents } from './sse-reader.js';

/**
 * The browser's side of the chat API (POST /api/chat with stream: true, POST /api/feedback,
 * GET /api/documents, GET /api/units/:name). The page calls it on its own origin; the widget calls it across origins.
 */

/**
 * @typedef {{ name: string, nameEn: string | null, role: 'lead' | 'co' }} Unit
 * @typedef {{ n: number, clauseId: string, docId: string, docTitle: string, docNumber: string | null,
 *   docStatus: 'in-force' | 'draft', docIssuer?: string | null, docDate?: string | null, section: string | null, clause: string | null, heading: string | null, text: string, quote?: string,
 *   docTitleSimplified?: string, headingSimplified?: string | null, textSimplified?: string, quoteSimplified?: string,
 *   page?: number | null, units: Unit[], counterparts?: Counterpart[] }} Citation
 * @typedef {{ clauseId: string, docId: string, docNumber: string | null, docTitle: string, level: string,
 *   section: string | null, clause: string | null, heading: string | null, headingSimplified?: string | null,
 *   relation: 'implements' | 'implemented-by' | 'corresponds' }} Counterpart
 * @typedef {{ clauseId: string, section: string | null, clause: string | null, heading: string | null, role: 'lead' | 'co' }} UnitClause
 * @typedef {{ id: string, name: string, nameEn: string | null, region: string, regionEn: string,
 *   documents: { docId: string, docNumber: string | null, docTitle: string, docStatus: string, lead: number, co: number, clauses: UnitClause[] }[] }} UnitDetail
 * @typedef {{ conversationId: string, messageId: string, answer: string, notFound: boolean,
 *   citations: Citation[], related: Citation[], backend: string, warnings: string[], suggestions?: string[],
 *   scopeConflict?: { documents: { id: string, title: string, docNumber: string | null }[] } | null }} ChatReply
 * @typedef {{ role: 'user' | 'assistant', content: string }} ChatMessage
 * @typedef {{ id: string, title: string, titleSimplified: string, docNumber: string | null, level: string,
 *   regionCode: string, region: string, regionEn: string, status: string, date: string | null }} DocumentSummary
 * @typedef {{ onStart?: (start: { conversationId: string, messageId: string }) => void,
 *   onRetrieved?: (step: { clauses: number, notFound: boolean }) => void,
 *   onText?: (text: string) => void, onCitation?: (citation: Citation) => void }} StreamHandlers
 */

/**
 * What went wrong, in the terms the user sees: each kind has its own message in i18n.js.
 * @typedef {'rate-limited' | 'refused' | 'invalid' | 'conversation-lost' | 'server' | 'unreachable' | 'aborted'} ChatErrorKind
 */

export class ChatApiError extends Error {
  /** @param {ChatErrorKind} kind @param {string} message @param {number} [retryAfterSeconds] */
  constructor(kind, message, retryAfterSeconds) {
    super(message);
    this.name = 'ChatApiError';
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const CLIENT_ID_KEY = 'policy-qa:client-id';
/** @type {string | undefined} */
let memoryClientId;

/**
 * This browser's anonymous id, made once and kept: it finds the browser's own conversations, and
 * nobody else's. Without storage it lasts as long as the page.
 */
function clientId() {
  try {
    let id = localStorage.getItem(CLIENT_ID_KEY);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(CLIENT_ID_KEY, id);
    }
    return id;
  } catch {
    memoryClientId ??= crypto.randomUUID();
    return memoryClientId;
  }
}

/**
 * @typedef {{ id: string, title: string, createdAt: string, updatedAt: string, messages: number }} ConversationSummary
 * @typedef {{ id: string, role: 'user' | 'assistant', content: string, notFound: boolean | null,
 *   citations: { n: number, clauseId: string, documentId: string, role: 'cited' | 'related', snapshot?: any }[] }} StoredMessage
 */

/** @param {string} apiBase the server's origin ('' for the page's own) */
export function createChatClient(apiBase) {
  /** @param {string} path @param {RequestInit} init */
  async function request(path, init) {
    let response;
    try {
      // No cookies cross origins: the API needs none, and the widget must not carry intranet sessions.
      const headers = { ...(/** @type {Record<string, string>} */ (init.headers ?? {})), 'X-Client-Id': clientId() };
      response = await fetch(`${apiBase}${path}`, { ...init, headers, mode: 'cors', credentials: 'omit' });
    } catch (error) {
      if (init.signal?.aborted) throw new ChatApiError('aborted', 'aborted');
      // A refused cross-origin request looks like a network failure to the page; it cannot be told apart.
      throw new ChatApiError('unreachable', error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  return {
    /** The document page at a clause: /documents/tj-2023-3#2.2, on the server's own origin. @param {string} docId @param {string} clauseId */
    documentUrl(docId, clauseId) {
      const base = apiBase === '' ? location.origin : apiBase;
      return `${base}/documents/${encodeURIComponent(docId)}#${encodeURIComponent(clauseId.slice(clauseId.indexOf(':') + 1))}`;
    },
    /** @returns {Promise<DocumentSummary[]>} */
    async listDocuments() {
      const response = await request('/api/documents', { method: 'GET' });
      const body = await response.json();
      return body.documents;
    },

    /**
     * @param {{ messages: ChatMessage[], conversationId?: string, documentIds?: string[], channel?: string }} question
     * @param {StreamHandlers} handlers
     * @param {AbortSignal} [signal]
     * @returns {Promise<ChatReply>}
     */
    async ask(question, handlers, signal) {
      const body = {
        messages: question.messages,
        stream: true,
        ...(question.conversationId ? { conversationId: question.conversationId } : {}),
        ...(question.channel ? { channel: question.channel } : {}),
        ...(question.documentIds && question.documentIds.length > 0 ? { filters: { documentIds: question.documentIds } } : {}),
      };
      const response = await request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
      if (!response.body) throw new ChatApiError('server', 'the reply had no body');
      try {
        for await (const event of readServerSentEvents(response.body)) {
          const payload = JSON.parse(event.data);
          if (event.event === 'answer-start') handlers.onStart?.(payload);
          else if (event.event === 'retrieved') handlers.onRetrieved?.(payload);
          else if (event.event === 'text-delta') handlers.onText?.(payload.text);
          else if (event.event === 'citation') handlers.onCitation?.(payload);
          else if (event.event === 'answer-end') return payload;
          else if (event.event === 'error') {
            throw new ChatApiError(payload.error?.code === 'conversation_not_found' ? 'conversation-lost' : 'server', payload.error?.message ?? 'error');
          }
        }
      } catch (error) {
        if (error instanceof ChatApiError) throw error;
        if (signal?.aborted) throw new ChatApiError('aborted', 'aborted');
        throw new ChatApiError('unreachable', error instanceof Error ? error.message : String(error));
      }
      throw new ChatApiError('server', 'the stream ended before the answer was complete');
    },

    /**
     * The units a name stands for, each with its clauses per document and role.
     * @param {string} name @returns {Promise<UnitDetail[]>}
     */
    async findUnit(name) {
      const response = await request(`/api/units/${encodeURIComponent(name)}`, { method: 'GET' });
      const body = await response.json();
      return body.units;
    },

    /** This browser's conversations in a channel, last used first. @param {string} channel @returns {Promise<ConversationSummary[]>} */
    async listConversations(channel) {
      const response = await request(`/api/conversations?channel=${encodeURIComponent(channel)}&limit=50`, { method: 'GET' });
      return (await response.json()).conversations;
    },

    /** Every message of a conversation, a page at a time. @param {string} id @returns {Promise<StoredMessage[]>} */
    async loadConversation(id) {
      /** @type {StoredMessage[]} */
      const messages = [];
      for (let offset = 0, pages = 0; offset !== null && pages < 10; pages += 1) {
        const response = await request(`/api/conversations/${encodeURIComponent(id)}?offset=${offset}&limit=50`, { method: 'GET' });
        const page = await response.json();
        messages.push(...page.messages);
        offset = page.next;
      }
      return messages;
    },

    /** @param {string} id @param {string} title */
    async renameConversation(id, title) {
      await request(`/api/conversations/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
    },

    /** The conversation as a file to download. @param {string} id @param {'md' | 'docx'} format @returns {Promise<Blob>} */
    async exportConversation(id, format) {
      const response = await request(`/api/conversations/${encodeURIComponent(id)}/export?format=${format}`, { method: 'GET' });
      return response.blob();
    },

    /** @param {string} id */
    async deleteConversation(id) {
      await request(`/api/conversations/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },

    /** @param {{ messageId: string, rating: 'up' | 'down', comment?: string }} feedback */
    async sendFeedback(feedback) {
      await request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(feedback) });
    },
  };
}

/** @typedef {ReturnType<typeof createChatClient>} ChatClient */

/** @param {Response} response */
async function errorFrom(response) {
  /** @type {{ error?: { code?: string, message?: string, retryAfterSeconds?: number } }} */
  let body = {};
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML error page: the status alone decides.
  }
  const message = body.error?.message ?? `HTTP ${response.status}`;
  if (response.status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const seconds = body.error?.retryAfterSeconds ?? (Number.isFinite(header) && header > 0 ? header : 30);
    return new ChatApiError('rate-limited', message, Math.max(1, Math.ceil(seconds)));
  }
  if (response.status === 403) return new ChatApiError('refused', message);
  if (response.status === 404 && body.error?.code === 'conversation_not_found') return new ChatApiError('conversation-lost', message);
  // A conversation at its message cap goes on as a new one, as an expired one does.
  if (response.status === 409 && body.error?.code === 'conversation_full') return new ChatApiError('conversation-lost', message);
  if (response.status >= 400 && response.status < 500) return new ChatApiError('invalid', message);
  return new ChatApiError('server', message);
}
