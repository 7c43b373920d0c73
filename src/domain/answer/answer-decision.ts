import { namedSubject } from '../question/named-subject.ts';
import { referencedDocumentAsked } from './referenced-documents.ts';
import type { QuestionFrame } from '../question/question-frame.ts';
import type { TopicGroup } from '../retrieval/topic-coverage.ts';
import { kindFor } from './answer-kinds.ts';
import { contentKind } from './kinds/content-kind.ts';
import type { AnswerDecision, NotFoundReason, NumberedClause } from './answer-decision-types.ts';
import type { KindContext } from './kinds/kind-support.ts';
import { topicGate, type GateVerdict } from './topic-gate.ts';

/**
 * Whether and how the documents answer a question, decided once per turn before any backend runs:
 * the extractive answerer words the decision, an LLM backend is only asked when there is something to
 * answer from. In order: a place the library does not cover; the document record for metadata; the
 * topic gate (is the topic in the clauses found at all); the answer kind's own evidence (is the asked
 * fact there). Every "not found" carries its typed reason.
 */
export interface DecisionInput {
  frame: QuestionFrame;
  clauses: NumberedClause[];
  groups: TopicGroup[];
  scopeDocuments: KindContext['scopeDocuments'];
  searchedDocuments: KindContext['searchedDocuments'];
  documentFacts: KindContext['documentFacts'];
  /** Specific topic words the corpus uses, but not the searched documents. */
  scopeUnseen: string[];
  /** The clauses are those a reference pointed at (retrieval-types.ts ResolvedReference), not a search's. */
  referenced?: boolean;
}

export interface ExplainedDecision {
  decision: AnswerDecision;
  gate: GateVerdict | null;
  context: KindContext;
}

