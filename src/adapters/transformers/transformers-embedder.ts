import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { env, pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import type { Embedder } from '../../domain/ports/embedder.ts';

/**
 * Embeddings computed in-process with transformers.js (ONNX Runtime on the CPU). The model is
 * read from a local folder in the Hugging Face layout (config.json, tokenizer.json,
 * onnx/model.onnx) or, where allowed, downloaded by id into the cache folder.
 */
export interface TransformersEmbedderOptions {
  /** Hugging Face id, e.g. Xenova/multilingual-e5-small. */
  modelId: string;
  /** A folder holding the model files; when set, nothing is downloaded. */
  modelPath?: string;
  allowDownload: boolean;
  cacheDirectory?: string;
  queryPrefix: string;
  passagePrefix: string;
  pooling: 'mean' | 'cls';
  batchSize: number;
}

/** Prefixes and pooling of known model families; E5 models are trained with these prefixes. */
export function modelProfile(modelId: string): Pick<TransformersEmbedderOptions, 'queryPrefix' | 'passagePrefix' | 'pooling'> {
  if (/e5/iu.test(modelId)) return { queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' };
  if (/bge/iu.test(modelId)) return { queryPrefix: '', passagePrefix: '', pooling: 'cls' };
  return { queryPrefix: '', passagePrefix: '', pooling: 'mean' };
}

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly modelId: string,
    readonly dimensions: number,
    private readonly extractor: FeatureExtractionPipeline,
    private readonly options: TransformersEmbedderOptions,
  ) {}

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    let name = options.modelId;
    if (options.modelPath) {
      if (!existsSync(join(options.modelPath, 'config.json'))) {
        throw new ModelUnavailableError(
          `No model at EMBEDDING_MODEL_PATH=${options.modelPath} (config.json missing). Put the files of ${options.modelId} there ` +
            '(config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) or unset EMBEDDING_MODEL_PATH.',
        );
      }
      // transformers.js resolves local models as <localModelPath>/<name>.
      env.localModelPath = dirname(options.modelPath);
      name = basename(options.modelPath);
      env.allowRemoteModels = false;
    } else {
      if (!options.allowDownload) {
        throw new ModelUnavailableError(
          `No local model configured for ${options.modelId}. Set EMBEDDING_MODEL_PATH to a folder holding it, or EMBEDDING_ALLOW_DOWNLOAD=true where the model hub is reachable.`,
        );
      }
      env.allowRemoteModels = true;
    }
    env.allowLocalModels = true;
    if (options.cacheDirectory) env.cacheDir = options.cacheDirectory;
    let extractor: FeatureExtractionPipeline;
    try {
      // The pipeline() overloads are too many for the type checker; the task fixes the result type.
      const createPipeline = pipeline as unknown as (task: string, model: string, options: object) => Promise<FeatureExtractionPipeline>;
      extractor = await createPipeline('feature-extraction', name, { dtype: 'fp32' });
    } catch (error) {
      throw new ModelUnavailableError(`Could not load embedding model ${options.modelId}: ${(error as Error).message}`);
    }
    const probe = await extractor(['dimension probe'], { pooling: options.pooling, normalize: true });
    const dimensions = probe.dims.at(-1)!;
    return new TransformersEmbedder(options.modelId, dimensions, extractor, options);
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((text) => this.options.queryPrefix + text));
  }

  embedPassages(texts: string[]): Promise<Float32Array[]> {
    return this.embed(texts.map((text) => this.options.passagePrefix + text));
  }

  private async embed(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.options.batchSize) {
      const batch = texts.slice(start, start + this.options.batchSize);
      const output = await this.extractor(batch, { pooling: this.options.pooling, normalize: true });
      const data = output.data as Float32Array;
      for (let row = 0; row < batch.length; row += 1) vectors.push(data.slice(row * this.dimensions, (row + 1) * this.dimensions));
    }
    return vectors;
  }
}
