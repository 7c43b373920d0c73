import { Hono } from 'hono';
import type { ClauseStore } from '../domain/ports/clause-store.ts';
import type { RetrievalStatus } from '../retrieval-setup.ts';
import { errorResponse } from './errors.ts';
import { documentRoutes } from './routes/document-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';

export interface AppDependencies {
  store: ClauseStore;
  retrievalStatus?: RetrievalStatus;
  logError?: (error: unknown) => void;
}

/** The web-standard app: routes are thin, all work happens behind the injected ports. */
export function createApp({ store, retrievalStatus, logError = console.error }: AppDependencies) {
  const app = new Hono()
    .route('/health', healthRoutes(store, retrievalStatus))
    .route('/api/documents', documentRoutes(store));
  app.notFound((context) => errorResponse(context, 404, 'not_found', `No route for ${context.req.method} ${new URL(context.req.url).pathname}`));
  app.onError((error, context) => {
    logError(error);
    return errorResponse(context, 500, 'internal_error', 'The server failed to handle this request; the error was logged.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
