import type { TopicWord } from '../../question/question-frame.ts';
import { clauseHeadline } from '../clause-reference.ts';
import { statedValues, yearsOf } from '../evidence.ts';
import { askedUnitNames, isEnglish, mostOnTopic, topicFit, nearestClauses, topicQuote, unitName, unitsLeadFirst, verdictLine, verdictWords, type AnswerKind } from './kind-support.ts';

/**
 * What a document says about a topic: the sentence(s) of the most on-topic clause that hold it.
 * "有没有提到X?" / "Does it mention X?" opens with yes; a topic no document holds never gets here
 * (the decision answers it as not covered).
 */
export const contentKind: AnswerKind = {
  name: 'content',
  applies: () => true,
  evidence(context) {
    const best = mostOnTopic(nearestClauses(context), context);
    if (!best) return { missing: 'document', rule: 'content: nothing retrieved' };
    // "到2030年的目标是什么?", "2030年定了什么目标": the answer must be about that year (years.asked leaves out the documents' own years).
    const year = context.frame.years.asked.find((each) => !nearestClauses(context).some((clause) => yearsOf(clause.hit.clause).includes(each)));
    if (year) return { missing: 'year', nearest: best, rule: `content: no clause among the nearest speaks of ${year}` };
    // 汕尾海关在强化工程质量保障那条里负责什么? A unit asked of a clause that does not list it has no part in it there.
    const named = askedUnitNames(context.frame, best.hit.document.id);
    if (context.frame.units.length > 0 && best.hit.clause.units.length > 0 && !best.hit.clause.units.some((unit) => named.includes(unit.name))) {
      return { missing: 'unit', nearest: best, rule: 'content: the clause does not list the unit asked about' };
    }
    // 是不是要求提高50%? A value the question states must be the clause's for a yes; the quote shows the one it sets.
    const stated = [...statedValues(context.frame, 'figure'), ...statedValues(context.frame, 'money')];
    const text = best.hit.clause.normalizedText.replace(/\s+/gu, '');
    const absentThing = context.frame.yesNo && stated.length === 0 ? thingNotNamed(context.frame.topic.words, text) : undefined;
    const verdict = (stated.length === 0 || stated.some((value) => text.includes(value))) && !absentThing;
    const rule = absentThing ? `content: the most on-topic clause does not name ${absentThing.word}` : verdict ? 'content: the sentences of the most on-topic clause that hold the topic' : 'content: the most on-topic clause sets another value than the question states';
    return { found: [{ clause: best, quote: topicQuote(best, context.groups, context.frame.mention ? 1 : 2, context.frame.years.asked, context.frame.targets), verdict, ...(absentThing ? { notNamed: absentThing.written ?? absentThing.word } : {}) }], rule };
  },
  compose(context, [evidence], text) {
    const english = isEnglish(context);
    // Reached from a figure asked for a year the clause sets none for (answer-decision.ts): say so before its wording.
    const year = evidence!.noFigureFor;
    if (year && !context.comparing) text.line(english ? `No figure is set for ${year}; for ${year} the clause says:` : `没有${year}年的具体数字；该条对${year}年的表述是：`);
    const head = clauseHeadline(evidence!.clause, text, true);
    const quote = text.corpus(evidence!.quote);
    // In a comparison the verdict over all documents comes first; each entry does not repeat it.
    if (context.frame.yesNo && !context.comparing) {
      const missing = evidence!.notNamed;
      const verdict = verdictLine(evidence!.verdict !== false, english, verdictWords(context));
      text.line(missing ? (english ? `${verdict} The closest clause does not name ${text.corpus(missing)}:` : `${verdict}最接近的条款没有提到“${text.corpus(missing)}”：`) : verdict);
    }
    // Asked what a unit does there (市财政局在天津质量奖那条里负责什么?): its place on the clause's list first.
    const asked = askedUnitNames(context.frame, evidence!.clause.hit.document.id);
    const listed = context.comparing ? undefined : evidence!.clause.hit.clause.units.find((unit) => asked.includes(unit.name));
    if (listed) {
      text.line(english
        ? `${unitName(listed, text)} ${listed.role === 'lead' ? 'leads this clause' : 'is one of the units responsible for this clause'}.`
        : `${unitName(listed, text)}${listed.role === 'lead' ? '是该条的牵头单位' : '是该条的责任单位之一（配合）'}。`);
    }
    text.line(english ? `${head}: “${quote}”` : `${head}：“${quote}”`);
    // Who carries it out is what staff ask next: the clause's lead, from its responsibility list.
    const lead = unitsLeadFirst(evidence!.clause)[0];
    if (lead && !context.comparing && listed?.role !== 'lead') text.line(english ? `Lead unit: ${unitName(lead, text)}.` : `牵头单位：${unitName(lead, text)}。`);
    return { quotes: { [evidence!.clause.n]: evidence!.quote } };
  },
  missingText: { zh: '没有找到与问题足够相关的条款。', en: 'No clause matches the question closely enough to answer it.' },
};

/**
 * 天津方案也有这个指标吗 (after the national tractor target), does Tianjin set a tractor figure too? A thing the
 * question names (a specific noun the corpus uses, 拖拉机, in Chinese or as an English word's rendering) that the
 * clause does not write is not there: Tianjin's clause names 挖掘机. The nearest clause is quoted with a no.
 */
function thingNotNamed(words: readonly TopicWord[], clauseText: string): TopicWord | undefined {
  return words.find((word) => word.seen && word.specific && (word.tag === 'n' || word.tag === 'eng') && /^\p{Script=Han}{2,}$/u.test(word.word) && !clauseText.includes(word.word));
}
