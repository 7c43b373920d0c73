import { Redis } from 'ioredis';
import { RedisStore, type ClientRateLimitInfo, type RedisClient, type Store } from 'hono-rate-limiter';

/**
 * Rate-limit counters shared by every replica of the server, in Redis (RATE_LIMIT_REDIS_URL): a
 * client's questions count the same whichever replica answers them. hono-rate-limiter's own
 * RedisStore keeps the counters (atomic Lua scripts); ioredis talks to the server. When Redis stops
 * answering, requests are let through and every failure is reported: a broken limiter must not take
 * the assistant down, and must not go unnoticed either.
 */
export interface SharedRateLimits {
  /** A store for one limit; each limit (questions, feedback, reads) keeps its own counters. */
  storeFor(limit: string): Store;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class RateLimitStoreError extends Error {
  override name = 'RateLimitStoreError';
}

export function connectSharedRateLimits(url: string, onFailure: (message: string) => void): SharedRateLimits {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000 });
  redis.on('error', (error: Error) => onFailure(`rate-limit store: ${error.message}`));
  const client: RedisClient = {
    scriptLoad: (script) => redis.script('LOAD', script) as Promise<string>,
    evalsha: <TArgs extends unknown[], TData = unknown>(sha1: string, keys: string[], args: TArgs) =>
      redis.evalsha(sha1, keys.length, ...keys, ...args.map(String)) as Promise<TData>,
    decr: (key) => redis.decr(key),
    del: (key) => redis.del(key),
  };
  return {
    storeFor(limit) {
      const store = new RedisStore({ client, prefix: `policy-qa:rate:${limit}:` });
      // The store loads its scripts at once; while Redis is down those loads fail, and are retried per request.
      for (const loading of [store.incrementScriptSha, store.getScriptSha, store.decrementScriptSha]) loading.catch(() => {});
      return failOpen(store, onFailure);
    },
    async ping() {
      try {
        if (redis.status === 'wait') await redis.connect();
        await redis.ping();
      } catch (error) {
        throw new RateLimitStoreError(`RATE_LIMIT_REDIS_URL: cannot reach Redis (${(error as Error).message}). Start Redis, correct the URL, or unset it to keep the limits in memory (one replica).`);
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** A store whose failures let the request through, each one reported. */
function failOpen(store: Store, onFailure: (message: string) => void): Store {
  let windowMs = 60_000;
  const open = (): ClientRateLimitInfo => ({ totalHits: 0, resetTime: new Date(Date.now() + windowMs) });
  return {
    init(options) {
      windowMs = options.windowMs;
      store.init?.(options);
    },
    async increment(key) {
      try {
        return await store.increment(key);
      } catch (error) {
        onFailure(`rate-limit store: counting a request failed, it was let through: ${(error as Error).message}`);
        return open();
      }
    },
    async decrement(key) {
      try {
        await store.decrement(key);
      } catch (error) {
        onFailure(`rate-limit store: ${(error as Error).message}`);
      }
    },
    async resetKey(key) {
      try {
        await store.resetKey(key);
      } catch (error) {
        onFailure(`rate-limit store: ${(error as Error).message}`);
      }
    },
  };
}
