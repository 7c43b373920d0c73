import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

export interface RateLimitSettings {
  /** Requests a client may make per minute on the limited routes. */
  perMinute: number;
  /** The client's address as the connection shows it (or a proxy's header, when trusted). */
  clientAddress: (context: Context) => string;
}

const WINDOW_MS = 60_000;

/**
 * A per-client limit with a JSON 429 that says when to ask again, in the same shape as every
 * other error; the widget turns it into a polite message. Counts are kept in memory: one server
 * process serves one bureau's staff.
 */
export function perClientRateLimit({ perMinute, clientAddress }: RateLimitSettings): MiddlewareHandler {
  return rateLimiter({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: clientAddress,
    // Preflights carry no question; counting them would halve the widget's allowance.
    skip: (context) => context.req.method === 'OPTIONS',
    handler: (context) => {
      const info: { resetTime?: Date } | undefined = context.get('rateLimit');
      const retryAfterSeconds = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      return context.json(
        { error: { code: 'rate_limited', message: `Too many requests from this client: at most ${perMinute} per minute. Ask again in ${retryAfterSeconds} seconds.`, retryAfterSeconds } },
        429,
      );
    },
  });
}