export function decideAnswer(input: DecisionInput): ExplainedDecision {
  const { frame, clauses } = input;
  const context: KindContext = { frame, clauses, groups: input.groups, scopeDocuments: input.scopeDocuments, searchedDocuments: input.searchedDocuments, documentFacts: input.documentFacts };
  const notFound = (reason: NotFoundReason, rule: string, gate: GateVerdict | null = null): ExplainedDecision => ({ decision: { outcome: 'not-found', reason, rule }, gate, context });

  if (frame.scope.uncoveredPlace) {
    const place = frame.scope.uncoveredPlace;
    return notFound({ kind: 'uncovered-place', place, detail: `the library holds no document for ${place}` }, 'place: the question names a place no document covers');
  }
  // 广东省质量强省建设纲要要求…达到多少? Asked what a document says that the library holds only as what one of its
  // documents implements: that document is not in the library, whatever its implementer says.
  const referenced = referencedDocumentAsked(frame, [...input.searchedDocuments, ...clauses.map(({ hit }) => hit.document)], input.documentFacts);
  if (referenced) {
    return notFound({ kind: 'uncovered-document', document: { title: referenced.title, implementedBy: referenced.implementedBy.id }, detail: `the library holds ${referenced.title} only as what ${referenced.implementedBy.id} implements` }, 'document: the question asks what a document the library does not hold says');
  }
  const kind = kindFor(frame);
  // Kinds answered from records (the document record, the responsibility lists, which documents hold a
  // phrase) judge their own evidence; no topic gate stands before them.
  if (kind.recordBased) {
    const result = kind.evidence(context);
    if ('found' in result) return { decision: { outcome: 'answer', kind: kind.name, evidence: result.found, closestMatch: false, rule: result.rule }, gate: null, context };
    return notFound({ kind: 'missing-fact', missing: result.missing, ...(result.nearest ? { nearest: result.nearest.n } : {}), detail: `${kind.name}: ${result.missing} missing` }, result.rule);
  }
  if (clauses.length === 0) return notFound({ kind: 'nothing-retrieved', detail: 'retrieval returned no clause' }, 'retrieval: nothing retrieved');
  // Clauses pointed at (这一条, 国家方案二(一)) with no topic of the question's own are the topic: no gate stands before them.
  if (input.referenced && !frame.reference?.ownTopic) {
    // A value asked of the clause itself (这条有提到具体数字吗? how much does it give?) may stand in any part of it:
    // the topic carried from before named the clause, not the value's subject.
    const valueAsked = kind.name === 'figure' || kind.name === 'money' || kind.name === 'date';
    const result = kind.evidence(valueAsked ? { ...context, groups: [] } : context);
    // Only the nearest clause of the other document was found: the answer says it is the closest match.
    const closest = ('found' in result && result.closestMatch === true) || clauses[0]!.hit.reference?.relation === 'nearest';
    if ('found' in result) return { decision: { outcome: 'answer', kind: kind.name, evidence: result.found, closestMatch: closest, rule: `reference: ${result.rule}` }, gate: null, context };
    return notFound({ kind: 'missing-fact', missing: result.missing, nearest: (result.nearest ?? clauses[0]!).n, detail: `${kind.name}: ${result.missing} missing in the clause referred to` }, result.rule);
  }

  // The year a plan runs to is read from its goal passages, put first by retrieval: its words need no gate.
  if (frame.planYear) {
    const result = kind.evidence(context);
    if ('found' in result) return { decision: { outcome: 'answer', kind: kind.name, evidence: result.found, closestMatch: false, rule: result.rule }, gate: null, context };
  }
  // A question that names no topic at all (天津有没有提到?) asks about nothing the clauses could hold.
  if (input.groups.length === 0 && frame.units.length === 0) return notFound({ kind: 'off-topic', detail: 'the question names no topic' }, 'gate: no topic words');
  const gate = topicGate(frame, clauses, input);
  if (!gate.open) {
    const unseen = frame.topic.words.find((word) => (!word.seen && word.specific) || input.scopeUnseen.includes(word.word));
    const detail = `topic gate ${gate.probability.toFixed(2)} (fit ${(gate.features.fit + gate.features.englishFit).toFixed(2)})`;
    return unseen
      ? unseen.seen
        ? notFound({ kind: 'unseen-topic', term: unseen.written ?? unseen.word, elsewhere: true, detail: `no document asked about uses “${unseen.written ?? unseen.word}” (others do); ${detail}` }, 'gate: a topic word only documents not asked about use', gate)
        : notFound({ kind: 'unseen-topic', term: unseen.written ?? unseen.word, detail: `no document uses “${unseen.written ?? unseen.word}”; ${detail}` }, 'gate: a topic word no document uses', gate)
      : notFound({ kind: 'off-topic', nearest: clauses[0]!.n, detail: `no clause is close to the topic; ${detail}` }, 'gate: the nearest clauses are off topic', gate);
  }

  // What fine does the plan set for false reports? The thing the question word asks for is one no document has a word for.
  if (frame.askedThing) {
    return notFound({ kind: 'unseen-topic', term: frame.askedThing, detail: `no document uses “${frame.askedThing}”, the thing asked for; topic gate ${gate.probability.toFixed(2)}` }, 'asked thing: the noun the question word asks for is one no document uses', gate);
  }
  // Tianjin plan: tractor MTBF target? The thing asked about (the topic's longest word, three characters or more) is
  // one other documents write and the documents asked about never do: theirs, whatever else the clauses share.
  const subject = namedSubject(frame.topic.words, 3).find((name) => input.scopeUnseen.includes(name));
  if (subject) {
    const written = frame.topic.words.find((word) => word.word === subject)?.written ?? subject;
    return notFound({ kind: 'unseen-topic', term: written, elsewhere: true, detail: `no document asked about uses “${subject}”, which others do; topic gate ${gate.probability.toFixed(2)}` }, 'subject: the thing asked about only documents not asked about write', gate);
  }
  const result = kind.evidence(context);
  if ('found' in result) {
    return { decision: { outcome: 'answer', kind: kind.name, evidence: result.found, closestMatch: result.closestMatch ?? false, rule: result.rule }, gate, context };
  }
  // "What about the 2035 goal?" after a figure for 2025: the figure was carried, not asked. Where the clause speaks
  // of that year without a figure, what it says for the year is the answer (a figure asked in so many words is not).
  if (result.missing === 'year' && frame.followUp?.carried.includes('slot')) {
    const wording = contentKind.evidence(context);
    const year = frame.years.asked[0];
    if ('found' in wording && year) {
      const evidence = wording.found.map((each) => ({ ...each, noFigureFor: year }));
      return { decision: { outcome: 'answer', kind: contentKind.name, evidence, closestMatch: false, rule: `follow-up: no figure for ${year}, its wording instead; ${wording.rule}` }, gate, context };
    }
  }
  const nearest = result.nearest ?? clauses[0];
  const year = result.missing === 'year' ? frame.years.asked[0] : undefined;
  return notFound(
    {
      kind: 'missing-fact',
      missing: result.missing,
      ...(nearest ? { nearest: nearest.n } : {}),
      ...(year ? { year } : {}),
      detail: `${kind.name}: ${result.missing}${year ? ` for ${year}` : ''} missing${nearest ? ` in ${nearest.hit.clause.id}` : ''}`,
    },
    result.rule,
    gate,
  );
}
