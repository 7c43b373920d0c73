import { serve } from '@hono/node-server';
import { createServices } from './composition.ts';
import { loadConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { runEntryPoint } from './entry-point.ts';
import { setUpChat } from './chat-setup.ts';

async function start() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = createServices(config);

  const { chat, backend, retrievalStatus } = await setUpChat(config, services, logger);
  const app = createApp({
    store: services.store,
    retrievalStatus,
    chat,
    conversations: services.conversations,
    answerStatus: () => backend.status(),
    logError: (error) => logger.error('request failed', error),
  });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (address) => {
    logger.info(`listening on http://${config.host}:${address.port}`);
  });
  const shutdown = () => {
    server.close(() => {
      services.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

runEntryPoint(start);
