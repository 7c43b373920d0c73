import type { AnswerBackend, AnswerDraft, AnswerInput, AnswerOptions, BackendStatus, NumberedClause } from '../ports/answer-backend.ts';
import { unifyWidths } from '../corpus/text-normalizer.ts';
import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import { AnswerText } from './answer-text.ts';
import { capitalize, clauseLocation, documentReferenceEn, documentReferenceZh } from './clause-reference.ts';
import { asksForUnits } from '../retrieval/query-analyzer.ts';
import { metadataAnswer, isMetadataQuestion } from './metadata-answer.ts';
import { findNotFoundReason } from './not-found.ts';
import { notFoundDraft } from './not-found-text.ts';
import { clauseSentences, DATE, FIGURE, MONEY, rankSentences, type Sentence } from './sentences.ts';

/**
 * The offline, deterministic answerer: it writes nothing it cannot quote. Who leads comes from the
 * parsed responsibility lists, figures and content from the clauses' own sentences, metadata from
 * the document record; the framing follows the question's language, the quotes stay as written.
 */
export class ExtractiveAnswerer implements AnswerBackend {
  readonly specificationVersion = 'v1';
  readonly name = 'extractive';

  async answer(input: AnswerInput, options: AnswerOptions = {}): Promise<AnswerDraft> {
    const draft = composeExtractiveAnswer(input);
    options.onDelta?.(draft.text);
    return draft;
  }

  async status(): Promise<BackendStatus> {
    return { backend: this.name, model: null, reachable: true, detail: 'offline, deterministic; quotes the retrieved clauses' };
  }
}

interface Snippet {
  line: string;
  quote: string;
}

// A second document's clause is offered beside the first when it matches nearly as well.
const SECOND_DOCUMENT_RATIO = 0.9;

export function composeExtractiveAnswer(input: AnswerInput): AnswerDraft {
  const metadata = isMetadataQuestion(input);
  const reason = findNotFoundReason(input, metadata);
  if (reason) return notFoundDraft(input, reason);
  const text = new AnswerText(input.language);
  const quotes: Record<number, string> = {};
  if (metadata) return metadataAnswer(input, text);

  const english = input.language === 'en';
  const chosen = input.compare ? bestPerDocument(input.clauses) : primaryClauses(input);
  if (input.compare && chosen.length > 1) text.line(english ? 'By document:' : '各文件的规定如下：');
  for (const clause of chosen) {
    const snippet = snippetFor(clause, input, text);
    if (!snippet) continue;
    text.line(chosen.length > 1 && !input.compare && clause !== chosen[0] ? `${english ? 'See also' : '另见'} ${snippet.line}` : snippet.line);
    quotes[clause.n] = snippet.quote;
  }
  if (text.isEmpty) return notFoundDraft(input, { kind: 'low-confidence' });
  return { text: text.toString(), notFound: false, related: [], quotes };
}

/** The clause that answers, plus one from another document when the question names no scope. */
function primaryClauses(input: AnswerInput): NumberedClause[] {
  const candidates = asksForUnits(input.intents) ? input.clauses.filter(({ hit }) => hit.clause.units.length > 0) : input.clauses;
  const first = input.intents.includes('figure') || input.intents.includes('money') ? bestFigureClause(input) ?? candidates[0] : candidates[0];
  if (!first) return [];
  if (input.scopeNamed) return [first];
  const firstCoverage = first.hit.paths.lexical?.coverage ?? 0;
  const second = candidates.find(
    (candidate) => candidate.hit.document.id !== first.hit.document.id && (candidate.hit.paths.lexical?.coverage ?? 0) >= SECOND_DOCUMENT_RATIO * firstCoverage && candidate.n <= 3,
  );
  return second ? [first, second] : [first];
}

function bestPerDocument(clauses: NumberedClause[]): NumberedClause[] {
  const seen = new Set<string>();
  return clauses.filter(({ hit }) => !seen.has(hit.document.id) && seen.add(hit.document.id));
}

function snippetFor(clause: NumberedClause, input: AnswerInput, text: AnswerText): Snippet | undefined {
  if (asksForUnits(input.intents) && clause.hit.clause.units.length > 0) return unitsSnippet(clause, input, text);
  if (input.intents.includes('money')) return quoteSnippet(clause, input, text, (sentence) => MONEY.test(sentence.normalized));
  if (input.intents.includes('figure')) return quoteSnippet(clause, input, text, (sentence) => FIGURE.test(sentence.normalized));
  if (input.intents.includes('date')) return quoteSnippet(clause, input, text, (sentence) => DATE.test(sentence.normalized));
  return quoteSnippet(clause, input, text, () => true, 2);
}

