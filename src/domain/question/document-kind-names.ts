import cues from './question-cues.json' with { type: 'json' };

// English names for the kind of document (action plan, implementing opinion), longest first.
const DOCUMENT_KINDS = new RegExp(`\\b(?:${[...cues.documentKinds.cues].sort((left, right) => right.length - left.length).join('|')})\\b`, 'gu');

/**
 * "the national action plan" is "the national plan", "the Shanwei implementing opinion" "the Shanwei plan":
 * the kind of document names the document, so neither its words (action is not 行动 there) nor a cue inside it
 * (implementing, which else asks what a document implements) is read from the question.
 */
export function withoutDocumentKinds(lowercaseText: string): string {
  return lowercaseText.replace(DOCUMENT_KINDS, 'plan');
}
