import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { temporaryDirectory } from './seed-files.ts';

/** A PDF encrypted with a user password by qpdf (Debian's qpdf, installed by the test set-up). */
export function encryptedPdf(pdf: Uint8Array): Uint8Array {
  const directory = temporaryDirectory('encrypt');
  try {
    const input = join(directory.path, 'plain.pdf');
    const output = join(directory.path, 'locked.pdf');
    writeFileSync(input, pdf);
    execFileSync('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', input, output]);
    return new Uint8Array(readFileSync(output));
  } finally {
    directory.remove();
  }
}

/** A DOCX-shaped archive whose document.xml expands from tens of kilobytes to `megabytes` MB. */
export async function zipBombDocx(megabytes = 40): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', new Uint8Array(megabytes * 1024 * 1024).fill(0x20));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** The text in GB18030, as older government sites serve it (glibc's iconv). */
export function gb18030Bytes(text: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
}
