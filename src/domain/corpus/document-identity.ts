import { createHash } from 'node:crypto';
import regionsData from './regions.json' with { type: 'json' };
import type { DocumentLevel } from './policy-document.ts';

export interface Region {
  code: string;
  level: DocumentLevel;
  name: string;
  nameEn: string;
  /** Fills {city} in the unit glossary; null above city level. */
  cityEn: string | null;
}

const REGIONS = regionsData.regions as (Region & { documentNumberPrefixes: string[]; placeNames: string[] })[];
const UNKNOWN_REGION: Region = { code: 'doc', level: 'unknown', name: '未知', nameEn: 'Unknown', cityEn: null };

/** Region from the document number's prefix (津…, 国…), else place names in the issuer, then the title. */
export function regionByCode(code: string): Region {
  return REGIONS.find((region) => region.code === code) ?? UNKNOWN_REGION;
}

export function resolveRegion(docNumber: string | null, issuer: string | null, title: string): Region {
  const prefix = docNumber?.[0];
  const byNumber = prefix ? REGIONS.find((region) => region.documentNumberPrefixes.includes(prefix)) : undefined;
  if (byNumber) return byNumber;
  for (const text of [issuer ?? '', title]) {
    const byPlace = REGIONS.find((region) => region.placeNames.some((place) => text.includes(place)));
    if (byPlace) return byPlace;
  }
  return UNKNOWN_REGION;
}

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
