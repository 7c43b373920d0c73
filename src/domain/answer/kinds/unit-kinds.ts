import { findResponsibilityAnnotation } from '../../corpus/responsibility-parser.ts';
import { unifyWidths } from '../../corpus/text-normalizer.ts';
import { POLICY } from '../../answer-policy.ts';
import type { QuestionFrame } from '../../question/question-frame.ts';
import { unitCore } from '../../question/unit-directory.ts';
import type { Evidence, NumberedClause } from '../answer-decision-types.ts';
import { clauseHeadline, clauseLocation, documentShortNameEn, documentShortNameZh } from '../clause-reference.ts';
import type { AnswerText } from '../answer-text.ts';
import { isEnglish, mostOnTopic, verdictOpening, topicFit, nearestClauses, topicSentenceBeyondHeading, unitName, unitsLeadFirst, type AnswerKind, type EvidenceResult, type KindContext } from './kind-support.ts';

/**
 * Who leads, who is responsible, is it unit X, how many units: all answered from the parsed
 * responsibility list of the most on-topic clause that has one. When the most on-topic clause lists
 * no units (the 2014 opinion names none) and no clause nearly as close does, the units are missing.
 */
const asksUnits = (frame: QuestionFrame) => frame.slot === 'lead' || frame.slot === 'units' || frame.slot === 'unit-count';

/** Within this share of the most on-topic clause's coverage, a clause that lists units answers for it. */
const CLOSE_ENOUGH = POLICY.unitClauseRatio;

function unitEvidence(context: KindContext): EvidenceResult {
  const nearest = nearestClauses(context);
  const best = mostOnTopic(nearest, context);
  const withUnits = mostOnTopic(nearest.filter((clause) => clause.hit.clause.units.length > 0), context);
  if (!best) return { missing: 'units', rule: 'units: nothing retrieved' };
  if (!withUnits || topicFit(withUnits, context) < topicFit(best, context) * CLOSE_ENOUGH) {
    return { missing: 'units', nearest: best, rule: 'units: the most on-topic clause lists no units, and none nearly as close does' };
  }
  const found = [asEvidence(withUnits)];
  // A clause found as another's counterpart, where that one is taken up by several clauses of the document (the
  // national task split in two): each of them answers.
  const source = withUnits.hit.reference?.role === 'target' ? withUnits.hit.reference.of : undefined;
  if (source) {
    for (const clause of nearest) {
      const { hit } = clause;
      if (clause !== withUnits && hit.reference?.role === 'target' && hit.reference.of === source && hit.document.id === withUnits.hit.document.id && hit.clause.units.length > 0) found.push(asEvidence(clause));
    }
    if (found.length > 1) return { found, rule: 'units: the responsibility lists of every clause that takes up the clause referred to' };
  }
  // Unscoped, a second document's clause that fits nearly as well is named too (Tianjin and national plans).
  if (context.scopeDocuments.length === 0 && !context.frame.scope.named) {
    const other = mostOnTopic(nearest.filter((clause) => clause.hit.document.id !== withUnits.hit.document.id && clause.hit.clause.units.length > 0), context);
    if (other && topicFit(other, context) >= topicFit(withUnits, context) * CLOSE_ENOUGH && other.hit.coverage > 0) found.push(asEvidence(other));
  }
  return { found, rule: 'units: the parsed responsibility list of the most on-topic clause that has one' };
}

function asEvidence(clause: NumberedClause): Evidence {
  const display = clause.hit.clause.text.trimEnd();
  const annotation = findResponsibilityAnnotation(unifyWidths(display));
  const units = unitsLeadFirst(clause);
  return { clause, quote: annotation ? display.slice(annotation.start) : display, units, value: units[0]?.name };
}

