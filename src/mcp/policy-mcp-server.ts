import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ClauseStore, StoredClause } from '../domain/ports/clause-store.ts';
import type { ChatService } from '../services/chat-service.ts';
import type { LiveLibrary } from '../services/live-library.ts';

/**
 * The library for agents (Claude Desktop, Cursor, any MCP client): tools to search clauses, read
 * one, list the documents and ask a cited question, and each document as a resource. Built with the
 * official SDK; the same server runs over Streamable HTTP (/mcp) and stdio (npm run mcp).
 */
export interface McpDependencies {
  library: LiveLibrary;
  store: ClauseStore;
  chat: ChatService;
  version: string;
}

const unitSchema = z.object({ name: z.string(), nameEn: z.string().nullable(), role: z.enum(['lead', 'co']) });
const clauseSchema = z.object({
  clauseId: z.string(), docId: z.string(), docNumber: z.string().nullable(), docTitle: z.string(),
  section: z.string().nullable(), clause: z.string().nullable(), heading: z.string().nullable(), text: z.string(), units: z.array(unitSchema),
});
const documentSchema = z.object({
  id: z.string(), title: z.string(), docNumber: z.string().nullable(), issuer: z.string().nullable(), date: z.string().nullable(),
  region: z.string(), status: z.string(), clauses: z.number(), uri: z.string(),
});
const documentId = z.string().regex(/^[A-Za-z0-9-]{1,80}$/u, 'document ids are letters, digits and dashes (list_documents lists them)');

export function createPolicyMcpServer({ library, store, chat, version }: McpDependencies): McpServer {
  const server = new McpServer({ name: 'policy-qa', version }, { instructions: 'Quality-policy documents of Chinese market-regulation bureaus. Use ask for a cited answer; search_clauses and get_clause to read clauses yourself. Cite clauses by 文号 and clause number.' });
  // The live library's catalog holds every document: no store query per clause.
  const documentOf = (id: string) => library.current.catalog.documents.find((document) => document.id === id);
  const clauseView = (clause: StoredClause) => {
    const document = documentOf(clause.documentId);
    return {
      clauseId: clause.id, docId: clause.documentId, docNumber: document?.docNumber ?? null, docTitle: document?.titleSimplified ?? '',
      section: clause.section, clause: clause.clause, heading: clause.heading, text: clause.text,
      units: clause.units.map((unit) => ({ name: unit.name, nameEn: unit.nameEn, role: unit.role })),
    };
  };
  const result = <T extends Record<string, unknown>>(structured: T) => ({ content: [{ type: 'text' as const, text: JSON.stringify(structured) }], structuredContent: structured });
  const failure = (message: string) => ({ content: [{ type: 'text' as const, text: message }], isError: true });

  server.registerTool('search_clauses', {
    title: 'Search clauses',
    description: 'Clauses ranked for a question or topic (Chinese or English), with 文号, section/clause numbers, heading, text and responsible units (lead first).',
    inputSchema: { query: z.string().min(1).max(500), documentIds: z.array(documentId).max(20).optional(), limit: z.number().int().min(1).max(20).optional() },
    outputSchema: { clauses: z.array(clauseSchema.extend({ score: z.number() })) },
  }, async ({ query, documentIds, limit }) => {
    const unknown = (documentIds ?? []).filter((id) => !documentOf(id));
    if (unknown.length > 0) return failure(`No document with id ${unknown.join(', ')}; list_documents lists the ids.`);
    const { retrieval } = await library.current.decider.decide(query, [], documentIds && documentIds.length > 0 ? documentIds : undefined);
    const clauses = retrieval.clauses.slice(0, limit ?? 5).map(({ hit }) => ({ ...clauseView(hit.clause), score: Math.round(hit.score * 1e4) / 1e4 }));
    return result({ clauses });
  });

  server.registerTool('get_clause', {
    title: 'Get a clause',
    description: 'One clause by its id (tj-2023-3:2.2 is clause (二) of section 二 of 津质量发〔2023〕3号).',
    inputSchema: { clauseId: z.string().regex(/^[A-Za-z0-9-]{1,80}:[A-Za-z0-9.-]{1,40}$/u, 'clause ids look like tj-2023-3:2.2') },
    outputSchema: { clause: clauseSchema },
  }, async ({ clauseId }) => {
    const [clause] = store.getClauses([clauseId]);
    return clause ? result({ clause: clauseView(clause) }) : failure(`No clause with id ${clauseId}; search_clauses finds clause ids.`);
  });

  server.registerTool('list_documents', {
    title: 'List documents',
    description: 'The documents of the library: id, title, 文号, issuer, date, region, status (draft or in force), clause count.',
    inputSchema: {},
    outputSchema: { documents: z.array(documentSchema) },
  }, async () => result({
    documents: store.listDocuments().map((document) => ({
      id: document.id, title: document.titleSimplified, docNumber: document.docNumber, issuer: document.issuer, date: document.date,
      region: document.region, status: document.status, clauses: document.clauseCount, uri: `policy://documents/${document.id}`,
    })),
  }));

  server.registerTool('ask', {
    title: 'Ask the documents',
    description: 'A cited answer to a question about the documents, as the chat gives it; says plainly (with the reason) when the documents do not cover it. history: earlier turns, for follow-ups.',
    inputSchema: {
      question: z.string().min(1).max(2000),
      history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(4000) })).max(19).optional(),
    },
    outputSchema: {
      answer: z.string(), notFound: z.boolean(), notFoundReason: z.object({ kind: z.string(), detail: z.string() }).nullable(), answerKind: z.string(),
      citations: z.array(clauseSchema.extend({ n: z.number(), quote: z.string().optional() })),
    },
  }, async ({ question, history }) => {
    const reply = await chat.reply({ messages: [...(history ?? []), { role: 'user', content: question }] });
    return result({
      answer: reply.answer, notFound: reply.notFound, notFoundReason: reply.notFoundReason, answerKind: reply.answerKind,
      citations: reply.citations.map((citation) => ({
        n: citation.n, clauseId: citation.clauseId, docId: citation.docId, docNumber: citation.docNumber, docTitle: citation.docTitleSimplified,
        section: citation.section, clause: citation.clause, heading: citation.heading, text: citation.text, units: citation.units,
        ...(citation.quote ? { quote: citation.quote } : {}),
      })),
    });
  });

  server.registerResource('document', new ResourceTemplate('policy://documents/{id}', {
    list: async () => ({ resources: store.listDocuments().map((document) => ({ uri: `policy://documents/${document.id}`, name: document.docNumber ?? document.titleSimplified, title: document.titleSimplified, mimeType: 'text/markdown' })) }),
  }), { title: 'Policy document', description: 'A document\u2019s full text, clause by clause with its responsible units', mimeType: 'text/markdown' }, async (uri, { id }) => {
    const document = typeof id === 'string' ? store.getDocument(id) : undefined;
    if (!document) throw new Error(`No document ${String(id)}; list_documents lists the ids.`);
    const lines = [`# ${document.titleSimplified}`, '', [document.docNumber, document.issuer, document.date].filter(Boolean).join(' · '), ''];
    for (const clause of document.clauses) {
      lines.push(`## ${clause.section ?? ''}(${clause.clause ?? ''}) ${clause.heading ?? ''}`.trim(), '', clause.text, '');
      if (clause.units.length > 0) lines.push(`责任单位：${clause.units.map((unit) => (unit.role === 'lead' ? `${unit.name}（牵头）` : unit.name)).join('、')}`, '');
    }
    return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: lines.join('\n') }] };
  });
  return server;
}
