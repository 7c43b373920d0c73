import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWebAssets } from '../adapters/filesystem/web-asset-files.ts';
import { ExtractiveAnswerer } from '../domain/answer/extractive-answerer.ts';
import { createChatFixture, type ChatFixture } from '../test-support/chat-fixture.ts';
import { createApp } from './app.ts';

const WEB_DIRECTORY = fileURLToPath(new URL('../../web/', import.meta.url));
const ALLOWED = 'https://intranet.example.gov.cn';
const OTHER = 'https://elsewhere.example.com';
const HOST = 'qa.example.gov.cn';

/** Pages, assets, the origin policy and the rate limit, through app.request on the real app. */
describe('web pages, cross-origin access and rate limits', () => {
  let fixture: ChatFixture;
  let app: ReturnType<typeof createApp>;
  let clientAddress = '10.0.0.1';

  const question = (headers: Record<string, string> = {}) =>
    app.request(`http://${HOST}/api/chat`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] }),
    });
  const storedMessages = () => {
    const database = new Database(fixture.databasePath, { readonly: true });
    const { count } = database.prepare('SELECT COUNT(*) AS count FROM messages').get() as { count: number };
    database.close();
    return count;
  };
  const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://${HOST}${path}`, { headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    fixture = await createChatFixture('web-access');
    app = createApp({
      store: fixture.store,
      chat: fixture.chatWith(new ExtractiveAnswerer()),
      conversations: fixture.conversations,
      webAssets: loadWebAssets(WEB_DIRECTORY),
      allowedOrigins: [ALLOWED],
      rateLimit: { perMinute: 3, readsPerMinute: 5, clientAddress: () => clientAddress },
    });
  });
  afterAll(() => fixture.close());

  it('serves the chat page with a strict Content-Security-Policy that forbids framing and inline code', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<script type="module" src="/assets/chat-page.js"></script>');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/u);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("require-trusted-types-for 'script'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets only the allowed origins frame /embed, and serves the demo page', async () => {
    const embed = await get('/embed');
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain(`frame-ancestors 'self' ${ALLOWED}`);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const demo = await get('/demo');
    expect(await demo.text()).toContain('<script src="/widget.js"');
    expect(demo.headers.get('content-security-policy')).toContain("frame-src 'self'");
  });

  it('serves widget.js to any page, compressed, and answers a repeat request with 304', async () => {
    const response = await get('/widget.js', { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/u);
    const again = await get('/widget.js', { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('gives the chat modules to allowed origins with CORS, and refuses other origins', async () => {
    const allowed = await get('/assets/chat-view.js', { origin: ALLOWED });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const refused = await get('/assets/chat-view.js', { origin: OTHER });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await refused.json()).toEqual({ error: { code: 'origin_not_allowed', message: expect.stringContaining('EMBED_ALLOWED_ORIGINS') } });
    expect((await get('/assets/no-such-file.js')).status).toBe(404);
    expect((await get('/assets/tsconfig.json')).status).toBe(404);
  });

  it('answers a preflight from an allowed origin and refuses the API to any other origin, storing nothing', async () => {
    const preflight = await app.request(`http://${HOST}/api/chat`, {
      method: 'OPTIONS',
      headers: { host: HOST, origin: ALLOWED, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');

    const before = storedMessages();
    const refused = await question({ origin: OTHER });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    expect((await question({ origin: 'null' })).status).toBe(403);
    expect(storedMessages()).toBe(before);

    clientAddress = '10.0.0.2';
    const crossOrigin = await question({ origin: ALLOWED });
    expect(crossOrigin.status).toBe(200);
    expect(crossOrigin.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const sameOrigin = await question({ origin: `https://${HOST}` });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits each client to its budget of questions with a JSON 429 that says when to ask again', async () => {
    clientAddress = '10.0.0.3';
    for (let index = 0; index < 3; index += 1) expect((await question()).status).toBe(200);
    const limited = await question();
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as { error: { code: string; message: string; retryAfterSeconds: number } };
    expect(body.error).toEqual({ code: 'rate_limited', type: 'rate_limit_error', message: expect.stringMatching(/at most 3 per minute/u), retryAfterSeconds: retryAfter });

    // Another client is not affected, and feedback keeps a budget of its own.
    clientAddress = '10.0.0.4';
    const other = await question();
    expect(other.status).toBe(200);
    const { messageId } = (await other.json()) as { messageId: string };
    clientAddress = '10.0.0.3';
    const feedback = await app.request(`http://${HOST}/api/feedback`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json' },
      body: JSON.stringify({ messageId, rating: 'up' }),
    });
    expect(feedback.status).toBe(200);
  });

  it('limits reads too, on a budget of their own, and refuses a body larger than the endpoint takes while it arrives', async () => {
    clientAddress = '10.0.0.8';
    const read = () => app.request(`http://${HOST}/api/documents`, { headers: { host: HOST } });
    for (let index = 0; index < 5; index += 1) expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(429);
    // Reading did not use up this client's questions.
    expect((await question()).status).toBe(200);

    clientAddress = '10.0.0.9';
    const huge = await app.request(`http://${HOST}/api/chat`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: '质'.repeat(2_000_000) }] }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large', message: expect.stringContaining('320 KiB') } });
    const feedback = await app.request(`http://${HOST}/api/feedback`, {
      method: 'POST',
      headers: { host: HOST, 'content-type': 'application/json' },
      body: JSON.stringify({ messageId: '00000000-0000-4000-8000-000000000000', rating: 'up', comment: 'x'.repeat(40_000) }),
    });
    expect(feedback.status).toBe(413);
  });
});
