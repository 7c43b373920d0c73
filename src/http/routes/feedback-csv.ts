import { stringify } from 'csv-stringify/sync';
import type { FeedbackEntry } from '../../domain/ports/conversation-store.ts';
import { citationLabel } from '../../services/citation-label.ts';

/** One export holds at most this many ratings; ?offset= reads on. */
export const MAX_CSV_ROWS = 5000;

const COLUMNS = ['rated_at', 'rating', 'comment', 'question', 'answer', 'citations', 'answer_kind', 'backend', 'conversation_id', 'message_id'];

/**
 * Feedback as CSV for Excel and WPS: a UTF-8 byte-order mark so Chinese opens correctly, and any
 * cell a user wrote that starts like a formula (= + - @) quoted with ' so a spreadsheet never runs it.
 */
export function feedbackCsv(entries: FeedbackEntry[]): string {
  const rows = entries.map((entry) => [
    entry.ratedAt, entry.rating, entry.comment ?? '', entry.question, entry.answer,
    entry.citations.map((citation) => (citation.snapshot ? citationLabel(citation.snapshot, 'short') : citation.clauseId)).join('; '),
    entry.answerKind ?? '', entry.backend ?? '', entry.conversationId, entry.messageId,
  ].map(defuseFormula));
  return `\uFEFF${stringify([COLUMNS, ...rows])}`;
}

function defuseFormula(cell: string): string {
  return /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}
