import exceptions from './unit-aliases.json' with { type: 'json' };
import cues from './question-cues.json' with { type: 'json' };
import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';
import type { NamedUnit } from './question-frame.ts';

/**
 * The responsible units the library's clauses list, found in questions by the names staff use.
 * Short forms are generated from each parsed name by the usual contraction (工业和信息化局 →
 * 工信局, 发展改革委 → 发改委, 住房城乡建设委 → 住建委, 交通运输部 → 交通部), formal forms by the usual expansions
 * (监管 → 监督管理, 委 → 委员会), English forms from the glossary names; unit-aliases.json lists
 * the few short forms no rule makes (农委, 交委). A mention found with another suffix (市监局 for
 * Tianjin's 市市场监管委) is kept as a near match, used only where no document has it exactly.
 */
export interface DirectoryUnit {
  name: string;
  nameEn: string | null;
  documentId: string;
  /** The city of the document (天津), so that 天津市财政局 names Tianjin's 市财政局. */
  city: string | null;
}

interface Alias {
  unitName: string;
  documentId: string;
  exact: boolean;
}

// Who the unit belongs to: the city (市), its party committee (市委), the State Council, the state.
const PREFIX = /^(市委|市(?!场)|国务院|国家|中央|省委|省)/u;
const SUFFIX = /(委员会|总局|总社|总署|总会|局|委|办|部|厅|署|会|社|联|协|中心|分行)$/u;
const CONNECTIVES = new Set(['和', '与', '及', '、']);
// A verb of taking part in a task (the Chinese verbs that ask for units, question-cues.json weakSlots, and 牵头, 在内),
// right after a unit's field: 公安也参与吗, 商务有份吗.
const TAKING_PART_VERBS = [...cues.weakSlots.slots.flatMap((slot) => slot.cues).filter((cue) => /^\p{Script=Han}+$/u.test(cue)), '牵头', '在内'].sort((left, right) => right.length - left.length);
const TAKES_PART_ANYWHERE = new RegExp(`(?:也|还|有没有|是否|有)?\\s*(?:${TAKING_PART_VERBS.join('|')})`, 'u');
const TAKES_PART = new RegExp(`^\\s*${TAKES_PART_ANYWHERE.source}`, 'u');
const FORMAL_FORMS: [string, string][] = [
  ['监管', '监督管理'],
  ['发展改革', '发展和改革'],
  ['住房城乡建设', '住房和城乡建设'],
  ['人力资源社会保障', '人力资源和社会保障'],
];
// A near match swaps one organ type for another: staff call most bureaus 局 whatever they are named.
const SWAPPABLE_SUFFIXES = ['局', '委', '办'];
const ENGLISH_ABBREVIATIONS: [string, string][] = [['information technology', 'it'], ['science and technology', 's&t'], ['research and development', 'r&d']];
// Initials are of the content words: State-owned Assets Supervision and Administration Commission is SASAC.
const INITIAL_SKIPPED = new Set(['of', 'and', 'for', 'the', 'on', 'in', '&']);
const INITIAL_SKIPPED_BUT_OF = new Set([...INITIAL_SKIPPED].filter((word) => word !== 'of'));
// Initials that spell an English word would be found in ordinary questions.
const ENGLISH_WORDS_AS_INITIALS = new Set(['can', 'was', 'has', 'its', 'the', 'and', 'for', 'are', 'not', 'but', 'all', 'any', 'one', 'how', 'who', 'why', 'what', 'most', 'man', 'men', 'bit', 'map']);
const ENGLISH_ORGAN_TYPES = /\b(bureau|commission|ministry|administration|office|department|committee|federation|association|service|agency|customs)\b/u;

export class UnitDirectory {
  private readonly chinese = new Map<string, Alias[]>();
  /** Fields without level or organ type (公安 of 市公安局): a unit's name only right before a verb of taking part. */
  private readonly cores = new Map<string, Alias[]>();
  private readonly english = new Map<string, Alias[]>();
  private readonly longestChinese: number;
  private readonly englishPattern: RegExp | undefined;
  /** The words of each unit's English name (singular), by its Chinese name. */
  private readonly nameWords = new Map<string, Set<string>>();

