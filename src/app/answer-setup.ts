import { loadPromptFiles } from '../adapters/filesystem/prompt-files.ts';
import { anthropicBackend, openAICompatibleBackend } from '../adapters/llm/llm-providers.ts';
import type { AnswerSettings } from '../config.ts';
import { ExtractiveAnswerer } from '../domain/answer/extractive-answerer.ts';
import type { AnswerBackend } from '../domain/ports/answer-backend.ts';

/**
 * Part of the composition root: the answer backend named by ANSWER_BACKEND, and no other. The
 * prompts are checked on every start, so a broken prompt file is found before anyone switches to
 * an LLM backend.
 */
export function createAnswerBackend(settings: AnswerSettings): AnswerBackend {
  const prompts = loadPromptFiles(settings.promptsDirectory);
  switch (settings.backend) {
    case 'extractive':
      return new ExtractiveAnswerer();
    case 'openai':
      return openAICompatibleBackend(settings, prompts);
    case 'anthropic':
      return anthropicBackend(settings, prompts);
  }
}
