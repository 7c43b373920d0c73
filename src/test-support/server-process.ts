import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
export const MAIN = join(ROOT, 'src', 'app', 'main.ts');
// The package's own entry ('.' in its exports), by path: the server runs in a temp folder.
const TSX_LOADER = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** What the server logged up to now. */
  log(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/** The real server as `npm start` runs it, in its own process, in `directory` (PORT 0, loopback). */
export async function startServerProcess(directory: string, environment: Record<string, string>): Promise<ServerProcess> {
  // node itself, with tsx as a loader: the tsx launcher would be a parent process, and a SIGKILL to
  // it would leave the server running.
  const child = spawn(process.execPath, ['--import', pathToFileURL(TSX_LOADER).href, MAIN], {
    cwd: directory,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: 'db/corpus.sqlite', SEEDS_DIR: 'seeds', INDEX_DIR: 'index', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 25_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/u.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    child,
    port,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
