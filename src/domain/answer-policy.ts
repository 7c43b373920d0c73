import policy from './answer-policy.json' with { type: 'json' };
import type { GateModel } from './answer/topic-gate.ts';

/**
 * The tuned numbers of retrieval and answering, from one file (answer-policy.json), where each is
 * written beside what it was fitted on.
 */
export const POLICY = {
  candidatesPerPath: policy.retrieval.candidatesPerPath.value,
  confidenceDepth: policy.retrieval.confidenceDepth.value,
  fieldWeights: policy.retrieval.fieldWeights.value,
  specificIdf: policy.question.specificIdf.value,
  remoteSense: policy.question.remoteSense.value,
  compoundHeadModifiers: policy.question.compoundHeadModifiers.value,
  evidenceDepth: policy.answer.evidenceDepth.value,
  secondDocumentRatio: policy.answer.secondDocumentRatio.value,
  secondSentenceRatio: policy.answer.secondSentenceRatio.value,
  addedSentenceShare: policy.answer.addedSentenceShare.value,
  addedSentenceMinimum: policy.answer.addedSentenceMinimum.value,
  unitTaskWholeClauses: policy.answer.unitTaskWholeClauses.value,
  unitTaskQuoteLength: policy.answer.unitTaskQuoteLength.value,
  coverageMargin: policy.answer.coverageMargin.value,
  clausesPerAnswer: policy.retrieval.clausesPerAnswer.value,
  unitClauseRatio: policy.answer.unitClauseRatio.value,
  phraseBonus: policy.answer.phraseBonus.value,
  valuePartShare: policy.answer.valuePartShare.value,
  carriedPartFactor: policy.answer.carriedPartFactor.value,
  valuePartRatio: policy.answer.valuePartRatio.value,
  valueSearchDepth: policy.answer.valueSearchDepth.value,
  deepValueShare: policy.answer.deepValueShare.value,
  mentionCoverage: policy.answer.mentionCoverage.value,
  mentionInsertedCharacters: policy.answer.mentionInsertedCharacters.value,
  bodySentenceShare: policy.answer.bodySentenceShare.value,
  gate: policy.answer.gate.value as GateModel,
  alignment: policy.ingest.alignment.value,
} as const;
