import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ClauseStore, StoredClause } from '../../domain/ports/clause-store.ts';
import { errorResponse } from '../errors.ts';
import { simplifiedForDisplay } from '../../domain/corpus/text-normalizer.ts';

const documentParameters = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,80}$/u, 'document ids are letters, digits and dashes') });

export function documentRoutes(store: ClauseStore) {
  return new Hono()
    .get('/', (context) => context.json({ documents: store.listDocuments() }))
    .get(
      '/:id',
      zValidator('param', documentParameters, (result, context) => {
        if (!result.success) return errorResponse(context, 400, 'invalid_document_id', result.error.issues[0]?.message ?? 'invalid document id');
      }),
      (context) => {
        const { id } = context.req.valid('param');
        const document = store.getDocument(id);
        if (!document) return errorResponse(context, 404, 'document_not_found', `No document with id "${id}". GET /api/documents lists the ids.`);
        return context.json({
          ...document,
          sections: document.sections.map((section) => ({ ...section, headingSimplified: simplifiedForDisplay(section.heading) })),
          clauses: document.clauses.map(toClauseView),
          passages: document.passages.map(toPassageView),
        });
      },
    );
}

/** A clause as written and in Simplified characters (the document page shows the reader's script). */
function toClauseView(clause: StoredClause) {
  return {
    id: clause.id,
    position: clause.position,
    section: clause.section,
    sectionHeading: clause.sectionHeading,
    clause: clause.clause,
    heading: clause.heading,
    headingSimplified: clause.heading ? simplifiedForDisplay(clause.heading) : null,
    text: clause.text,
    textSimplified: simplifiedForDisplay(clause.text),
    page: clause.page ?? null,
    units: clause.units,
  };
}

function toPassageView(passage: StoredClause) {
  return {
    id: passage.id, position: passage.position, kind: passage.kind, section: passage.section, heading: passage.heading,
    text: passage.text, textSimplified: simplifiedForDisplay(passage.text),
  };
}
