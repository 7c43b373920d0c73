import type { DocumentFormat } from '../../domain/ports/document-reader.ts';

/**
 * A file's format from its first bytes, and the format its name claims: the two must agree, so a
 * renamed file (a PDF called .docx, an executable called .txt) is refused rather than half read.
 */
export function formatOfContent(bytes: Uint8Array): DocumentFormat | 'zip' | 'binary' {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/u, '').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(head|body|meta|title|div|p)[\s>]/u.test(head))) return 'html';
  // NUL bytes and other controls mean binary; the text reader tells the encodings apart.
  const sample = bytes.subarray(0, 4096);
  const controls = sample.filter((byte) => byte === 0 || (byte < 0x09) || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)).length;
  return controls > 0 ? 'binary' : 'txt';
}

export function formatOfName(fileName: string): DocumentFormat | undefined {
  const extension = /\.([a-z0-9]+)$/iu.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'pdf') return 'pdf';
  if (extension === 'docx') return 'docx';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'txt') return 'txt';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
