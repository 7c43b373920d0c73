import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPromptFiles } from '../../adapters/filesystem/prompt-files.ts';
import { PromptError, parsePrompt } from './prompt-template.ts';

const PROMPTS = fileURLToPath(new URL('../../../prompts/', import.meta.url));

describe('prompt files', () => {
  it('loads every prompt the code uses from prompts/ and renders its variables', () => {
    const prompts = loadPromptFiles(PROMPTS);
    const rendered = prompts.answer.render({ question: '谁牵头?', clauses: '[1] 条款', history: '(none)' });
    expect(rendered).toContain('Question:\n谁牵头?');
    expect(rendered).toContain('[1] 条款');
    expect(rendered).not.toMatch(/\{\{/u);
    expect(prompts.system.render({ answerLanguage: 'English' })).toContain('Write your framing in English');
  });

  it('does not expand placeholders that arrive inside a value', () => {
    const template = parsePrompt('follow-up-rewrite', '---\nvariables: [history, question]\n---\n{{history}} / {{question}}', 'test');
    expect(template.render({ history: '{{question}}', question: 'q' })).toBe('{{question}} / q');
  });

  it.each([
    ['no front matter', 'Answer {{question}}', /missing front matter/u],
    ['an undeclared variable', '---\nvariables: [question, clauses, history]\n---\n{{question}} {{clauses}} {{history}} {{secret}}', /\{\{secret\}\} used in the text but not declared/u],
    ['a declared variable never used', '---\nvariables: [question, clauses, history]\n---\n{{question}} {{clauses}}', /history declared but never used/u],
    ['a variable the code does not pass', '---\nvariables: [question, clauses, history, tone]\n---\n{{question}} {{clauses}} {{history}} {{tone}}', /remove tone/u],
    ['a variable the code passes left undeclared', '---\nvariables: [question, clauses]\n---\n{{question}} {{clauses}}', /declare history/u],
  ])('rejects a prompt file with %s, saying what to change', (_label, source, message) => {
    expect(() => parsePrompt('answer', source, 'prompts/answer.md')).toThrow(PromptError);
    expect(() => parsePrompt('answer', source, 'prompts/answer.md')).toThrow(message);
  });

  it('stops start-up when a prompt file is missing or broken', () => {
    const directory = mkdtempSync(join(tmpdir(), 'prompts-'));
    try {
      cpSync(PROMPTS, directory, { recursive: true });
      rmSync(join(directory, 'judge.md'));
      expect(() => loadPromptFiles(directory)).toThrow(/prompts\/judge\.md: cannot read it/u);
      cpSync(join(PROMPTS, 'judge.md'), join(directory, 'judge.md'));
      writeFileSync(join(directory, 'system.md'), readFileSync(join(PROMPTS, 'system.md'), 'utf8').replace('{{answerLanguage}}', '{{language}}'));
      expect(() => loadPromptFiles(directory)).toThrow(/prompts\/system\.md: .*\{\{language\}\} used in the text but not declared/u);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
