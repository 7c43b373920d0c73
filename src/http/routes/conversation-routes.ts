import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ConversationStore } from '../../domain/ports/conversation-store.ts';
import { errorResponse } from '../errors.ts';
import { validationHook } from '../validation.ts';

const feedbackSchema = z
  .object({
    messageId: z.uuid({ error: 'messageId must be the messageId of an answer' }),
    rating: z.enum(['up', 'down'], { error: 'rating must be "up" or "down"' }),
    comment: z.string().trim().max(2000, 'a comment may hold at most 2000 characters').optional(),
  })
  .strict();

const conversationParameters = z.object({ id: z.uuid({ error: 'conversation ids are UUIDs' }) });
const MAX_PAGE = 50;
const pageQuery = z
  .object({
    offset: z.coerce.number().int('offset must be a whole number').min(0, 'offset is 0 or more').default(0),
    limit: z.coerce.number().int('limit must be a whole number').min(1, 'limit is at least 1').max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(MAX_PAGE),
  })
  .strict();

/** POST /api/feedback and GET /api/conversations/:id. */
export function feedbackRoutes(conversations: ConversationStore) {
  return new Hono().post('/', zValidator('json', feedbackSchema, validationHook('invalid_feedback')), (context) => {
    const { messageId, rating, comment } = context.req.valid('json');
    const stored = conversations.recordFeedback({ messageId, rating, comment: comment && comment !== '' ? comment : null });
    if (!stored) return errorResponse(context, 404, 'message_not_found', `No answer with messageId ${messageId}.`);
    return context.json({ messageId, rating, stored: true });
  });
}

/** A conversation's messages a page at a time (?offset=0&limit=100): `next` is the offset of the next page, if any. */
export function conversationRoutes(conversations: ConversationStore) {
  return new Hono().get(
    '/:id',
    zValidator('param', conversationParameters, validationHook('invalid_conversation_id')),
    zValidator('query', pageQuery, validationHook('invalid_page')),
    (context) => {
      const { id } = context.req.valid('param');
      const { offset, limit } = context.req.valid('query');
      const conversation = conversations.getConversation(id, { offset, limit });
      if (!conversation) return errorResponse(context, 404, 'conversation_not_found', `No conversation with id ${id}.`);
      const next = offset + conversation.messages.length < conversation.total ? offset + conversation.messages.length : null;
      return context.json({ ...conversation, offset, next });
    },
  );
}
