import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { BackendStatus } from '../domain/ports/answer-backend.ts';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { ConversationStore } from '../domain/ports/conversation-store.ts';
import type { RetrievalStatus } from '../domain/retrieval/retrieval-status.ts';
import type { ChatService } from '../services/chat-service.ts';
import { errorResponse } from './errors.ts';
import { perClientRateLimit, requestBodyLimit, type RateLimitSettings } from './rate-limit.ts';
import { apiSecurityHeaders, crossOriginAccess, hostGuard, originGuard, type OriginPolicy } from './security.ts';
import type { WebAssets } from './web-assets.ts';
import { webRoutes } from './routes/web-routes.ts';
import { chatRoutes } from './routes/chat-routes.ts';
import { conversationRoutes, feedbackRoutes } from './routes/conversation-routes.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { openAiRoutes } from './routes/openai-routes.ts';
import { apiKeyGuard } from './api-keys.ts';
import { requestLog, type RequestLogLine } from './request-log.ts';
import { mcpRoutes } from './routes/mcp-routes.ts';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { adminOnly, type AdminToken } from './admin-auth.ts';
import type { LibraryService } from '../services/library-service.ts';
import type { ExportedConversation } from '../services/conversation-export.ts';
import { unitRoutes } from './routes/unit-routes.ts';
import type { UnitViews } from '../services/unit-views.ts';

export interface AppDependencies {
  store: ClauseStore;
  /** The retrieval paths of the library's current version. */
  retrievalStatus?: () => RetrievalStatus;
  /** The chat API is mounted when these are given (the documents API alone needs neither). */
  chat?: ChatService;
  /** The units API is mounted when given (the current library's units). */
  units?: () => UnitViews;
  conversations?: ConversationStore;
  answerStatus?: () => Promise<BackendStatus>;
  logError?: (error: unknown) => void;
  /** The chat page, widget and demo are served when given. */
  webAssets?: WebAssets;
  /** Origins besides the server's own whose pages may call the API and frame /embed. */
  allowedOrigins?: readonly string[];
  /** Per-client limit on questions and feedback; none when absent. */
  rateLimit?: RateLimitSettings;
  /** Host names the server answers to; checked on every request when given. */
  allowedHosts?: readonly string[];
  /** Open the admin endpoints (/api/admin/*, /health/details) to these bearer tokens; closed when none. */
  adminTokens?: readonly AdminToken[];
  /** Documents added, replaced and removed through the admin API. */
  library?: LibraryService;
  /** The largest file the admin API takes (MAX_SEED_FILE_BYTES). */
  maxUploadBytes?: number;
  logWarning?: (message: string) => void;
  /** One line per request (request-log.ts); none when absent (tests that do not read logs). */
  requestLogLine?: (line: RequestLogLine) => void;
  /** Questions in the request lines (LOG_QUESTIONS). */
  logQuestions?: boolean;
  /** The Prometheus text for GET /metrics (admin only when ADMIN_TOKEN is set). */
  metrics?: () => Promise<{ contentType: string; body: string }>;
  /** Sees every request line (the metrics). */
  observeRequest?: (line: RequestLogLine) => void;
  /** A fresh MCP server per /mcp request (the composition root builds it over the live library). */
  mcpServer?: () => McpServer;
  /** Keys for /v1/* and /mcp (API_KEYS); open when none. */
  apiKeys?: readonly string[];
  /** Renders a conversation export as DOCX (adapters/export); without it only Markdown is offered. */
  renderDocx?: (conversation: ExportedConversation) => Promise<Uint8Array>;
}

