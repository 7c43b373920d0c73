import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error leaves the server as { error: { code, message } }: no stack traces, no internals. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorResponse(context: Context, status: ContentfulStatusCode, code: string, message: string) {
  return context.json<ErrorBody>({ error: { code, message } }, status);
}
