import type { ChatTurn } from '../domain/ports/answer-backend.ts';
import type { CitationView } from './citation-views.ts';
import type { TurnDecider } from './turn-decision.ts';

/**
 * Two or three questions a reader may ask next, built from the clause the answer cited (who else is
 * responsible, who leads it, the corresponding clause of another document, what else its lead unit
 * leads) or, after "not covered", from the related clauses. Each is put to the decider with this
 * turn as history before it is offered: a suggestion the library would answer "not covered" is
 * never shown.
 */
export const MAX_SUGGESTIONS = 3;

interface Candidate {
  question: string;
  /** The clause (or its counterpart) the answer to it must cite, when it is about one. */
  expects?: string[];
}

export function suggestionCandidates(answerKind: string, cited: CitationView[], related: CitationView[], english: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const first = cited[0];
  if (first) {
    if (first.units.length > 1 && answerKind !== 'units' && answerKind !== 'unit-count') {
      candidates.push({ question: english ? 'Which units are responsible for this clause?' : '这一条有哪些责任单位?', expects: [first.clauseId] });
    }
    if (first.units.length > 0 && answerKind !== 'lead' && answerKind !== 'unit-check') {
      candidates.push({ question: english ? 'Which unit leads this clause?' : '这一条由哪个部门牵头?', expects: [first.clauseId] });
    }
    const counterpart = first.counterparts.find((each) => each.docId !== first.docId);
    if (counterpart) {
      const name = documentName(counterpart.level, counterpart.docNumber, english);
      candidates.push({
        question: english ? `Who leads the corresponding clause in ${name}?` : `${name}里对应的条款由谁牵头?`,
        expects: first.counterparts.filter((each) => each.docId === counterpart.docId).map((each) => each.clauseId),
      });
    }
    const lead = first.units.find((unit) => unit.role === 'lead');
    if (lead && first.docNumber) {
      candidates.push({ question: english ? `Which tasks does ${lead.nameEn ?? lead.name} lead in ${first.docNumber}?` : `${lead.name}在${first.docNumber}里牵头哪些任务?` });
    }
  }
  for (const clause of related.slice(0, 2)) {
    if (!clause.headingSimplified && !clause.heading) continue;
    const heading = (clause.headingSimplified ?? clause.heading)!.replace(/[。；;]$/u, '');
    const where = clause.docNumber ?? clause.docTitleSimplified;
    candidates.push({ question: english ? `Who leads “${heading}” in ${where}?` : `${where}「${heading}」由哪个部门牵头?`, expects: [clause.clauseId] });
  }
  return candidates;
}

/** 国家方案, or the 文号 of a local document (the analyzer reads both). */
function documentName(level: string, docNumber: string | null, english: boolean): string {
  if (level === 'national') return english ? 'the national plan' : '国家方案';
  return docNumber ?? (english ? 'the local plan' : '地方方案');
}

/** The candidates the library answers, each citing what it is about, at most MAX_SUGGESTIONS. */
export async function verifiedSuggestions(
  candidates: Candidate[],
  decider: Pick<TurnDecider, 'decide'>,
  history: ChatTurn[],
  documentIds: string[] | undefined,
): Promise<string[]> {
  const kept: string[] = [];
  for (const candidate of candidates) {
    if (kept.length >= MAX_SUGGESTIONS) break;
    if (kept.includes(candidate.question)) continue;
    const { decision } = await decider.decide(candidate.question, history, documentIds);
    if (decision.outcome !== 'answer') continue;
    const cites = decision.evidence.map((evidence) => evidence.clause.hit.clause.id);
    if (candidate.expects && !candidate.expects.some((id) => cites.includes(id))) continue;
    kept.push(candidate.question);
  }
  return kept;
}
