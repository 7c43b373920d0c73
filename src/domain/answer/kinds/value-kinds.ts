import { clauseSentences, TARGET_YEAR } from '../sentences.ts';
import { POLICY } from '../../answer-policy.ts';
import type { Evidence, NumberedClause } from '../answer-decision-types.ts';
import { clauseHeadline } from '../clause-reference.ts';
import { bestPartShare, findValue, yearsOf, type ValueKind, type ValueMatch } from '../evidence.ts';
import { DATE, FIGURE, MONEY } from '../sentences.ts';
import type { AnswerText } from '../answer-text.ts';
import { englishQualifiers, englishValue } from '../value-translation.ts';
import { sameValue } from '../../question/stated-values.ts';
import { isEnglish, mostOnTopic, topicFit, nearestClauses, verdictLine, verdictWords, type AnswerKind, type EvidenceResult, type KindContext } from './kind-support.ts';

/**
 * Figures, amounts and dates: the value that belongs to the asked subject, in the nearest clauses
 * (evidence.ts finds it part by part). A question for a year (到2035年) needs a value for that year.
 * When the most on-topic clause states values of the kind but none is tied to the subject, the
 * answer quotes that clause as the closest match; when it states none, the fact is missing.
 */
const PATTERNS: Record<ValueKind, RegExp> = { figure: FIGURE, money: MONEY, date: DATE, year: /(?<!\d)(?:19|20)\d{2}年/u };

function valueEvidence(kind: ValueKind) {
  return (context: KindContext): EvidenceResult => {
    const nearest = nearestClauses(context);
    const best = mostOnTopic(nearest, context);
    const deadlines = context.frame.years.asked;
    let chosen: { clause: NumberedClause; match: ValueMatch } | undefined;
    for (const clause of nearest) {
      const match = findValue(clause.hit.clause, context.groups, kind, context.frame);
      if (!match) continue;
      // The clause's own coverage breaks near-ties between parts that hold the subject alike.
      const score = match.share + clause.hit.coverage * POLICY.coverageMargin;
      const chosenScore = chosen ? chosen.match.share + chosen.clause.hit.coverage * POLICY.coverageMargin : -1;
      if (score > chosenScore + 1e-9) chosen = { clause, match };
    }
    // None of the nearest states one: a clause retrieved a little further down that states the subject's value in a part
    // naming it well (the targets of 目标任务, found after the clauses on the subject's work) is the answer.
    if (!chosen) {
      for (const clause of context.clauses.slice(nearest.length, POLICY.valueSearchDepth)) {
        const match = findValue(clause.hit.clause, context.groups, kind, context.frame);
        if (match && match.share >= POLICY.deepValueShare && (!chosen || match.share > chosen.match.share)) chosen = { clause, match };
      }
    }
    if (deadlines.length > 0) {
      const forYear = chosen && chosen.match.year !== null && deadlines.includes(chosen.match.year);
      if (!forYear) {
        const year = deadlines[0]!;
        const nearestForYear = nearest.find((clause) => yearsOf(clause.hit.clause).includes(year));
        return { missing: 'year', ...(nearestForYear ?? best ? { nearest: (nearestForYear ?? best)! } : {}), rule: `${kind}: no ${kind} for ${year} in the nearest clauses` };
      }
    }
    // A value whose part names the subject much less well than another part of the clause does
    // (a figure for 收获机械, asked about 数控机床) is not the asked one: the clause is only the closest match.
    if (chosen && chosen.match.share < bestPartShare(chosen.clause.hit.clause, context.groups) * POLICY.valuePartRatio) {
      return { found: [{ clause: chosen.clause, quote: chosen.clause.hit.clause.text }], closestMatch: true, rule: `${kind}: the subject is named best where the clause states no ${kind}` };
    }
    if (chosen) {
      const evidence: Evidence = { clause: chosen.clause, quote: chosen.match.sentence.text, value: chosen.match.value, year: chosen.match.year, part: chosen.match.part };
      return { found: [evidence], rule: `${kind}: the value in the part of the most on-topic sentence that names the subject` };
    }
    // Values of the kind in the best clause, none tied to the subject: the closest match, said so. Not when the thing
    // asked about is a word no document uses (the fine for false reports): the clause is then near only in its other words.
    const absentThing = context.frame.topic.words.some((word) => !word.seen && word.specific);
    if (best && PATTERNS[kind].test(best.hit.clause.normalizedText) && context.frame.measure === null && !absentThing) {
      return { found: [{ clause: best, quote: best.hit.clause.text }], closestMatch: true, rule: `${kind}: the most on-topic clause states ${kind}s, none tied to the subject` };
    }
    return { missing: kind, ...(best ? { nearest: best } : {}), rule: `${kind}: the nearest clauses state no ${kind} for the subject` };
  };
}

