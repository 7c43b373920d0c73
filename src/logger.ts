import type { AppConfig } from './config.ts';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** One line per event on stderr, so that stdout stays free for command output. */
export function createLogger(minimum: AppConfig['logLevel']): Logger {
  const enabled = (level: Level) => LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
  const write = (level: Level, message: string) => {
    if (enabled(level)) process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}\n`);
  };
  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', error instanceof Error ? `${message}: ${error.stack ?? error.message}` : message),
  };
}
