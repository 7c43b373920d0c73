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

/** POST /api/feedback and GET /api/conversations/:id. */
export function feedbackRoutes(conversations: ConversationStore) {
  return new Hono().post('/', zValidator('json', feedbackSchema, validationHook('invalid_feedback')), (context) => {
    const { messageId, rating, comment } = context.req.valid('json');
    const stored = conversations.recordFeedback({ messageId, rating, comment: comment && comment !== '' ? comment : null });
    if (!stored) return errorResponse(context, 404, 'message_not_found', `No answer with messageId ${messageId}.`);
    return context.json({ messageId, rating, stored: true });
  });
}

export function conversationRoutes(conversations: ConversationStore) {
  return new Hono().get('/:id', zValidator('param', conversationParameters, validationHook('invalid_conversation_id')), (context) => {
    const { id } = context.req.valid('param');
    const conversation = conversations.getConversation(id);
    if (!conversation) return errorResponse(context, 404, 'conversation_not_found', `No conversation with id ${id}.`);
    return context.json(conversation);
  });
}
