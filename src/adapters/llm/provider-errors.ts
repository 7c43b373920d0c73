import { AnswerBackendError } from '../../domain/ports/answer-backend.ts';

/**
 * Provider SDK errors differ in shape; what the operator needs is the kind of failure and which
 * setting to check. The message goes to the log and /health, never to a browser.
 */
export function toBackendError(error: unknown, backend: string, timedOut: boolean): AnswerBackendError {
  if (error instanceof AnswerBackendError) return error;
  const details = error as { status?: number; name?: string; message?: string; code?: string; cause?: { code?: string } };
  const message = details.message ?? String(error);
  if (timedOut || details.name === 'TimeoutError' || /timed? ?out/iu.test(message)) {
    return new AnswerBackendError(`${backend} did not answer within LLM_TIMEOUT_MS; raise it, or check the server's load.`, 'timeout');
  }
  const status = details.status;
  if (status === 401 || status === 403) return new AnswerBackendError(`${backend} refused the credentials (HTTP ${status}); check LLM_API_KEY.`, 'rejected');
  if (status === 404) return new AnswerBackendError(`${backend} does not know the model or path (HTTP 404); check LLM_MODEL and LLM_BASE_URL (OpenAI-compatible servers usually end in /v1).`, 'rejected');
  if (status === 429) return new AnswerBackendError(`${backend} is rate-limiting requests (HTTP 429); wait, or raise the quota.`, 'rejected');
  if (status !== undefined && status >= 400) return new AnswerBackendError(`${backend} failed with HTTP ${status}: ${message.slice(0, 200)}`, status >= 500 ? 'unreachable' : 'rejected');
  if (/connect|ECONNREFUSED|ENOTFOUND|fetch failed|network/iu.test(`${message} ${details.code ?? ''} ${details.cause?.code ?? ''} ${details.name ?? ''}`)) {
    return new AnswerBackendError(`${backend} cannot be reached; check LLM_BASE_URL and that the server is running.`, 'unreachable');
  }
  return new AnswerBackendError(`${backend} failed: ${message.slice(0, 200)}`, 'invalid-response');
}
