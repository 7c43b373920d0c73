import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { errorResponse } from './errors.ts';

export interface AdminToken {
  label: string;
  token: string;
}

export type AdminVariables = { adminLabel: string };

/**
 * The admin routes: a bearer token from ADMIN_TOKEN (hono's bearer-auth, compared in constant
 * time), its label remembered for the record of who uploaded what; a wrong or missing token gets a
 * 401 and the attempt is logged (never the token). Never open to other origins: a request that
 * says it comes from another page is refused whatever EMBED_ALLOWED_ORIGINS lists.
 */
export function adminOnly(tokens: readonly AdminToken[], logWarning: (message: string) => void): MiddlewareHandler<{ Variables: AdminVariables }> {
  const verify = bearerAuth({
    token: tokens.map((each) => each.token),
    noAuthenticationHeader: { message: { error: { code: 'unauthorized', message: 'Admin routes need Authorization: Bearer <ADMIN_TOKEN>.' } } },
    invalidToken: { message: { error: { code: 'unauthorized', message: 'The bearer token is not an admin token.' } } },
    invalidAuthenticationHeader: { message: { error: { code: 'bad_request', message: 'Write the header as Authorization: Bearer <token>.' } } },
  });
  return async (context, next) => {
    const origin = context.req.header('origin');
    if (origin !== undefined && !sameOrigin(origin, context.req.header('host'))) {
      return errorResponse(context, 403, 'origin_not_allowed', 'Admin requests are accepted from this server\'s own pages only.');
    }
    try {
      return await verify(context as unknown as Context, async () => {
        // Verified: the label of the token that matched, for the record of who changed what.
        const presented = context.req.header('authorization')?.replace(/^Bearer\s+/iu, '') ?? '';
        context.set('adminLabel', tokens.find((each) => each.token === presented)?.label ?? 'admin');
        await next();
      });
    } catch (error) {
      // bearer-auth refuses by throwing its 401 (or 400) response; the attempt is recorded, never the token.
      if (error instanceof HTTPException) logWarning(`admin: refused ${context.req.method} ${new URL(context.req.url).pathname}: ${error.status === 401 ? 'missing or wrong bearer token' : 'malformed Authorization header'}`);
      throw error;
    }
  };
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
