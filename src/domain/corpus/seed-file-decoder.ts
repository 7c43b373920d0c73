/**
 * Turns the bytes of one seed file into text, or says plainly why it cannot be used.
 * Government sites serve both UTF-8 and GB18030; anything else with NUL bytes is not a text.
 */
export interface SeedFile {
  fileName: string;
  bytes: Uint8Array;
}

export type DecodedSeed =
  | { ok: true; fileName: string; text: string; warnings: string[] }
  | { ok: false; fileName: string; reason: string };

const HAN = /\p{Script=Han}/gu;
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/gu;

export function decodeSeedFile(file: SeedFile, maxBytes: number): DecodedSeed {
  const { fileName, bytes } = file;
  if (bytes.length > maxBytes) {
    return { ok: false, fileName, reason: `file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit (MAX_SEED_FILE_BYTES); split the document or raise the limit` };
  }
  if (bytes.length === 0) return { ok: false, fileName, reason: 'file is empty' };
  if (bytes.includes(0)) return { ok: false, fileName, reason: 'file contains NUL bytes: it is binary, not a text file' };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      warnings.push('not UTF-8: decoded as GB18030');
    } catch {
      return { ok: false, fileName, reason: 'file is neither UTF-8 nor GB18030 text' };
    }
  }
  const han = text.match(HAN)?.length ?? 0;
  const visible = text.replace(/\s/gu, '').length;
  if (visible === 0) return { ok: false, fileName, reason: 'file holds only whitespace' };
  const controls = text.match(CONTROL)?.length ?? 0;
  // GB18030 maps almost any byte sequence to some character, so a GB18030 reading counts only
  // when it yields mostly Chinese; control characters betray binary data in either encoding.
  if (controls / visible > 0.01 || (warnings.length > 0 && han / visible < 0.3)) {
    return { ok: false, fileName, reason: 'file content is binary, not text' };
  }
  if (han === 0) warnings.push('file has no Chinese text');
  return { ok: true, fileName, text, warnings };
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
