import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { startTestServer, type TestServer } from '../test-support/web-test-server.ts';

const KEY = 'mcp-client-key-0123456789abcdef';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

type ToolResult = { structuredContent?: Record<string, any>; isError?: boolean; content: { type: string; text?: string }[] };

/** The same checks over both transports, with the SDK's own client. */
async function exercise(client: Client) {
  const tools = await client.listTools();
  expect(tools.tools.map((tool) => tool.name).sort()).toEqual(['ask', 'get_clause', 'list_documents', 'search_clauses']);
  expect(tools.tools.find((tool) => tool.name === 'search_clauses')!.inputSchema.properties).toHaveProperty('query');

  const search = (await client.callTool({ name: 'search_clauses', arguments: { query: '天津提升食品质量水平由哪个部门牵头', limit: 3 } })) as ToolResult;
  expect(search.structuredContent!.clauses).toHaveLength(3);
  expect(search.structuredContent!.clauses[0]).toMatchObject({ clauseId: 'tj-2023-3:2.2', docNumber: '津质量发〔2023〕3号', units: expect.arrayContaining([{ name: '市工业和信息化局', nameEn: expect.any(String), role: 'lead' }]) });

  const clause = (await client.callTool({ name: 'get_clause', arguments: { clauseId: 'tj-2023-3:2.2' } })) as ToolResult;
  expect(clause.structuredContent!.clause).toMatchObject({ heading: '提升食品质量水平', section: '二', clause: '二' });
  const documents = (await client.callTool({ name: 'list_documents', arguments: {} })) as ToolResult;
  expect(documents.structuredContent!.documents.map((document: { id: string }) => document.id).sort()).toEqual(['cn-2022-95', 'sw-2023-0926', 'tj-2014-22', 'tj-2023-3']);

  const answer = (await client.callTool({ name: 'ask', arguments: { question: '天津提升食品质量水平由哪个部门牵头?' } })) as ToolResult;
  expect(answer.structuredContent).toMatchObject({ notFound: false, answerKind: 'lead', citations: [expect.objectContaining({ clauseId: 'tj-2023-3:2.2' })] });
  expect(answer.structuredContent!.answer).toContain('市工业和信息化局');
  const followUp = (await client.callTool({ name: 'ask', arguments: { question: '那汕尾呢?', history: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }, { role: 'assistant', content: answer.structuredContent!.answer }] } })) as ToolResult;
  expect(followUp.structuredContent!.answer).toContain('市市场监管局');
  const uncovered = (await client.callTool({ name: 'ask', arguments: { question: '唐山提升钢铁产品质量由哪个部门牵头?' } })) as ToolResult;
  expect(uncovered.structuredContent).toMatchObject({ notFound: true, notFoundReason: { kind: 'uncovered-place' } });

  const resources = await client.listResources();
  expect(resources.resources.map((resource) => resource.uri)).toContain('policy://documents/tj-2023-3');
  const read = await client.readResource({ uri: 'policy://documents/tj-2023-3' });
  expect((read.contents[0] as { text: string }).text).toMatch(/## 二\(二\) 提升食品质量水平[\s\S]*责任单位：市工业和信息化局（牵头）/u);

  // Bad arguments are MCP errors (or error results), and the server goes on answering.
  const missing = (await client.callTool({ name: 'get_clause', arguments: { clauseId: 'tj-2023-3:99.99' } })) as ToolResult;
  expect(missing.isError).toBe(true);
  const invalid = await client.callTool({ name: 'search_clauses', arguments: { query: '' } }).then((result) => result as ToolResult, (error: Error) => error);
  expect(invalid instanceof Error ? invalid.message : (invalid as ToolResult).isError).toBeTruthy();
  await expect(client.callTool({ name: 'no_such_tool', arguments: {} }).then((result) => (result as ToolResult).isError, () => true)).resolves.toBe(true);
  expect(((await client.callTool({ name: 'list_documents', arguments: {} })) as ToolResult).structuredContent!.documents).toHaveLength(4);
}

describe('MCP server with the SDK client', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ API_KEYS: KEY });
  }, 60_000);
  afterAll(() => server?.close());

  it('serves the tools and documents over Streamable HTTP at /mcp, with the API key', async () => {
    const client = new Client({ name: 'policy-qa-test', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${KEY}` } } }));
    try {
      await exercise(client);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('refuses /mcp without the key, and from another site\u2019s page', async () => {
    const client = new Client({ name: 'no-key', version: '1.0.0' });
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)))).rejects.toThrow();
    const foreign = await fetch(`${server.url}/mcp`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
    expect(foreign.status).toBe(403);
  });

  it('serves the same over stdio (npm run mcp)', async () => {
    const directory = temporaryDirectory('mcp-stdio');
    cpSync(SEEDS_DIRECTORY, join(directory.path, 'seeds'), { recursive: true });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, join(ROOT, 'src', 'cli', 'mcp-command.ts')],
      cwd: directory.path,
      env: { ...(process.env as Record<string, string>), SEEDS_DIR: 'seeds', DATABASE_PATH: 'db/corpus.sqlite', INDEX_DIR: 'index', EMBEDDINGS: 'off', LOG_LEVEL: 'warn' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'policy-qa-stdio-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      await exercise(client);
    } finally {
      await client.close();
      directory.remove();
    }
  }, 90_000);
});
