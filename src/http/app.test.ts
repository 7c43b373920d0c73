import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../adapters/sqlite/open-database.ts';
import { SqliteClauseStore } from '../adapters/sqlite/sqlite-clause-store.ts';
import { seedCorpus, temporaryDirectory } from '../test-support/seed-files.ts';
import { createApp } from './app.ts';

describe('HTTP API over a real database', () => {
  const directory = temporaryDirectory('http');
  const store = new SqliteClauseStore(openDatabase(join(directory.path, 'corpus.sqlite')));
  const logged: unknown[] = [];
  const ADMIN_TOKEN = 'operator-token-0123456789abcdef';
  const app = createApp({ store, logError: (error) => logged.push(error), adminTokens: [{ label: 'admin', token: ADMIN_TOKEN }] });

  beforeAll(() => {
    store.replaceCorpus(seedCorpus());
  });
  afterAll(() => {
    store.close();
    directory.remove();
  });

  it('GET /health says ok and the library size to anyone, the details to the operator only', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', corpus: { documents: 4, clauses: 99, passages: expect.any(Number), units: expect.any(Number) } });
    expect((await app.request('/health/details')).status).toBe(401);
    expect((await app.request('/health/details', { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);
    const details = await app.request('/health/details', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(await details.json()).toMatchObject({ status: 'ok', lastIngest: { duplicatesMerged: 1, rejectedFiles: [] } });
    // Without ADMIN_TOKEN the details are closed, and say how to open them.
    const closed = await createApp({ store }).request('/health/details');
    expect(closed.status).toBe(403);
    expect(await closed.json()).toMatchObject({ error: { code: 'admin_disabled', message: expect.stringContaining('ADMIN_TOKEN') } });
  });

  it('GET /health is degraded when the library is empty', async () => {
    const empty = new SqliteClauseStore(openDatabase(join(directory.path, 'empty.sqlite')));
    expect(await (await createApp({ store: empty }).request('/health')).json()).toMatchObject({ status: 'degraded', corpus: { documents: 0 } });
    empty.close();
  });

  it('answers only to the host names it is known by when they are set (DNS rebinding)', async () => {
    const guarded = createApp({ store, allowedHosts: ['qa.intranet.example.gov.cn'] });
    expect((await guarded.request('/health', { headers: { host: 'qa.intranet.example.gov.cn' } })).status).toBe(200);
    // A page on attacker.example resolving its name to this server sends a matching Host and Origin.
    const rebound = await guarded.request('/api/documents', { headers: { host: 'attacker.example', origin: 'http://attacker.example' } });
    expect(rebound.status).toBe(403);
    expect(await rebound.json()).toMatchObject({ error: { code: 'host_not_allowed' } });
  });

  it('GET /api/documents lists the four documents with their metadata', async () => {
    const response = await app.request('/api/documents');
    expect(response.headers.get('content-type')).toMatch(/application\/json/u);
    const { documents } = (await response.json()) as { documents: Record<string, unknown>[] };
    expect(documents.map((document) => [document.id, document.docNumber, document.clauseCount, document.status])).toEqual([
      ['tj-2023-3', '津质量发〔2023〕3号', 24, 'in-force'],
      ['tj-2014-22', '津政发〔2014〕22号', 23, 'in-force'],
      ['cn-2022-95', '国市监质发〔2022〕95号', 22, 'in-force'],
      ['sw-2023-0926', null, 30, 'draft'],
    ]);
    expect(Object.keys(documents[0]!)).toEqual(expect.arrayContaining(['id', 'title', 'docNumber', 'issuer', 'date', 'region', 'status', 'sources', 'clauseCount']));
  });

  it('GET /api/documents/:id returns clauses with numerals as written and their units', async () => {
    const response = await app.request('/api/documents/tj-2023-3');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { clauses: Record<string, unknown>[]; sources: unknown[] };
    expect(document.clauses).toHaveLength(24);
    expect(document.sources).toHaveLength(2);
    expect(document.clauses[1]).toMatchObject({
      id: 'tj-2023-3:2.2',
      section: '二',
      clause: '二',
      heading: '提升食品质量水平',
      units: expect.arrayContaining([{ name: '市工业和信息化局', nameEn: 'Tianjin Municipal Bureau of Industry and Information Technology', role: 'lead' }]),
    });
    expect(document.clauses[1]!.text).toMatch(/^提升食品质量水平。积极开展食品工业诚信体系培训/u);
  });

  it('answers an unknown document with 404 JSON and a bad id with 400 JSON', async () => {
    const missing = await app.request('/api/documents/tj-1999-1');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'document_not_found', message: expect.stringContaining('tj-1999-1') } });
    const bad = await app.request('/api/documents/%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_document_id' } });
    const route = await app.request('/api/nothing');
    expect(route.status).toBe(404);
    expect(await route.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('turns a failure inside a handler into a 500 JSON body without internals', async () => {
    const failing = createApp({
      store: { ...store, listDocuments: () => { throw new Error('disk on fire at /secret/path'); } } as unknown as SqliteClauseStore,
      logError: (error) => logged.push(error),
    });
    const response = await failing.request('/api/documents');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
    expect(body).not.toMatch(/secret|disk on fire|at .*\.ts/u);
    expect(logged.length).toBeGreaterThan(0);
  });
});
