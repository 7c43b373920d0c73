import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/web-test-server.ts';

/** The real server over a raw socket: what a client that says Connection: close gets after a streamed answer. */
describe('streamed answers over HTTP/1.1', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(async () => server?.close());

  function exchange(connection: 'close' | 'keep-alive'): Promise<{ head: string; body: string }> {
    const url = new URL(server.url);
    const body = JSON.stringify({ stream: true, messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] });
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        // Keep-alive: the answer is complete once the last chunk arrives; the client hangs up itself.
        if (connection === 'keep-alive' && text.includes('\r\n0\r\n\r\n')) socket.end();
      });
      socket.on('end', () => {
        const [head, ...rest] = text.split('\r\n\r\n');
        resolve({ head: head!, body: rest.join('\r\n\r\n') });
      });
      socket.on('error', reject);
      socket.write(`POST /api/chat HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nConnection: ${connection}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  it('closes the socket when the answer ends if the client asked for Connection: close', async () => {
    const { head, body } = await exchange('close');
    expect(head).toMatch(/^HTTP\/1\.1 200/u);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(head.toLowerCase()).toContain('content-type: text/event-stream');
    expect(body).toContain('event: answer-end');
  });

  it('keeps the connection for a client that wants it kept', async () => {
    const { head, body } = await exchange('keep-alive');
    expect(head.toLowerCase()).toContain('connection: keep-alive');
    expect(body).toContain('event: answer-end');
  });
});
