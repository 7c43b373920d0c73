import { fileURLToPath } from 'node:url';
import { TransformersEmbedder, modelProfile } from '../adapters/transformers/transformers-embedder.ts';

/** The tiny random-weight BERT made by scripts/make-fixture-model.py and committed. */
export const FIXTURE_MODEL_PATH = fileURLToPath(new URL('../adapters/transformers/fixtures/tiny-bert', import.meta.url));

let loading: Promise<TransformersEmbedder> | undefined;
export function fixtureEmbedder(): Promise<TransformersEmbedder> {
  loading ??= TransformersEmbedder.load({
    modelId: 'fixture/tiny-bert-e5',
    modelPath: FIXTURE_MODEL_PATH,
    allowDownload: false,
    ...modelProfile('e5'),
    batchSize: 16,
  });
  return loading;
}
