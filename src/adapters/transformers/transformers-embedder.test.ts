import { describe, expect, it } from 'vitest';
import { embedderContract } from '../../domain/ports/embedder.contract.ts';
import { FIXTURE_MODEL_PATH, fixtureEmbedder } from '../../test-support/fixture-model.ts';
import { ModelUnavailableError, TransformersEmbedder, modelProfile } from './transformers-embedder.ts';

embedderContract('transformers.js on the fixture model', fixtureEmbedder);

describe('TransformersEmbedder', () => {
  it('loads the fixture model from its folder and reports its size', async () => {
    const embedder = await fixtureEmbedder();
    expect(embedder.modelId).toBe('fixture/tiny-bert-e5');
    expect(embedder.dimensions).toBe(32);
  });

  it('adds the model family prefixes: a query and a passage of the same text differ', async () => {
    const embedder = await fixtureEmbedder();
    const [query] = await embedder.embedQueries(['乳制品质量安全']);
    const [passage] = await embedder.embedPassages(['乳制品质量安全']);
    expect(Array.from(query!)).not.toEqual(Array.from(passage!));
    expect(modelProfile('Xenova/multilingual-e5-small')).toEqual({ queryPrefix: 'query: ', passagePrefix: 'passage: ', pooling: 'mean' });
  });

  it('ranks a text sharing the query words above an unrelated one', async () => {
    const embedder = await fixtureEmbedder();
    const [query] = await embedder.embedQueries(['乳制品质量安全']);
    const [related, unrelated] = await embedder.embedPassages(['深入推进乳制品质量安全提升行动', '完善建筑节能无障碍设计标准']);
    const dot = (left: Float32Array, right: Float32Array) => left.reduce((sum, value, index) => sum + value * right[index]!, 0);
    expect(dot(query!, related!)).toBeGreaterThan(dot(query!, unrelated!));
  });

  it('says how to fix a missing model instead of hanging or downloading', async () => {
    const missing = TransformersEmbedder.load({ modelId: 'Xenova/multilingual-e5-small', modelPath: `${FIXTURE_MODEL_PATH}-missing`, allowDownload: false, ...modelProfile('e5'), batchSize: 8 });
    await expect(missing).rejects.toThrow(ModelUnavailableError);
    await expect(missing).rejects.toThrow(/EMBEDDING_MODEL_PATH/u);
    const noPath = TransformersEmbedder.load({ modelId: 'Xenova/multilingual-e5-small', allowDownload: false, ...modelProfile('e5'), batchSize: 8 });
    await expect(noPath).rejects.toThrow(/EMBEDDING_ALLOW_DOWNLOAD=true/u);
  });
});
