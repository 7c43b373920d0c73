/**
 * Turns an uploaded or seeded file into text the structure parser reads, or says plainly why it
 * cannot: a scan with no text layer, an encrypted file, a file over the size limit, a DOCX that
 * would expand past a sane size, a name that does not match the content. Implemented per format in
 * adapters/formats/ with well-kept libraries.
 */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'txt';

export type RejectionCode = 'too_large' | 'unknown_format' | 'format_mismatch' | 'scanned_pdf' | 'encrypted' | 'zip_bomb' | 'unreadable' | 'empty';

export interface ReadText {
  format: DocumentFormat;
  /** Lines as the parser reads them: one paragraph per line, layout breaks rejoined. */
  text: string;
  /** For a PDF: the page of each line of `text`, from 1. */
  linePages?: number[];
  warnings: string[];
}

export type ReadResult = { ok: true; read: ReadText } | { ok: false; code: RejectionCode; reason: string };

export interface DocumentReader {
  read(file: { fileName: string; bytes: Uint8Array }): Promise<ReadResult>;
}
