import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROMPT_VARIABLES, PromptError, parsePrompt, type PromptLibrary, type PromptName } from '../../domain/prompts/prompt-template.ts';

/** Reads prompts/<name>.md for every prompt the code uses; any problem stops start-up with its fix. */
export function loadPromptFiles(directory: string): PromptLibrary {
  const load = <Name extends PromptName>(name: Name) => {
    const label = `prompts/${name}.md`;
    let source: string;
    try {
      source = readFileSync(join(directory, `${name}.md`), 'utf8');
    } catch {
      throw new PromptError(`${label}: cannot read it from PROMPTS_DIR; restore the file (git checkout prompts/) or point PROMPTS_DIR at a folder that has it.`);
    }
    return parsePrompt(name, source, label);
  };
  const names = Object.keys(PROMPT_VARIABLES) as PromptName[];
  return Object.fromEntries(names.map((name) => [name, load(name)])) as PromptLibrary;
}