function prefix(clause: NumberedClause, input: AnswerInput, text: AnswerText, withHeading: boolean): string {
  const { clause: stored, document } = clause.hit;
  const english = input.language === 'en';
  const reference = text.corpus(english ? capitalize(documentReferenceEn(document)) : documentReferenceZh(document));
  const location = text.corpus(clauseLocation(stored, english));
  const heading = withHeading && stored.heading ? text.corpus(stored.heading.replace(/[。；;]$/u, '')) : undefined;
  if (english) return `${reference}, ${location}${heading ? ` “${heading}”` : ''} [${clause.n}]`;
  return `${reference} ${location}${heading ? `「${heading}」` : ''}[${clause.n}]`;
}

function unitsSnippet(clause: NumberedClause, input: AnswerInput, text: AnswerText): Snippet {
  const units = clause.hit.clause.units;
  const lead = units.find((unit) => unit.role === 'lead') ?? units[0]!;
  const others = units.filter((unit) => unit !== lead);
  const english = input.language === 'en';
  const name = (unit: typeof lead) => (english && unit.nameEn ? `${text.corpus(unit.name)} (${text.corpus(unit.nameEn)})` : text.corpus(unit.name));
  const head = prefix(clause, input, text, true);
  const onlyResponsible = input.intents.includes('responsible') && !input.intents.includes('lead');
  let line: string;
  if (english) {
    line = onlyResponsible
      ? `${head}: responsible units are ${[lead, ...others].map(name).join('; ')}; ${name(lead)} leads.`
      : `${head}: the lead unit is ${name(lead)}${others.length > 0 ? `; co-responsible: ${others.map(name).join('; ')}` : ''}.`;
  } else {
    line = onlyResponsible
      ? `${head}：责任单位为${[lead, ...others].map(name).join('、')}，其中${name(lead)}牵头。`
      : `${head}：牵头单位为${name(lead)}${others.length > 0 ? `，${others.map(name).join('、')}按职责分工负责` : ''}。`;
  }
  const display = clause.hit.clause.text.trimEnd();
  const annotation = findResponsibilityAnnotation(unifyWidths(display));
  return { line, quote: annotation ? display.slice(annotation.start) : display };
}

function quoteSnippet(clause: NumberedClause, input: AnswerInput, text: AnswerText, accept: (sentence: Sentence) => boolean, count = 1): Snippet | undefined {
  const sentences = clauseSentences(clause.hit.clause);
  const ranked = rankSentences(sentences, withYears(input), accept);
  if (ranked.length === 0) return undefined;
  const best = ranked[0]!;
  const picked = [best];
  // A second sentence only when it adds matched terms, never filler.
  const runnerUp = ranked[1];
  if (count > 1 && runnerUp && runnerUp.score > 0 && runnerUp.score >= best.score * 0.5) picked.push(runnerUp);
  picked.sort((left, right) => left.index - right.index);
  const quote = picked.map(({ sentence }, position) => (position > 0 && sentence !== sentences[picked[position - 1]!.index + 1] ? `……${sentence.text}` : sentence.text)).join('');
  const english = input.language === 'en';
  const head = prefix(clause, input, text, input.intents.includes('content') || input.compare);
  return { line: english ? `${head}: “${text.corpus(quote)}”` : `${head}：“${text.corpus(quote)}”`, quote: picked.map(({ sentence }) => sentence.text).join('') };
}

/** Years asked about count as terms, so that 到2025年 picks the 2025 sentence. */
function withYears(input: AnswerInput) {
  return [...input.terms, ...input.years.map((year) => ({ term: year, weight: 2 }))];
}

/** For figure questions, the clause among the top three whose best figure sentence matches most. */
function bestFigureClause(input: AnswerInput): NumberedClause | undefined {
  const pattern = input.intents.includes('money') ? MONEY : FIGURE;
  let best: { clause: NumberedClause; score: number } | undefined;
  for (const [rank, clause] of input.clauses.slice(0, 3).entries()) {
    const ranked = rankSentences(clauseSentences(clause.hit.clause), withYears(input), (sentence) => pattern.test(sentence.normalized));
    // Retrieval's order breaks near-ties: a small bonus for rank.
    const score = (ranked[0]?.score ?? -1) + (3 - rank) * 0.02;
    if (ranked.length > 0 && (!best || score > best.score)) best = { clause, score };
  }
  return best?.clause;
}
