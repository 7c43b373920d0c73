import places from './uncovered-places.json' with { type: 'json' };
import type { AnswerInput, NumberedClause } from '../ports/answer-backend.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';
import { analyzeQuery, asksForUnits } from '../retrieval/query-analyzer.ts';
import { clauseSentences, DATE, FIGURE, MONEY } from './sentences.ts';

/**
 * When the extractive answerer says "not covered" instead of answering. Each rule is a kind of
 * evidence the question needs and the retrieved clauses lack; the thresholds were set on
 * eval/sets (npm run eval), where answerable and unanswerable questions are both present.
 */
export type NotFoundReason =
  | { kind: 'low-confidence' }
  | { kind: 'uncovered-place'; place: string }
  | { kind: 'unseen-term'; term: string }
  | { kind: 'missing'; what: 'money' | 'figure' | 'date' | 'units' | 'year'; year?: string };

/** Below this share of the question's terms in the best clause, retrieval found nothing on topic. */
export const MIN_CONFIDENCE = 0.3;
/** How many of the top clauses may supply the asked kind of fact. */
const EVIDENCE_DEPTH = 3;

const PLACES = places.places.flatMap((place) => [
  ...place.zh.map((name) => ({ name, pattern: new RegExp(name, 'u') })),
  ...place.en.map((name) => ({ name, pattern: new RegExp(`(?<![a-z])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![a-z])`, 'u') })),
]);

export function uncoveredPlace(question: string, coveredScopeNamed: boolean, coveredRegions: AnswerInput['coveredRegions']): string | undefined {
  if (coveredScopeNamed) return undefined;
  const text = normalizeText(question).toLowerCase();
  // A document added for a place makes it covered, whatever this list says.
  const covered = coveredRegions.map(({ region, regionEn }) => `${region} ${regionEn}`.toLowerCase()).join(' ');
  return PLACES.find((place) => place.pattern.test(text) && !covered.includes(place.name))?.name;
}

export function findNotFoundReason(input: AnswerInput, metadataQuestion: boolean): NotFoundReason | undefined {
  // The question itself first: "What about Beijing?" after a Tianjin question asks about Beijing.
  const namesCoveredScope = analyzeQuery(input.question, []).scope.cues.some((cue) => !/^\d{4}$/u.test(cue));
  const place =
    uncoveredPlace(input.question, namesCoveredScope, input.coveredRegions) ??
    (input.standaloneQuestion !== input.question ? uncoveredPlace(input.standaloneQuestion, input.scopeNamed, input.coveredRegions) : undefined);
  if (place) return { kind: 'uncovered-place', place };
  // Metadata (文号, issuer, dates of issue) comes from the document record, not from clause wording.
  if (metadataQuestion && (input.scopeDocuments.length > 0 || input.clauses.length > 0)) return undefined;
  if (input.clauses.length === 0) return { kind: 'low-confidence' };
  const unseen = input.unseenWords[0];
  if (unseen) return { kind: 'unseen-term', term: unseen };
  if (input.confidence < MIN_CONFIDENCE) return { kind: 'low-confidence' };
  const top = input.clauses.slice(0, EVIDENCE_DEPTH);
  const texts = top.map(({ hit }) => hit.clause.normalizedText);
  const deadlineYears = input.years.filter((year) => new RegExp(`(到|至|by|until|before)\\s*${year}`, 'u').test(input.standaloneQuestion.toLowerCase()));
  const missingYear = deadlineYears.find((year) => !texts.some((text) => text.includes(year)));
  if (missingYear) return { kind: 'missing', what: 'year', year: missingYear };
  if (input.intents.includes('money') && !texts.some((text) => MONEY.test(text))) return { kind: 'missing', what: 'money' };
  if (input.intents.includes('figure') && !top.some((clause) => hasFigure(clause))) return { kind: 'missing', what: 'figure' };
  if (input.intents.includes('date') && !texts.some((text) => DATE.test(text))) return { kind: 'missing', what: 'date' };
  if (asksForUnits(input.intents) && !top.some(({ hit }) => hit.clause.units.length > 0)) {
    return { kind: 'missing', what: 'units' };
  }
  return undefined;
}

function hasFigure({ hit }: NumberedClause): boolean {
  return clauseSentences(hit.clause).some((sentence) => FIGURE.test(sentence.normalized));
}