/** The web-standard app: routes are thin, all work happens behind the injected ports. */
export function createApp({ store, retrievalStatus, chat, units, conversations, answerStatus, logError = console.error, webAssets, allowedOrigins = [], rateLimit, allowedHosts, adminTokens = [], library, maxUploadBytes = 20 * 1024 * 1024, logWarning = console.warn, renderDocx, apiKeys = [], mcpServer, requestLogLine, logQuestions = false, observeRequest, metrics }: AppDependencies) {
  const app = new Hono();
  if (requestLogLine || observeRequest) app.use('*', requestLog(requestLogLine ?? (() => {}), { logQuestions, ...(observeRequest ? { observe: observeRequest } : {}) }));
  const policy: OriginPolicy = { allowedOrigins: new Set(allowedOrigins) };
  if (allowedHosts) app.use('*', hostGuard(allowedHosts));
  const openToEmbeds = crossOriginAccess(policy);
  // The admin API answers its own pages only: no CORS headers for it, whatever origins are allowed.
  app.use('/api/*', originGuard(policy), (context, next) => (new URL(context.req.url).pathname.startsWith('/api/admin') ? next() : openToEmbeds(context, next)), apiSecurityHeaders());
  app.use('/api/*', requestBodyLimit(maxUploadBytes));
  app.use('/v1/*', requestBodyLimit(maxUploadBytes));
  // An agent on this machine or the network, never a web page of another site (DNS rebinding).
  app.use('/mcp', originGuard(policy), requestBodyLimit(maxUploadBytes));
  if (apiKeys.length > 0) {
    app.use('/v1/*', apiKeyGuard(apiKeys, () => Response.json({ error: { message: 'Send one of the server\'s API_KEYS as Authorization: Bearer <key> (the API key setting of your client).', type: 'authentication_error', code: 'invalid_api_key', param: null } }, { status: 401 })));
    app.use('/mcp', apiKeyGuard(apiKeys, () => Response.json({ jsonrpc: '2.0', error: { code: -32001, message: 'Send one of the server\'s API_KEYS as Authorization: Bearer <key> (the headers of the mcpServers entry).' }, id: null }, { status: 401 })));
  }
  if (rateLimit) {
    // Separate budgets: rating answers must not use up a client's questions, nor reading documents.
    app.post('/api/chat', perClientRateLimit(rateLimit, 'questions'));
    app.post('/v1/chat/completions', perClientRateLimit(rateLimit, 'questions'));
    app.post('/mcp', perClientRateLimit(rateLimit, 'questions'));
    app.post('/api/feedback', perClientRateLimit(rateLimit, 'feedback'));
    app.on(['PATCH', 'DELETE'], '/api/conversations/*', perClientRateLimit(rateLimit, 'feedback'));
    app.get('/api/*', perClientRateLimit({ ...rateLimit, perMinute: rateLimit.readsPerMinute }, 'reads'));
  }
  const admin = adminTokens.length > 0 ? adminOnly(adminTokens, logWarning) : undefined;
  app.route('/health', healthRoutes(store, retrievalStatus, answerStatus, admin));
  // Without an admin token the admin routes do not exist (404, like any unknown route).
  if (admin && library && conversations) app.route('/api/admin', adminRoutes({ admin, library, conversations }));
  if (metrics) {
    const scrape = async (context: Context) => {
      const { contentType, body } = await metrics();
      return context.body(body, 200, { 'content-type': contentType });
    };
    if (admin) app.get('/metrics', admin, scrape);
    else app.get('/metrics', scrape);
  }
  app.route('/api/documents', documentRoutes(store));
  if (units) app.route('/api/units', unitRoutes(units));
  if (chat) {
    const knownDocumentIds = () => new Set(store.listDocuments().map((document) => document.id));
    app.route('/api/chat', chatRoutes({ chat, knownDocumentIds, logError }));
    app.route('/v1', openAiRoutes({ chat, documents: () => store.listDocuments(), logError }));
    if (mcpServer) app.route('/mcp', mcpRoutes(mcpServer));
  }
  if (conversations) {
    app.route('/api/feedback', feedbackRoutes(conversations));
    app.route('/api/conversations', conversationRoutes(conversations, renderDocx));
  }
  if (webAssets) app.route('/', webRoutes(webAssets, policy, { adminPage: admin !== undefined && library !== undefined }));
  app.notFound((context) => errorResponse(context, 404, 'not_found', `No route for ${context.req.method} ${new URL(context.req.url).pathname}`));
  app.onError((error, context) => {
    // Hono's own 4xx (a body that is not JSON, for one) keep their status and say what was wrong.
    // A middleware's own response (bearer-auth's 401 with its message) goes out as it was made.
    if (error instanceof HTTPException && error.res) return error.getResponse();
    if (error instanceof HTTPException && error.status < 500) {
      const message = /malformed json/iu.test(error.message) ? 'The request body is not valid JSON.' : error.message || 'Bad request.';
      return errorResponse(context, error.status as ContentfulStatusCode, 'bad_request', message);
    }
    logError(error);
    return errorResponse(context, 500, 'internal_error', 'The server failed to handle this request; the error was logged.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
