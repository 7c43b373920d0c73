import regionsData from './regions.json' with { type: 'json' };
import type { Gazetteer, Place } from './gazetteer.ts';

/** Where a document applies: the nation, or a place of the gazetteer. */
export type RegionLevel = 'national' | 'provincial' | 'municipal' | 'city' | 'county' | 'unknown';

export interface Region {
  /** Prefixes document ids (tj-2023-3); stable across ingests. */
  code: string;
  /** Gazetteer code of the place (12 天津市); null for the nation and for unknown places. */
  place: string | null;
  level: RegionLevel;
  name: string;
  nameEn: string;
  /** Fills {city} in the unit glossary; null above city level. */
  cityEn: string | null;
}

interface RegionEntry extends Region {
  documentNumberPrefixes: string[];
  issuerCues?: string[];
  questionCues?: string[];
  adjectiveCues?: { cue: string; followers: string[] };
  standaloneCue?: { cue: string; followers: string[] };
}

const REGIONS = regionsData.regions as RegionEntry[];
const UNKNOWN_REGION: Region = { code: 'doc', place: null, level: 'unknown', name: '未知', nameEn: 'Unknown', cityEn: null };
// The four municipalities directly under the central government are provinces of their own.
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** The national region's code (cn): the documents that apply nationwide. */
export const NATIONAL_REGION_CODE = REGIONS.find((region) => region.level === 'national')!.code;

/**
 * Words (besides place names) that name a region in a question: 国家方案, nationally, 津门; and
 * adjectives that do so only before certain words or at the end (national plan, not national standards).
 */
export function regionQuestionCues(): { code: string; cues: string[]; adjective: { cue: string; followers: string[] } | null; standalone: { cue: string; followers: string[] } | null }[] {
  return REGIONS.filter((region) => region.questionCues).map((region) => ({ code: region.code, cues: region.questionCues!, adjective: region.adjectiveCues ?? null, standalone: region.standaloneCue ?? null }));
}

/**
 * The region from the document number's prefix (津…, 国…), else from the issuer, then the title: a
 * national cue (国务院), or the most specific place it names. A place the region list does not hold
 * gets a region of its own from the gazetteer, so a document for 唐山 makes 唐山 covered.
 */
export function resolveRegion(docNumber: string | null, issuer: string | null, title: string, gazetteer: Gazetteer): Region {
  const prefix = docNumber?.[0];
  const byNumber = prefix ? REGIONS.find((region) => region.documentNumberPrefixes.includes(prefix)) : undefined;
  if (byNumber) return byNumber;
  for (const text of [issuer ?? '', title]) {
    const byCue = REGIONS.find((region) => region.issuerCues?.some((cue) => text.includes(cue)));
    if (byCue) return byCue;
    const places = gazetteer.mentions(text.toLowerCase()).flatMap((mention) => mention.places);
    const deepest = places.sort((left, right) => gazetteer.lineage(right.code).length - gazetteer.lineage(left.code).length)[0];
    if (deepest) return REGIONS.find((region) => region.place === deepest.code) ?? regionOfPlace(deepest, gazetteer);
  }
  return UNKNOWN_REGION;
}

function regionOfPlace(place: Place, gazetteer: Gazetteer): Region {
  const lineage = gazetteer.lineage(place.code).reverse();
  const english = (each: Place) => capitalize(each.english[0] ?? each.short ?? each.name);
  const level: RegionLevel = place.level === 'province' ? (MUNICIPALITIES.has(place.code) ? 'municipal' : 'provincial') : place.level === 'prefecture' ? 'city' : 'county';
  return {
    code: (place.english[0] ?? place.code).replace(/[^a-z0-9]+/gu, ''),
    place: place.code,
    level,
    name: lineage.map((each) => each.name).join(''),
    nameEn: lineage.map(english).join(' / '),
    cityEn: level === 'city' || level === 'county' || level === 'municipal' ? english(place) : null,
  };
}

function capitalize(text: string): string {
  return text.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
}
