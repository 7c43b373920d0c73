import type { Evidence } from '../answer-decision-types.ts';
import { contentKind } from './content-kind.ts';
import { isEnglish, type AnswerKind, type EvidenceResult, type KindContext } from './kind-support.ts';
import { leadKind, unitsKind } from './unit-kinds.ts';
import { dateKind, figureKind, moneyKind } from './value-kinds.ts';

/**
 * A question over several documents (国家和天津分别…, both, compared with): one line per document,
 * each from that document's own best clause, answered as the asked slot would be for it alone.
 * National first, then the others by date.
 */
const BY_SLOT: Record<string, AnswerKind> = { lead: leadKind, units: unitsKind, 'unit-count': unitsKind, figure: figureKind, money: moneyKind, date: dateKind };

function slotKind(context: KindContext): AnswerKind {
  return BY_SLOT[context.frame.slot] ?? contentKind;
}

function perDocument(context: KindContext): KindContext[] {
  const documents = [...new Map(context.clauses.map(({ hit }) => [hit.document.id, hit.document])).values()].sort(
    (left, right) => Number(right.level === 'national') - Number(left.level === 'national') || (left.date ?? '').localeCompare(right.date ?? ''),
  );
  return documents.map((document) => ({ ...context, clauses: context.clauses.filter(({ hit }) => hit.document.id === document.id), scopeDocuments: [document] }));
}

export const compareKind: AnswerKind = {
  name: 'compare',
  applies: (frame) => frame.compare,
  evidence(context): EvidenceResult {
    const kind = slotKind(context);
    const found: Evidence[] = [];
    for (const documentContext of perDocument(context)) {
      const result = kind.evidence(documentContext);
      if ('found' in result && !result.closestMatch) found.push(result.found[0]!);
    }
    if (found.length === 0) return { missing: context.frame.slot === 'lead' || context.frame.slot === 'units' ? 'units' : 'document', rule: 'compare: no document answers the asked slot' };
    return { found, rule: `compare: ${kind.name} answered per document from its own best clause` };
  },
  compose(context, evidence, text) {
    const kind = slotKind(context);
    if (evidence.length > 1) text.line(isEnglish(context) ? 'By document:' : '各文件的规定如下：');
    const quotes: Record<number, string> = {};
    for (const each of evidence) Object.assign(quotes, kind.compose({ ...context, clauses: [each.clause] }, [each], text, false).quotes);
    return { quotes };
  },
  missingText: { zh: '检索到的条款没有回答这个问题。', en: 'The closest clauses do not answer this.' },
};
