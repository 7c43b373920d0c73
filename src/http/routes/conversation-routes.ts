import { zValidator } from '@hono/zod-validator';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { ConversationStore } from '../../domain/ports/conversation-store.ts';
import { browserOwner, CLIENT_ID_HEADER } from '../browser-owner.ts';
import { errorResponse } from '../errors.ts';
import { MAX_STORED_MESSAGES } from '../../services/chat-service.ts';
import { conversationMarkdown, exportedConversation, type ExportedConversation } from '../../services/conversation-export.ts';
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

const listQuery = z
  .object({
    channel: z.string().regex(/^[A-Za-z0-9:._,-]{1,120}$/u, 'channel is letters, digits and : . _ , - (at most 120)').default('page'),
    offset: z.coerce.number().int('offset must be a whole number').min(0, 'offset is 0 or more').default(0),
    limit: z.coerce.number().int('limit must be a whole number').min(1, 'limit is at least 1').max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(MAX_PAGE),
  })
  .strict();
const exportQuery = z.object({ format: z.enum(['md', 'docx'], { error: 'format is "md" or "docx"' }) }).strict();
const renameSchema = z.object({ title: z.string().trim().min(1, 'the title is empty').max(80, 'a title may hold at most 80 characters') }).strict();

/**
 * A browser's conversations (X-Client-Id): its list per channel, each conversation's messages a page
 * at a time (?offset=0&limit=50; `next` is the offset of the next page), rename and delete. A
 * conversation another browser owns answers 404, as one that does not exist.
 */
export function conversationRoutes(conversations: ConversationStore, renderDocx?: (conversation: ExportedConversation) => Promise<Uint8Array>) {
  const ownerOr = (context: Context): string | undefined | Response => {
    const owner = browserOwner(context.req.header(CLIENT_ID_HEADER));
    return owner === false ? errorResponse(context, 400, 'invalid_client_id', `${CLIENT_ID_HEADER} must be the browser's id, a UUID.`) : owner;
  };
  /** The conversation when this browser may see it; a 404 (or 400) response otherwise. */
  const visible = (context: Context, id: string, needOwner: boolean): string | undefined | Response => {
    const owner = ownerOr(context);
    if (owner instanceof Response) return owner;
    const stored = conversations.ownerOf(id);
    if (stored === undefined || (stored !== null && stored !== owner) || (needOwner && stored === null)) {
      return errorResponse(context, 404, 'conversation_not_found', `No conversation with id ${id}${needOwner ? ' on this browser\'s list' : ''}.`);
    }
    return owner;
  };
  return new Hono()
    .get('/', zValidator('query', listQuery, validationHook('invalid_list')), (context) => {
      const owner = ownerOr(context);
      if (owner instanceof Response) return owner;
      if (!owner) return errorResponse(context, 400, 'client_id_required', `Send the browser's id as ${CLIENT_ID_HEADER} to list its conversations.`);
      const { channel, offset, limit } = context.req.valid('query');
      const { total, conversations: listed } = conversations.listConversations(owner, channel, { offset, limit });
      return context.json({ total, offset, next: offset + listed.length < total ? offset + listed.length : null, conversations: listed });
    })
    .get('/:id', zValidator('param', conversationParameters, validationHook('invalid_conversation_id')), zValidator('query', pageQuery, validationHook('invalid_page')), (context) => {
      const { id } = context.req.valid('param');
      const allowed = visible(context, id, false);
      if (allowed instanceof Response) return allowed;
      const { offset, limit } = context.req.valid('query');
      const conversation = conversations.getConversation(id, { offset, limit });
      if (!conversation) return errorResponse(context, 404, 'conversation_not_found', `No conversation with id ${id}.`);
      const next = offset + conversation.messages.length < conversation.total ? offset + conversation.messages.length : null;
      return context.json({ ...conversation, offset, next });
    })
    .get('/:id/export', zValidator('param', conversationParameters, validationHook('invalid_conversation_id')), zValidator('query', exportQuery, validationHook('invalid_export')), async (context) => {
      const { id } = context.req.valid('param');
      const allowed = visible(context, id, false);
      if (allowed instanceof Response) return allowed;
      const { format } = context.req.valid('query');
      if (format === 'docx' && !renderDocx) return errorResponse(context, 404, 'export_unavailable', 'This server does not export Word documents.');
      const conversation = conversations.getConversation(id, { limit: MAX_STORED_MESSAGES })!;
      const exported = exportedConversation(conversation, conversation.title ?? conversation.messages[0]?.content.slice(0, 80) ?? '对话', new Date());
      context.header('content-disposition', `attachment; filename="conversation.${format}"; filename*=UTF-8''${encodeURIComponent(`${exported.title.slice(0, 40)}.${format}`)}`);
      if (format === 'md') return context.body(conversationMarkdown(exported), 200, { 'content-type': 'text/markdown; charset=utf-8' });
      const bytes = await renderDocx!(exported);
      return context.body(bytes.buffer as ArrayBuffer, 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    })
    .patch('/:id', zValidator('param', conversationParameters, validationHook('invalid_conversation_id')), zValidator('json', renameSchema, validationHook('invalid_title')), (context) => {
      const { id } = context.req.valid('param');
      const allowed = visible(context, id, true);
      if (allowed instanceof Response) return allowed;
      conversations.renameConversation(id, context.req.valid('json').title);
      return context.json({ id, title: context.req.valid('json').title });
    })
    .delete('/:id', zValidator('param', conversationParameters, validationHook('invalid_conversation_id')), (context) => {
      const { id } = context.req.valid('param');
      const allowed = visible(context, id, true);
      if (allowed instanceof Response) return allowed;
      conversations.deleteConversation(id);
      return context.body(null, 204);
    });
}
