import type { AnswerDraft } from '../ports/answer-backend.ts';
import type { QuestionLanguage } from '../question/question-frame.ts';
import { kindFor } from './answer-kinds.ts';
import type { NotFoundReason, NumberedClause } from './answer-decision-types.ts';
import { AnswerText } from './answer-text.ts';
import { capitalize, clauseLocation, documentReferenceEn, documentReferenceZh } from './clause-reference.ts';
import type { QuestionFrame } from '../question/question-frame.ts';

/** How many of the nearest clauses a not-found answer offers as related reading. */
const RELATED = 3;
// Notices, preambles, closings and signatures say nothing a reader can use instead of an answer.
const SUBSTANTIVE = new Set(['clause', 'section-text']);

export interface NotFoundInput {
  frame: QuestionFrame;
  clauses: NumberedClause[];
  /** The places the library covers (国家, 天津市, 汕尾市), to say which it does not. */
  coveredRegions: { region: string; regionEn: string }[];
}

/**
 * A not-found answer says plainly that the documents do not answer, why, and what the nearest
 * clause does say ("四(十一)提到设立专项资金，但没有写明金额"); the nearest substantive clauses are
 * offered as related reading and carry no [n], since they support nothing.
 */
export function notFoundDraft(input: NotFoundInput, reason: NotFoundReason): AnswerDraft {
  const english = input.frame.language === 'en';
  const text = new AnswerText(input.frame.language);
  text.line(english ? 'The documents do not answer this question.' : '现有政策文件没有回答这个问题。');
  text.line(explain(reason, input, text));
  const related = reason.kind === 'uncovered-place' ? [] : relatedClauses(input.clauses);
  if (related.length > 0) {
    text.line(english ? 'Related clauses, for reference only:' : '相关条款（仅供参考）：');
    for (const { hit } of related) {
      const reference = english ? capitalize(documentReferenceEn(hit.document)) : documentReferenceZh(hit.document);
      const heading = hit.clause.heading ? ` ${hit.clause.heading.replace(/[。；;]$/u, '')}` : '';
      text.line(`- ${text.corpus(`${reference} ${clauseLocation(hit.clause, english)}${heading}`)}`);
    }
  }
  return { text: text.toString(), notFound: true, related: related.map(({ n }) => n), quotes: {} };
}

function relatedClauses(clauses: NumberedClause[]): NumberedClause[] {
  const seen = new Set<string>();
  return clauses.filter(({ hit }) => SUBSTANTIVE.has(hit.clause.kind) && !seen.has(hit.clause.id) && seen.add(hit.clause.id)).slice(0, RELATED);
}

function explain(reason: NotFoundReason, input: NotFoundInput, text: AnswerText): string {
  const english = input.frame.language === 'en';
  const covered = input.coveredRegions;
  switch (reason.kind) {
    case 'uncovered-place':
      return english
        ? `The library holds documents for ${text.corpus(covered.map((region) => region.regionEn).join(', '))}; none covers ${text.corpus(titleCase(reason.place ?? ''))}.`
        : `文件库只收录${text.corpus(covered.map((region) => region.region).join('、'))}的政策文件，没有关于${text.corpus(reason.place ?? '')}的文件。`;
    case 'uncovered-document': {
      const implementer = [...input.clauses.map(({ hit }) => hit.document)].find((document) => document.id === reason.document?.implementedBy);
      const by = implementer ? text.corpus(english ? documentReferenceEn(implementer) : documentReferenceZh(implementer)) : '';
      return english
        ? `The library does not hold ${text.corpus(reason.document?.title ?? '')} itself${by ? `; ${by} is a document that implements it` : ''}.`
        : `文件库没有收录${text.corpus(reason.document?.title ?? '')}本身${by ? `；${by}是落实它的文件` : ''}。`;
    }
    case 'unseen-topic':
      if (reason.elsewhere) {
        return english
          ? `The documents asked about do not mention “${text.corpus(reason.term ?? '')}” (other documents in the library do).`
          : `所问文件中没有出现“${text.corpus(reason.term ?? '')}”（文件库中其他文件有提到）。`;
      }
      return english ? `No document mentions “${text.corpus(reason.term ?? '')}”.` : `文件中没有出现“${text.corpus(reason.term ?? '')}”。`;
    case 'off-topic':
    case 'nothing-retrieved':
      return english ? 'No clause matches the question closely enough to answer it.' : '没有找到与问题足够相关的条款。';
    case 'model-declined':
      return reason.detail;
    case 'missing-fact':
      return missingFact(reason, input, text);
  }
}

function missingFact(reason: NotFoundReason, input: NotFoundInput, text: AnswerText): string {
  const english = input.frame.language === 'en';
  const nearest = input.clauses.find((clause) => clause.n === reason.nearest);
  const nearestName = nearest
    ? text.corpus(`${english ? capitalize(documentReferenceEn(nearest.hit.document)) : documentReferenceZh(nearest.hit.document)} ${clauseLocation(nearest.hit.clause, english)}${nearest.hit.clause.heading ? (english ? ` “${nearest.hit.clause.heading.replace(/[。；;]$/u, '')}”` : `「${nearest.hit.clause.heading.replace(/[。；;]$/u, '')}」`) : ''}`)
    : english ? 'The nearest clause' : '最接近的条款';
  if (reason.missing === 'year' && reason.year) {
    return english ? `${nearestName} comes closest, but sets nothing for ${reason.year}.` : `${nearestName}与问题最接近，但没有${reason.year}年的相应规定。`;
  }
  if (reason.missing === 'unit' && input.frame.units[0]) {
    const unit = text.corpus(input.frame.units[0].mention);
    return english ? `${nearestName} comes closest, but does not list ${unit} among its responsible units.` : `${nearestName}与问题最接近，但该条的责任单位中没有${unit}。`;
  }
  const template = kindFor(input.frame).missingText;
  return (english ? template.en : template.zh).replace('{nearest}', nearestName);
}

/** hong kong → Hong Kong: place names are matched in lower case. */
function titleCase(text: string): string {
  return text.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
}
