import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import {
  AnswerBackendError, type AnswerBackend, type AnswerDraft, type AnswerInput, type AnswerOptions, type BackendStatus, type ChatTurn,
} from '../../domain/ports/answer-backend.ts';
import type { PromptLibrary } from '../../domain/prompts/prompt-template.ts';
import { toBackendError } from './provider-errors.ts';
import { formatClauses, formatHistory, formatQuestion, languageName } from './prompt-inputs.ts';

/** The refusal the system prompt asks for when the clauses do not answer the question. */
export const NOT_FOUND_MARKER = 'NOT_FOUND';
const RELATED = 3;

export interface ProviderProbe {
  (signal: AbortSignal): Promise<{ reachable: boolean; detail: string }>;
}

export interface ChatModelBackendOptions {
  /** "openai-compatible" or "anthropic": shown in replies and /health. */
  name: string;
  model: BaseChatModel;
  modelId: string;
  prompts: PromptLibrary;
  timeoutMs: number;
  /** How to tell whether the provider answers, for /health, without spending tokens. */
  probe: ProviderProbe;
}

/**
 * An answer backend over any LangChain chat model: the prompts come from prompts/, the answer is
 * streamed as it arrives, and a reply that starts with NOT_FOUND becomes a not-found answer. The
 * chat service checks every [n] afterwards; this class only has to pass the text through.
 */
export class ChatModelAnswerBackend implements AnswerBackend {
  readonly specificationVersion = 'v2';
  readonly name: string;
  private lastStatus: { at: number; status: BackendStatus } | undefined;

  constructor(private readonly options: ChatModelBackendOptions) {
    this.name = options.name;
  }

  async answer(input: AnswerInput, options: AnswerOptions = {}): Promise<AnswerDraft> {
    // The answer decision ran before: this backend is only asked when the clauses hold an answer.
    const { prompts } = this.options;
    const messages: BaseMessage[] = [
      new SystemMessage(prompts.system.render({ answerLanguage: languageName(input.frame.language) })),
      new HumanMessage(prompts.answer.render({ question: formatQuestion(input.frame.standalone), clauses: formatClauses(input.clauses), history: formatHistory(input.history) })),
    ];
    const text = await this.streamText(messages, options);
    const trimmed = text.trim();
    if (trimmed === '') throw new AnswerBackendError(`${this.name} returned an empty answer`, 'invalid-response');
    if (trimmed.startsWith(NOT_FOUND_MARKER)) {
      const explanation = trimmed.slice(NOT_FOUND_MARKER.length).replace(/^[\s:：.。-]+/u, '').trim();
      const fallback = input.frame.language === 'en' ? 'The documents do not answer this question.' : '现有政策文件没有回答这个问题。';
      const answer = explanation === '' ? fallback : explanation;
      options.onDelta?.(answer);
      return { text: answer, notFound: true, related: input.clauses.slice(0, RELATED).map(({ n }) => n), quotes: {} };
    }
    return { text: trimmed, notFound: false, related: [], quotes: {} };
  }

  async rewriteFollowUp(question: string, history: ChatTurn[], options: { signal?: AbortSignal } = {}): Promise<string> {
    const prompt = this.options.prompts['follow-up-rewrite'].render({ history: formatHistory(history), question: formatQuestion(question) });
    const rewritten = (await this.invokeText([new HumanMessage(prompt)], options.signal)).trim();
    if (rewritten === '') throw new AnswerBackendError(`${this.name} returned an empty rewrite`, 'invalid-response');
    // A model that rambles is not trusted with the retrieval query.
    return rewritten.length > 500 ? question : rewritten.replace(/^["“「]|["”」]$/gu, '');
  }

  /** Plain completion, used by the eval judge. */
  async complete(prompt: string, signal?: AbortSignal): Promise<string> {
    return this.invokeText([new HumanMessage(prompt)], signal);
  }

  async status(): Promise<BackendStatus> {
    // /health may be polled; the provider is asked at most every 30 seconds.
    if (this.lastStatus && Date.now() - this.lastStatus.at < 30_000) return this.lastStatus.status;
    let probe: { reachable: boolean; detail: string };
    try {
      probe = await this.options.probe(AbortSignal.timeout(Math.min(this.options.timeoutMs, 5000)));
    } catch (error) {
      probe = { reachable: false, detail: toBackendError(error, this.name, false).message };
    }
    const status = { backend: this.name, model: this.options.modelId, reachable: probe.reachable, detail: probe.detail };
    this.lastStatus = { at: Date.now(), status };
    return status;
  }

  private async streamText(messages: BaseMessage[], options: AnswerOptions): Promise<string> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let text = '';
    // Held back until it is clear the reply is not a NOT_FOUND refusal, which is shown differently.
    let decided = false;
    let refusing = false;
    try {
      const stream = await this.options.model.stream(messages, { signal });
      for await (const chunk of stream) {
        const piece = chunkText(chunk.content);
        if (piece === '') continue;
        text += piece;
        if (decided) {
          if (!refusing) options.onDelta?.(piece);
          continue;
        }
        const head = text.trimStart();
        if (head.length >= NOT_FOUND_MARKER.length || !NOT_FOUND_MARKER.startsWith(head)) {
          decided = true;
          refusing = head.startsWith(NOT_FOUND_MARKER);
          if (!refusing) options.onDelta?.(text);
        }
      }
    } catch (error) {
      throw toBackendError(error, this.name, timeout.aborted);
    }
    // A reply shorter than the marker that looked like its start ("NO") is an answer after all.
    if (!decided && text.trim() !== '') options.onDelta?.(text);
    return text;
  }

  private async invokeText(messages: BaseMessage[], callerSignal?: AbortSignal): Promise<string> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
    try {
      const message = await this.options.model.invoke(messages, { signal });
      return chunkText(message.content);
    } catch (error) {
      throw toBackendError(error, this.name, timeout.aborted);
    }
  }
}

/** Message content is a string, or (Anthropic, some OpenAI servers) a list of typed blocks. */
function chunkText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content.map((block) => (typeof block === 'string' ? block : block && typeof block === 'object' && 'text' in block && typeof block.text === 'string' ? block.text : '')).join('');
  }
  return '';
}
