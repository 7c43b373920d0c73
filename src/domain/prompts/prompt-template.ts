/**
 * Prompts are files in prompts/ that declare their variables; the code declares the same set here,
 * so that a render call missing a variable fails to compile and a file out of step with the code
 * fails at start-up, not in the middle of a conversation.
 */
export const PROMPT_VARIABLES = {
  system: ['answerLanguage'],
  answer: ['question', 'clauses', 'history'],
  'follow-up-rewrite': ['history', 'question'],
  judge: ['question', 'answer', 'clauses'],
} as const;

export type PromptName = keyof typeof PROMPT_VARIABLES;
export type PromptValues<Name extends PromptName> = Record<(typeof PROMPT_VARIABLES)[Name][number], string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/gu;

export class PromptTemplate<Name extends PromptName> {
  constructor(
    readonly name: Name,
    readonly body: string,
  ) {}

  render(values: PromptValues<Name>): string {
    // One pass, so that a value containing {{…}} (a question can) is never expanded again.
    return this.body.replace(PLACEHOLDER, (_match, variable: string) => (values as Record<string, string>)[variable] ?? '');
  }
}

export type PromptLibrary = { [Name in PromptName]: PromptTemplate<Name> };

export class PromptError extends Error {
  override name = 'PromptError';
}

/** Parses a prompt file (front matter with `variables: [a, b]`, then the body) and checks it against the code. */
export function parsePrompt<Name extends PromptName>(name: Name, source: string, fileLabel: string): PromptTemplate<Name> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/u.exec(source);
  if (!match) throw new PromptError(`${fileLabel}: missing front matter; start the file with ---, a line "variables: [${PROMPT_VARIABLES[name].join(', ')}]", and ---.`);
  const declaredLine = /^variables:\s*\[(.*)\]\s*$/mu.exec(match[1]!);
  if (!declaredLine) throw new PromptError(`${fileLabel}: the front matter has no "variables: [...]" line; declare ${PROMPT_VARIABLES[name].join(', ') || 'none: variables: []'}.`);
  const declared = declaredLine[1]!.split(',').map((variable) => variable.trim()).filter(Boolean);
  const expected: readonly string[] = PROMPT_VARIABLES[name];
  const body = match[2]!.trim();
  const used = new Set([...body.matchAll(PLACEHOLDER)].map((placeholder) => placeholder[1]!));
  const problems: string[] = [];
  const missingDeclared = expected.filter((variable) => !declared.includes(variable));
  const extraDeclared = declared.filter((variable) => !expected.includes(variable));
  if (missingDeclared.length > 0) problems.push(`declare ${missingDeclared.join(', ')} (the code passes them)`);
  if (extraDeclared.length > 0) problems.push(`remove ${extraDeclared.join(', ')} from variables (the code does not pass them)`);
  const undeclaredUsed = [...used].filter((variable) => !declared.includes(variable));
  const declaredUnused = declared.filter((variable) => !used.has(variable));
  if (undeclaredUsed.length > 0) problems.push(`{{${undeclaredUsed.join('}}, {{')}}} used in the text but not declared`);
  if (declaredUnused.length > 0) problems.push(`${declaredUnused.join(', ')} declared but never used as {{…}} in the text`);
  if (problems.length > 0) throw new PromptError(`${fileLabel}: ${problems.join('; ')}.`);
  return new PromptTemplate(name, body);
}
