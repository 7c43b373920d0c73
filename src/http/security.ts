import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { errorResponse } from './errors.ts';

/**
 * Who may use the API and how pages may be framed. The page's own origin is always allowed; other
 * origins only when listed in EMBED_ALLOWED_ORIGINS. A browser enforces CORS, and the server
 * refuses the same requests itself, so a page (or a script) from elsewhere gets a 403, not an answer.
 */
export interface OriginPolicy {
  allowedOrigins: ReadonlySet<string>;
}

/** Same origin when the Origin names the host the request was sent to (a proxy keeps the Host header). */
export function originAllowed(context: Context, policy: OriginPolicy): boolean {
  const origin = context.req.header('origin');
  if (origin === undefined) return true;
  if (policy.allowedOrigins.has(origin)) return true;
  try {
    return new URL(origin).host === context.req.header('host');
  } catch {
    // "null" (a sandboxed frame, a file:// page) or garbage: not an origin we can trust.
    return false;
  }
}

/**
 * Refuses a request whose Host header is not one the server is known by: a page on another site can
 * point its own name at this server (DNS rebinding) and send a matching Host and Origin, which the
 * origin check alone would take for the server's own page.
 */
export function hostGuard(allowedHosts: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return async (context, next) => {
    const host = context.req.header('host')?.toLowerCase();
    if (host === undefined || !allowed.has(host)) {
      return errorResponse(context, 403, 'host_not_allowed', 'This server does not answer to that host name. An administrator can add it to ALLOWED_HOSTS.');
    }
    await next();
  };
}

export function originGuard(policy: OriginPolicy): MiddlewareHandler {
  return async (context, next) => {
    if (!originAllowed(context, policy)) {
      return errorResponse(context, 403, 'origin_not_allowed', `Requests from ${context.req.header('origin')} are not allowed. An administrator can add the origin to EMBED_ALLOWED_ORIGINS.`);
    }
    await next();
  };
}

/** CORS headers for the allowed origins only; the widget sends no cookies, so none are allowed. */
export function crossOriginAccess(policy: OriginPolicy): MiddlewareHandler {
  return cors({
    origin: (origin) => (policy.allowedOrigins.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    // X-Client-Id: the widget's browser id, for its conversation list.
    allowHeaders: ['Content-Type', 'Accept', 'X-Client-Id'],
    exposeHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
    maxAge: 600,
  });
}

export type PageKind = 'app' | 'embed' | 'demo';

/**
 * A strict Content-Security-Policy for the pages: scripts, styles and requests from this origin
 * only, no inline code, and Trusted Types with no policy, so no string can ever reach an HTML sink.
 * Only /embed may be framed, and only by the allowed origins.
 */
export function pageSecurityHeaders(kind: PageKind, policy: OriginPolicy): MiddlewareHandler {
  const frameAncestors = kind === 'embed' ? ["'self'", ...policy.allowedOrigins] : kind === 'demo' ? ["'self'"] : ["'none'"];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameSrc: kind === 'demo' ? ["'self'"] : ["'none'"],
      frameAncestors,
      baseUri: ["'none'"],
      formAction: ["'none'"],
      objectSrc: ["'none'"],
      requireTrustedTypesFor: ["'script'"],
      trustedTypes: ["'none'"],
    },
    // frame-ancestors decides framing; X-Frame-Options cannot name other origins and would block /embed.
    xFrameOptions: kind === 'embed' ? false : 'DENY',
    // Served over plain HTTP on an intranet as often as over TLS; HSTS belongs to the TLS proxy.
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: kind === 'embed' ? false : 'same-origin',
  });
}

/**
 * Scripts and styles other origins load (widget.js, the chat modules): readable across origins and
 * never sniffed. The page-level headers mean nothing on a script and would cost ~0.5 KiB per file.
 */
export function assetSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    crossOriginResourcePolicy: 'cross-origin',
    xContentTypeOptions: true,
    strictTransportSecurity: false,
    xFrameOptions: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/** The API's JSON and event streams: never framed, never sniffed. */
export function apiSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({ strictTransportSecurity: false, crossOriginResourcePolicy: 'cross-origin' });
}
