import type { Context } from 'hono';

/**
 * The address a request came from, for per-client limits. Behind proxies each one appends the
 * address it received the request from to X-Forwarded-For, so only the entries the trusted proxies
 * added are true: counting `trustedProxies` from the right gives the address the outermost trusted
 * proxy saw. Entries further left were written by the client and are never used. With no trusted
 * proxy, or a header shorter than the proxies it should have passed, the socket's address counts.
 */
export function forwardedClientAddress(forwardedFor: string | undefined, socketAddress: string, trustedProxies: number): string {
  if (trustedProxies <= 0 || forwardedFor === undefined) return socketAddress;
  const entries = forwardedFor.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.length >= trustedProxies ? entries[entries.length - trustedProxies]! : socketAddress;
}

/** The rate limiter's key: the socket address (from the server adapter) read through the trusted proxies. */
export function clientAddressReader(socketAddress: (context: Context) => string | undefined, trustedProxies: number) {
  return (context: Context): string => forwardedClientAddress(context.req.header('x-forwarded-for'), socketAddress(context) ?? 'unknown', trustedProxies);
}
