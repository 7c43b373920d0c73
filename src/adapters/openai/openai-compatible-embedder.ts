import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from '../../domain/ports/embedder.ts';

/**
 * Embeddings from a server that speaks OpenAI's /v1/embeddings (Ollama, text-embeddings-inference,
 * vLLM, OpenAI itself), through LangChain's OpenAI provider. Vectors are normalised here, since
 * not every server returns unit vectors and the index compares by cosine.
 */
export interface OpenAICompatibleEmbedderOptions {
  baseUrl: string;
  model: string;
  apiKey: string;
  queryPrefix: string;
  passagePrefix: string;
  batchSize: number;
  timeoutMs: number;
}

export class OpenAICompatibleEmbedder implements Embedder {
  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly client: OpenAIEmbeddings,
    private readonly options: OpenAICompatibleEmbedderOptions,
  ) {}

  static async connect(options: OpenAICompatibleEmbedderOptions): Promise<OpenAICompatibleEmbedder> {
    const client = new OpenAIEmbeddings({
      model: options.model,
      apiKey: options.apiKey,
      batchSize: options.batchSize,
      timeout: options.timeoutMs,
      maxRetries: 1,
      configuration: { baseURL: options.baseUrl },
    });
    let probe: number[];
    try {
      probe = await client.embedQuery('dimension probe');
    } catch (error) {
      throw new Error(`The embeddings server at ${options.baseUrl} did not answer for model ${options.model}: ${(error as Error).message}. Check EMBEDDING_BASE_URL, EMBEDDING_MODEL and EMBEDDING_API_KEY.`);
    }
    return new OpenAICompatibleEmbedder(`${options.baseUrl}#${options.model}`, probe.length, client, options);
  }

  async embedQueries(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    return (await this.client.embedDocuments(texts.map((text) => this.options.queryPrefix + text))).map(unit);
  }

  async embedPassages(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    return (await this.client.embedDocuments(texts.map((text) => this.options.passagePrefix + text))).map(unit);
  }
}

function unit(vector: number[]): Float32Array {
  const norm = Math.hypot(...vector) || 1;
  return Float32Array.from(vector, (value) => value / norm);
}
