import { decodeSeedFile } from '../../domain/corpus/seed-file-decoder.ts';
import type { DocumentFormat, DocumentReader, ReadResult } from '../../domain/ports/document-reader.ts';
import { readDocx } from './docx-reader.ts';
import { formatOfContent, formatOfName } from './format-detection.ts';
import { readHtml } from './html-reader.ts';
import { readPdf } from './pdf-reader.ts';

const NAMES: Record<DocumentFormat, string> = { pdf: 'PDF', docx: 'DOCX', html: 'HTML', txt: '文本' };

/**
 * Reads PDF, DOCX, HTML and TXT files: the size first, then the format the content shows, which
 * must be the one the name claims, then the format's own reader.
 */
export class FileDocumentReader implements DocumentReader {
  constructor(private readonly maxBytes: number) {}

  async read({ fileName, bytes }: { fileName: string; bytes: Uint8Array }): Promise<ReadResult> {
    if (bytes.length > this.maxBytes) {
      return { ok: false, code: 'too_large', reason: `文件有${size(bytes.length)}，超过${size(this.maxBytes)}的上限，请拆分后再上传。(The file is ${size(bytes.length)}, over the ${size(this.maxBytes)} limit (MAX_SEED_FILE_BYTES).)` };
    }
    if (bytes.length === 0) return { ok: false, code: 'empty', reason: '文件是空的。(The file is empty.)' };
    const claimed = formatOfName(fileName);
    if (!claimed) return { ok: false, code: 'unknown_format', reason: '只接受PDF、DOCX、HTML和TXT文件。(Only PDF, DOCX, HTML and TXT files are accepted.)' };
    const content = formatOfContent(bytes);
    const actual: DocumentFormat | undefined = content === 'zip' ? 'docx' : content === 'binary' ? undefined : content;
    if (actual !== claimed) {
      const what = actual ? `${NAMES[actual]}文件` : '二进制数据，不是文档';
      return { ok: false, code: 'format_mismatch', reason: `文件名是.${fileName.split('.').pop()}，但内容是${what}。请检查文件后再上传。(The name says ${claimed}, the content is ${actual ?? 'binary data'}.)` };
    }
    switch (actual) {
      case 'pdf':
        return readPdf(bytes);
      case 'docx':
        return readDocx(bytes);
      case 'html':
        return readHtml(bytes);
      case 'txt': {
        const decoded = decodeSeedFile({ fileName, bytes }, this.maxBytes);
        if (!decoded.ok) return { ok: false, code: 'unreadable', reason: decoded.reason };
        return { ok: true, read: { format: 'txt', text: decoded.text, warnings: decoded.warnings } };
      }
    }
  }
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
