import { pino, type Logger as PinoLogger } from 'pino';
import type { AppConfig } from './config.ts';
import { requestScope } from './request-scope.ts';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, error?: unknown): void;
}

/**
 * Structured JSON logs (pino), one object per line on stderr so that stdout stays free for command
 * output and for the MCP stdio protocol. Each line written during a request carries its requestId.
 */
export function createLogger(minimum: AppConfig['logLevel']): Logger {
  const base: PinoLogger = pino(
    {
      level: minimum,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: (fields: object) => {
        const scope = requestScope.getStore();
        return scope && !('requestId' in fields) ? { requestId: scope.requestId } : {};
      },
    },
    // Synchronous: a line written just before the process exits (a configuration error) is not lost.
    pino.destination({ fd: 2, sync: true }),
  );
  return {
    debug: (message, fields) => base.debug(fields ?? {}, message),
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, error) => (error === undefined ? base.error(message) : base.error({ err: error }, message)),
  };
}
