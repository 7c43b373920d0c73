import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import type { BackendStatus } from '../../domain/ports/answer-backend.ts';
import type { ClauseStore } from '../../domain/ports/clause-store.ts';
import type { RetrievalStatus } from '../../domain/retrieval/retrieval-status.ts';
import { errorResponse } from '../errors.ts';

/**
 * /health for anyone (a load balancer, a monitor): ok or degraded, and the library's size. An
 * empty library is degraded: every question would get "not found". /health/details, for the
 * operator with ADMIN_TOKEN: the last ingest, the retrieval paths, the answer backend (its model and
 * address are no business of a browser).
 */
export function healthRoutes(store: ClauseStore, retrievalStatus?: () => RetrievalStatus, answerStatus?: () => Promise<BackendStatus>, admin?: MiddlewareHandler<any>) {
  const summary = () => {
    const stats = store.stats();
    return { status: stats.documents > 0 ? 'ok' : 'degraded', corpus: { documents: stats.documents, clauses: stats.clauses, passages: stats.passages, units: stats.units } };
  };
  const app = new Hono().get('/', (context) => context.json(summary()));
  if (!admin) {
    return app.get('/details', (context) => errorResponse(context, 403, 'admin_disabled', 'Details are for the operator: set ADMIN_TOKEN on the server and send it as a bearer token.'));
  }
  return app.get(
    '/details',
    admin,
    async (context) => {
      const last = store.stats().lastIngest;
      const retrieval = retrievalStatus?.();
      return context.json({
        ...summary(),
        lastIngest: last && {
          finishedAt: last.finishedAt,
          duplicatesMerged: last.duplicatesMerged,
          rejectedFiles: last.rejected.map((file) => file.fileName),
          warnings: last.warnings.length,
        },
        retrieval: retrieval && {
          activePaths: [retrieval.lexical.active && 'lexical', retrieval.dense.active && 'dense'].filter(Boolean),
          ...retrieval,
        },
        answer: answerStatus ? await answerStatus() : undefined,
      });
    },
  );
}