function unitsLine(context: KindContext, evidence: Evidence, text: Parameters<AnswerKind['compose']>[2], onlyResponsible: boolean): string {
  const [lead, ...others] = evidence.units!;
  const name = (unit: NonNullable<Evidence['units']>[number]) => unitName(unit, text);
  const head = clauseHeadline(evidence.clause, text, true);
  if (isEnglish(context)) {
    return onlyResponsible
      ? `${head}: responsible units are ${[lead!, ...others].map(name).join('; ')}; ${name(lead!)} leads.`
      : `${head}: the lead unit is ${name(lead!)}${others.length > 0 ? `; co-responsible: ${others.map(name).join('; ')}` : ''}.`;
  }
  return onlyResponsible
    ? `${head}：责任单位为${[lead!, ...others].map(name).join('、')}，其中${name(lead!)}牵头。`
    : `${head}：牵头单位为${name(lead!)}${others.length > 0 ? `，${others.map(name).join('、')}按职责分工负责` : ''}。`;
}

/** The answer first: who leads (in each document found), the name emphasised. */
function unitsHeadline(context: KindContext, evidence: Evidence[], text: Parameters<AnswerKind['compose']>[2], onlyResponsible: boolean): string {
  const english = isEnglish(context);
  const lead = (each: Evidence) => text.strong(unitName(each.units![0]!, text));
  if (evidence.length > 1) {
    const oneDocument = evidence.every((each) => each.clause.hit.document.id === evidence[0]!.clause.hit.document.id);
    const perDocument = evidence.map((each) => {
      const { document, clause } = each.clause.hit;
      // Clauses of one document are told apart by their place in it.
      const name = oneDocument ? clauseLocation(clause, english) : english ? documentShortNameEn(document) : documentShortNameZh(document);
      return `${text.corpus(name)}${english ? ': ' : '为'}${lead(each)}`;
    });
    if (!english) return `牵头单位：${perDocument.join('；')}。`;
    return `${oneDocument ? 'Each clause has its lead unit' : 'The lead units differ by document'}: ${perDocument.join('; ')}.`;
  }
  const [only] = evidence;
  const count = only!.units!.length;
  if (onlyResponsible) {
    return english ? `${count} ${count === 1 ? 'unit is' : 'units are'} responsible; ${lead(only!)} leads.` : `责任单位共${count}个，${lead(only!)}牵头。`;
  }
  return english ? `The lead unit is ${lead(only!)}.` : `牵头单位是${lead(only!)}。`;
}

function composeUnits(onlyResponsible: boolean): AnswerKind['compose'] {
  return (context, evidence, text) => {
    const quotes: Record<number, string> = {};
    if (!context.comparing) text.line(unitsHeadline(context, evidence, text, onlyResponsible));
    evidence.forEach((each, index) => {
      const line = unitsLine(context, each, text, onlyResponsible);
      text.line(index === 0 ? line : `${isEnglish(context) ? 'See also' : '另见'} ${line}`);
      quotes[each.clause.n] = each.quote;
      // Asked by a topic inside the clause (首席质量官 in 压实企业主体责任): the sentence that holds it shows the clause is the one asked about.
      const sentence = topicSentenceBeyondHeading(each.clause, context.groups);
      if (sentence) {
        text.line(isEnglish(context) ? `On this, the clause says: “${text.corpus(sentence)}”` : `条款中的相关表述：“${text.corpus(sentence)}”`);
        quotes[each.clause.n] = sentence;
      }
    });
    return { quotes };
  };
}

const MISSING_UNITS = {
  zh: '{nearest}与问题最接近，但该条没有列出责任单位。',
  en: '{nearest} comes closest, but it names no responsible units.',
};

export const leadKind: AnswerKind = {
  name: 'lead',
  applies: (frame) => frame.slot === 'lead',
  evidence: unitEvidence,
  compose: composeUnits(false),
  missingText: MISSING_UNITS,
};

export const unitsKind: AnswerKind = {
  name: 'units',
  applies: (frame) => frame.slot === 'units',
  evidence: unitEvidence,
  compose: composeUnits(true),
  missingText: MISSING_UNITS,
};