function composeValue(context: KindContext, [evidence]: Evidence[], text: Parameters<AnswerKind['compose']>[2], closestMatch: boolean) {
  const english = isEnglish(context);
  const head = clauseHeadline(evidence!.clause, text, closestMatch);
  if (closestMatch) {
    text.line(english ? `No clause states this exactly; the closest match is ${head}:` : `文件没有直接写明；最接近的条款是${head}：`);
    text.line(`“${text.corpus(evidence!.quote)}”`);
  } else {
    // The answer first, the value emphasised in the words that state it; then the quote it comes from.
    // Asked whether it gives one (有没有具体数字?), the verdict before it.
    // Checked against a value the question states (是95%对吧?), the verdict is whether the clause sets that one.
    const stated = context.frame.statedValues;
    const confirmed = stated.length === 0 || stated.some((value) => sameValue(value.text, evidence!.value!));
    if (context.frame.yesNo && !context.comparing) text.line(verdictLine(confirmed, english, verdictWords(context)));
    if (!context.comparing) text.line(valueHeadline(evidence!, text, context.frame.slot));
    text.line(english ? `${head}: “${text.corpus(evidence!.quote)}”` : `${head}：“${text.corpus(evidence!.quote)}”`);
  }
  return { quotes: { [evidence!.clause.n]: evidence!.quote } };
}

/** 制造业产品质量合格率力争达到**94.8%**。 / The figure is **94.8%** (aims for): “…”. */
function valueHeadline(evidence: Evidence, text: AnswerText, slot: string): string {
  const value = evidence.value!;
  const part = evidence.part && evidence.part.includes(value) ? evidence.part.trim().replace(/^[,，;；、]+|[,，;；。]+$/gu, '') : value;
  if (text.language !== 'en') {
    const at = part.indexOf(value);
    const before = part.slice(0, at);
    const after = part.slice(at + value.length);
    return `${before ? text.corpus(before) : ''}${text.strong(text.corpus(value))}${after ? text.corpus(after) : ''}。`;
  }
  const translated = englishValue(value);
  const notes = [translated.text !== value ? text.corpus(value) : null, ...englishQualifiers(part, value)].filter(Boolean);
  const what = translated.kind === 'amount' || slot === 'money' ? 'The amount is' : translated.kind === 'date' || slot === 'date' ? 'The date is' : 'The figure is';
  return `${what} ${text.strong(text.corpus(translated.text))}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}${part !== value ? `: “${text.corpus(part)}”` : ''}.`;
}

export const figureKind: AnswerKind = {
  name: 'figure',
  applies: (frame) => frame.slot === 'figure',
  evidence: valueEvidence('figure'),
  compose: composeValue,
  missingText: { zh: '{nearest}与问题最接近，但没有给出相应的具体数字。', en: '{nearest} comes closest, but gives no figure for this.' },
};

export const moneyKind: AnswerKind = {
  name: 'money',
  applies: (frame) => frame.slot === 'money',
  evidence: valueEvidence('money'),
  compose: composeValue,
  missingText: { zh: '{nearest}与问题最接近，但没有写明金额。', en: '{nearest} comes closest, but states no amount.' },
};

/** "管到哪年", "what year": the year is the value; a date otherwise. */
const asksYear = (context: KindContext) => context.frame.cues.some((cue) => cue.slot === 'date' && /年|year/u.test(cue.cue));

/**
 * The year a plan runs to: the first year its goals are set for (到2025年) in the goal passages
 * retrieval put first (chat-retrieval.ts), or the latest one for its long-range horizon (到2035年).
 */
function planYearEvidence(context: KindContext): EvidenceResult | undefined {
  const long = context.frame.planYear?.long ?? false;
  const goals = context.clauses.filter((clause) => clause.hit.supplied === 'goals');
  let chosen: { clause: NumberedClause; year: number; sentence: string } | undefined;
  for (const clause of goals) {
    for (const sentence of clauseSentences(clause.hit.clause)) {
      for (const match of sentence.normalized.matchAll(TARGET_YEARS)) {
        const year = Number(match[1]);
        if (!chosen || (long && year > chosen.year)) chosen = { clause, year, sentence: sentence.text };
      }
    }
  }
  if (!chosen) return undefined;
  return { found: [{ clause: chosen.clause, quote: chosen.sentence, value: `${chosen.year}年`, year: String(chosen.year), part: chosen.sentence }], rule: long ? 'date: the latest year the plan\'s goals are set for' : 'date: the first year the plan\'s goals are set for' };
}


const TARGET_YEARS = new RegExp(TARGET_YEAR.source, 'gu');

export const dateKind: AnswerKind = {
  name: 'date',
  applies: (frame) => frame.slot === 'date',
  evidence: (context) => (context.frame.planYear ? planYearEvidence(context) : undefined) ?? valueEvidence(asksYear(context) ? 'year' : 'date')(context),
  compose: composeValue,
  missingText: { zh: '{nearest}与问题最接近，但没有写明日期。', en: '{nearest} comes closest, but states no date.' },
};
