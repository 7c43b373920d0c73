import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import { loadWebAssets } from '../adapters/filesystem/web-asset-files.ts';
import { setUpChat } from './chat-setup.ts';
import { createServices } from './composition.ts';
import type { AppConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import { clientAddressReader } from '../http/client-address.ts';
import { connectSharedRateLimits } from '../adapters/redis/redis-rate-limit-store.ts';
import type { Logger } from '../logger.ts';
import { conversationDocx } from '../adapters/export/docx-export.ts';

export interface RunningServer {
  /** http://host:port, with the port the system chose when PORT=0. */
  url: string;
  close(): Promise<void>;
}

/** The composition root of the HTTP server: what `npm start` runs, and what the browser tests start. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const services = createServices(config);
  const { chat, library, backend, retrievalStatus } = await setUpChat(config, services, logger);
  const webAssets = loadWebAssets(config.web.directory);
  // Several replicas share one client's limits through Redis; one process keeps them in memory.
  const shared = config.web.rateLimitRedisUrl ? connectSharedRateLimits(config.web.rateLimitRedisUrl, (message) => logger.warn(message)) : undefined;
  if (shared) {
    await shared.ping();
    logger.info('rate limits: shared through Redis (RATE_LIMIT_REDIS_URL)');
  }
  const app = createApp({
    store: services.store,
    retrievalStatus,
    chat,
    units: () => library.current.units,
    conversations: services.conversations,
    answerStatus: () => backend.status(),
    logError: (error) => logger.error('request failed', error),
    webAssets,
    allowedOrigins: config.web.allowedOrigins,
    ...(config.web.allowedHosts ? { allowedHosts: withOwnAddress(config.web.allowedHosts, config) } : {}),
    adminTokens: config.adminTokens,
    library: services.library,
    maxUploadBytes: config.maxSeedFileBytes,
    logWarning: (message) => logger.warn(message),
    renderDocx: conversationDocx,
    rateLimit: {
      perMinute: config.web.rateLimitPerMinute,
      readsPerMinute: config.web.readRateLimitPerMinute,
      clientAddress: clientAddressReader((context) => getConnInfo(context).remote.address, config.web.trustedProxies),
      ...(shared ? { store: (limit: string) => shared.storeFor(limit) } : {}),
    },
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`web: chat at ${url}/, widget at ${url}/widget.js, demo at ${url}/demo; embedding allowed for ${config.web.allowedOrigins.length > 0 ? config.web.allowedOrigins.join(', ') : 'this origin only (set EMBED_ALLOWED_ORIGINS)'}`);
  if (config.adminTokens.length > 0) logger.info(`admin: documents and feedback at ${url}/admin (${config.adminTokens.map((each) => each.label).join(', ')})`);
  logger.info(`listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          services.close();
          void (shared?.close() ?? Promise.resolve()).then(() => resolve());
        });
        // Open event streams and keep-alive sockets would hold close() up; the process is ending.
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** The names clients use, and the server's own loopback name for checks on the machine itself. */
function withOwnAddress(hosts: string[], config: AppConfig): string[] {
  return [...hosts, `127.0.0.1:${config.port}`, `localhost:${config.port}`];
}
