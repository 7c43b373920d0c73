import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { OriginalFiles } from '../../services/library-service.ts';

/**
 * Uploaded originals under UPLOADS_DIR, named by the hash of their bytes (and their extension), so
 * one file is kept once and a better parser can read every upload again. Written atomically: a
 * temporary file renamed into place.
 */
export class OriginalFileDirectory implements OriginalFiles {
  constructor(private readonly directory: string) {}

  put(sha256: string, fileName: string, bytes: Uint8Array): void {
    mkdirSync(this.directory, { recursive: true });
    const path = this.pathOf(sha256, fileName);
    if (existsSync(path)) return;
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  }

  read(sha256: string, fileName: string): Uint8Array | undefined {
    const path = this.pathOf(sha256, fileName);
    return existsSync(path) ? new Uint8Array(readFileSync(path)) : undefined;
  }

  private pathOf(sha256: string, fileName: string): string {
    if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    const extension = extname(fileName).toLowerCase().replace(/[^.a-z0-9]/gu, '').slice(0, 6);
    return join(this.directory, `${sha256}${extension}`);
  }
}
