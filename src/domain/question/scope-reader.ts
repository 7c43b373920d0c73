import cues from './question-cues.json' with { type: 'json' };
import { readTitlePeriod } from './title-periods.ts';
import { TitleMentions } from './title-mentions.ts';
import { DocumentNumbers } from './document-numbers.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import type { Gazetteer } from '../places/gazetteer.ts';
import { NATIONAL_REGION_CODE, regionQuestionCues } from '../places/regions.ts';
import { cuePattern, escapePattern, matchesCue } from './cue-matching.ts';
import type { NamedUnit, QuestionScope, QuestionYears } from './question-frame.ts';

/** What the analyzer knows of each document to read a question's scope. */
export interface ScopeDocument {
  id: string;
  regionCode: string;
  /** Gazetteer code of its place; null for national documents. */
  placeCode: string | null;
  date: string | null;
  status: 'in-force' | 'draft';
  docNumber: string | null;
  /** Its title, by which a question may name it in quotes (「进一步提高产品、工程和服务质量行动方案」). */
  title?: string;
}

export interface ScopeReading {
  scope: QuestionScope;
  years: QuestionYears;
  /** The question text with the scope's words taken out, for reading its topic. */
  rest: string;
  /** Regions named (two or more: the question compares them). */
  regionCount: number;
  /** Documents told apart by what named them (two years of one place, two 文号): two or more are compared. */
  singledOut: number;
  /**
   * A place no document covers, named beside one that is (厦门落实国家方案, Xiamen's implementation of the national
   * plan): the analyzer decides whether the question asks for that place's own document.
   */
  uncoveredBesideNamed: string | null;
}

/** 'national' names the national plan before the words for a document or its makers, before a clause label, or at the end. */
function adjectivePattern({ cue, followers }: { cue: string; followers: string[] }): RegExp {
  // Words between, as one word when joined by slashes (the national product/engineering/service quality plan).
  const between = '(?:(?!(?:the|a|an|of|in|for|to|on|by|with|from|at|and the)\\b)[a-z0-9/-]+,?\\s+){0,6}?';
  return new RegExp(`(?<![a-z])${escapePattern(cue)}(?=\\s+(?:the\\s+)?${between}(?:${followers.join('|')})(?![a-z])|\\s*(?:[?.!,;:]|$)|\\s*[(（]?[一二三四五六七八九十]+\\s*[、(（)）])`, 'gu');
}

/** 国家 names the national plan where it stands as a place does: before a locative, or at a sentence end (国家呢?). */
function standalonePattern({ cue, followers }: { cue: string; followers: string[] }): RegExp {
  return new RegExp(`${escapePattern(cue)}(?=\\s*(?:${followers.map(escapePattern).join('|')})|\\s*的?\\s*[呢吗么嘛]?\\s*(?:[?？!！,，。;；]|$))`, 'gu');
}

