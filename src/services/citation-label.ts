import { bookTitle } from '../domain/answer/clause-reference.ts';

/**
 * How a cited clause is named wherever it leaves the chat as text (the CSV of feedback, the
 * Markdown and Word exports, the sources list of /v1 answers): 文号, clause 二(二), heading.
 * `full` puts the title first, nested as Chinese nests titles (《关于落实〈纲要〉的意见》), and the
 * PDF page last.
 */
export interface LabelParts {
  docTitle: string;
  docNumber: string | null;
  section: string | null;
  clause: string | null;
  heading: string | null;
  page?: number | null;
}

export function citationLabel(parts: LabelParts, style: 'short' | 'full'): string {
  const place = parts.section && parts.clause ? `${parts.section}(${parts.clause})` : parts.section ?? parts.clause ?? '';
  const heading = parts.heading?.replace(/[。；;]$/u, '');
  if (style === 'short') return [parts.docNumber ?? bookTitle(parts.docTitle), place, heading].filter(Boolean).join(' ');
  return [bookTitle(parts.docTitle), parts.docNumber, place, heading, parts.page ? `第${parts.page}页` : null].filter(Boolean).join(' ');
}
