// @ts-check
import { ChatApiError } from './chat-client.js';

/**
 * What the chat view needs beside its own wiring: the scope groups the selector offers, the words
 * for each kind of failure.
 * @typedef {import('./chat-client.js').DocumentSummary} DocumentSummary
 */

/**
 * Documents grouped by the place they govern, national first, as the scope selector offers them.
 * @param {DocumentSummary[]} documents
 */
export function scopeGroups(documents) {
  /** @type {Map<string, { code: string, label: string, labelEn: string, national: boolean }>} */
  const groups = new Map();
  for (const document of documents) {
    if (!groups.has(document.regionCode)) {
      groups.set(document.regionCode, { code: document.regionCode, label: document.region, labelEn: document.regionEn, national: document.level === 'national' });
    }
  }
  return [...groups.values()].sort((left, right) => Number(right.national) - Number(left.national));
}

/**
 * @param {unknown} error
 * @param {import('./i18n.js').UiText} text
 * @returns {{ message: string, retry: boolean, startOver: boolean }}
 */
export function describeFailure(error, text) {
  if (!(error instanceof ChatApiError)) return { message: text.serverError, retry: true, startOver: false };
  switch (error.kind) {
    case 'rate-limited':
      return { message: text.rateLimited(error.retryAfterSeconds ?? 30), retry: true, startOver: false };
    case 'refused':
      return { message: text.refused, retry: false, startOver: false };
    case 'conversation-lost':
      return { message: text.conversationLost, retry: true, startOver: true };
    case 'invalid':
      return { message: text.invalidQuestion(error.message), retry: false, startOver: false };
    case 'unreachable':
      return { message: text.unreachable, retry: true, startOver: false };
    case 'aborted':
      return { message: '…', retry: true, startOver: false };
    default:
      return { message: text.serverError, retry: true, startOver: false };
  }
}
