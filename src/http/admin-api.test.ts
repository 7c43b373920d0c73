import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import type { ChatReply } from '../services/chat-service.ts';
import { encryptedPdf, zipBombDocx } from '../test-support/hostile-files.ts';
import { closePolicyFileBrowser, policyDocx, policyHtml, policyPdf, type PolicyText } from '../test-support/policy-files.ts';
import { TANGSHAN_PLAN } from '../test-support/sample-policy.ts';
import { startTestServer, type TestServer } from '../test-support/web-test-server.ts';

/** Announces a multipart body of `bytes` and sends only its start: the answer must come from the header. */
function declaredUpload(url: string, bytes: number): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(bytes) } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.write('--x\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n\r\n');
  });
}

const TOKEN = 'uploader-token-0123456789abcdef';
const MAX_FILE = 3 * 1024 * 1024;
const STEEL = '唐山提升钢铁产品质量由哪个部门牵头?';

/** The admin API over real HTTP on the real server: real PDF, DOCX and HTML files go in, questions come out. */
describe('admin API: upload, replace and remove documents', () => {
  let server: TestServer;
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warn: (message) => warnings.push(message), error: (message, error) => console.error(message, error) };
  let pdf: Uint8Array;

  beforeAll(async () => {
    [server, pdf] = await Promise.all([
      startTestServer({ ADMIN_TOKEN: `editor:${TOKEN}`, MAX_SEED_FILE_BYTES: String(MAX_FILE) }, undefined, logger),
      policyPdf(TANGSHAN_PLAN, { header: '唐山市质量提升行动方案', repeat: 1 }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await closePolicyFileBrowser();
    await server?.close();
  });

  const upload = (path: string, fileName: string, bytes: Uint8Array, extra: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    const form = new FormData();
    form.append('file', new File([new Uint8Array(bytes)], fileName));
    for (const [name, value] of Object.entries(extra)) form.append(name, value);
    return fetch(`${server.url}${path}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}`, ...headers } });
  };
  const ask = async (question: string): Promise<ChatReply> => {
    const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: question }] }) });
    expect(response.status).toBe(200);
    return (await response.json()) as ChatReply;
  };
  const documents = async () => ((await (await fetch(`${server.url}/api/documents`)).json()) as { documents: { id: string; sources: { fileName: string; format: string; origin: string; addedBy: string | null; addedAt: string | null }[] }[] }).documents;
  const admin = (method: string, path: string) => fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });

  it('refuses a missing or wrong token (401, logged without the token), another origin (403), and sends no CORS headers', async () => {
    const none = await fetch(`${server.url}/api/admin/feedback`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
    const wrong = await fetch(`${server.url}/api/admin/documents/tj-2023-3`, { method: 'DELETE', headers: { authorization: 'Bearer not-the-token-at-all-000000' } });
    expect(wrong.status).toBe(401);
    expect(warnings.filter((line) => line.startsWith('admin: refused'))).toHaveLength(2);
    expect(warnings.join('\n')).not.toContain('not-the-token-at-all');
    const foreign = await upload('/api/admin/documents', 'plan.pdf', pdf, {}, { origin: 'http://intranet.example' });
    expect(foreign.status).toBe(403);
    const preflight = await fetch(`${server.url}/api/admin/documents`, { method: 'OPTIONS', headers: { origin: 'http://intranet.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await documents()).length).toBe(4);
  });

  it('previews a PDF without storing it: metadata with evidence, sections, clauses with the lead marked, pages', async () => {
    const response = await upload('/api/admin/documents/preview', '唐山方案.pdf', pdf);
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view.document).toMatchObject({ docNumber: '唐质量发〔2024〕1号', region: expect.stringContaining('唐山') });
    expect(view.facts).toContainEqual(expect.objectContaining({ field: 'docNumber', value: '唐质量发〔2024〕1号', evidence: expect.any(String) }));
    expect(view.sections.map((section: { heading: string }) => section.heading)).toEqual(['总体要求', '重点任务', '保障措施']);
    expect(view.clauseCount).toBe(5);
    const steel = view.clauses.find((clause: { heading: string }) => clause.heading === '提升钢铁产品质量');
    expect(steel.units[0]).toEqual({ name: '市工业和信息化局', role: 'lead' });
    expect(steel.page).toBeGreaterThanOrEqual(1);
    expect(view.mergedInto).toBeNull();
    expect((await documents()).length).toBe(4);
    expect(await ask(STEEL)).toMatchObject({ notFound: true, notFoundReason: { kind: 'uncovered-place' } });
  });

  it('previews an auto-numbered DOCX (Word/WPS list numbering) with its numerals put back, and says so', async () => {
    const response = await upload('/api/admin/documents/preview', '唐山方案-自动编号.docx', await policyDocx(TANGSHAN_PLAN, { autoNumbered: true }));
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view.clauseCount).toBe(5);
    expect(view.sections.map((section: { heading: string }) => section.heading)).toEqual(['总体要求', '重点任务', '保障措施']);
    expect(view.clauses.find((clause: { heading: string }) => clause.heading === '提升钢铁产品质量').units[0]).toEqual({ name: '市工业和信息化局', role: 'lead' });
    expect(view.warnings).toContainEqual(expect.stringContaining('自动编号'));
    expect((await documents()).length).toBe(4);
  });

  let tangshanId: string;
  let citedConversation: string;
  it('adds the PDF (201), which makes the city answerable at once, cited with its page; the list shows its source', async () => {
    const response = await upload('/api/admin/documents', '唐山方案.pdf', pdf);
    expect(response.status).toBe(201);
    const added = await response.json();
    expect(added).toMatchObject({ status: 'indexed', clauseCount: 5, mergedInto: null, replaced: null });
    expect(added.units).toEqual(expect.arrayContaining(['市工业和信息化局', '市交通运输局', '市财政局']));
    tangshanId = added.document.id;
    const reply = await ask(STEEL);
    expect(reply.notFound).toBe(false);
    expect(reply.answer).toContain('市工业和信息化局');
    expect(reply.citations[0]).toMatchObject({ docId: tangshanId, heading: '提升钢铁产品质量', page: expect.any(Number) });
    citedConversation = reply.conversationId;
    const listed = (await documents()).find((document) => document.id === tangshanId)!;
    expect(listed.sources).toEqual([expect.objectContaining({ fileName: '唐山方案.pdf', format: 'pdf', origin: 'upload', addedBy: 'editor', addedAt: expect.any(String) })]);
    expect(readdirSync(server.uploadsDirectory).length).toBeGreaterThan(0);
  });

  it('merges a DOCX of the same document as another source of it, and says so', async () => {
    const response = await upload('/api/admin/documents', '唐山方案.docx', await policyDocx(TANGSHAN_PLAN));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ mergedInto: tangshanId, document: { id: tangshanId } });
    const listed = (await documents()).filter((document) => document.id === tangshanId);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.sources.map((source) => source.format).sort()).toEqual(['docx', 'pdf']);
  });

  it('replaces the document with a revised portal page: answers follow the new text', async () => {
    const revised: PolicyText = { lines: TANGSHAN_PLAN.lines.map((line) => line.replace('(市工业和信息化局牵头,市发展改革委、市市场监管局按职责分工负责)', '(市发展改革委牵头,市工业和信息化局按职责分工负责)')) };
    const response = await upload('/api/admin/documents', '唐山方案.html', policyHtml(revised), { replaces: tangshanId });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ replaced: tangshanId });
    const listed = (await documents()).find((document) => document.id === tangshanId)!;
    expect(listed.sources.map((source) => source.format)).toEqual(['html']);
    const reply = await ask(STEEL);
    expect(reply.answer).toMatch(/牵头单位为市发展改革委/u);
  });

  it('removes the document (204): its clauses leave retrieval at once, the conversation keeps what it cited', async () => {
    expect((await admin('DELETE', `/api/admin/documents/${tangshanId}`)).status).toBe(204);
    expect((await documents()).map((document) => document.id)).not.toContain(tangshanId);
    const reply = await ask(STEEL);
    expect(reply).toMatchObject({ notFound: true, notFoundReason: { kind: 'uncovered-place' }, citations: [] });
    expect(reply.answer).toContain('唐山');
    const conversation = await (await fetch(`${server.url}/api/conversations/${citedConversation}`)).json();
    const cited = conversation.messages[1].citations[0];
    expect(cited).toMatchObject({ documentId: tangshanId, snapshot: { heading: '提升钢铁产品质量', docNumber: '唐质量发〔2024〕1号', text: expect.stringContaining('市工业和信息化局牵头') } });
    expect((await admin('DELETE', `/api/admin/documents/${tangshanId}`)).status).toBe(404);
  });

  it('keeps answering during an upload, and never shows half the document', async () => {
    const longer = await policyPdf(TANGSHAN_PLAN, { header: '唐山市质量提升行动方案', repeat: 4 });
    let done = false;
    const uploaded = upload('/api/admin/documents', '唐山方案-长.pdf', longer).then(async (response) => {
      done = true;
      return response;
    });
    const seen: string[] = [];
    while (!done) {
      const [tianjin, tangshan] = await Promise.all([ask('天津提升食品质量水平由哪个部门牵头?'), ask(STEEL)]);
      expect(tianjin.answer).toContain('市工业和信息化局');
      if (tangshan.notFound) {
        seen.push('not yet');
      } else {
        // Cited only once whole: the document it cites already has all of its clauses.
        const cited = await (await fetch(`${server.url}/api/documents/${tangshan.citations[0]!.docId}`)).json();
        expect(cited.clauses).toHaveLength(20);
        seen.push('whole');
      }
    }
    const response = await uploaded;
    expect(response.status).toBe(201);
    const added = await response.json();
    expect(seen.length).toBeGreaterThan(0);
    expect((await ask(STEEL)).notFound).toBe(false);
    expect((await admin('DELETE', `/api/admin/documents/${added.document.id}`)).status).toBe(204);
  }, 60_000);

  it('refuses every unusable file with a reason and stores nothing', async () => {
    const before = JSON.stringify(await documents());
    const docx = await policyDocx(TANGSHAN_PLAN);
    const cases: [string, Uint8Array, number, string][] = [
      ['scan.pdf', await policyPdf(TANGSHAN_PLAN, { imageOnly: true }), 422, 'scanned_pdf'],
      ['locked.pdf', encryptedPdf(pdf), 422, 'encrypted'],
      ['bomb.docx', await zipBombDocx(), 422, 'zip_bomb'],
      ['plan.pdf', docx, 422, 'format_mismatch'],
      ['plan.xlsx', docx, 422, 'unknown_format'],
      ['memo.txt', new TextEncoder().encode('关于质量工作的说明。本说明没有章节编号。'), 422, 'no_document'],
      ['big.txt', new Uint8Array(MAX_FILE + 1).fill(0x41), 413, 'too_large'],
    ];
    for (const [fileName, bytes, status, code] of cases) {
      const response = await upload('/api/admin/documents', fileName, bytes);
      expect(response.status, fileName).toBe(status);
      const body = await response.json();
      expect(body.error.code, fileName).toBe(code);
      expect(body.error.message.length, fileName).toBeGreaterThan(10);
    }
    // A body past the limit is refused from its Content-Length, before it is read.
    const oversized = await declaredUpload(`${server.url}/api/admin/documents`, MAX_FILE + 200 * 1024);
    expect(oversized).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    expect(JSON.stringify(await documents())).toBe(before);
    const json = await fetch(`${server.url}/api/admin/documents`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
    const noFile = new FormData();
    noFile.append('note', 'no file');
    expect((await fetch(`${server.url}/api/admin/documents`, { method: 'POST', body: noFile, headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(400);
    expect((await upload('/api/admin/documents', 'plan.pdf', pdf, { replaces: '../etc' })).status).toBe(400);
    expect((await upload('/api/admin/documents', 'plan.pdf', pdf, { replaces: 'no-such-document' })).status).toBe(404);
  }, 60_000);

  it('lists feedback with the question, answer and citations, filtered by rating, and exports CSV for Excel', async () => {
    const reply = await ask('天津提升食品质量水平由哪个部门牵头?');
    const other = await ask('汕尾到2025年制造业产品质量合格率目标是多少?');
    const rate = (messageId: string, rating: string, comment?: string) =>
      fetch(`${server.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messageId, rating, ...(comment ? { comment } : {}) }) });
    expect((await rate(reply.messageId, 'down', '=HYPERLINK("http://evil")')).status).toBe(200);
    expect((await rate(other.messageId, 'up')).status).toBe(200);
    const down = await (await admin('GET', '/api/admin/feedback?rating=down')).json();
    expect(down).toMatchObject({ total: 1, next: null });
    expect(down.entries[0]).toMatchObject({
      messageId: reply.messageId, rating: 'down', comment: '=HYPERLINK("http://evil")', question: '天津提升食品质量水平由哪个部门牵头?',
      answer: reply.answer, citations: [expect.objectContaining({ clauseId: 'tj-2023-3:2.2', snapshot: expect.objectContaining({ heading: '提升食品质量水平' }) })],
    });
    const all = await (await admin('GET', '/api/admin/feedback?limit=1')).json();
    expect(all).toMatchObject({ total: 2, next: 1 });
    expect((await admin('GET', '/api/admin/feedback?rating=meh')).status).toBe(400);
    const csv = await admin('GET', '/api/admin/feedback?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const body = new Uint8Array(await csv.arrayBuffer());
    expect([...body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(body);
    expect(text).toContain('天津提升食品质量水平由哪个部门牵头?');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('津质量发〔2023〕3号 二(二) 提升食品质量水平');
  });
});

describe('admin API without ADMIN_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(() => server?.close());

  it('does not exist: the routes and the page answer 404', async () => {
    for (const path of ['/api/admin/documents', '/api/admin/feedback', '/admin']) {
      const response = await fetch(`${server.url}${path}`, { method: path.includes('documents') ? 'POST' : 'GET', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status, path).toBe(404);
    }
  });
});
