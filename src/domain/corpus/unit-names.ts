import glossary from './unit-glossary.json' with { type: 'json' };

const NAMES = glossary.units as Record<string, string>;

/**
 * English name of a responsible unit from the glossary, or null when it is not listed (ingest
 * warns). City bureaus (市财政局) are named for the city of the document that lists them.
 */
export function englishUnitName(name: string, cityEn: string | null): string | null {
  const template = NAMES[name];
  if (template === undefined) return null;
  if (!template.includes('{city}')) return template;
  return cityEn === null ? template.replace('{city} ', '') : template.replaceAll('{city}', cityEn);
}
