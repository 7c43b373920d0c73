import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RejectedFile } from '../../domain/corpus/policy-document.ts';
import type { SeedFile } from '../../domain/corpus/seed-file-decoder.ts';

export interface SeedDirectoryContents {
  files: SeedFile[];
  /** Files refused before reading, so that a huge file is never loaded into memory. */
  rejected: RejectedFile[];
}

/** The seeds folder is missing or not a folder: a setting to fix, not a failure to trace. */
export class SeedDirectoryError extends Error {
  override name = 'SeedDirectoryError';
}

// The formats the document readers take (adapters/formats/).
const SEED_EXTENSIONS = /\.(txt|pdf|docx|html?)$/iu;

/** Reads every .txt, .pdf, .docx and .html file in the seeds folder; new files are picked up on the next ingest. */
export function readSeedDirectory(directory: string, maxFileBytes: number): SeedDirectoryContents {
  const files: SeedFile[] = [];
  const rejected: RejectedFile[] = [];
  let isFolder = false;
  try {
    isFolder = statSync(directory).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new SeedDirectoryError(`SEEDS_DIR: ${directory} is not a folder (it does not exist, or is a file). Point SEEDS_DIR at the folder of seed .txt files and start again.`);
  }
  const names = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && SEED_EXTENSIONS.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  for (const fileName of names) {
    const path = join(directory, fileName);
    try {
      const { size } = statSync(path);
      // Read one byte past the limit: enough for the decoder to report the file as oversized.
      files.push({ fileName, bytes: readPrefix(path, Math.min(size, maxFileBytes + 1)) });
    } catch (error) {
      rejected.push({ fileName, reason: `cannot read file: ${(error as Error).message}` });
    }
  }
  return { files, rejected };
}

function readPrefix(path: string, length: number): Uint8Array {
  const buffer = Buffer.alloc(length);
  const descriptor = openSync(path, 'r');
  try {
    let offset = 0;
    while (offset < length) {
      const read = readSync(descriptor, buffer, offset, length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return buffer.subarray(0, offset);
  } finally {
    closeSync(descriptor);
  }
}