/** Each region's cues, and those that name it only where they stand a certain way, compiled once. */
const REGION_CUES = regionQuestionCues().map((region) => ({
  code: region.code,
  cues: region.cues,
  placed: [
    ...(region.adjective ? [{ cue: region.adjective.cue, pattern: adjectivePattern(region.adjective) }] : []),
    ...(region.standalone ? [{ cue: region.standalone.cue, pattern: standalonePattern(region.standalone) }] : []),
  ],
}));
const DRAFT_CUES = cues.draftCues;
const FOREIGN_DOCUMENT_NUMBER = /\p{Script=Han}{1,8}\s*[〔[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号/gu;
const QUOTED_TITLE = /[「『“"《]([^」』”"》]{6,60})[」』”"》]/gu;
/** A title without its punctuation and brackets, for matching it as a question quotes it. */
function titleKey(title: string): string {
  return title.replace(/[\s、，,。.()（）《》〈〉「」『』“”"'\-—–]/gu, '');
}
// With a determiner (那个意见) it names the document whatever follows; bare, only before a boundary (意见和…, not 意见反馈).
const DOCUMENT_NOUN_AFTER_SCOPE = /(\s)(?:(?:的|那个|这个|那份|这份)(?:新|旧)?(?:实施方案|行动方案|实施意见|征求意见稿|意见稿|方案|意见|文件|通知|稿子|稿)|(?:新|旧|老)?(?:实施方案|行动方案|实施意见|征求意见稿|意见稿|方案|意见|文件|通知|稿子|稿)(?=[\s的里中,，、?？。和与跟及都还对在]|$))/gu;
// The kinds of document that tell one from another by its title (文件, 通知, 稿 name any of them).
const DOCUMENT_KIND = /实施方案|行动方案|实施意见|方案|意见/u;
// The same kinds in English, as the titles write them in Chinese (the Tianjin plan is its 方案, the 2014 opinions its 意见).
const ENGLISH_DOCUMENT_KINDS: [RegExp, string][] = [
  [/\b(?:action|implementation|work)?\s*plan\b/u, '方案'],
  [/\bopinions?\b/u, '意见'],
];
// 国家 before the words that point at a document (国家那份…, 国家的方案): the national level. 份 counts documents, so
// 那份 points at one whatever follows; 的, 那个 only before a word for one.
const NATIONAL_DOCUMENT = /国家(?=\s*(?:的?[那这]份|(?:的|那个|这个)(?:\s|$|[\p{Script=Han}]{0,4}(?:方案|意见|文件|通知))))/u;
// Beside a place (whose name the loop above has turned into a space) or a list separator; 国家标准 stays a topic.
const NATIONAL_IN_LIST = /(?<=^|[\s、，,和与跟及])国家(?![\p{Script=Han}])|国家(?=\s|[、，,]|和|与|跟|及)/u;
const DEADLINE = /(到|至|截至|截止|by|until|before|for)\s*$/u;

/**
 * Which documents the question is about, read from what it names: a 文号, places (through the
 * gazetteer: 滨海新区 is Tianjin's, 广东 holds Shanwei), region words (国家方案, nationally), draft
 * status, a year of issue, or a unit only some documents list. A place no document covers is kept
 * as such, so the answer can say so instead of answering from another place's document.
 */
export class ScopeReader {
  private readonly numbers: DocumentNumbers<ScopeDocument>;
  /** Titles without punctuation, normalised once, for a document a question names by its title. */
  private readonly titleKeys: { document: ScopeDocument; key: string }[];
  private readonly titleMentions: TitleMentions;

  constructor(
    private readonly documents: ScopeDocument[],
    private readonly gazetteer: Gazetteer,
    /** Whether the documents use a word in their own text: a place they name (陆河, 临海) is never "not covered" by name alone. */
    private readonly corpusUses: (word: string) => boolean,
  ) {
    this.numbers = new DocumentNumbers(documents);
    this.titleKeys = documents.map((document) => ({ document, key: titleKey(normalizeText(document.title ?? '').toLowerCase()) }));
    this.titleMentions = new TitleMentions(documents);
  }

  read(normalized: string, units: NamedUnit[]): ScopeReading {
    let rest = ` ${expandShortYears(normalized)} `;
    const scopeCues: string[] = [];
    const numbers = this.numbers.read(rest);
    rest = numbers.rest;
    const titled = this.quotedTitles(rest);
    rest = titled.rest;
    // Named by a stretch of the title, unquoted: narrows what places and years name, and is no topic.
    const mentioned = this.titleMentions.find(rest);
    rest = mentioned.rest;
    let byTitle = mentioned.documentIds;

    const named = new Set<string>();
    const regionCodes = new Set<string>();
    let uncoveredPlace: string | null = null;
    let placeBelow: string | null = null;
    let ownPlaceNamed = false;
    for (const region of REGION_CUES) {
      for (const cue of region.cues) {
        if (!matchesCue(rest, cue)) continue;
        regionCodes.add(region.code);
        scopeCues.push(cue);
        rest = rest.replace(cuePattern(cue), ' ');
      }
      for (const { cue, pattern } of region.placed) {
        pattern.lastIndex = 0;
        if (!pattern.test(rest)) continue;
        regionCodes.add(region.code);
        scopeCues.push(cue);
        rest = rest.replace(pattern, ' ');
      }
    }
    // "the city's development and reform commission": the place the question is about, named elsewhere or not; no topic.
    rest = rest.replace(/(?<![a-z])the\s+(?:city|municipality|province|county)(?:'s)?(?![a-z])/gu, ' ');
    for (const mention of this.gazetteer.mentions(rest)) {
      const documents = this.documents.filter((document) => document.placeCode && mention.places.some((place) => this.related(place.code, document.placeCode!)));
      if (documents.length > 0) {
        for (const document of documents) regionCodes.add(document.regionCode);
        scopeCues.push(mention.text);
        const below = mention.places.find((place) => documents.every((document) => place.code !== document.placeCode && this.gazetteer.within(place.code, document.placeCode!)));
        if (below) placeBelow ??= /\p{Script=Han}/u.test(mention.text) ? (below.short ?? below.name) : mention.text;
        // 汕尾方案里陆丰…: the documents' own place named too, the place below is where within them, not a document of its own.
        if (mention.places.some((place) => documents.some((document) => place.code === document.placeCode))) ownPlaceNamed = true;
      } else if (!this.corpusUses(mention.text)) {
        // Named as people say it: 北京 for 北京市; an English name as written.
        uncoveredPlace ??= /\p{Script=Han}/u.test(mention.text) ? (mention.places[0]!.short ?? mention.places[0]!.name) : mention.text;
      }
      rest = rest.replace(mention.text, ' ');
    }
    // 重庆市关于加强质量工作的意见: a title many places give their documents, with a place no document covers, is that place's.
    if (uncoveredPlace && regionCodes.size === 0) byTitle = [];
    // 国家那份…, 国家的方案: before the words that point at a document, 国家 is the national level.
    const nationalDocument = NATIONAL_DOCUMENT.exec(rest);
    if (nationalDocument && !regionCodes.has(NATIONAL_REGION_CODE)) {
      regionCodes.add(NATIONAL_REGION_CODE);
      scopeCues.push('国家');
      rest = rest.replace(nationalDocument[0], ' ');
    }
    // 国家 天津 汕尾分别谁牵头: standing alone in a list of places, 国家 is the national level (not 国家级, 国家标准).
    const listedNational = NATIONAL_IN_LIST.exec(rest);
    if (listedNational && regionCodes.size > 0 && !regionCodes.has(NATIONAL_REGION_CODE)) {
      regionCodes.add(NATIONAL_REGION_CODE);
      scopeCues.push('国家');
      rest = rest.replace(listedNational[0], ' ');
    }

    let scoped = this.documents.filter((document) => regionCodes.size === 0 || regionCodes.has(document.regionCode));
    for (const document of scoped) named.add(document.id);
    const draftCues = DRAFT_CUES.filter((cue) => matchesCue(rest, cue));
    // The period of a plan's title (the 2023-2025 plan) names the plan: no year asked, no deadline.
    const period = readTitlePeriod(rest, scoped);
    if (period) {
      const within = scoped.filter((document) => period.documentIds.includes(document.id));
      if (within.length < scoped.length) scoped = within;
      scopeCues.push(period.text);
      rest = rest.replace(period.text, ' ');
    }
    // Years inside another document's number (国发〔2012〕9号) are not years asked about.
    const years = readYears(rest.replace(FOREIGN_DOCUMENT_NUMBER, ' '));
    const issueYears = years.all.filter((year) => !years.deadline.includes(year));
    // "Draft" and a year of issue narrow each place named on its own: 天津2014年意见和汕尾稿 is
    // Tianjin's 2014 document and Shanwei's draft. A place with no draft (or none of that year) keeps
    // its documents: there, "draft" is a verb (help draft) and the year belongs to another place.
    const byRegion = new Map<string, ScopeDocument[]>();
    for (const document of scoped) byRegion.set(document.regionCode, [...(byRegion.get(document.regionCode) ?? []), document]);
    const groups = regionCodes.size === 0 ? [scoped] : [...byRegion.values()];
    let usedDraft = false;
    const usedYears = new Set<string>();
    // 天津这个实施方案, 天津的意见: the kind of document named picks the place's documents of that kind.
    const kinds = [
      ...[...rest.matchAll(DOCUMENT_NOUN_AFTER_SCOPE)].map((match) => DOCUMENT_KIND.exec(match[0])?.[0]),
      ...ENGLISH_DOCUMENT_KINDS.filter(([pattern]) => pattern.test(rest)).map(([, kind]) => kind),
    ].filter((kind): kind is string => kind !== undefined);
    scoped = groups.flatMap((group) => {
      let kept = group;
      const drafts = kept.filter((document) => document.status === 'draft');
      if (draftCues.length > 0 && drafts.length > 0) {
        kept = drafts;
        usedDraft = true;
      }
      const byYear = kept.filter((document) => document.date !== null && issueYears.includes(document.date.slice(0, 4)));
      // A year of issue names documents even where it narrows nothing (天津2014年意见和2023年方案): it is no topic word.
      if (byYear.length > 0) {
        if (byYear.length < kept.length) kept = byYear;
        for (const document of byYear) usedYears.add(document.date!.slice(0, 4));
      } else if (regionCodes.size > 0 && kinds.length > 0) {
        const byKind = kept.filter((document) => kinds.some((kind) => titleKey(normalizeText(document.title ?? '')).includes(kind)));
        if (byKind.length > 0 && byKind.length < kept.length) kept = byKind;
      }
      return kept;
    });
    if (usedDraft) {
      scopeCues.push(...draftCues);
      for (const cue of draftCues) rest = rest.replace(cuePattern(cue), ' ');
    }
    for (const year of usedYears) {
      scopeCues.push(year);
      rest = rest.replace(new RegExp(`${year}\\s*年?(的)?`, 'gu'), ' ');
    }
    // A year that is no scoped document's year of issue is the year the asked fact is for (2020年…目标).
    const scopeYears = new Set(scoped.map((document) => document.date?.slice(0, 4)));
    years.asked = years.all.filter((year) => years.deadline.includes(year) || !scopeYears.has(year));
    const explicit = [...numbers.whole, ...numbers.short, ...titled.documents];
    if (explicit.length > 0) {
      scoped = explicit;
      scopeCues.push(...explicit.map((document) => document.docNumber ?? document.title ?? document.id));
    } else if (byTitle.length > 0) {
      const withinPlaces = scoped.filter((document) => byTitle.includes(document.id));
      scoped = withinPlaces.length > 0 ? withinPlaces : this.documents.filter((document) => byTitle.includes(document.id));
      scopeCues.push(...scoped.map((document) => document.title ?? document.id));
    }
    // A unit only some documents list (市监委 is Tianjin's) names them when nothing else does.
    const namesPlace = regionCodes.size > 0 || explicit.length > 0 || byTitle.length > 0;
    if (!namesPlace && units.length > 0) {
      const byUnit = this.documentsOfUnits(units).filter((id) => scoped.some((document) => document.id === id));
      if (byUnit.length > 0 && byUnit.length < scoped.length) {
        scoped = scoped.filter((document) => byUnit.includes(document.id));
        scopeCues.push(...units.map((unit) => unit.mention));
      }
    }
    // 天津2014年的意见, 汕尾那个意见, 汕尾稿: the kind of document after the words that named it is part of the name, no topic.
    if (namesPlace || usedDraft) rest = rest.replace(DOCUMENT_NOUN_AFTER_SCOPE, '$1');
    const narrowed = scoped.length < this.documents.length;
    return {
      scope: {
        documentIds: narrowed ? scoped.map((document) => document.id) : [],
        cues: [...new Set(scopeCues)],
        named: namesPlace || usedDraft,
        uncoveredPlace: namesPlace ? null : uncoveredPlace,
        placeBelow: ownPlaceNamed ? null : placeBelow,
        byPlace: regionCodes.size > 0 && explicit.length === 0 && usedYears.size === 0,
      },
      years,
      rest,
      uncoveredBesideNamed: namesPlace ? uncoveredPlace : null,
      regionCount: new Set([...regionCodes]).size,
      singledOut: explicit.length >= 2 ? explicit.length : usedYears.size >= 2 ? scoped.length : 0,
    };
  }

  /** Documents where the named units are listed: where all of them are listed exactly, else where any is. */
  private documentsOfUnits(units: NamedUnit[]): string[] {
    const sets = units.map((unit) => (unit.exactIn.length > 0 ? unit.exactIn : Object.keys(unit.byDocument)));
    const all = sets.reduce((common, ids) => common.filter((id) => ids.includes(id)));
    return all.length > 0 ? all : [...new Set(sets.flat())];
  }

  private related(placeCode: string, documentPlace: string): boolean {
    return this.gazetteer.within(placeCode, documentPlace) || this.gazetteer.within(documentPlace, placeCode);
  }

  /** Documents named by their title in quotes or book-title marks; the title is taken out of the text. */
  private quotedTitles(text: string): { documents: ScopeDocument[]; rest: string } {
    let rest = text;
    const documents: ScopeDocument[] = [];
    for (const match of text.matchAll(QUOTED_TITLE)) {
      const span = titleKey(match[1]!);
      if (span.length < 6) continue;
      const found = this.titleKeys.filter(({ key }) => key !== '' && (key.includes(span) || (span.includes(key) && key.length >= 6))).map(({ document }) => document);
      if (found.length === 0) continue;
      documents.push(...found.filter((document) => !documents.includes(document)));
      rest = rest.replace(match[0], ' ');
    }
    return { documents, rest };
  }
}

/** 23年方案, 14年的意见: a two-digit year is this century's. */
function expandShortYears(text: string): string {
  return text.replace(/(?<![\d.])([1-3]\d)(?=年(?!度)(?!\d))/gu, '20$1');
}

function readYears(text: string): QuestionYears {
  const all: string[] = [];
  const deadline: string[] = [];
  const asked: string[] = [];
  for (const match of text.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/gu)) {
    const year = match[1]!;
    if (!all.includes(year)) all.push(year);
    // 到2025年, by 2035; "2023—2025年" is a period, and its end is a deadline too.
    if (DEADLINE.test(text.slice(Math.max(0, match.index - 8), match.index)) || /[-—–~至]\s*$/u.test(text.slice(Math.max(0, match.index - 2), match.index))) {
      if (!deadline.includes(year)) deadline.push(year);
    }
  }
  return { all, deadline, asked };
}
