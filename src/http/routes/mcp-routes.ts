import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { Hono } from 'hono';

/**
 * /mcp: the MCP server over Streamable HTTP, stateless: each request gets its own server and
 * transport (nothing to keep between requests), JSON responses rather than event streams.
 */
export function mcpRoutes(createServer: () => McpServer) {
  return new Hono().all('/', async (context) => {
    const server = createServer();
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(context.req.raw);
    } finally {
      await server.close();
    }
  });
}
