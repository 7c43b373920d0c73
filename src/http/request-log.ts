import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { requestScope } from '../request-scope.ts';

/**
 * One log line per request: method, route, status, milliseconds, and for a question the answer
 * kind, the not-found reason and the backend; the question itself only with LOG_QUESTIONS=true.
 * The request id (a client's X-Request-Id when it is a plain token, else a new one) is sent back in
 * X-Request-Id and carried by every line logged while the request runs. A streamed answer is
 * logged when its stream ends, with the time it took.
 */
export interface AnswerFacts {
  answerKind: string;
  notFoundReason: string | null;
  backend: string;
  question: string;
}

export interface RequestRecord {
  /** The route answered a question (JSON, or at the end of its stream). */
  answered(facts: AnswerFacts): void;
  /** A stream ended without an answer (an error event, a client that left). */
  ended(): void;
}

export type RequestLogVariables = { requestRecord: RequestRecord };

export interface RequestLogLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  answerKind?: string;
  notFoundReason?: string | null;
  backend?: string;
  question?: string;
}

const INCOMING_ID = /^[A-Za-z0-9._-]{8,80}$/u;

export function requestLog(write: (line: RequestLogLine) => void, options: { logQuestions: boolean; observe?: (line: RequestLogLine) => void }): MiddlewareHandler<{ Variables: RequestLogVariables }> {
  return async (context, next) => {
    const incoming = context.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    let answer: AnswerFacts | undefined;
    let deferred: ((facts?: AnswerFacts) => void) | undefined;
    let written = false;
    const emit = (line: Omit<RequestLogLine, 'ms'>, facts?: AnswerFacts) => {
      if (written) return;
      written = true;
      const full: RequestLogLine = {
        ...line, ms: Math.round((performance.now() - started) * 10) / 10,
        ...(facts ? { answerKind: facts.answerKind, notFoundReason: facts.notFoundReason, backend: facts.backend, ...(options.logQuestions ? { question: facts.question } : {}) } : {}),
      };
      write(full);
      options.observe?.(full);
    };
    context.set('requestRecord', {
      answered: (facts) => {
        answer = facts;
        deferred?.(facts);
      },
      ended: () => deferred?.(answer),
    });
    context.header('X-Request-Id', requestId);
    await requestScope.run({ requestId }, async () => {
      await next();
    });
    const line = { requestId, method: context.req.method, route: routePath(context, -1) || new URL(context.req.url).pathname, status: context.res.status };
    const streaming = (context.res.headers.get('content-type') ?? '').startsWith('text/event-stream');
    if (streaming && !answer) deferred = (facts) => emit(line, facts);
    else emit(line, answer);
  };
}

/** For routes that answer questions: what the request line says about the answer. */
export function recordAnswer(context: { get(key: string): unknown }, reply: { answerKind: string; notFoundReason: { kind: string } | null; backend: string }, question: string): void {
  (context.get('requestRecord') as RequestRecord | undefined)?.answered({ answerKind: reply.answerKind, notFoundReason: reply.notFoundReason?.kind ?? null, backend: reply.backend, question });
}

export function recordStreamEnded(context: { get(key: string): unknown }): void {
  (context.get('requestRecord') as RequestRecord | undefined)?.ended();
}
