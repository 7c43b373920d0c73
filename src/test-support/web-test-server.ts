import { cpSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startServer } from '../app/server.ts';
import { SEEDS_DIRECTORY, temporaryDirectory } from './seed-files.ts';

export interface TestServer {
  url: string;
  databasePath: string;
  seedsDirectory: string;
  uploadsDirectory: string;
  close(): Promise<void>;
}

const quiet: Logger = { debug() {}, info() {}, warn() {}, error: (message, error) => console.error(message, error) };

/**
 * The real server (the same composition as `npm start`) on a free port, over a copy of the seeds
 * in a temp folder; `editSeeds` may change that copy first. Lexical retrieval, extractive answers.
 */
export async function startTestServer(environment: Record<string, string> = {}, editSeeds?: (seedsDirectory: string) => void, logger: Logger = quiet): Promise<TestServer> {
  const directory = temporaryDirectory('web-server');
  const seedsDirectory = join(directory.path, 'seeds');
  cpSync(SEEDS_DIRECTORY, seedsDirectory, { recursive: true });
  editSeeds?.(seedsDirectory);
  const config = loadConfig(
    { HOST: '127.0.0.1', PORT: '0', SEEDS_DIR: 'seeds', DATABASE_PATH: 'db/corpus.sqlite', INDEX_DIR: 'index', EMBEDDINGS: 'off', RATE_LIMIT_PER_MINUTE: '1000', SHUTDOWN_GRACE_MS: '1000', ...environment },
    directory.path,
  );
  const server = await startServer(config, logger);
  return {
    url: server.url,
    databasePath: config.databasePath,
    seedsDirectory,
    uploadsDirectory: config.uploadsDirectory,
    close: async () => {
      await server.close();
      directory.remove();
    },
  };
}

export interface HostSite {
  origin: string;
  close(): Promise<void>;
}

export interface HostPage {
  body: string;
  contentType?: string;
}

/** A stand-in intranet site on its own origin; `page` is asked for each path when it is requested. */
export async function startHostSite(page: (path: string) => HostPage | undefined): Promise<HostSite> {
  const server: Server = createServer((request, response) => {
    const found = page(new URL(request.url ?? '/', 'http://host').pathname);
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': found.contentType ?? 'text/html; charset=utf-8' }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
