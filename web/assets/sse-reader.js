// @ts-check
/**
 * Server-Sent Events from a fetch body. EventSource cannot send a POST body, so the chat stream is
 * read with fetch and parsed here, following the WHATWG event-stream rules the server writes to.
 */

/** @typedef {{ event: string, data: string }} ServerSentEvent */

/**
 * @param {ReadableStream<BufferSource>} body
 * @returns {AsyncGenerator<ServerSentEvent>}
 */
export async function* readServerSentEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = '';
  /** @type {string[]} */
  let data = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      // A line ends at \r\n, \n or \r. The last piece may be incomplete, and a final \r may be the
      // first half of a \r\n, so both wait for the next bytes.
      const held = buffer.endsWith('\r') ? '\r' : '';
      const lines = (held ? buffer.slice(0, -1) : buffer).split(/\r\n|\n|\r/u);
      buffer = (lines.pop() ?? '') + held;
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        let value = colon === -1 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
    }
  } finally {
    reader.releaseLock();
  }
}
