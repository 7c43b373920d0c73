import { Hono } from 'hono';
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
  /** Renders a conversation export as DOCX (adapters/export); without it only Markdown is offered. */
  renderDocx?: (conversation: ExportedConversation) => Promise<Uint8Array>;
}

/** The web-standard app: routes are thin, all work happens behind the injected ports. */
export function createApp({ store, retrievalStatus, chat, units, conversations, answerStatus, logError = console.error, webAssets, allowedOrigins = [], rateLimit, allowedHosts, adminTokens = [], library, maxUploadBytes = 20 * 1024 * 1024, logWarning = console.warn, renderDocx }: AppDependencies) {
  const app = new Hono();
  const policy: OriginPolicy = { allowedOrigins: new Set(allowedOrigins) };
  if (allowedHosts) app.use('*', hostGuard(allowedHosts));
  const openToEmbeds = crossOriginAccess(policy);
  // The admin API answers its own pages only: no CORS headers for it, whatever origins are allowed.
  app.use('/api/*', originGuard(policy), (context, next) => (new URL(context.req.url).pathname.startsWith('/api/admin') ? next() : openToEmbeds(context, next)), apiSecurityHeaders());
  app.use('/api/*', requestBodyLimit(maxUploadBytes));
  if (rateLimit) {
    // Separate budgets: rating answers must not use up a client's questions, nor reading documents.
    app.post('/api/chat', perClientRateLimit(rateLimit, 'questions'));
    app.post('/api/feedback', perClientRateLimit(rateLimit, 'feedback'));
    app.on(['PATCH', 'DELETE'], '/api/conversations/*', perClientRateLimit(rateLimit, 'feedback'));
    app.get('/api/*', perClientRateLimit({ ...rateLimit, perMinute: rateLimit.readsPerMinute }, 'reads'));
  }
  const admin = adminTokens.length > 0 ? adminOnly(adminTokens, logWarning) : undefined;
  app.route('/health', healthRoutes(store, retrievalStatus, answerStatus, admin));
  // Without an admin token the admin routes do not exist (404, like any unknown route).
  if (admin && library && conversations) app.route('/api/admin', adminRoutes({ admin, library, conversations }));
  app.route('/api/documents', documentRoutes(store));
  if (units) app.route('/api/units', unitRoutes(units));
  if (chat) {
    const knownDocumentIds = () => new Set(store.listDocuments().map((document) => document.id));
    app.route('/api/chat', chatRoutes({ chat, knownDocumentIds, logError }));
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
