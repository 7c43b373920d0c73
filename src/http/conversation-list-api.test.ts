import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../domain/answer/extractive-answerer.ts';
import type { ChatReply } from '../services/chat-service.ts';
import { createChatFixture, type ChatFixture } from '../test-support/chat-fixture.ts';
import { createApp } from './app.ts';

/** A browser's conversation list over HTTP: its own conversations only, per channel, renamed and deleted by it alone. */
describe('conversation list API', () => {
  let fixture: ChatFixture;
  let app: ReturnType<typeof createApp>;
  const alice = randomUUID();
  const bob = randomUUID();

  beforeAll(async () => {
    fixture = await createChatFixture('conversation-list');
    app = createApp({ store: fixture.store, chat: fixture.chatWith(new ExtractiveAnswerer()), conversations: fixture.conversations });
  });
  afterAll(() => fixture.close());

  const call = (path: string, client: string | undefined, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { 'content-type': 'application/json', ...(client ? { 'x-client-id': client } : {}), ...(init.headers as Record<string, string> | undefined) } });
  const ask = async (client: string | undefined, content: string, extra: Record<string, unknown> = {}) => {
    const response = await call('/api/chat', client, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content }], ...extra }) });
    return { status: response.status, reply: (await response.json()) as ChatReply };
  };

  it('lists a browser’s conversations per channel, last used first, titled by their first question', async () => {
    const first = (await ask(alice, '天津提升食品质量水平由哪个部门牵头?')).reply;
    const second = (await ask(alice, '汕尾到2025年制造业产品质量合格率目标是多少?')).reply;
    await ask(alice, '国家方案对儿童用品有什么要求?', { channel: 'embed:cn-2022-95' });
    const page = await (await call('/api/conversations', alice)).json();
    expect(page).toMatchObject({ total: 2, next: null });
    expect(page.conversations.map((conversation: { id: string }) => conversation.id)).toEqual([second.conversationId, first.conversationId]);
    expect(page.conversations[1]).toMatchObject({ title: '天津提升食品质量水平由哪个部门牵头?', messages: 2 });
    const embed = await (await call('/api/conversations?channel=embed:cn-2022-95', alice)).json();
    expect(embed.total).toBe(1);
    expect((await (await call('/api/conversations', bob)).json()).total).toBe(0);
  });

  it('keeps one browser out of another’s conversations: read, continue, rename and delete answer 404', async () => {
    const { reply } = await ask(alice, '天津提升食品质量水平由哪个部门牵头?');
    const id = reply.conversationId;
    expect((await call(`/api/conversations/${id}`, bob)).status).toBe(404);
    expect((await call(`/api/conversations/${id}`, undefined)).status).toBe(404);
    expect((await ask(bob, '那汕尾呢?', { conversationId: id })).status).toBe(404);
    expect((await call(`/api/conversations/${id}`, bob, { method: 'PATCH', body: JSON.stringify({ title: 'mine' }) })).status).toBe(404);
    expect((await call(`/api/conversations/${id}`, bob, { method: 'DELETE' })).status).toBe(404);

    expect((await call(`/api/conversations/${id}`, alice)).status).toBe(200);
    expect((await ask(alice, '那汕尾呢?', { conversationId: id })).status).toBe(200);
    const renamed = await call(`/api/conversations/${id}`, alice, { method: 'PATCH', body: JSON.stringify({ title: '  食品质量  ' }) });
    expect(await renamed.json()).toEqual({ id, title: '食品质量' });
    const listed = await (await call('/api/conversations', alice)).json();
    expect(listed.conversations.find((conversation: { id: string }) => conversation.id === id)).toMatchObject({ title: '食品质量', messages: 4 });
    expect((await call(`/api/conversations/${id}`, alice, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/api/conversations/${id}`, alice)).status).toBe(404);
  });

  it('refuses a malformed browser id, a list without one, and a bad title, with JSON errors', async () => {
    expect((await ask('not-a-uuid', '天津提升食品质量水平由哪个部门牵头?')).status).toBe(400);
    const missing = await call('/api/conversations', undefined);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: { code: 'client_id_required', message: expect.stringContaining('X-Client-Id') } });
    const { reply } = await ask(alice, '天津提升食品质量水平由哪个部门牵头?');
    const empty = await call(`/api/conversations/${reply.conversationId}`, alice, { method: 'PATCH', body: JSON.stringify({ title: '   ' }) });
    expect(empty.status).toBe(400);
    expect((await call(`/api/conversations/${reply.conversationId}`, alice, { method: 'PATCH', body: JSON.stringify({ title: 'x'.repeat(81) }) })).status).toBe(400);
    // Conversations asked without a browser id stay readable by their id, as before.
    const anonymous = (await ask(undefined, '天津提升食品质量水平由哪个部门牵头?')).reply;
    expect((await call(`/api/conversations/${anonymous.conversationId}`, undefined)).status).toBe(200);
  });
});
