import { createHash } from 'node:crypto';
import type { Region } from '../places/regions.ts';

/**
 * Readable, stable ids: region, year and serial from the document number (tj-2023-3). A document
 * without a number (a draft for comment) uses its date instead (sw-2023-0926), and a short hash
 * of its title when it has no date either.
 */
export function documentId(region: Region, docNumber: string | null, date: string | null, normalizedTitle: string): string {
  const numbered = docNumber ? /〔(\d{4})〕(\d+)号/u.exec(docNumber) : null;
  if (numbered) return `${region.code}-${numbered[1]}-${numbered[2]}`;
  const dated = date ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date) : null;
  if (dated) return `${region.code}-${dated[1]}-${dated[2]}${dated[3]}`;
  return `${region.code}-${createHash('sha256').update(normalizedTitle).digest('hex').slice(0, 8)}`;
}
