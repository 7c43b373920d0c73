import { SeedDirectoryError } from '../adapters/filesystem/seed-directory.ts';
import { RateLimitStoreError } from '../adapters/redis/redis-rate-limit-store.ts';
import { WebAssetsError } from '../adapters/filesystem/web-asset-files.ts';
import { IngestRefusedError } from '../services/library-service.ts';
import { ConfigError } from '../config.ts';
import { PromptError } from '../domain/prompts/prompt-template.ts';
import { RetrievalSetupError } from './retrieval-setup.ts';

/**
 * Runs a program (the server or a CLI command). A configuration the operator must fix (a bad
 * variable, a missing model the settings require, a broken prompt file, a missing web/ or seeds folder, an ingest
 * that would remove documents without --allow-removals) ends it with that
 * message and exit code 2, without a stack trace; anything else is a bug and is thrown.
 */
export function runEntryPoint(program: () => Promise<number | void> | number | void): void {
  const fail = (error: unknown) => {
    if (error instanceof ConfigError || error instanceof RetrievalSetupError || error instanceof PromptError || error instanceof WebAssetsError || error instanceof SeedDirectoryError || error instanceof IngestRefusedError || error instanceof RateLimitStoreError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  };
  try {
    Promise.resolve(program()).then((code) => {
      if (typeof code === 'number') process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
