import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadWebAssets } from '../adapters/filesystem/web-asset-files.ts';
import { setUpChat } from './chat-setup.ts';
import { createServices } from './composition.ts';
import { isLoopback, type AppConfig } from '../config.ts';
import { createApp } from '../http/app.ts';
import { clientAddressReader } from '../http/client-address.ts';
import { connectSharedRateLimits } from '../adapters/redis/redis-rate-limit-store.ts';
import type { Logger } from '../logger.ts';
import { conversationDocx } from '../adapters/export/docx-export.ts';
import { createPolicyMcpServer } from '../mcp/policy-mcp-server.ts';
import { createPrometheusMetrics } from '../adapters/metrics/prometheus-metrics.ts';
import { APP_VERSION } from './app-version.ts';

export interface RunningServer {
  /** http://host:port, with the port the system chose when PORT=0. */
  url: string;
  close(): Promise<void>;
}

/** The composition root of the HTTP server: what `npm start` runs, and what the browser tests start. */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const services = createServices(config);
  // Before the start-up ingest, so that its duration is measured too.
  let denseWindows: () => number | null = () => null;
  const metrics = createPrometheusMetrics({
    library: () => services.store.stats(),
    denseWindows: () => denseWindows(),
    feedback: () => ({ up: services.conversations.listFeedback({ rating: 'up', limit: 1 }).total, down: services.conversations.listFeedback({ rating: 'down', limit: 1 }).total }),
  }, APP_VERSION);
  services.onLibraryTimed((operation, ms) => metrics.observeLibraryChange(operation, ms));
  const { chat, library, backend, retrievalStatus } = await setUpChat(config, services, logger);
  denseWindows = () => {
    const { dense } = retrievalStatus();
    return dense.active ? dense.windows : null;
  };
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
    apiKeys: config.apiKeys,
    requestLogLine: (line) => logger.info('request', { ...line }),
    logQuestions: config.logQuestions,
    observeRequest: (line) => metrics.observeRequest(line),
    metrics: () => metrics.render(),
    mcpServer: () => createPolicyMcpServer({ library, store: services.store, chat, version: APP_VERSION }),
    rateLimit: {
      perMinute: config.web.rateLimitPerMinute,
      readsPerMinute: config.web.readRateLimitPerMinute,
      clientAddress: clientAddressReader((context) => getConnInfo(context).remote.address, config.web.trustedProxies),
      ...(shared ? { store: (limit: string) => shared.storeFor(limit) } : {}),
    },
  });
  // An HTTP/1.1 server (@hono/node-server's default): its connections can be closed as they go idle.
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`web: chat at ${url}/, widget at ${url}/widget.js, demo at ${url}/demo; embedding allowed for ${config.web.allowedOrigins.length > 0 ? config.web.allowedOrigins.join(', ') : 'this origin only (set EMBED_ALLOWED_ORIGINS)'}`);
  if (config.adminTokens.length > 0) logger.info(`admin: documents and feedback at ${url}/admin (${config.adminTokens.map((each) => each.label).join(', ')})`);
  if (config.apiKeys.length === 0 && !isLoopback(config.host)) logger.warn(`/v1 and /mcp are open to anyone who reaches ${url}: set API_KEYS to require a key`);
  logger.info(`OpenAI-compatible API at ${url}/v1 (model policy-qa), MCP at ${url}/mcp${config.apiKeys.length > 0 ? ', both with API_KEYS' : ''}`);
  logger.info(`listening on ${url}`);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        // Graceful: no new connections; answers in flight finish (up to SHUTDOWN_GRACE_MS), then the
        // database is closed cleanly. Idle keep-alive sockets are closed as they become idle.
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          services.close();
          void (shared?.close() ?? Promise.resolve()).then(() => resolve());
        });
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        server.closeIdleConnections();
        const cut = setTimeout(() => {
          logger.warn(`shutdown: answers still running after ${config.shutdownGraceMs} ms were cut`);
          server.closeAllConnections();
        }, config.shutdownGraceMs);
      }),
  };
}

/** The names clients use, and the server's own loopback name for checks on the machine itself. */
function withOwnAddress(hosts: string[], config: AppConfig): string[] {
  return [...hosts, `127.0.0.1:${config.port}`, `localhost:${config.port}`];
}
