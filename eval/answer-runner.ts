import type { ChatService } from '../src/services/chat-service.ts';
import type { EvalItem } from './eval-set.ts';
import { judgeItem, type ItemVerdict, type ObservedReply } from './answer-metrics.ts';

/** Puts one eval item to the assistant: in-process through the chat service, or over HTTP. */
export interface Responder {
  readonly description: string;
  ask(item: EvalItem): Promise<ObservedReply>;
}

function messagesOf(item: EvalItem) {
  return [...(item.history ?? []), { role: 'user' as const, content: item.question }];
}

export function inProcessResponder(chat: ChatService, description: string): Responder {
  return { description, ask: (item) => chat.reply({ messages: messagesOf(item) }) };
}

export function httpResponder(baseUrl: string, timeoutMs = 120_000): Responder {
  const endpoint = new URL('/api/chat', baseUrl);
  return {
    description: `HTTP ${endpoint.origin}`,
    async ask(item) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: messagesOf(item) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as ObservedReply & { error?: { message: string } };
      if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.error?.message ?? 'no error message'}`);
      return body;
    },
  };
}

/** Runs the items one after another (latency is measured per item, so no concurrency). */
export async function runItems(items: EvalItem[], responder: Responder, onProgress: (done: number) => void = () => {}): Promise<ItemVerdict[]> {
  const verdicts: ItemVerdict[] = [];
  for (const item of items) {
    const started = performance.now();
    try {
      const reply = await responder.ask(item);
      verdicts.push(judgeItem(item, reply, performance.now() - started));
    } catch (error) {
      verdicts.push(judgeItem(item, null, performance.now() - started, (error as Error).message));
    }
    onProgress(verdicts.length);
  }
  return verdicts;
}
