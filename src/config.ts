import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads the environment. Everything is validated at start-up; a bad value
 * stops the program with a message that names the variable and says how to fix it.
 */
const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEEDS_DIR: z.string().min(1).default('seeds'),
  DATABASE_PATH: z.string().min(1).default('data/policy-qa.sqlite'),
  MAX_SEED_FILE_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface AppConfig {
  host: string;
  port: number;
  seedsDirectory: string;
  databasePath: string;
  maxSeedFileBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(environment: Record<string, string | undefined> = process.env, baseDirectory = process.cwd()): AppConfig {
  // An empty variable (FOO=) means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nFix these environment variables (see README.md, "Configuration") and start again.`);
  }
  const values = parsed.data;
  return {
    host: values.HOST,
    port: values.PORT,
    seedsDirectory: resolve(baseDirectory, values.SEEDS_DIR),
    databasePath: values.DATABASE_PATH === ':memory:' ? ':memory:' : resolve(baseDirectory, values.DATABASE_PATH),
    maxSeedFileBytes: values.MAX_SEED_FILE_BYTES,
    logLevel: values.LOG_LEVEL,
  };
}
