import { loadConfig } from '../config.ts';
import { runEntryPoint } from './entry-point.ts';
import { createLogger } from '../logger.ts';
import { startServer } from './server.ts';

async function start() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);
  const shutdown = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

runEntryPoint(start);
