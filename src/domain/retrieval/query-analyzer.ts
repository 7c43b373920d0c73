import cues from './query-cues.json' with { type: 'json' };
import { detectScript, normalizeText } from '../corpus/text-normalizer.ts';

export type QueryLanguage = 'zh-Hans' | 'zh-Hant' | 'en';
export type QueryIntent = 'lead' | 'responsible' | 'figure' | 'money' | 'date' | 'docNumber' | 'issuer' | 'compare' | 'content';

/** Who leads / who is responsible: answered only by a clause that names units. */
export function asksForUnits(intents: readonly QueryIntent[]): boolean {
  return intents.includes('lead') || intents.includes('responsible');
}

export interface ScopeDocument {
  id: string;
  regionCode: string;
  date: string | null;
  status: 'in-force' | 'draft';
  docNumber?: string | null;
}

export interface QueryScope {
  /** Documents the question names (by 文号, place, year or draft status); empty when it names none. */
  documentIds: string[];
  /** Why: the cues that were found. */
  cues: string[];
}

export interface AnalyzedQuery {
  original: string;
  language: QueryLanguage;
  /** Simplified, normalised question. */
  normalized: string;
  /** What remains to match against clauses once intent, scope and filler words are removed. */
  topicText: string;
  /** The same before filler words go: English glossary phrases keep theirs (science and technology). */
  topicPhrase: string;
  intents: QueryIntent[];
  scope: QueryScope;
  /** Years the question mentions (2025 in 到2025年). */
  years: string[];
  /** Numbers the question mentions, for figure questions. */
  numbers: string[];
}

const INTENTS = cues.intents as { intent: QueryIntent; cues: string[] }[];
const INTENT_CUES = INTENTS.flatMap(({ intent, cues: phrases }) => phrases.map((cue) => ({ intent, cue }))).sort(
  (left, right) => right.cue.length - left.cue.length,
);
const SCOPES = cues.scopes as { regionCode: string; cues: string[] }[];
const SCOPE_EXCEPTIONS = cues.scopeExceptions.phrases;
const FILLERS = new Set(cues.fillers);

// 津质量发〔2023〕3号 is written in Chinese in English questions too, so it does not count as Chinese text.
const DOCUMENT_NUMBER = /\p{Script=Han}{2,8}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号/gu;

export function detectLanguage(question: string): QueryLanguage {
  const han = question.replace(DOCUMENT_NUMBER, ' ').match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = question.match(/[A-Za-z]{2,}/gu)?.length ?? 0;
  if (latinWords > 0 && (han === 0 || latinWords > han)) return 'en';
  return detectScript(question) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}

export function analyzeQuery(question: string, documents: ScopeDocument[]): AnalyzedQuery {
  const language = detectLanguage(question);
  const normalized = normalizeText(question).toLowerCase();
  let topicText = ` ${normalized} `;
  const found = (cue: string) => matchesCue(topicText, cue);
  const remove = (cue: string) => {
    topicText = topicText.replace(cuePattern(cue), ' ');
  };

  const numbered = numberedDocuments(normalized, documents);
  for (const document of numbered) topicText = topicText.replace(documentNumberPattern(document), ' ');

  const intents: QueryIntent[] = [];
  // Longest cues first, so that 多少钱 (money) is not read as 多少 (figure).
  for (const { intent, cue } of INTENT_CUES) {
    if (found(cue)) {
      if (!intents.includes(intent)) intents.push(intent);
      remove(cue);
    }
  }
  // A lead question also asks who is responsible; the answer names the lead first either way.
  if (!intents.some((intent) => intent !== 'compare')) intents.push('content');

  const regions = takeRegionCues(topicText);
  topicText = regions.topicText;
  const { regionCodes } = regions;
  const scopeCues = [...regions.cues];
  // A question that names two places (nationally and in Shanwei) asks about each of them.
  if (regionCodes.size >= 2 && !intents.includes('compare')) intents.push('compare');
  const draftCues = cues.draftCues.filter((phrase) => found(phrase));
  for (const phrase of draftCues) remove(phrase);
  const years = [...new Set(normalized.match(/(?<!\d)(19|20)\d{2}(?!\d)/gu) ?? [])];
  // A year names a document when a document was issued that year and the question does not
  // use it as a deadline (到2025年, by 2025).
  const issueYears = years.filter((year) => !new RegExp(`(到|至|by|until|before)\\s*${year}`, 'u').test(normalized));
  let scoped = documents.filter((document) => regionCodes.size === 0 || regionCodes.has(document.regionCode));
  // "Draft" names the draft documents, unless none is in the places named: then it is the verb (help draft).
  const drafts = scoped.filter((document) => document.status === 'draft');
  if (draftCues.length > 0 && drafts.length > 0) {
    scoped = drafts;
    scopeCues.push(...draftCues);
  }
  const byYear = scoped.filter((document) => document.date !== null && issueYears.includes(document.date.slice(0, 4)));
  if (byYear.length > 0 && byYear.length < scoped.length) {
    scoped = byYear;
    const usedYears = issueYears.filter((year) => byYear.some((document) => document.date!.startsWith(year)));
    scopeCues.push(...usedYears);
    for (const year of usedYears) remove(`${year}年`), remove(year);
  }
  if (numbered.length > 0) {
    scoped = numbered;
    scopeCues.push(...numbered.map((document) => document.docNumber!));
  }
  const narrowed = scoped.length < documents.length;

  const words = topicText.split(/\s+/u).filter((word) => word !== '' && !FILLERS.has(word));
  return {
    original: question,
    language,
    normalized,
    topicText: stripFillers(words.join(' ')),
    topicPhrase: topicText.replace(/\s+/gu, ' ').trim(),
    intents,
    scope: { documentIds: narrowed ? scoped.map((document) => document.id) : [], cues: scopeCues },
    years,
    numbers: normalized.match(/\d+(?:\.\d+)?/gu) ?? [],
  };
}

