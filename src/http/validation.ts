import type { Context } from 'hono';
import { errorResponse } from './errors.ts';

/** Turns a failed zod validation into a 400 whose message names each field and what is wrong with it. */
export function validationHook(code: string) {
  return (result: { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, context: Context) => {
    if (result.success) return undefined;
    const problems = result.error.issues.slice(0, 5).map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message));
    return errorResponse(context, 400, code, problems.join('; '));
  };
}
