import { Hono } from 'hono';
import type { BackendStatus } from '../../domain/ports/answer-backend.ts';
import type { ClauseStore } from '../../domain/ports/clause-store.ts';
import type { RetrievalStatus } from '../../domain/retrieval/retrieval-status.ts';

export function healthRoutes(store: ClauseStore, retrieval?: RetrievalStatus, answerStatus?: () => Promise<BackendStatus>) {
  return new Hono().get('/', async (context) => {
    const stats = store.stats();
    const last = stats.lastIngest;
    return context.json({
      status: stats.documents > 0 ? 'ok' : 'empty',
      corpus: {
        documents: stats.documents,
        clauses: stats.clauses,
        passages: stats.passages,
        units: stats.units,
        lastIngest: last && {
          finishedAt: last.finishedAt,
          duplicatesMerged: last.duplicatesMerged,
          rejectedFiles: last.rejected.map((file) => file.fileName),
          warnings: last.warnings.length,
        },
      },
      retrieval: retrieval && {
        activePaths: [retrieval.lexical.active && 'lexical', retrieval.dense.active && 'dense'].filter(Boolean),
        ...retrieval,
      },
      answer: answerStatus ? await answerStatus() : undefined,
    });
  });
}
