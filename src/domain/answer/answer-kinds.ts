import { alignmentKind } from './kinds/alignment-kind.ts';
import { compareKind } from './kinds/compare-kind.ts';
import { contentKind } from './kinds/content-kind.ts';
import type { AnswerKind } from './kinds/kind-support.ts';
import { metadataKind } from './kinds/metadata-kind.ts';
import { leadKind, unitCheckKind, unitCountKind, unitsKind } from './kinds/unit-kinds.ts';
import { dateKind, figureKind, moneyKind } from './kinds/value-kinds.ts';
import { unitTasksKind } from './kinds/unit-tasks-kind.ts';
import { mentionsKind } from './kinds/mentions-kind.ts';

export type { AnswerKind, KindContext } from './kinds/kind-support.ts';

/**
 * The kinds of answer, in precedence order: the first that applies to a question's frame answers it.
 * Each kind (kinds/*.ts) says when it applies, what evidence it needs from the retrieved clauses, how
 * the extractive answerer words it, and what a not-found answer says when its fact is missing.
 * Adding a kind is one file there and one line here.
 */
export const ANSWER_KINDS: readonly AnswerKind[] = [
  metadataKind,
  unitTasksKind,
  alignmentKind,
  mentionsKind,
  compareKind,
  unitCheckKind,
  unitCountKind,
  leadKind,
  unitsKind,
  moneyKind,
  figureKind,
  dateKind,
  contentKind,
];

export function kindFor(frame: Parameters<AnswerKind['applies']>[0]): AnswerKind {
  return ANSWER_KINDS.find((kind) => kind.applies(frame)) ?? contentKind;
}

export function kindNamed(name: AnswerKind['name']): AnswerKind {
  return ANSWER_KINDS.find((kind) => kind.name === name)!;
}
