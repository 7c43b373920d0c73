import { zValidator } from '@hono/zod-validator';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { ConversationStore } from '../../domain/ports/conversation-store.ts';
import { DocumentNotFoundError, FileRejectedError, type LibraryService, type UploadedFile } from '../../services/library-service.ts';
import { documentChangeView } from '../../services/document-change-views.ts';
import type { AdminVariables } from '../admin-auth.ts';
import { errorResponse } from '../errors.ts';
import { validationHook } from '../validation.ts';
import { feedbackCsv, MAX_CSV_ROWS } from './feedback-csv.ts';

export interface AdminRouteDependencies {
  admin: MiddlewareHandler<{ Variables: AdminVariables }>;
  library: LibraryService;
  conversations: ConversationStore;
}

const documentId = z.string().regex(/^[A-Za-z0-9-]{1,80}$/u, 'document ids are letters, digits and dashes');
const MAX_PAGE = 100;
const feedbackQuery = z
  .object({
    rating: z.enum(['up', 'down'], { error: 'rating is "up" or "down"' }).optional(),
    offset: z.coerce.number().int('offset must be a whole number').min(0, 'offset is 0 or more').default(0),
    limit: z.coerce.number().int('limit must be a whole number').min(1, 'limit is at least 1').max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(50),
    format: z.enum(['json', 'csv'], { error: 'format is "json" or "csv"' }).default('json'),
  })
  .strict();

/**
 * /api/admin: documents uploaded, previewed, replaced and removed, and the feedback users gave.
 * Thin: the library service does the work, one change at a time.
 */
export function adminRoutes({ admin, library, conversations }: AdminRouteDependencies) {
  return new Hono<{ Variables: AdminVariables }>()
    .use('*', admin)
    .post('/documents/preview', async (context) => {
      const upload = await readUpload(context);
      if (upload instanceof Response) return upload;
      return withLibraryErrors(context, async () => context.json(documentChangeView(await library.preview(upload.file, upload.replaces))));
    })
    .post('/documents', async (context) => {
      const upload = await readUpload(context);
      if (upload instanceof Response) return upload;
      return withLibraryErrors(context, async () => {
        const change = await library.add(upload.file, { ...(upload.replaces ? { replaces: upload.replaces } : {}), by: context.get('adminLabel') });
        return context.json({ ...documentChangeView(change), status: 'indexed', corpusVersion: change.run.corpusHash }, 201);
      });
    })
    .delete('/documents/:id', zValidator('param', z.object({ id: documentId }), validationHook('invalid_document_id')), (context) =>
      withLibraryErrors(context, async () => {
        await library.remove(context.req.valid('param').id, context.get('adminLabel'));
        return context.body(null, 204);
      }),
    )
    .get('/feedback', zValidator('query', feedbackQuery, validationHook('invalid_feedback_query')), (context) => {
      const { rating, offset, limit, format } = context.req.valid('query');
      if (format === 'csv') {
        const { entries } = conversations.listFeedback({ ...(rating ? { rating } : {}), offset, limit: MAX_CSV_ROWS });
        context.header('content-disposition', `attachment; filename="feedback${rating ? `-${rating}` : ''}.csv"`);
        return context.body(feedbackCsv(entries), 200, { 'content-type': 'text/csv; charset=utf-8' });
      }
      const { total, entries } = conversations.listFeedback({ ...(rating ? { rating } : {}), offset, limit });
      const next = offset + entries.length < total ? offset + entries.length : null;
      return context.json({ total, offset, next, entries });
    });
}

/** The multipart body: `file` (required) and `replaces` (optional document id). */
async function readUpload(context: Context): Promise<{ file: UploadedFile; replaces?: string } | Response> {
  if (!(context.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    return errorResponse(context, 415, 'multipart_required', 'Send the document as multipart/form-data with the file in the field "file".');
  }
  let body: Record<string, string | File | (string | File)[]>;
  try {
    body = await context.req.parseBody();
  } catch {
    return errorResponse(context, 400, 'invalid_multipart', 'The multipart body could not be read: send it as a browser form or curl -F file=@plan.pdf does.');
  }
  const file = body['file'];
  if (!(file instanceof File)) return errorResponse(context, 400, 'file_missing', 'The form needs one file in the field "file".');
  const replaces = body['replaces'];
  if (replaces !== undefined && (typeof replaces !== 'string' || !documentId.safeParse(replaces).success)) {
    return errorResponse(context, 400, 'invalid_replaces', 'replaces must be the id of one document (letters, digits and dashes), as GET /api/documents lists them.');
  }
  const fileName = safeFileName(file.name);
  if (!fileName) return errorResponse(context, 400, 'invalid_file_name', 'The file needs a name with its extension (.pdf, .docx, .html or .txt).');
  return { file: { fileName, bytes: new Uint8Array(await file.arrayBuffer()) }, ...(replaces ? { replaces } : {}) };
}

/** The base name, without control characters or path separators, at most 200 characters. */
function safeFileName(name: string): string | null {
  const base = name.split(/[\\/]/u).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/gu, '').trim().slice(-200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

async function withLibraryErrors(context: Context, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FileRejectedError) return errorResponse(context, error.code === 'too_large' ? 413 : 422, error.code, error.message);
    if (error instanceof DocumentNotFoundError) return errorResponse(context, 404, 'document_not_found', error.message);
    throw error;
  }
}
