import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './sse-reader.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(streamOf(chunks))) events.push(event);
  return events;
}

describe('readServerSentEvents', () => {
  it('reads named events with JSON data as the server writes them', async () => {
    expect(await collect(['event: answer-start\ndata: {"messageId":"m1"}\n\n', 'event: text-delta\ndata: {"text":"牵头"}\n\n'])).toEqual([
      { event: 'answer-start', data: '{"messageId":"m1"}' },
      { event: 'text-delta', data: '{"text":"牵头"}' },
    ]);
  });

  it('joins an event split anywhere across chunks, a CRLF pair and a multi-byte character included', async () => {
    const whole = 'event: text-delta\r\ndata: {"text":"市工业和信息化局"}\r\n\r\n';
    const bytes = new TextEncoder().encode(whole);
    // Every split point, including inside the UTF-8 bytes of a character and between \r and \n.
    for (let split = 1; split < bytes.length; split += 1) {
      const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          controller.enqueue(bytes.slice(0, split));
          controller.enqueue(bytes.slice(split));
          controller.close();
        },
      });
      const events = [];
      for await (const event of readServerSentEvents(stream)) events.push(event);
      expect(events, `split at byte ${split}`).toEqual([{ event: 'text-delta', data: '{"text":"市工业和信息化局"}' }]);
    }
  });

  it('joins data lines, skips comments, defaults the event name and drops an unfinished event', async () => {
    expect(await collect([': keep-alive\n\n', 'data: line one\ndata:line two\n\n', 'event: answer-end\ndata: {"cut":'])).toEqual([{ event: 'message', data: 'line one\nline two' }]);
  });
});
