import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { APP_VERSION } from '../app/app-version.ts';
import { setUpChat } from '../app/chat-setup.ts';
import { createServices } from '../app/composition.ts';
import { runEntryPoint } from '../app/entry-point.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createPolicyMcpServer } from '../mcp/policy-mcp-server.ts';

/**
 * npm run mcp: the MCP server over stdio, for Claude Desktop and other local agents. stdout carries
 * the protocol only: every log line goes to stderr.
 */
runEntryPoint(async () => {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const services = createServices(config);
  // As the server does: the seeds ingested when they changed, then retrieval and answers.
  const { chat, library } = await setUpChat(config, services, logger);
  const server = createPolicyMcpServer({ library, store: services.store, chat, version: APP_VERSION });
  await server.connect(new StdioServerTransport());
  logger.info('mcp: serving over stdio');
  const stop = async () => {
    await server.close();
    services.close();
    process.exit(0);
  };
  process.stdin.on('close', () => void stop());
  process.on('SIGTERM', () => void stop());
});
