import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MemoryStore, rateLimiter, type RateLimitInfo, type Store } from 'hono-rate-limiter';
import { errorResponse } from './errors.ts';

export interface RateLimitSettings {
  /** Questions (and, separately, feedback posts) a client may send per minute. */
  perMinute: number;
  /** GET requests (documents, units, conversations) a client may make per minute. */
  readsPerMinute: number;
  /** The client's address as the connection shows it (or a proxy's header, when trusted). */
  clientAddress: (context: Context) => string;
  /** Where each limit keeps its counters: shared by the replicas (Redis), or this process's memory when absent. */
  store?: (limit: string) => Store;
}

const WINDOW_MS = 60_000;

/**
 * A per-client limit with a JSON 429 that says when to ask again, in the same shape as every
 * other error; the widget turns it into a polite message. Counts are kept in memory unless a shared
 * store is given (several replicas behind one address: RATE_LIMIT_REDIS_URL).
 */
export function perClientRateLimit({ perMinute, clientAddress, store }: RateLimitSettings, limit: string): MiddlewareHandler {
  return rateLimiter<{ Variables: { rateLimit: RateLimitInfo } }>({
    windowMs: WINDOW_MS,
    limit: perMinute,
    store: (store ? store(limit) : new MemoryStore()) as Store<{ Variables: { rateLimit: RateLimitInfo } }>,
    standardHeaders: 'draft-6',
    keyGenerator: clientAddress,
    // Preflights carry no question; counting them would halve the widget's allowance.
    skip: (context) => context.req.method === 'OPTIONS',
    handler: (context) => {
      const info: RateLimitInfo | undefined = context.get('rateLimit');
      const retryAfterSeconds = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      return context.json(
        // type: what OpenAI's clients read on /v1 (rate_limit_error); the chat reads the status and retryAfterSeconds.
        { error: { code: 'rate_limited', type: 'rate_limit_error', message: `Too many requests from this client: at most ${perMinute} per minute. Ask again in ${retryAfterSeconds} seconds.`, retryAfterSeconds } },
        429,
      );
    },
  });
}

/**
 * The largest request body each route can need, read no further: a valid chat request is at most 20
 * messages (the question 2,000 characters, earlier ones 4,000), about 240 KB of UTF-8; feedback is a
 * short comment; nothing else takes a body. A larger body is refused with a 413 while it arrives,
 * before it is buffered.
 */
const BODY_LIMITS: [prefix: string, bytes: number][] = [['/api/chat', 320 * 1024], ['/v1/chat/completions', 320 * 1024], ['/mcp', 320 * 1024], ['/api/feedback', 16 * 1024]];
const DEFAULT_BODY_LIMIT = 16 * 1024;
// A multipart upload carries its file and a few headers around it.
const MULTIPART_OVERHEAD = 64 * 1024;

/** `maxUploadBytes`: the largest file an admin may upload (MAX_SEED_FILE_BYTES). */
export function requestBodyLimit(maxUploadBytes: number): MiddlewareHandler {
  const limits: [string, number][] = [['/api/admin/documents', maxUploadBytes + MULTIPART_OVERHEAD], ...BODY_LIMITS];
  const limiters = new Map<number, MiddlewareHandler>();
  const limiterFor = (maxSize: number) => {
    let limiter = limiters.get(maxSize);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize,
        onError: (context) => errorResponse(context, 413, 'payload_too_large', `The request body is over the ${Math.round(maxSize / 1024)} KiB this endpoint takes; send a shorter one.`),
      });
      limiters.set(maxSize, limiter);
    }
    return limiter;
  };
  return (context, next) => {
    const path = new URL(context.req.url).pathname;
    const maxSize = limits.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? DEFAULT_BODY_LIMIT;
    return limiterFor(maxSize)(context, next);
  };
}
