import type { AnswerBackend, AnswerDraft, AnswerInput, AnswerOptions, BackendStatus } from '../ports/answer-backend.ts';
import { kindNamed } from './answer-kinds.ts';
import { AnswerText } from './answer-text.ts';

/**
 * The offline, deterministic answerer: it writes nothing it cannot quote. It words the answer
 * decision with the answer kind's own composition: who leads from the parsed responsibility lists,
 * figures and content from the clauses' own sentences, metadata from the document record; the
 * framing follows the question's language, the quotes stay as written.
 */
export class ExtractiveAnswerer implements AnswerBackend {
  readonly specificationVersion = 'v2';
  readonly name = 'extractive';

  async answer(input: AnswerInput, options: AnswerOptions = {}): Promise<AnswerDraft> {
    const draft = composeExtractiveAnswer(input);
    // In sentence steps, as a model would stream it: the page shows the answer's first sentence at once.
    for (const step of sentenceSteps(draft.text)) {
      options.onDelta?.(step);
      if (options.onDelta) await new Promise((resolve) => setImmediate(resolve));
    }
    return draft;
  }

  async status(): Promise<BackendStatus> {
    return { backend: this.name, model: null, reachable: true, detail: 'offline, deterministic; quotes the retrieved clauses' };
  }
}

export function composeExtractiveAnswer(input: AnswerInput): AnswerDraft {
  const text = new AnswerText(input.frame.language);
  const kind = kindNamed(input.decision.kind);
  const context = { frame: input.frame, clauses: input.clauses, groups: input.groups, scopeDocuments: input.scopeDocuments, searchedDocuments: input.searchedDocuments, documentFacts: input.documentFacts };
  const { quotes } = kind.compose(context, input.decision.evidence, text, input.decision.closestMatch);
  // A clause found as only the nearest of another document (no alignment reached it) is said to be that.
  const nearest = kind.name !== 'alignment' && input.decision.evidence.some((evidence) => evidence.clause.hit.reference?.relation === 'nearest');
  if (nearest) {
    text.line(input.frame.language === 'en'
      ? '(No clause there was aligned with the one before at ingest; this is the closest in wording.)'
      : '（入库时没有为上一条找到对应条款，以上是措辞最接近的一条。）');
  }
  return { text: text.toString(), notFound: false, related: [], quotes };
}

/** The text cut after each sentence end and line break, every character kept. */
export function sentenceSteps(text: string): string[] {
  return text.match(/[^。！？!?\n]*(?:[。！？!?]+[”」』）)]*|\n|$)/gu)?.filter((step) => step !== '') ?? [text];
}