const BRACKETS = /[\s〔〕[\]［］()（）【】{}]/u;

/**
 * A 文号 names one document outright, whatever its place and year would also match. The brackets
 * are written every which way (〔2023〕, [2023], (2023)), so 文号 are compared without them; each
 * document's key is made once, not on every question.
 */
const documentNumberKeys = new WeakMap<ScopeDocument, string>();

function documentNumberKey(document: ScopeDocument): string | undefined {
  if (!document.docNumber) return undefined;
  let key = documentNumberKeys.get(document);
  if (key === undefined) {
    key = withoutBrackets(normalizeText(document.docNumber).toLowerCase());
    documentNumberKeys.set(document, key);
  }
  return key;
}

function numberedDocuments(normalizedQuestion: string, documents: ScopeDocument[]): ScopeDocument[] {
  const compact = withoutBrackets(normalizedQuestion);
  return documents.filter((document) => {
    const key = documentNumberKey(document);
    return key !== undefined && compact.includes(key);
  });
}

/** The 文号 as the question may write it: any brackets or spaces between its characters. */
function documentNumberPattern(document: ScopeDocument): RegExp {
  const characters = [...documentNumberKey(document)!].map((character) => character.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(characters.join(`${BRACKETS.source}*`), 'u');
}

/**
 * Place cues (天津, nationally) and the regions they name, removed from the topic. Exception
 * phrases (national standards) hold a cue without naming a place: they are set aside while the
 * cues are found and removed, then put back, and stay part of the topic.
 */
function takeRegionCues(text: string): { topicText: string; regionCodes: Set<string>; cues: string[] } {
  const setAside: string[] = [];
  let topicText = text;
  for (const phrase of SCOPE_EXCEPTIONS) {
    topicText = topicText.replace(cuePattern(phrase), (match) => ` \u{E000}${setAside.push(match) - 1}\u{E000} `);
  }
  const regionCodes = new Set<string>();
  const found: string[] = [];
  for (const { regionCode, cues: phrases } of SCOPES) {
    for (const phrase of phrases) {
      if (matchesCue(topicText, phrase)) {
        regionCodes.add(regionCode);
        found.push(phrase);
        topicText = topicText.replace(cuePattern(phrase), ' ');
      }
    }
  }
  topicText = topicText.replace(/\u{E000}(\d+)\u{E000}/gu, (_, index: string) => setAside[Number(index)]!);
  return { topicText, regionCodes, cues: found };
}

function withoutBrackets(text: string): string {
  return text.replace(new RegExp(BRACKETS.source, 'gu'), '');
}

function isLatin(cue: string): boolean {
  return /^[a-z0-9 .'’-]+$/u.test(cue);
}

function cuePattern(cue: string): RegExp {
  const escaped = cue.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return isLatin(cue) ? new RegExp(`(?<![a-z])${escaped}(?![a-z])`, 'gu') : new RegExp(escaped, 'gu');
}

function matchesCue(text: string, cue: string): boolean {
  return cuePattern(cue).test(text);
}

/** Chinese filler words sit inside runs of characters, not between spaces. */
function stripFillers(text: string): string {
  let result = text;
  for (const filler of FILLERS) {
    if (!isLatin(filler) && filler.length > 1) result = result.replaceAll(filler, ' ');
  }
  return result.replace(/[?？!！。,，、:：;；"“”'‘’()]/gu, ' ').replace(/\s+/gu, ' ').trim();
}