export const unitCountKind: AnswerKind = {
  name: 'unit-count',
  applies: (frame) => frame.slot === 'unit-count',
  evidence: (context) => {
    const result = unitEvidence(context);
    return 'found' in result ? { ...result, found: result.found.slice(0, 1) } : result;
  },
  compose(context, [evidence], text) {
    const units = evidence!.units!;
    const names = units.map((unit) => unitName(unit, text));
    const head = clauseHeadline(evidence!.clause, text, true);
    // 除了牵头单位还有几个配合? The units beside the lead are counted; the lead is named apart.
    if (context.frame.unitRole === 'supporting' && units.length > 0) {
      const supporting = names.slice(1);
      text.line(
        isEnglish(context)
          ? `Besides the lead, ${names[0]}, ${text.strong(String(supporting.length))} ${supporting.length === 1 ? 'unit shares' : 'units share'} it. ${head}: ${supporting.join('; ') || 'none'}.`
          : `除牵头单位${names[0]}外，共${text.strong(String(supporting.length))}个单位配合。${head}：${supporting.join('、') || '无'}。`,
      );
      return { quotes: { [evidence!.clause.n]: evidence!.quote } };
    }
    // 是三个单位负责吧? The count stated is checked first: the verdict, then the count the list gives.
    const stated = context.frame.statedUnitCount;
    const verdict = stated !== null ? verdictOpening(stated === units.length, context) : '';
    text.line(
      verdict + (isEnglish(context)
        ? `${text.strong(String(units.length))} ${units.length === 1 ? 'unit is' : 'units are'} responsible. ${head}: ${names.join('; ')}; ${names[0]} leads.`
        : `共${text.strong(String(units.length))}个单位负责。${head}：${names.join('、')}，其中${names[0]}牵头。`),
    );
    return { quotes: { [evidence!.clause.n]: evidence!.quote } };
  },
  missingText: MISSING_UNITS,
};

/**
 * "是不是市监委牵头?", "海关有没有参与?": the named unit checked against the responsibility list of
 * the on-topic clause, in a document that lists that unit. The answer opens with the verdict.
 */
/** The unit's name in another document, when it has none in this one (中央网信办, asked of a Tianjin clause). */
function nameAtOtherLevel(unit: QuestionFrame['units'][number], documentId: string): string | undefined {
  return unit.byDocument[documentId] === undefined ? Object.values(unit.byDocument).flat()[0] : undefined;
}

/** 是不是只有市场监管委负责? The verdict, and how many other units share the clause. */
function onlyUnitOpening(asked: { name: string; nameEn: string | null }, units: { name: string; nameEn: string | null }[], only: boolean, text: AnswerText): string {
  const english = text.language === 'en';
  const name = unitName(asked, text);
  if (only) return english ? `${text.strong('Yes.')} ${name} is the only responsible unit.` : `${text.strong('是。')}只有${name}负责。`;
  const others = units.filter((unit) => unit.name !== asked.name).length;
  if (others < units.length) return english ? `${text.strong('No.')} ${name} is one of ${units.length} responsible units.` : `${text.strong('不是。')}除${name}外还有${others}个单位负责。`;
  return english ? `${text.strong('No.')} ${name} is not listed; ${units.length} units are.` : `${text.strong('不是。')}责任单位中没有${name}，共${units.length}个单位负责。`;
}

/**
 * The check is of the lead when the lead alone is asked (是不是市监委牵头的?); asked beside the units (牵头的是哪个局，
 * 公安也参与吗?), the lead is asked openly and the unit checked is checked for taking part.
 */
function checksLead(frame: QuestionFrame): boolean {
  return frame.slot === 'lead' && !frame.slots.includes('units');
}

