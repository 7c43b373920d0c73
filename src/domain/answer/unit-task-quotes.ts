import { normalizeText } from '../corpus/text-normalizer.ts';
import { POLICY } from '../answer-policy.ts';
import type { StoredClause } from '../ports/clause-store.ts';
import { unitField } from '../question/unit-directory.ts';
import { clauseSentences, type Sentence } from './sentences.ts';

/**
 * What a unit's task says, for the list of a unit's tasks. The clauses list their units for the
 * clause as a whole and never say which sentence is whose, so the answer cannot pick "the unit's
 * part" by meaning. Two honest choices remain: with few tasks, each clause's body is quoted whole
 * (it is short, and it is the task); with many, only the sentences that name the unit's own field
 * (消协 in 加强消协社会监督, 统计 in 开展质量统计分析), and the title alone
 * where none does, rather than a guess.
 */
export function unitTaskQuotes(clauses: StoredClause[], unitNames: string[]): string[] {
  const whole = clauses.length <= POLICY.unitTaskWholeClauses;
  return clauses.map((clause, index) => {
    const body = bodySentences(clause);
    const text = body.map((sentence) => sentence.text).join('');
    if (whole && text.length <= POLICY.unitTaskQuoteLength) return text;
    const fields = fieldWords(unitNames[index] ?? '');
    const naming = body.filter((sentence) => fields.some((field) => sentence.normalized.includes(field)));
    return naming.slice(0, 1).map((sentence) => sentence.text).join('');
  });
}

/** The clause's sentences after its title (a clause opens by restating its heading: 提高装备产品质量可靠性。). */
function bodySentences(clause: StoredClause): Sentence[] {
  const sentences = clauseSentences(clause);
  const heading = clause.heading ? normalizeText(clause.heading).replace(/[。；;.]$/u, '') : null;
  const first = sentences[0];
  return first && heading && first.normalized.replace(/[。；;.]$/u, '') === heading ? sentences.slice(1) : sentences;
}

/**
 * The unit's field as its name writes it: the name without its level (消协 of 市消协, 统计 of 市统计局).
 * Its parts alone (市场, 建设 of 市场监管, 住房城乡建设) are in most sentences and would pick one at
 * random, so only the whole field counts.
 */
export function fieldWords(unitName: string): string[] {
  const field = normalizeText(unitField(unitName));
  return [...field].length >= 2 ? [field] : [];
}
