import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../http/app.ts';
import { seedCorpus, temporaryDirectory } from '../../test-support/seed-files.ts';
import { startTestRedis, type TestRedis } from '../../test-support/redis-server.ts';
import { openDatabase } from '../sqlite/open-database.ts';
import { SqliteClauseStore } from '../sqlite/sqlite-clause-store.ts';
import { connectSharedRateLimits, RateLimitStoreError, type SharedRateLimits } from './redis-rate-limit-store.ts';

/** Two replicas of the app sharing their rate limits through a real Redis server. */
describe('rate limits shared through Redis', () => {
  const directory = temporaryDirectory('redis-limits');
  const store = new SqliteClauseStore(openDatabase(join(directory.path, 'corpus.sqlite')));
  let redis: TestRedis;
  const failures: string[] = [];
  let shared: SharedRateLimits;
  let client = '10.2.0.1';
  const replica = () =>
    createApp({ store, rateLimit: { perMinute: 5, readsPerMinute: 3, clientAddress: () => client, store: (limit) => shared.storeFor(limit) } });

  beforeAll(async () => {
    store.replaceCorpus(seedCorpus());
    redis = await startTestRedis();
    shared = connectSharedRateLimits(redis.url, (message) => failures.push(message));
    await shared.ping();
  }, 30_000);
  afterAll(async () => {
    await shared.close();
    await redis.stop();
    store.close();
    directory.remove();
  });

  it('counts a client\'s requests across replicas', async () => {
    const [first, second] = [replica(), replica()];
    expect((await first.request('/api/documents')).status).toBe(200);
    expect((await second.request('/api/documents')).status).toBe(200);
    expect((await first.request('/api/documents')).status).toBe(200);
    // The fourth read, on the other replica, is over the shared budget of three.
    const limited = await second.request('/api/documents');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another client has its own budget.
    client = '10.2.0.2';
    expect((await second.request('/api/documents')).status).toBe(200);
    expect(failures).toEqual([]);
  });

  it('lets requests through when Redis stops answering, and reports every failure', async () => {
    const app = replica();
    client = '10.2.0.3';
    await redis.stop();
    const response = await app.request('/api/documents');
    expect(response.status).toBe(200);
    expect(failures.some((message) => message.startsWith('rate-limit store:'))).toBe(true);
  });

  it('refuses to start against a Redis that cannot be reached, naming the setting', async () => {
    const unreachable = connectSharedRateLimits('redis://127.0.0.1:1/0', () => {});
    await expect(unreachable.ping()).rejects.toThrow(RateLimitStoreError);
    await expect(unreachable.ping()).rejects.toThrow(/RATE_LIMIT_REDIS_URL: cannot reach Redis/u);
    await unreachable.close();
  });
});