export const unitCheckKind: AnswerKind = {
  name: 'unit-check',
  applies: (frame) => frame.yesNo && frame.units.length > 0 && (asksUnits(frame) || frame.slot === 'content'),
  evidence(context) {
    const unit = context.frame.units[0]!;
    const listed = (clause: NumberedClause) => clause.hit.clause.units.length > 0 && unit.byDocument[clause.hit.document.id] !== undefined;
    const namesIn = (clause: NumberedClause) => unit.byDocument[clause.hit.document.id] ?? [unit.mention];
    const nearest = nearestClauses(context);
    const candidate = mostOnTopic(nearest.filter(listed), context) ?? mostOnTopic(nearest.filter((clause) => clause.hit.clause.units.length > 0), context);
    const best = mostOnTopic(nearest, context);
    if (!candidate || !best || topicFit(candidate, context) < topicFit(best, context) * CLOSE_ENOUGH) {
      return { missing: 'units', ...(best ? { nearest: best } : {}), rule: 'unit check: the most on-topic clause lists no units' };
    }
    const units = unitsLeadFirst(candidate);
    // 国家方案中央网信办牵头 → 天津的呢？也是这个部门吗? A unit of another level is checked by its field: the clause's unit
    // of the same field (市委网信办 for 中央网信办) is its counterpart there.
    const elsewhere = nameAtOtherLevel(unit, candidate.hit.document.id);
    const field = elsewhere ? unitCore(elsewhere) : '';
    const counterpart = field !== '' ? units.find((each) => unitCore(each.name) === field) : undefined;
    const names = counterpart ? [counterpart.name] : namesIn(candidate);
    const asked = units.find((each) => names.includes(each.name))?.name ?? names[0]!;
    const leadCheck = checksLead(context.frame);
    // 是不是只有市场监管委负责? Only when the list names that unit and no other.
    const onlyCheck = context.frame.unitRole === 'only';
    const verdict = onlyCheck ? units.length > 0 && units.every((each) => names.includes(each.name)) : leadCheck ? names.includes(units[0]?.name ?? '') : units.some((each) => names.includes(each.name));
    return { found: [{ ...asEvidence(candidate), verdict, value: asked }], rule: `unit check: is ${asked} ${onlyCheck ? 'the only unit' : leadCheck ? 'the lead' : 'listed'} in the most on-topic clause's responsibility list` };
  },
  compose(context, [evidence], text) {
    const units = evidence!.units!;
    const asked = units.find((unit) => unit.name === evidence!.value) ?? { name: evidence!.value!, nameEn: null };
    const lead = units[0]!;
    const english = isEnglish(context);
    const leadCheck = checksLead(context.frame);
    const head = clauseHeadline(evidence!.clause, text, true);
    const others = units.slice(1).map((unit) => unitName(unit, text));
    const listing = english ? `the lead unit is ${unitName(lead, text)}${others.length ? `; co-responsible: ${others.join('; ')}` : ''}` : `牵头单位为${unitName(lead, text)}${others.length ? `，${others.join('、')}按职责分工负责` : ''}`;
    let opening: string;
    // A counterpart of another level's unit (市委网信办 for 中央网信办) is named as such.
    const counterpartOf = nameAtOtherLevel(context.frame.units[0]!, evidence!.clause.hit.document.id);
    const same = counterpartOf && counterpartOf !== asked.name ? (english ? ` (the counterpart there of ${text.corpus(counterpartOf)})` : `（与${text.corpus(counterpartOf)}同属${text.corpus(unitCore(asked.name))}部门）`) : '';
    if (context.frame.unitRole === 'only') {
      opening = onlyUnitOpening(asked, units, evidence!.verdict === true, text);
    } else if (evidence!.verdict) {
      opening = english ? `${text.strong('Yes.')} ${unitName(asked, text)}${same} ${leadCheck ? 'leads this task' : 'is one of the responsible units'}.` : `${text.strong('是。')}${unitName(asked, text)}${same}${leadCheck ? '是牵头单位' : '是责任单位之一'}。`;
    } else {
      const involved = units.some((unit) => unit.name === asked.name);
      opening = english
        ? `${text.strong('No.')} ${leadCheck ? `The lead is ${unitName(lead, text)}` : `${unitName(asked, text)} is not listed`}${leadCheck && involved ? `; ${unitName(asked, text)} is co-responsible` : ''}.`
        : `${text.strong('不是。')}${leadCheck ? `牵头单位是${unitName(lead, text)}` : `责任单位中没有${unitName(asked, text)}`}${leadCheck && involved ? `，${unitName(asked, text)}是责任单位之一` : ''}。`;
    }
    // 负责单位有几个，卫健委算不算在内? The count asked beside the check is answered with it.
    const counted = context.frame.slots.includes('unit-count') && context.frame.unitRole !== 'only'
      ? english ? ` ${text.strong(String(units.length))} ${units.length === 1 ? 'unit is' : 'units are'} responsible in all.` : `共${text.strong(String(units.length))}个单位负责。`
      : '';
    text.line(opening + counted);
    text.line(english ? `${head}: ${listing}.` : `${head}：${listing}。`);
    return { quotes: { [evidence!.clause.n]: evidence!.quote } };
  },
  missingText: MISSING_UNITS,
};
