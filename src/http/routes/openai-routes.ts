import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { ChatEvent, ChatService } from '../../services/chat-service.ts';
import { completionExtras, documentsOfModel, messageText, modelList, roughTokens, sourcesMarkdown } from '../../services/openai-compatible.ts';
import { recordAnswer, recordStreamEnded } from '../request-log.ts';
import { MAX_HISTORY_MESSAGE_CHARACTERS, MAX_MESSAGES, MAX_QUESTION_CHARACTERS } from './chat-routes.ts';

/** OpenAI's error shape, with the types its clients branch on. */
export function openAiError(context: Context, status: ContentfulStatusCode, message: string, code: string, param: string | null = null) {
  const type = status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return context.json({ error: { message, type, code, param } }, status);
}

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();
const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool'], { error: 'role must be system, developer, user, assistant or tool' }),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
}).passthrough();
// Sampling settings clients send (temperature, top_p, max_tokens, …) are accepted and do not apply: answers are quoted, not sampled.
const completionSchema = z.object({
  model: z.string({ error: 'model is required: GET /v1/models lists them' }).min(1, 'model is required: GET /v1/models lists them'),
  messages: z.array(messageSchema, { error: 'messages must be an array' }).min(1, 'messages must hold at least the question').max(MAX_MESSAGES + 4, `at most ${MAX_MESSAGES} messages besides system ones`),
  stream: z.boolean().optional(),
  n: z.number().int().min(1).max(1, 'n must be 1: one answer per question').optional(),
}).passthrough();

export interface OpenAiRouteDependencies {
  chat: ChatService;
  documents: () => { id: string; titleSimplified: string; docNumber: string | null }[];
  logError: (error: unknown) => void;
}

/** GET /v1/models and POST /v1/chat/completions. */
export function openAiRoutes({ chat, documents, logError }: OpenAiRouteDependencies) {
  const started = Math.floor(Date.now() / 1000);
  return new Hono()
    .get('/models', (context) => context.json({ object: 'list', data: modelList(documents(), started) }))
    .post('/chat/completions', async (context) => {
      let raw: unknown;
      try {
        raw = await context.req.json();
      } catch {
        return openAiError(context, 400, 'The request body is not valid JSON.', 'invalid_json');
      }
      const parsed = completionSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return openAiError(context, 400, `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`, 'invalid_request', issue.path.map(String).join('.') || null);
      }
      const body = parsed.data;
      const documentIds = documentsOfModel(body.model, new Set(documents().map((document) => document.id)));
      if (documentIds === null) return openAiError(context, 404, `The model "${body.model}" does not exist. GET /v1/models lists them: policy-qa, or policy-qa:<document id>.`, 'model_not_found', 'model');
      // System and developer messages are the client's own instructions: accepted, not read for retrieval.
      const turns = body.messages
        .filter((message) => message.role === 'user' || message.role === 'assistant')
        .map((message) => ({ role: message.role as 'user' | 'assistant', content: messageText(message.content as string | { type: string; text?: string }[] | null) }));
      const last = turns.at(-1);
      if (!last || last.role !== 'user' || last.content.trim() === '') return openAiError(context, 400, 'messages: the last user or assistant message must be the user\'s question.', 'invalid_request', 'messages');
      if (last.content.length > MAX_QUESTION_CHARACTERS) return openAiError(context, 400, `messages: the question is ${last.content.length} characters long; at most ${MAX_QUESTION_CHARACTERS} are allowed.`, 'invalid_request', 'messages');
      const request = {
        messages: turns.slice(-MAX_MESSAGES).map((turn) => ({ ...turn, content: turn.content.slice(0, MAX_HISTORY_MESSAGE_CHARACTERS) })),
        ...(documentIds ? { documentIds } : {}),
      };
      const id = `chatcmpl-${randomUUID()}`;
      const created = Math.floor(Date.now() / 1000);
      const promptTokens = roughTokens(turns.map((turn) => turn.content).join('\n'));
      if (!body.stream) {
        let reply;
        try {
          reply = await chat.reply(request, undefined, context.req.raw.signal);
        } catch (error) {
          logError(error);
          return openAiError(context, 500, 'The answer failed; the error was logged. Please ask again.', 'internal_error');
        }
        recordAnswer(context, reply, last.content);
        const content = `${reply.answer}${sourcesMarkdown(reply.citations)}`;
        return context.json({
          id, object: 'chat.completion', created, model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
          usage: { prompt_tokens: promptTokens, completion_tokens: roughTokens(content), total_tokens: promptTokens + roughTokens(content) },
          ...completionExtras(reply),
        });
      }
      return streamSSE(context, async (stream) => {
        // Chunks as OpenAI sends them: the role first, the text in deltas, then the stop, then [DONE].
        const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) =>
          stream.writeSSE({ data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra }) });
        let writes = chunk({ role: 'assistant', content: '' }, null);
        const onEvent = (event: ChatEvent) => {
          if (event.type === 'text-delta') writes = writes.then(() => chunk({ content: event.text }, null));
        };
        try {
          const reply = await chat.reply(request, onEvent, context.req.raw.signal);
          await writes;
          recordAnswer(context, reply, last.content);
          const sources = sourcesMarkdown(reply.citations);
          if (sources) await chunk({ content: sources }, null);
          await chunk({}, 'stop', { ...completionExtras(reply) });
        } catch (error) {
          logError(error);
          await writes.catch(() => {});
          await stream.writeSSE({ data: JSON.stringify({ error: { message: 'The answer failed; the error was logged.', type: 'server_error', code: 'internal_error', param: null } }) });
        }
        await stream.writeSSE({ data: '[DONE]' });
        recordStreamEnded(context);
      });
    });
}
