import mammoth from 'mammoth';
import yauzl from 'yauzl';
import type { ReadResult } from '../../domain/ports/document-reader.ts';
import { htmlLines, numberingRestorer } from './docx-lines.ts';

/**
 * A DOCX (Word or WPS) through mammoth, one paragraph per line, headings and numbered paragraphs as
 * their text writes them, automatic numbering put back (docx-lines.ts). The archive is checked first from its central directory: too many
 * entries, or entries that would expand far past the file's size (a zip bomb), are refused before
 * anything is unpacked.
 */
const MAX_ENTRIES = 2000;
const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  const check = await checkArchive(Buffer.from(bytes));
  if (check) return check;
  let read: { lines: string[]; numbered: boolean };
  try {
    const numbering = numberingRestorer();
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument: numbering.transform })).value;
    read = { lines: htmlLines(html), numbered: numbering.numbered() };
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: `无法读取这个DOCX：${(error as Error).message}。(The DOCX could not be read.)` };
  }
  if (read.lines.length === 0) return { ok: false, code: 'empty', reason: '这个DOCX里没有文字。(The DOCX holds no text.)' };
  const warnings = read.numbered
    ? ['文件使用了Word/WPS自动编号，章节和条款编号已按公文层级（一、（一）1.（1））补出，请在预览中核对。(Automatic numbering was rebuilt in the official order of levels: check the preview.)']
    : [];
  return { ok: true, read: { format: 'docx', text: read.lines.join('\n'), warnings } };
}

async function checkArchive(buffer: Buffer): Promise<ReadResult | undefined> {
  let archive: yauzl.ZipFile;
  try {
    archive = await new Promise((resolve, reject) => yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => (error ? reject(error) : resolve(zip))));
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: `这个DOCX不是完整的压缩包：${(error as Error).message}。(The DOCX is not a valid archive.)` };
  }
  return new Promise((resolve) => {
    let entries = 0;
    let uncompressed = 0;
    let hasDocument = false;
    archive.on('entry', (entry: yauzl.Entry) => {
      entries += 1;
      uncompressed += entry.uncompressedSize;
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      if (entries > MAX_ENTRIES || uncompressed > MAX_UNCOMPRESSED_BYTES || uncompressed > buffer.length * MAX_RATIO) {
        archive.close();
        resolve({ ok: false, code: 'zip_bomb', reason: `这个DOCX解压后会大到${Math.round(uncompressed / 1024 / 1024)} MB以上，不像正常的文档，已拒绝。(The DOCX would expand far past a document's size: refused.)` });
        return;
      }
      archive.readEntry();
    });
    archive.on('end', () => resolve(hasDocument ? undefined : { ok: false, code: 'format_mismatch', reason: '这个压缩包不是Word文档（缺少word/document.xml）。(The archive is not a Word document.)' }));
    archive.on('error', (error: Error) => resolve({ ok: false, code: 'unreadable', reason: `这个DOCX读取失败：${error.message}。(The DOCX could not be read.)` }));
    archive.readEntry();
  });
}
