import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';

/**
 * /v1/* and /mcp with API_KEYS set: a bearer key (hono's bearer-auth, constant-time), refused in the
 * shape the caller's client expects (OpenAI's error object for /v1, a JSON-RPC error for /mcp).
 */
export function apiKeyGuard(keys: readonly string[], refusal: (status: 401 | 400) => Response): MiddlewareHandler {
  const verify = bearerAuth({ token: [...keys] });
  return async (context, next) => {
    try {
      return await verify(context, next);
    } catch (error) {
      if (error instanceof HTTPException && (error.status === 401 || error.status === 400)) return refusal(error.status);
      throw error;
    }
  };
}