  constructor(units: DirectoryUnit[], segmenter: ChineseSegmenter, cityNames: string[] = []) {
    const seen = new Set<string>();
    for (const unit of units) {
      const key = `${unit.documentId}\n${unit.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const form of chineseForms(unit.name, segmenter, unit.city)) this.add(this.chinese, form, { unitName: unit.name, documentId: unit.documentId, exact: true });
      const core = unitCore(unit.name);
      if ([...core].length >= 2 && core !== unit.name) this.add(this.cores, core, { unitName: unit.name, documentId: unit.documentId, exact: true });
      for (const form of swappedForms(unit.name, segmenter, unit.city)) this.add(this.chinese, form, { unitName: unit.name, documentId: unit.documentId, exact: false });
      if (unit.nameEn) for (const form of englishForms(unit.nameEn, cityNames)) this.add(this.english, form, { unitName: unit.name, documentId: unit.documentId, exact: true });
      if (unit.nameEn) {
        const words = this.nameWords.get(unit.name) ?? new Set<string>();
        for (const word of unit.nameEn.toLowerCase().match(/[a-z]+/gu) ?? []) words.add(word.replace(/s$/u, ''));
        this.nameWords.set(unit.name, words);
      }
    }
    // 总局, 总署, 总社: a national head organ is called by its organ type alone where the document has one of that type.
    const headOrgans = new Map<string, { documentId: string; suffix: string; names: Set<string> }>();
    for (const unit of units) {
      const { suffix } = partsOf(unit.name);
      if (!/^总./u.test(suffix)) continue;
      const key = `${unit.documentId}\n${suffix}`;
      const entry = headOrgans.get(key) ?? { documentId: unit.documentId, suffix, names: new Set<string>() };
      entry.names.add(unit.name);
      headOrgans.set(key, entry);
    }
    for (const { documentId, suffix, names } of headOrgans.values()) {
      if (names.size === 1) this.add(this.chinese, suffix, { unitName: [...names][0]!, documentId, exact: true });
    }
    this.longestChinese = Math.max(0, ...[...this.chinese.keys()].map((form) => form.length));
    const english = [...this.english.keys()].sort((left, right) => right.length - left.length).map((form) => form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
    this.englishPattern = english.length > 0 ? new RegExp(`(?<![a-z])(?:${english.join('|')})(?![a-z])`, 'gu') : undefined;
  }

  /** The words of the English names of these units (singular): what an English question may say of a unit it also names. */
  englishNameWords(units: NamedUnit[]): Set<string> {
    const words = new Set<string>();
    for (const unit of units) for (const names of Object.values(unit.byDocument)) for (const name of names) for (const word of this.nameWords.get(name) ?? []) words.add(word);
    return words;
  }

  /** Units named in a normalised, lower-cased question: the longest name at each position. */
  find(text: string): { unit: NamedUnit; start: number; end: number }[] {
    const found: { unit: NamedUnit; start: number; end: number }[] = [];
    const takesPart = TAKES_PART_ANYWHERE.test(text);
    for (let start = 0; start < text.length; ) {
      let match: { unit: NamedUnit; start: number; end: number } | undefined;
      for (let length = Math.min(this.longestChinese, text.length - start); length >= 2 && !match; length -= 1) {
        const aliases = this.chinese.get(text.slice(start, start + length));
        if (aliases) match = { unit: named(text.slice(start, start + length), aliases), start, end: start + length };
      }
      // 公安也参与吗: the field alone names its unit where a verb of taking part follows; elsewhere it is a topic (财政金融政策).
      for (let length = takesPart ? Math.min(this.longestChinese, text.length - start) : 0; length >= 2 && !match; length -= 1) {
        const aliases = this.cores.get(text.slice(start, start + length));
        if (aliases && TAKES_PART.test(text.slice(start + length))) {
          match = { unit: named(text.slice(start, start + length), aliases), start, end: start + length };
        }
      }
      if (match) {
        found.push(match);
        start = match.end;
      } else {
        start += 1;
      }
    }
    if (this.englishPattern) {
      for (const hit of text.matchAll(this.englishPattern)) found.push({ unit: named(hit[0], this.english.get(hit[0])!), start: hit.index, end: hit.index + hit[0].length });
    }
    return found.sort((left, right) => left.start - right.start);
  }

  private add(map: Map<string, Alias[]>, form: string, alias: Alias) {
    const list = map.get(form) ?? [];
    if (!list.some((each) => each.unitName === alias.unitName && each.documentId === alias.documentId)) list.push(alias);
    map.set(form, list);
  }
}

/** Per document, the unit a mention stands for: exact forms first, a near form only where no exact one is. */
function named(mention: string, aliases: Alias[]): NamedUnit {
  const byDocument: Record<string, string[]> = {};
  const exact = aliases.filter((alias) => alias.exact);
  for (const alias of exact) byDocument[alias.documentId] = [...new Set([...(byDocument[alias.documentId] ?? []), alias.unitName])];
  for (const alias of aliases.filter((each) => !each.exact)) byDocument[alias.documentId] ??= [alias.unitName];
  return { mention, byDocument, exactIn: [...new Set(exact.map((alias) => alias.documentId))] };
}

interface NameParts {
  prefix: string;
  core: string;
  suffix: string;
}

/** A unit's field without its level and organ type: 市场监管 for 市场监管总局, 市市场监管局 and 市市场监管委 alike. */
export function unitCore(name: string): string {
  return partsOf(name).core;
}

/** The name without its level: its field, or, a field of one character, the field with its organ type (消协 of 市消协). */
export function unitField(name: string): string {
  const { core, suffix } = partsOf(name);
  return [...core].length >= 2 ? core : core + suffix;
}

function partsOf(name: string): NameParts {
  const prefix = PREFIX.exec(name)?.[0] ?? '';
  const rest = name.slice(prefix.length);
  const suffix = SUFFIX.exec(rest)?.[0] ?? '';
  return { prefix, core: rest.slice(0, rest.length - suffix.length), suffix };
}

/** The name, without its prefix, its contractions and its formal forms, each with and without the prefix. */
export function chineseForms(name: string, segmenter: ChineseSegmenter, city: string | null = null): string[] {
  const { prefix, core, suffix } = partsOf(name);
  const bare = new Set<string>([core + suffix]);
  // Four-character words are two words for contraction: 城乡建设 gives 城 and 建.
  const words = (core === '' ? [] : segmenter.cut(core))
    .filter((word) => !CONNECTIVES.has(word))
    .flatMap((word) => (word.length === 4 ? [word.slice(0, 2), word.slice(2)] : [word]));
  if (words.length >= 2 && suffix !== '') {
    // 工业 信息化 → 工信局; 住房 城乡 建设 → 住城建委 and 住建委 (first and last word).
    bare.add(words.map((word) => word[0]).join('') + suffix);
    if (words.length >= 3) bare.add(words[0]![0]! + words.at(-1)![0]! + suffix);
    // The first field alone, as ministries are called by their older or shorter names: 交通部, 农业局, 文化局.
    if (words[0]!.length >= 2) bare.add(words[0]! + suffix);
  }
  // A long name is written with inner words left out (公平竞争审查联席会议成员单位 for 市公平竞争审查工作部门间联席会议成员单位):
  // a run of up to three inner words dropped, first and last kept, when six characters or more remain.
  const whole = segmenter.cut(core + suffix);
  if (whole.length >= 5) {
    for (let start = 1; start < whole.length - 1; start += 1) {
      for (let end = start + 1; end <= Math.min(start + 3, whole.length - 1); end += 1) {
        const shortened = [...whole.slice(0, start), ...whole.slice(end)].join('');
        if ([...shortened].length >= 6) bare.add(shortened);
      }
    }
  }
  for (const [short, formal] of FORMAL_FORMS) if (core.includes(short)) bare.add(core.replace(short, formal) + (suffix === '委' ? '委员会' : suffix));
  if (suffix === '委') bare.add(`${core}委员会`);
  // Staff name a bureau by its field: 市场监管部门 is the market regulator of whichever document.
  if ([...core].length >= 2) bare.add(`${core}部门`);
  const forms = new Set<string>([name, ...bare]);
  for (const form of bare) {
    if (prefix !== '') forms.add(prefix + form);
    // A city's own unit may be written with the city: 天津市财政局, 汕尾财政局.
    if (city && prefix.startsWith('市')) forms.add(`${city}${prefix}${form}`);
    if (city && prefix === '市') forms.add(`${city}${form}`);
  }
  // A unit named with its city (天津海关, 天津银保监局) is called without it in that city's documents.
  const withoutCity = city && name.startsWith(city) ? name.slice(city.length) : undefined;
  // A form of one character plus its suffix (商局) is not a name anyone uses; the name without its level is
  // (消协 for 市消协, 科协 for 市科协).
  // The listed exceptions are names staff use, however short (总局).
  const listed = (exceptions.aliases as Record<string, string[]>)[name] ?? [];
  return [...forms].filter((form) => form.length >= 3 || form === name || form === core + suffix).concat(withoutCity && withoutCity.length >= 2 ? [withoutCity] : [], listed);
}

/**
 * The organ type an English name is headed by: the last before "of" (Ministry of Commerce, Office of
 * the … Commission), else the last (Government Service Office: an office, not a service).
 */
function headOrganType(base: string): { type: string; index: number } | undefined {
  const ofAt = base.search(/\sof\s/u);
  const matches = [...base.matchAll(new RegExp(ENGLISH_ORGAN_TYPES.source, 'gu'))];
  const head = matches.filter((match) => ofAt < 0 || match.index < ofAt).at(-1) ?? matches.at(-1);
  return head ? { type: head[1]!, index: head.index } : undefined;
}

/** The same forms with another organ type: 市监局 and 市场监管局 for 市市场监管委. */
function swappedForms(name: string, segmenter: ChineseSegmenter, city: string | null): string[] {
  const { suffix } = partsOf(name);
  if (!SWAPPABLE_SUFFIXES.includes(suffix)) return [];
  const exact = new Set(chineseForms(name, segmenter, city));
  return [...exact].flatMap((form) =>
    form.endsWith(suffix) ? SWAPPABLE_SUFFIXES.filter((other) => other !== suffix).map((other) => form.slice(0, -suffix.length) + other) : [],
  ).filter((form) => !exact.has(form));
}

/**
 * English names as staff write them: without the city (“Tianjin Municipal”), and with the organ
 * type before or after the field (Bureau of Commerce, Commerce Bureau, commerce department).
 */
const ENGLISH_EXCEPTIONS = new Map(Object.entries(exceptions.english as Record<string, string[]>).map(([name, aliases]) => [name.toLowerCase(), aliases]));

export function englishForms(nameEn: string, cityNames: string[]): string[] {
  let base = nameEn.toLowerCase().replace(/[’']/gu, "'");
  for (const city of cityNames) base = base.replaceAll(city.toLowerCase(), ' ');
  base = base.replace(/\bmunicipal\b/gu, ' ').replace(/\s+/gu, ' ').trim();
  // National organs as staff write them, without "National" (the forestry and grassland administration).
  const unprefixed = base.replace(/^national\s+/u, '');
  const forms = new Set<string>([nameEn.toLowerCase(), base, ...(unprefixed.includes(' ') ? [unprefixed] : [])]);
  const typeMatch = headOrganType(base);
  if (typeMatch) {
    const type = typeMatch.type;
    const field = `${base.slice(0, typeMatch.index)} ${base.slice(typeMatch.index + type.length)}`.replace(/\b(of|for|the)\b/gu, ' ').replace(/\s+/gu, ' ').trim();
    if (field !== '' && field.split(' ').length <= 7) {
      forms.add(`${field} ${type}`);
      forms.add(`${type} of ${field}`);
      // Staff call any local organ a bureau or an office whatever its formal type (tax bureau for the Tax Service).
      for (const loose of ['department', 'bureau', 'office']) forms.add(`${field} ${loose}`);
      forms.add(`department of ${field}`);
      // The first field alone, as in Chinese (交通部): housing bureau for the Housing and Urban-Rural Development Bureau.
      const first = field.split(' ')[0]!;
      if (field.includes(' ') && first.length >= 4 && !INITIAL_SKIPPED.has(first)) forms.add(`${first} ${type}`);
    }
  }
  // Staff shorten the way English names are shortened everywhere: IT for information technology, and
  // the initials of the name's words (SASAC, MIIT, NDRC) when they make three letters or more.
  for (const form of [...forms]) {
    for (const [long, short] of ENGLISH_ABBREVIATIONS) if (form.includes(long)) forms.add(form.replaceAll(long, short));
  }
  // Initials with "of" kept are as usual (PBOC, MOFA-style), and of the name before a branch or office (PBOC for
  // the People's Bank of China Tianjin Branch, whose branch is then written out).
  const beforeBranch = base.replace(/\s+(branch|sub-branch|office)$/u, '');
  for (const words of new Set([base, beforeBranch])) {
    for (const skipped of [INITIAL_SKIPPED, INITIAL_SKIPPED_BUT_OF]) {
      const initials = words.split(/\s+/u).filter((word) => !skipped.has(word)).map((word) => word[0]).join('');
      if (initials.length >= 3 && !ENGLISH_WORDS_AS_INITIALS.has(initials)) forms.add(initials);
    }
  }
  // A branch is called what its parent is called (the central bank's local branch for the People's Bank of China Tianjin Branch).
  for (const name of new Set([nameEn.toLowerCase(), beforeBranch])) for (const alias of ENGLISH_EXCEPTIONS.get(name) ?? []) forms.add(alias.toLowerCase());
  // People's Bank, Consumers' Association are typed without the apostrophe (Peoples Bank, consumers association),
  // and without the possessive's plural (consumer association).
  for (const form of [...forms]) if (form.includes("'")) forms.add(form.replace(/'/gu, '')).add(form.replace(/s'(?=\s|$)/gu, '').replace(/'/gu, ''));
  // A bare organ type (customs, office) is not a name: it needs its field or its city.
  // Customs is the exception: there is one customs service, and staff call it just that.
  return [...forms].filter((form) => form.includes(' ') || !ENGLISH_ORGAN_TYPES.test(form) || form === nameEn.toLowerCase() || form === 'customs');
}
