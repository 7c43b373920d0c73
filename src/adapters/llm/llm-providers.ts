import { ChatAnthropic } from '@langchain/anthropic';
import { ChatOpenAI } from '@langchain/openai';
import type { AnswerSettings } from '../../config.ts';
import type { PromptLibrary } from '../../domain/prompts/prompt-template.ts';
import { ChatModelAnswerBackend, type ProviderProbe } from './chat-model-answer-backend.ts';

const OPENAI_DEFAULT_URL = 'https://api.openai.com/v1';
const ANTHROPIC_DEFAULT_URL = 'https://api.anthropic.com';
// Anthropic requires a ceiling on the answer's length; answers here are a few sentences.
const MAX_ANSWER_TOKENS = 1024;

/**
 * Any server that speaks the OpenAI chat-completions protocol: OpenAI, vLLM, Ollama (/v1),
 * DeepSeek, Qwen (DashScope compatible mode) and the like. Retries are off: a failed call falls
 * back to the extractive answer at once instead of keeping the user waiting.
 */
export function openAICompatibleBackend(settings: AnswerSettings, prompts: PromptLibrary): ChatModelAnswerBackend {
  const baseUrl = settings.baseUrl ?? OPENAI_DEFAULT_URL;
  // Self-hosted servers ignore the key, but the client insists on one.
  const apiKey = settings.apiKey ?? 'not-needed';
  const model = new ChatOpenAI({
    model: settings.model!,
    apiKey,
    temperature: settings.temperature,
    maxRetries: 0,
    timeout: settings.timeoutMs,
    streamUsage: false,
    configuration: { baseURL: baseUrl },
  });
  const probe = modelListProbe(`${baseUrl.replace(/\/$/u, '')}/models`, { authorization: `Bearer ${apiKey}` });
  return new ChatModelAnswerBackend({ name: 'openai-compatible', model, modelId: settings.model!, prompts, timeoutMs: settings.timeoutMs, probe });
}

/** Anthropic's Messages API (or a gateway that speaks it, through LLM_BASE_URL). */
export function anthropicBackend(settings: AnswerSettings, prompts: PromptLibrary): ChatModelAnswerBackend {
  const baseUrl = settings.baseUrl ?? ANTHROPIC_DEFAULT_URL;
  const apiKey = settings.apiKey ?? 'not-needed';
  const model = new ChatAnthropic({
    model: settings.model!,
    apiKey,
    anthropicApiUrl: baseUrl,
    temperature: settings.temperature,
    maxTokens: MAX_ANSWER_TOKENS,
    maxRetries: 0,
    clientOptions: { timeout: settings.timeoutMs },
  });
  const probe = modelListProbe(`${baseUrl.replace(/\/$/u, '')}/v1/models`, { 'x-api-key': apiKey, 'anthropic-version': '2023-06-01' });
  return new ChatModelAnswerBackend({ name: 'anthropic', model, modelId: settings.model!, prompts, timeoutMs: settings.timeoutMs, probe });
}

/** Both providers list their models at a GET endpoint that costs no tokens: /health asks it. */
function modelListProbe(url: string, headers: Record<string, string>): ProviderProbe {
  return async (signal) => {
    const response = await fetch(url, { headers, signal });
    return response.ok
      ? { reachable: true, detail: `${new URL(url).origin} answers` }
      : { reachable: false, detail: `${url} answered HTTP ${response.status}${response.status === 401 ? '; check LLM_API_KEY' : ''}` };
  };
}
