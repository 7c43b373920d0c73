import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a log line belongs to: set by the HTTP layer for the life of each request (across
 * awaits), read by the logger, so every line written while answering carries the request id.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();
