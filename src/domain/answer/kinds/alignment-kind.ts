import type { Evidence, NumberedClause } from '../answer-decision-types.ts';
import { clauseHeadline } from '../clause-reference.ts';
import { isEnglish, topicQuote, unitName, unitsLeadFirst, type AnswerKind } from './kind-support.ts';

/**
 * Which clause of another document takes up a clause (天津方案哪一条落实国家方案二(一)? Which national
 * clause does Tianjin 二(二) correspond to?), from the alignment computed at ingest: each clause found,
 * cited beside the clause it was found from, with how they relate (implements, corresponds, or only
 * the closest there is).
 */
export const alignmentKind: AnswerKind = {
  name: 'alignment',
  recordBased: true,
  applies: (frame) => frame.reference?.relation === 'corresponding' && frame.slot === 'content' && !frame.yesNo && !frame.documentsAsked,
  evidence(context) {
    const targets = context.clauses.filter((clause) => clause.hit.reference?.role === 'target');
    if (targets.length === 0) return { missing: 'document', rule: 'alignment: no clause of the documents asked about takes it up' };
    // Each clause found is quoted for what it says, not only named: staff checking implementation read its substance.
    const found: Evidence[] = targets.map((clause) => ({ clause, quote: topicQuote(clause, context.groups, 1, [], context.frame.targets) }));
    const closest = targets.every((clause) => clause.hit.reference?.relation === 'nearest');
    return { found, closestMatch: closest, rule: closest ? 'alignment: only the nearest clause, below the alignment thresholds' : 'alignment: the clauses aligned at ingest' };
  },
  compose(context, evidence, text, closestMatch) {
    const english = isEnglish(context);
    const sources = new Map(context.clauses.filter((clause) => clause.hit.reference?.role === 'source').map((clause) => [clause.hit.clause.id, clause]));
    const quotes: Record<number, string> = {};
    // One line per source clause: what in the other documents takes it up.
    const bySource = new Map<string, NumberedClause[]>();
    for (const each of evidence) {
      const of = each.clause.hit.reference?.of ?? '';
      bySource.set(of, [...(bySource.get(of) ?? []), each.clause]);
      quotes[each.clause.n] = each.quote;
    }
    for (const [sourceId, targets] of bySource) {
      const source = sources.get(sourceId);
      const relation = targets[0]!.hit.reference?.relation;
      // implements: the source implements the target; implemented-by: the target implements the source.
      // In English the sentence opens with the source, unless the targets implement it.
      const targetsFirst = relation === 'implemented-by' && !closestMatch;
      const named = targets.map((target, index) => clauseHeadline(target, text, true, english && (index > 0 || !targetsFirst))).join(english ? '; ' : '、');
      const sourceName = source ? clauseHeadline(source, text, true, english && (targetsFirst || closestMatch)) : '';
      if (english) {
        text.line(
          closestMatch ? `The closest to ${sourceName} is ${named}.`
            : relation === 'implements' ? `${sourceName} implements ${named}.`
              : relation === 'implemented-by' ? `${named} ${targets.length > 1 ? 'implement' : 'implements'} ${sourceName}.`
                : relation === 'same-topic' ? `What ${sourceName} says on this is taken up in ${named}.`
                  : `${sourceName} corresponds to ${named}.`,
        );
      } else {
        text.line(
          closestMatch ? `与${sourceName}最接近的是${named}。`
            : relation === 'implements' ? `${sourceName}落实的是${named}。`
              : relation === 'implemented-by' ? `落实${sourceName}的是${named}。`
                : relation === 'same-topic' ? `${sourceName}所讲的这一事项，见${named}。`
                  : `与${sourceName}相对应的是${named}。`,
        );
      }
    }
    // Each clause found, quoted, with who carries it out there: what staff checking implementation look for;
    // then the clause it was found from, the same way, so that both sides can be read against each other.
    const shown = [...evidence.map((each) => ({ clause: each.clause, quote: each.quote })), ...[...sources.values()].filter((source) => !evidence.some((each) => each.clause.n === source.n)).map((clause) => ({ clause, quote: topicQuote(clause, context.groups, 1, [], context.frame.targets) }))];
    for (const each of shown) {
      const quote = text.corpus(each.quote);
      const lead = unitsLeadFirst(each.clause)[0];
      const leads = lead ? (english ? ` (lead: ${unitName(lead, text)})` : `（${unitName(lead, text)}牵头）`) : '';
      text.line(english ? `${clauseHeadline(each.clause, text, false)}${leads}: “${quote}”` : `${clauseHeadline(each.clause, text, false)}${leads}：“${quote}”`);
      quotes[each.clause.n] ??= each.quote;
    }
    if (closestMatch) text.line(english ? 'No clause there was aligned with it at ingest; this is only the closest in wording.' : '入库时没有为它找到对应条款，以上只是措辞最接近的条款。');
    return { quotes };
  },
  missingText: { zh: '其他文件中没有与之对应的条款。', en: 'No clause of the other documents takes it up.' },
};

