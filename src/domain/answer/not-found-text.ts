import type { AnswerDraft, AnswerInput } from '../ports/answer-backend.ts';
import { AnswerText } from './answer-text.ts';
import { clauseLocation, documentReferenceEn, documentReferenceZh } from './clause-reference.ts';
import type { NotFoundReason } from './not-found.ts';

/** How many of the nearest clauses a not-found answer offers as related reading. */
const RELATED = 3;

/**
 * A not-found answer says plainly that the documents do not answer, why, and which clauses came
 * closest; those are offered as related reading and carry no [n], since they support nothing.
 */
export function notFoundDraft(input: AnswerInput, reason: NotFoundReason): AnswerDraft {
  const english = input.language === 'en';
  const text = new AnswerText(input.language);
  text.line(english ? 'The documents do not answer this question.' : '现有政策文件没有回答这个问题。');
  text.line(explain(reason, english, text, input.coveredRegions));
  const related = reason.kind === 'uncovered-place' ? [] : input.clauses.slice(0, RELATED);
  if (related.length > 0) {
    text.line(english ? 'Related clauses, for reference only:' : '相关条款（仅供参考）：');
    for (const { hit } of related) {
      const reference = english ? documentReferenceEn(hit.document) : documentReferenceZh(hit.document);
      const heading = hit.clause.heading ? ` ${hit.clause.heading.replace(/[。；;]$/u, '')}` : '';
      text.line(`- ${text.corpus(`${reference} ${clauseLocation(hit.clause, english)}${heading}`)}`);
    }
  }
  return { text: text.toString(), notFound: true, related: related.map(({ n }) => n), quotes: {} };
}

function explain(reason: NotFoundReason, english: boolean, text: AnswerText, covered: AnswerInput['coveredRegions']): string {
  switch (reason.kind) {
    case 'uncovered-place':
      return english
        ? `The library holds documents for ${text.corpus(covered.map((region) => region.regionEn).join(', '))}; none covers ${text.corpus(titleCase(reason.place))}.`
        : `文件库只收录${text.corpus(covered.map((region) => region.region).join('、'))}的政策文件，没有关于${text.corpus(reason.place)}的文件。`;
    case 'unseen-term':
      return english ? `No document mentions “${text.corpus(reason.term)}”.` : `文件中没有出现“${text.corpus(reason.term)}”。`;
    case 'low-confidence':
      return english ? 'No clause matches the question closely enough to answer it.' : '没有找到与问题足够相关的条款。';
    case 'missing': {
      const zh = { money: '检索到的条款没有写明金额。', figure: '检索到的条款没有给出相关的具体数字。', date: '检索到的条款没有写明日期。', units: '检索到的条款没有列出责任单位。', year: `检索到的条款没有提到${reason.year ?? ''}年。` };
      const en = { money: 'The closest clauses state no amount of money.', figure: 'The closest clauses give no figure for this.', date: 'The closest clauses state no date.', units: 'The closest clauses name no responsible units.', year: `The closest clauses say nothing about ${reason.year ?? ''}.` };
      return english ? en[reason.what] : zh[reason.what];
    }
  }
}

/** hong kong → Hong Kong: place names are matched in lower case. */
function titleCase(text: string): string {
  return text.replace(/(^|\s)\p{Ll}/gu, (letter) => letter.toUpperCase());
}
