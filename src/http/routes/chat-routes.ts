import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { ConversationFullError, ConversationNotFoundError, type ChatEvent, type ChatRequest, type ChatService } from '../../services/chat-service.ts';
import { browserOwner, CLIENT_ID_HEADER } from '../browser-owner.ts';
import { errorResponse } from '../errors.ts';
import { recordAnswer, recordStreamEnded } from '../request-log.ts';
import { validationHook } from '../validation.ts';

export const MAX_QUESTION_CHARACTERS = 2000;

// Earlier turns give follow-ups their context, and only the last few, cut to a length, are read
// (chat-service.ts): these bounds keep the costliest valid request near an ordinary one.
export const MAX_HISTORY_MESSAGE_CHARACTERS = 4_000;
export const MAX_MESSAGES = 20;

const messageSchema = z.object({
  role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant"' }),
  content: z.string({ error: 'content must be a string' }).max(MAX_HISTORY_MESSAGE_CHARACTERS, `a message may hold at most ${MAX_HISTORY_MESSAGE_CHARACTERS} characters`),
});

const chatSchema = z
  .object({
    messages: z.array(messageSchema, { error: 'messages must be an array of {role, content}' }).min(1, 'messages must hold at least the question').max(MAX_MESSAGES, `at most ${MAX_MESSAGES} messages per request; start a new conversation`),
    stream: z.boolean().optional(),
    conversationId: z.uuid({ error: 'conversationId must be a conversation id returned by an earlier reply' }).optional(),
    channel: z.string().regex(/^[A-Za-z0-9:._,-]{1,120}$/u, 'channel is letters, digits and : . _ , - (at most 120)').optional(),
    filters: z
      .object({ documentIds: z.array(z.string().regex(/^[A-Za-z0-9-]{1,80}$/u, 'document ids are letters, digits and dashes')).max(20).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((request, context) => {
    const last = request.messages.at(-1);
    if (!last) return;
    const path = ['messages', request.messages.length - 1, 'content'];
    if (last.role !== 'user') context.addIssue({ code: 'custom', path: ['messages', request.messages.length - 1, 'role'], message: 'the last message must be the user\'s question' });
    else if (last.content.trim() === '') context.addIssue({ code: 'custom', path, message: 'the question is empty' });
    else if (last.content.length > MAX_QUESTION_CHARACTERS) context.addIssue({ code: 'custom', path, message: `the question is ${last.content.length} characters long; at most ${MAX_QUESTION_CHARACTERS} are allowed` });
  });

export interface ChatRouteDependencies {
  chat: ChatService;
  knownDocumentIds: () => Set<string>;
  logError: (error: unknown) => void;
}

/** POST /api/chat: one JSON reply, or Server-Sent Events when stream is true. */
export function chatRoutes({ chat, knownDocumentIds, logError }: ChatRouteDependencies) {
  return new Hono().post('/', zValidator('json', chatSchema, validationHook('invalid_chat_request')), async (context) => {
    const body = context.req.valid('json');
    const owner = browserOwner(context.req.header(CLIENT_ID_HEADER));
    if (owner === false) return errorResponse(context, 400, 'invalid_client_id', `${CLIENT_ID_HEADER} must be the browser's id, a UUID.`);
    const documentIds = body.filters?.documentIds;
    const known = knownDocumentIds();
    const unknown = (documentIds ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) return errorResponse(context, 400, 'unknown_document', `filters.documentIds: no document with id ${unknown.map((id) => `"${id}"`).join(', ')}. GET /api/documents lists the ids.`);
    if (body.conversationId !== undefined && !chat.hasConversation(body.conversationId, owner)) {
      return errorResponse(context, 404, 'conversation_not_found', `No conversation with id ${body.conversationId}; omit conversationId to start a new one.`);
    }
    if (body.conversationId !== undefined && chat.isConversationFull(body.conversationId)) {
      return errorResponse(context, 409, 'conversation_full', `Conversation ${body.conversationId} holds as many messages as one may; omit conversationId to start a new one.`);
    }
    const request: ChatRequest = {
      messages: body.messages,
      ...(body.conversationId ? { conversationId: body.conversationId } : {}),
      ...(documentIds && documentIds.length > 0 ? { documentIds } : {}),
      ...(owner ? { owner, channel: body.channel ?? 'page' } : {}),
    };
    if (!body.stream) {
      try {
        const reply = await chat.reply(request, undefined, context.req.raw.signal);
        recordAnswer(context, reply, request.messages.at(-1)!.content);
        return context.json(reply);
      } catch (error) {
        if (error instanceof ConversationNotFoundError) return errorResponse(context, 404, 'conversation_not_found', error.message);
        if (error instanceof ConversationFullError) return errorResponse(context, 409, 'conversation_full', error.message);
        throw error;
      }
    }
    const response = streamSSE(context, async (stream) => {
      const aborted = new AbortController();
      stream.onAbort(() => aborted.abort());
      // Events arrive synchronously from the service; writes are chained so they keep their order.
      let writes = Promise.resolve();
      const send = (event: ChatEvent) => {
        writes = writes.then(() => stream.writeSSE({ event: event.type, data: JSON.stringify(payloadOf(event)) }));
      };
      try {
        const reply = await chat.reply(request, send, aborted.signal);
        await writes;
        recordAnswer(context, reply, request.messages.at(-1)!.content);
      } catch (error) {
        await writes.catch(() => {});
        logError(error);
        const notFound = error instanceof ConversationNotFoundError;
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify({ error: { code: notFound ? 'conversation_not_found' : 'internal_error', message: notFound ? error.message : 'The answer could not be completed; the error was logged. Please ask again.' } }),
        });
      } finally {
        recordStreamEnded(context);
      }
    });
    // streamSSE asks for keep-alive; a client that said Connection: close gets its socket closed
    // when the answer ends, instead of held open for the keep-alive timeout.
    if (/\bclose\b/iu.test(context.req.header('connection') ?? '')) {
      context.header('connection', 'close');
    }
    return response;
  });
}

function payloadOf(event: ChatEvent): unknown {
  switch (event.type) {
    case 'answer-start':
      return { conversationId: event.conversationId, messageId: event.messageId, backend: event.backend };
    case 'text-delta':
      return { text: event.text };
    case 'retrieved':
      return { clauses: event.clauses, notFound: event.notFound };
    case 'citation':
      return event.citation;
    case 'answer-end':
      return event.reply;
  }
}
