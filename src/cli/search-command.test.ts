import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIRECTORY, temporaryDirectory } from '../test-support/seed-files.ts';
import { TSX } from '../test-support/server-process.ts';

const SEARCH = fileURLToPath(new URL('./search-command.ts', import.meta.url));

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [SEARCH, ...args], { cwd, env: { ...process.env, DATABASE_PATH: 'db/corpus.sqlite', SEEDS_DIR: SEEDS_DIRECTORY, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** npm run search on a database it has to fill first: the seeds are ingested before the store is read, and closed after. */
describe('npm run search', () => {
  it('explains a turn on a fresh database and exits cleanly', async () => {
    const directory = temporaryDirectory('search-command-');
    try {
      const { code, stdout, stderr } = await run(['--explain', '天津提升食品质量水平由哪个部门牵头?'], directory.path);
      expect(stderr).not.toMatch(/not open|TypeError/u);
      expect(code).toBe(0);
      expect(stdout).toMatch(/decision:\s+answer \(lead\)/u);
      expect(stdout).toContain('tj-2023-3:2.2');
    } finally {
      directory.remove();
    }
  }, 60_000);
});
