import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../domain/answer/extractive-answerer.ts';
import type { AnswerBackend } from '../domain/ports/answer-backend.ts';
import type { ChatReply } from '../services/chat-service.ts';
import { createChatFixture, type ChatFixture } from '../test-support/chat-fixture.ts';
import { createApp } from './app.ts';

describe('chat API over the seeds (extractive backend, real SQLite)', () => {
  let fixture: ChatFixture;
  let app: ReturnType<typeof createApp>;
  const logged: unknown[] = [];

  const post = (path: string, body: unknown) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const ask = async (content: string, extra: Record<string, unknown> = {}) => {
    const response = await post('/api/chat', { messages: [{ role: 'user', content }], ...extra });
    expect(response.status).toBe(200);
    return (await response.json()) as ChatReply;
  };
  const storedMessages = () => {
    const database = new Database(fixture.databasePath, { readonly: true });
    const { count } = database.prepare('SELECT COUNT(*) AS count FROM messages').get() as { count: number };
    database.close();
    return count;
  };

  const ADMIN_TOKEN = 'operator-token-0123456789abcdef';
  beforeAll(async () => {
    fixture = await createChatFixture('chat-api');
    const backend = new ExtractiveAnswerer();
    app = createApp({
      store: fixture.store,
      chat: fixture.chatWith(backend),
      conversations: fixture.conversations,
      answerStatus: () => backend.status(),
      logError: (error) => logged.push(error),
      adminTokens: [{ label: 'admin', token: ADMIN_TOKEN }],
    });
  });
  afterAll(() => fixture.close());

  it('answers a lead question in Chinese with the lead unit and a cited clause', async () => {
    const reply = await ask('天津提升食品质量水平由哪个部门牵头?');
    expect(reply.notFound).toBe(false);
    expect(reply.backend).toBe('extractive');
    expect(reply.answer).toMatch(/牵头单位为市工业和信息化局/u);
    expect(reply.answer).toContain('[1]');
    expect(reply.citations[0]).toMatchObject({
      n: 1, clauseId: 'tj-2023-3:2.2', docId: 'tj-2023-3', docNumber: '津质量发〔2023〕3号', docStatus: 'in-force', section: '二', clause: '二', heading: '提升食品质量水平',
      units: expect.arrayContaining([{ name: '市工业和信息化局', nameEn: 'Tianjin Municipal Bureau of Industry and Information Technology', role: 'lead' }]),
    });
    expect(Object.keys(reply)).toEqual(expect.arrayContaining(['conversationId', 'messageId', 'answer', 'notFound', 'citations', 'backend', 'timings']));
  });

  it('answers the same in English with English unit names, and in Traditional Chinese with Traditional framing', async () => {
    const english = await ask('Which bureau leads dairy safety work in Tianjin?');
    expect(english.answer).toMatch(/lead unit is 市工业和信息化局 \(Tianjin Municipal Bureau of Industry and Information Technology\)/u);
    expect(english.citations[0]!.clauseId).toBe('tj-2023-3:2.2');
    const traditional = await ask('汕尾提高農產品食品藥品質量安全水平由哪些部門負責?');
    expect(traditional.citations[0]!.clauseId).toBe('sw-2023-0926:4.10');
    expect(traditional.answer).toMatch(/市市场监管局牽頭/u);
  });

  it('quotes the sentence holding an asked figure, in all three languages', async () => {
    for (const question of ['汕尾到2025年制造业产品质量合格率目标是多少?', '汕尾製造業產品質量合格率力爭達到多少?', 'What manufacturing product quality pass rate does Shanwei aim for by 2025?']) {
      const reply = await ask(question);
      expect(reply.answer, question).toContain('94.8%');
      expect(reply.citations[0]!.clauseId).toBe('sw-2023-0926:1.2');
      expect(reply.citations[0]!.quote).toContain('94.8%');
    }
  });

  it('answers content questions with quoted sentences of the clause', async () => {
    const reply = await ask('What does the national plan say about infant formula?');
    expect(reply.citations.map((citation) => citation.clauseId)).toContain('cn-2022-95:2.1');
    expect(reply.answer).toMatch(/婴幼儿配方乳粉|嬰幼兒配方乳粉/u);
  });

  it('answers content and metadata questions in all three languages', async () => {
    for (const [question, clauseId, text] of [
      ['天津方案对婴幼儿配方乳粉有什么要求?', 'tj-2023-3:2.2', /婴幼儿配方乳粉/u],
      ['國家方案如何推進家政進社區?', 'cn-2022-95:5.11', /家政/u],
      ['What does Tianjin plan for school uniforms, toys and stationery?', 'tj-2023-3:2.3', /校服/u],
    ] as const) {
      const reply = await ask(question);
      expect(reply.citations.map((citation) => citation.clauseId), question).toContain(clauseId);
      expect(reply.answer).toMatch(text);
    }
    expect((await ask('天津2023年行动实施方案的文号是什么?')).answer).toContain('津质量发〔2023〕3号');
    expect((await ask('What is the document number of the national action plan on product, project and service quality?')).answer).toContain('国市监质发〔2022〕95号');
    const issuer = await ask('天津2023年方案是哪个单位发布的?');
    // The two sources of the Tianjin plan disagree; both are named, with their source files.
    expect(issuer.answer).toContain('天津市质量强市建设协调推进领导小组');
    expect(issuer.answer).toContain('天津市市场监督管理委员会');
  });

  it('compares documents one line per document, also in English', async () => {
    const english = await ask('Compare who leads the promotion of construction quality in the national plan and in Tianjin.');
    expect(english.citations.map((citation) => citation.clauseId).sort()).toEqual(['cn-2022-95:2.4', 'tj-2023-3:2.5']);
    expect(english.answer).toContain('住房城乡建设部');
    expect(english.answer).toContain('市住房城乡建设委');
    // Naming two places is enough to ask about each, without the word "compare".
    const twoPlaces = await ask('Which departments are responsible for food quality in Tianjin and Shanwei?');
    expect(twoPlaces.citations.map((citation) => citation.docId).sort()).toEqual(['sw-2023-0926', 'tj-2023-3']);
    expect(twoPlaces.answer).toContain('市工业和信息化局');
    expect(twoPlaces.answer).toContain('市市场监管局');
  });

  it('compares documents one line per document', async () => {
    const reply = await ask('国家和天津在质量安全监管方面分别由哪个部门牵头?');
    expect(reply.citations.map((citation) => citation.docId).sort()).toEqual(['cn-2022-95', 'tj-2023-3']);
    expect(reply.answer).toContain('市场监管总局');
    expect(reply.answer).toContain('市市场监管委');
  });

  it('says plainly when the documents do not cover a place, and when the asked figure is absent', async () => {
    const place = await ask('北京市提升食品质量由哪个部门牵头?');
    expect(place.notFound).toBe(true);
    expect(place.citations).toEqual([]);
    expect(place.answer).toMatch(/没有关于北京的文件/u);
    // Why travels with the reply, and is stored with the message.
    expect(place).toMatchObject({ answerKind: 'not-found', notFoundReason: { kind: 'uncovered-place', detail: expect.stringContaining('北京') } });
    const stored = (await (await app.request(`/api/conversations/${place.conversationId}`)).json()) as { messages: { role: string; answerKind: string | null; notFoundReason: unknown }[] };
    expect(stored.messages.at(-1)).toMatchObject({ role: 'assistant', answerKind: 'not-found', notFoundReason: { kind: 'uncovered-place' } });
    const money = await ask('天津对新能源汽车购置补贴多少元?');
    expect(money.notFound).toBe(true);
    expect(money.citations).toEqual([]);
    const unseen = await ask('天津方案对无人机产品质量监管有什么规定?');
    expect(unseen.notFound).toBe(true);
    expect(unseen.answer).toContain('文件中没有出现“无人机”');
    expect(unseen.related.length).toBeGreaterThan(0);
    const english = await ask('Which bureau leads dairy safety in Hangzhou?');
    expect(english.notFound).toBe(true);
    expect(english.answer).toMatch(/none covers Hangzhou/u);
    // The national plan speaks of 合格率 only with a year (到2025年); a year is not the asked figure.
    const rate = await ask('国家方案规定的婴幼儿配方乳粉抽检合格率是多少?');
    expect(rate.notFound).toBe(true);
    expect(rate.citations).toEqual([]);
  });

  it('resolves follow-ups within a stored conversation', async () => {
    const first = await ask('天津提升食品质量水平由哪个部门牵头?');
    const history = [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }, { role: 'assistant', content: first.answer }];
    const response = await post('/api/chat', { conversationId: first.conversationId, messages: [...history, { role: 'user', content: '那国家方案呢?' }] });
    const second = (await response.json()) as ChatReply;
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.citations[0]!.clauseId).toBe('cn-2022-95:2.1');
    expect(second.answer).toContain('农业农村部');
    const english = await post('/api/chat', { messages: [{ role: 'user', content: 'Who leads improving workers\' quality literacy in Tianjin?' }, { role: 'assistant', content: '市教委 [1]' }, { role: 'user', content: 'And nationally?' }] });
    expect(((await english.json()) as ChatReply).answer).toContain('教育部');

    const stored = await app.request(`/api/conversations/${first.conversationId}`);
    const conversation = (await stored.json()) as { messages: { role: string; citations: { clauseId: string }[] }[] };
    expect(conversation.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(conversation.messages[3]!.citations[0]!.clauseId).toBe('cn-2022-95:2.1');
  });

  it('points "this clause" at what the stored answer cited, and "the corresponding clause" at its aligned counterpart', async () => {
    const first = await ask('Tianjin 2023 plan: who leads the supply chain quality linkage task?');
    expect(first.citations[0]!.clauseId).toBe('tj-2023-3:6.17');
    // The national clause it implements is named beside it in the source panel.
    expect(first.citations[0]!.counterparts).toContainEqual(expect.objectContaining({ clauseId: 'cn-2022-95:6.15', relation: 'implements', level: 'national' }));
    // The client sends the answer's text only; the stored conversation knows which clause it cited.
    const history = [{ role: 'user', content: 'Tianjin 2023 plan: who leads the supply chain quality linkage task?' }, { role: 'assistant', content: first.answer }];
    const same = (await (await post('/api/chat', { conversationId: first.conversationId, messages: [...history, { role: 'user', content: '这一条还提到了哪些单位?' }] })).json()) as ChatReply;
    expect(same.citations.map((citation) => citation.clauseId)).toEqual(['tj-2023-3:6.17']);
    expect(same.answer).toContain('市国资委');
    const national = (await (await post('/api/chat', { conversationId: first.conversationId, messages: [...history, { role: 'user', content: '国家方案里对应的条款由谁牵头?' }] })).json()) as ChatReply;
    expect(national.citations[0]!.clauseId).toBe('cn-2022-95:6.15');
    expect(national.answer).toContain('国家发展改革委');
    // Without a stored conversation, the clause is read from the answer's text (二(二) after its 文号).
    const fromText = (await (await post('/api/chat', {
      messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }, { role: 'assistant', content: '津质量发〔2023〕3号 二、(二)「提升食品质量水平」[1]：牵头单位为市工业和信息化局。' }, { role: 'user', content: '这一条还提到了哪些单位?' }],
    })).json()) as ChatReply;
    expect(fromText.citations.map((citation) => citation.clauseId)).toEqual(['tj-2023-3:2.2']);
    expect(fromText.answerKind).toBe('units');
  });

  it('reads a stored conversation a page at a time, and takes no more messages than a conversation may hold', async () => {
    const first = await ask('天津提升食品质量水平由哪个部门牵头?');
    for (let index = 0; index < 98; index += 1) {
      fixture.conversations.recordExchange({
        conversationId: first.conversationId,
        question: { id: crypto.randomUUID(), content: `问题 ${index}` },
        answer: { id: crypto.randomUUID(), content: `回答 ${index}`, notFound: false, answerKind: 'content', notFoundReason: null, backend: 'extractive', citations: [{ n: 1, clauseId: 'tj-2023-3:2.2', documentId: 'tj-2023-3', role: 'cited' }], warnings: [], timings: {} },
      });
    }
    const page = (await (await app.request(`/api/conversations/${first.conversationId}?offset=10&limit=3`)).json()) as { total: number; offset: number; next: number | null; messages: { content: string; citations: unknown[] }[] };
    expect(page).toMatchObject({ total: 198, offset: 10, next: 13 });
    expect(page.messages.map((message) => message.content)).toEqual(['问题 4', '回答 4', '问题 5']);
    expect(page.messages[1]!.citations).toHaveLength(1);
    expect((await app.request(`/api/conversations/${first.conversationId}?limit=500`)).status).toBe(400);
    // 198 stored: one more exchange fits, then the conversation is full.
    const messages = [{ role: 'user', content: '汕尾到2025年制造业产品质量合格率目标是多少?' }];
    expect((await post('/api/chat', { conversationId: first.conversationId, messages })).status).toBe(200);
    const full = await post('/api/chat', { conversationId: first.conversationId, messages });
    expect(full.status).toBe(409);
    expect(await full.json()).toMatchObject({ error: { code: 'conversation_full', message: expect.stringContaining('omit conversationId') } });
    expect(fixture.conversations.messageCount(first.conversationId)).toBe(200);
  });

  it('resolves a follow-up from the last turns only, however long the history sent', async () => {
    const filler = Array.from({ length: 16 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: `${'无关的话'.repeat(990)}${index}` }));
    const history = [...filler, { role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }, { role: 'assistant', content: '津质量发〔2023〕3号 二、(二)「提升食品质量水平」[1]：牵头单位为市工业和信息化局。' }];
    const reply = (await (await post('/api/chat', { messages: [...history, { role: 'user', content: '那国家方案呢?' }] })).json()) as ChatReply;
    expect(reply.citations[0]!.clauseId).toBe('cn-2022-95:2.1');
  });

  it('says when the question names a document the scope leaves out, and keeps to the scope', async () => {
    const reply = await ask('天津提升食品质量水平由哪个部门牵头?', { filters: { documentIds: ['sw-2023-0926'] } });
    expect(reply.citations.every((citation) => citation.docId === 'sw-2023-0926')).toBe(true);
    expect(reply.scopeConflict?.documents.map((document) => document.id)).toContain('tj-2023-3');
    expect(reply.warnings).toContainEqual(expect.stringMatching(/outside the documents in scope/u));
    const inScope = await ask('汕尾提升食品质量由哪个部门牵头?', { filters: { documentIds: ['sw-2023-0926'] } });
    expect(inScope.scopeConflict).toBeNull();
  });

  it('offers follow-up questions that the library answers when they are asked', async () => {
    const reply = await ask('天津提升食品质量水平由哪个部门牵头?');
    expect(reply.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(reply.suggestions).toContain('这一条有哪些责任单位?');
    for (const suggestion of reply.suggestions) {
      const next = await post('/api/chat', {
        conversationId: reply.conversationId,
        messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }, { role: 'assistant', content: reply.answer }, { role: 'user', content: suggestion }],
      });
      const answered = (await next.json()) as ChatReply;
      expect(answered.notFound, suggestion).toBe(false);
      expect(answered.citations.length, suggestion).toBeGreaterThan(0);
    }
    const english = await ask('Which bureau leads dairy safety work in Tianjin?');
    expect(english.suggestions).toContain('Which units are responsible for this clause?');
  });

  it('keeps to the documents named in filters', async () => {
    const reply = await ask('由哪个部门牵头提升食品质量?', { filters: { documentIds: ['sw-2023-0926'] } });
    expect(reply.citations.every((citation) => citation.docId === 'sw-2023-0926')).toBe(true);
  });

  it('streams answer-start, retrieved, text-delta (in sentence steps), citation, answer-end in that order', async () => {
    const response = await post('/api/chat', { messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }], stream: true });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/u);
    const events = parseSse(await response.text());
    const order = events.map((event) => event.event).filter((type, index, all) => type !== all[index - 1]);
    expect(order).toEqual(['answer-start', 'retrieved', 'text-delta', 'citation', 'answer-end']);
    expect(events.filter((event) => event.event === 'text-delta').length).toBeGreaterThan(1);
    expect(events.find((event) => event.event === 'retrieved')!.data).toMatchObject({ clauses: expect.any(Number), notFound: false });
    const end = events.at(-1)!.data as ChatReply;
    const streamed = events.filter((event) => event.event === 'text-delta').map((event) => (event.data as { text: string }).text).join('');
    expect(streamed).toBe(end.answer);
    expect((events[0]!.data as { messageId: string }).messageId).toBe(end.messageId);
    expect(events.filter((event) => event.event === 'citation').map((event) => (event.data as { n: number }).n)).toEqual(end.citations.map((citation) => citation.n));
  });

  it('records feedback on an answer, and refuses feedback on an unknown message', async () => {
    const reply = await ask('天津提升食品质量水平由哪个部门牵头?');
    const good = await post('/api/feedback', { messageId: reply.messageId, rating: 'down', comment: '应注明配合单位' });
    expect(good.status).toBe(200);
    const unknown = await post('/api/feedback', { messageId: '00000000-0000-4000-8000-000000000000', rating: 'up' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'message_not_found', message: expect.any(String) } });
    const bad = await post('/api/feedback', { messageId: reply.messageId, rating: 'meh' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/rating/u);
  });

  it.each([
    ['an empty question', { messages: [{ role: 'user', content: '   ' }] }, 400, /question is empty/u],
    ['an over-long question', { messages: [{ role: 'user', content: '质'.repeat(2001) }] }, 400, /2001 characters.*at most 2000/u],
    ['an unknown role', { messages: [{ role: 'system', content: 'hi' }] }, 400, /messages\.0\.role/u],
    ['too many messages', { messages: Array.from({ length: 21 }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: 'q' })) }, 400, /at most 20 messages/u],
    ['no messages', { messages: [] }, 400, /at least the question/u],
    ['a last message that is not a question', { messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }, 400, /last message must be the user's question/u],
    ['an unknown field', { messages: [{ role: 'user', content: 'q' }], temperature: 2 }, 400, /temperature/u],
    ['an unknown document filter', { messages: [{ role: 'user', content: 'q' }], filters: { documentIds: ['xx-1999-1'] } }, 400, /xx-1999-1/u],
    ['an unknown conversation', { messages: [{ role: 'user', content: 'q' }], conversationId: '00000000-0000-4000-8000-000000000000' }, 404, /No conversation/u],
    ['a malformed conversation id', { messages: [{ role: 'user', content: 'q' }], conversationId: 'abc' }, 400, /conversationId/u],
    ['malformed JSON', '{"messages": [', 400, /not valid JSON/u],
  ])('rejects %s with a JSON error and stores nothing', async (_label, body, status, message) => {
    const before = storedMessages();
    const response = await post('/api/chat', body);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.message).toMatch(message);
    expect(storedMessages()).toBe(before);
  });

  it('cites only clauses retrieval returned, and only clauses that are in the corpus', async () => {
    const questions = ['天津提升食品质量水平由哪个部门牵头?', 'What does Tianjin plan for school uniforms, toys and stationery?', '国家方案和天津方案对首席质量官的要求有什么不同?', '汕尾征求意见稿的意见反馈截止日期是哪天?', '天津质量奖给每个获奖企业多少政府奖励?'];
    for (const question of questions) {
      const reply = await ask(question);
      const markers = [...reply.answer.matchAll(/\[(\d+)\]/gu)].map((match) => Number(match[1]));
      expect(new Set(markers), question).toEqual(new Set(reply.citations.map((citation) => citation.n)));
      for (const citation of reply.citations) {
        expect(reply.retrieved).toContain(citation.clauseId);
        const [stored] = fixture.store.getClauses([citation.clauseId]);
        expect(stored?.text).toBe(citation.text);
        if (citation.quote) expect(stored!.text).toContain(citation.quote);
      }
    }
  });

  it('reports the answer backend in /health/details, to the operator only', async () => {
    const health = (await (await app.request('/health/details', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { answer: Record<string, unknown> };
    expect(health.answer).toEqual({ backend: 'extractive', model: null, reachable: true, detail: expect.any(String) });
    expect(await (await app.request('/health')).json()).not.toHaveProperty('answer');
  });

  it('answers a failure inside the stream with an error event, and outside it with a 500 that leaks nothing', async () => {
    const broken: AnswerBackend = {
      specificationVersion: 'v2',
      name: 'extractive',
      answer: async () => {
        throw new Error('secret internal detail at /srv/app');
      },
      status: async () => ({ backend: 'extractive', model: null, reachable: true, detail: '' }),
    };
    const brokenApp = createApp({ store: fixture.store, chat: fixture.chatWith(broken), conversations: fixture.conversations, logError: () => {} });
    const plain = await brokenApp.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] }) });
    expect(plain.status).toBe(500);
    expect(await plain.text()).not.toMatch(/secret|\/srv|at /u);
    const streamed = await brokenApp.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }], stream: true }) });
    const events = parseSse(await streamed.text());
    expect(events.at(-1)).toMatchObject({ event: 'error', data: { error: { code: 'internal_error' } } });
    expect(JSON.stringify(events)).not.toMatch(/secret/u);
  });
});

function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split(/\n\n/u)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
