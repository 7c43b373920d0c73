import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { WebAsset, WebAssets } from '../../http/web-assets.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export class WebAssetsError extends Error {
  override name = 'WebAssetsError';
}

/**
 * Reads web/ into memory once. The folder is small (a few tens of kilobytes) and ships with the
 * code, so serving from memory avoids a disk read and a path check per request; anything that is
 * not a known web file type (a tsconfig, a README) is left out.
 */
export function loadWebAssets(directory: string): WebAssets {
  const assets = new Map<string, WebAsset>();
  let entries: string[];
  try {
    entries = readdirSync(directory, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    throw new WebAssetsError(`Cannot read the web folder ${directory}: ${(error as Error).message}. Set WEB_DIR to the project's web/ folder.`);
  }
  for (const entry of entries) {
    const contentType = CONTENT_TYPES[extname(entry)];
    if (!contentType) continue;
    const path = join(directory, entry);
    const body = new Uint8Array(readFileSync(path));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    assets.set(relative(directory, path).split(sep).join('/'), { body, contentType, etag });
  }
  for (const required of ['index.html', 'demo.html', 'widget.js']) {
    if (!assets.has(required)) throw new WebAssetsError(`The web folder ${directory} has no ${required}. Set WEB_DIR to the project's web/ folder.`);
  }
  return { get: (path) => assets.get(path), paths: () => [...assets.keys()] };
}
