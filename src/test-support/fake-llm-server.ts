import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local server that speaks the wire protocols of OpenAI chat completions and Anthropic messages
 * (JSON and server-sent events, errors in each provider's own shape), so the LangChain clients run
 * unmodified against it. Each request takes the next scripted behaviour.
 */
export type FakeBehaviour =
  | { kind: 'text'; pieces: string[]; /** Between streamed pieces: an answer still running when something else happens. */ delayMs?: number }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'hang' };

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

export class FakeLlmServer {
  readonly requests: RecordedRequest[] = [];
  private readonly script: FakeBehaviour[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(private readonly fallback: FakeBehaviour = { kind: 'text', pieces: ['OK [1]'] }) {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Queues behaviours for the next requests, in order; after them the fallback applies. */
  respond(...behaviours: FakeBehaviour[]): void {
    this.script.push(...behaviours);
  }

  async close(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && /\/models$/u.test(path)) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'fake-model', object: 'model', type: 'model' }] }));
      return;
    }
    const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
    this.requests.push({ path, body, headers: request.headers });
    const behaviour = this.script.shift() ?? this.fallback;
    const anthropic = path.endsWith('/messages');
    if (behaviour.kind === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (behaviour.kind === 'status') {
      const message = behaviour.message ?? `fake failure ${behaviour.status}`;
      const payload = anthropic ? { type: 'error', error: { type: behaviour.status === 401 ? 'authentication_error' : 'api_error', message } } : { error: { message, type: 'server_error', code: null } };
      response.writeHead(behaviour.status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
      return;
    }
    const model = String(body.model ?? 'fake-model');
    if (body.stream === true) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      for (const event of anthropic ? anthropicEvents(model, behaviour.pieces) : openAIEvents(model, behaviour.pieces)) {
        response.write(event);
        // A real server flushes pieces separately; the client must join them.
        await new Promise((resolve) => (behaviour.delayMs ? setTimeout(resolve, behaviour.delayMs) : setImmediate(resolve)));
      }
      response.end();
      return;
    }
    const text = behaviour.pieces.join('');
    const payload = anthropic
      ? { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 10, output_tokens: 10 } }
      : { id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model, choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } };
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }
}

function openAIEvents(model: string, pieces: string[]): string[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  return [chunk({ role: 'assistant', content: '' }, null), ...pieces.map((piece) => chunk({ content: piece }, null)), chunk({}, 'stop'), 'data: [DONE]\n\n'];
}

function anthropicEvents(model: string, pieces: string[]): string[] {
  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  return [
    event('message_start', { message: { id: 'msg_fake', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }),
    event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
    ...pieces.map((text) => event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })),
    event('content_block_stop', { index: 0 }),
    event('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: pieces.length } }),
    event('message_stop', {}),
  ];
}
