import type { Evidence, NumberedClause } from '../answer-decision-types.ts';
import { clauseHeadline } from '../clause-reference.ts';
import { POLICY } from '../../answer-policy.ts';
import { clauseSentences, FIGURE } from '../sentences.ts';
import { unitsOf } from '../../retrieval/topic-coverage.ts';
import { isEnglish, topicQuote, topicSentenceBeyondHeading, unitName, unitsLeadFirst, type AnswerKind, type KindContext } from './kind-support.ts';

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
    const sources = sourceClauses(context);
    const found: Evidence[] = targets.map((clause) => {
      const quote = topicQuote(clause, context.groups, 1, [], context.frame.targets);
      const source = sources.get(clause.hit.reference?.of ?? '');
      return { clause, quote: source && askedAsAWhole(clause, context.groups) ? withWhatItAdds(clause, source, quote) : quote };
    });
    const closest = targets.every((clause) => clause.hit.reference?.relation === 'nearest');
    return { found, closestMatch: closest, rule: closest ? 'alignment: only the nearest clause, below the alignment thresholds' : 'alignment: the clauses aligned at ingest' };
  },
  compose(context, evidence, text, closestMatch) {
    const english = isEnglish(context);
    const sources = sourceClauses(context);
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
    const shown = [...evidence.map((each) => ({ clause: each.clause, quote: each.quote })), ...[...sources.values()].filter((source) => !evidence.some((each) => each.clause.n === source.n)).map((clause) => {
      const quote = topicQuote(clause, context.groups, 1, [], context.frame.targets);
      const counterpart = evidence.find((each) => each.clause.hit.reference?.of === clause.hit.clause.id)?.clause;
      return { clause, quote: counterpart && askedAsAWhole(clause, context.groups) ? withWhatItAdds(clause, counterpart, quote) : quote };
    })];
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

/** Asked of the clause as a whole (by its number or title), not of a thing its body names (医美 in 提升社会服务效能). */
/** The clauses the question pointed at, by id: those the clauses found take up or are taken up by. */
function sourceClauses(context: KindContext): Map<string, NumberedClause> {
  return new Map(context.clauses.filter((clause) => clause.hit.reference?.role === 'source').map((clause) => [clause.hit.clause.id, clause]));
}

function askedAsAWhole(clause: NumberedClause, groups: Parameters<typeof topicSentenceBeyondHeading>[1]): boolean {
  return topicSentenceBeyondHeading(clause, groups) === undefined;
}

/**
 * The quote of a clause shown beside its counterpart, with one more sentence: one that sets a figure
 * (推动挖掘机…提高60%以上), else its own sentence (at most half shared with the other clause) that names
 * something in quotation marks (“海河工匠”), else the least shared of its own. What a document adds or
 * sets in taking a task up is what staff comparing the two look for. In the clause's order.
 */
function withWhatItAdds(target: NumberedClause, source: NumberedClause, quote: string): string {
  const sourceText = source.hit.clause.normalizedText;
  const sentences = clauseSentences(target.hit.clause);
  // Among its own sentences, one that sets a figure, then one that names something in quotation marks, then the least shared.
  const weight = (text: string) => (FIGURE.test(text) ? 2 : /[“"「]/u.test(text) ? 1 : 0);
  let own: { index: number; share: number; weight: number } | undefined;
  sentences.forEach((sentence, index) => {
    const characters = sentence.normalized.replace(/[^\p{Script=Han}\d%]/gu, '');
    if (characters.length < POLICY.addedSentenceMinimum || quote.includes(sentence.text)) return;
    const bigrams = unitsOf(characters);
    const share = bigrams.filter((bigram) => sourceText.includes(bigram)).length / bigrams.length;
    const candidate = { index, share, weight: weight(sentence.normalized) };
    // A target is the substance of taking a task up, whether or not the other clause sets one like it.
    if (share > POLICY.addedSentenceShare && candidate.weight < 2) return;
    if (!own || candidate.weight > own.weight || (candidate.weight === own.weight && share < own.share)) own = candidate;
  });
  if (!own) return quote;
  const quotedAt = sentences.findIndex((sentence) => quote.includes(sentence.text));
  const added = sentences[own.index]!.text;
  return quotedAt >= 0 && own.index < quotedAt ? `${added}……${quote}` : `${quote}……${added}`;
}
