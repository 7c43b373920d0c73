import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses defaults that run the server on the committed seeds', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      seedsDirectory: '/srv/app/seeds',
      databasePath: '/srv/app/data/policy-qa.sqlite',
      maxSeedFileBytes: 20 * 1024 * 1024,
      uploadsDirectory: '/srv/app/data/uploads',
      logLevel: 'info',
      tokenizer: 'jieba+bigram',
      useEnglishDictionaries: true,
      embeddings: { mode: 'auto', modelId: 'Xenova/multilingual-e5-small', modelPath: undefined, allowDownload: false },
      denseIndex: { directory: '/srv/app/index', rebuild: 'auto', m: 16, efConstruction: 200, efSearch: 64 },
    });
  });

  it('resolves the model folder against the working directory', () => {
    expect(loadConfig({ EMBEDDING_MODEL_PATH: 'models/e5' }, '/srv/app').embeddings.modelPath).toBe('/srv/app/models/e5');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '' }, '/srv/app').port).toBe(3000);
  });

  it('names every bad variable and says how to fix it', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' }, '/srv/app');
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT:.*\n.*LOG_LEVEL:.*\nFix these environment variables/su);
  });

  it('requires a server address for EMBEDDINGS=openai', () => {
    expect(() => loadConfig({ EMBEDDINGS: 'openai' }, '/srv/app')).toThrow(/EMBEDDING_BASE_URL: required when EMBEDDINGS=openai/u);
    expect(loadConfig({ EMBEDDINGS: 'openai', EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1' }, '/srv/app').embeddings).toMatchObject({ mode: 'openai', baseUrl: 'http://127.0.0.1:11434/v1' });
  });

  it('answers extractively by default and requires a model and a key or URL for an LLM backend', () => {
    expect(loadConfig({}, '/srv/app').answer).toMatchObject({ backend: 'extractive', timeoutMs: 30000, temperature: 0 });
    expect(() => loadConfig({ ANSWER_BACKEND: 'openai' }, '/srv/app')).toThrow(/LLM_MODEL: required when ANSWER_BACKEND=openai[\s\S]*LLM_API_KEY: required/u);
    expect(() => loadConfig({ ANSWER_BACKEND: 'gpt' }, '/srv/app')).toThrow(/ANSWER_BACKEND/u);
    expect(() => loadConfig({ ANSWER_BACKEND: 'anthropic', LLM_MODEL: 'claude', LLM_TEMPERATURE: '5', LLM_API_KEY: 'k' }, '/srv/app')).toThrow(/LLM_TEMPERATURE/u);
    const local = loadConfig({ ANSWER_BACKEND: 'openai', LLM_MODEL: 'qwen2.5:7b', LLM_BASE_URL: 'http://127.0.0.1:11434/v1' }, '/srv/app');
    expect(local.answer).toMatchObject({ backend: 'openai', model: 'qwen2.5:7b', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined });
  });

  it('reads the embedding origins, the rate limit and the proxy setting, and refuses what is not an origin', () => {
    expect(loadConfig({}, '/srv/app').web).toMatchObject({ allowedOrigins: [], rateLimitPerMinute: 20, trustedProxies: 0, directory: expect.stringMatching(/web\/$/u) });
    const web = loadConfig({ EMBED_ALLOWED_ORIGINS: ' https://intranet.example.gov.cn, http://10.0.0.5:8080 ', RATE_LIMIT_PER_MINUTE: '60', TRUST_PROXY: 'true' }, '/srv/app').web;
    expect(web).toMatchObject({ allowedOrigins: ['https://intranet.example.gov.cn', 'http://10.0.0.5:8080'], rateLimitPerMinute: 60, trustedProxies: 1 });
    expect(loadConfig({ TRUST_PROXY: '2' }, '/srv/app').web.trustedProxies).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'yes' }, '/srv/app')).toThrow(/TRUST_PROXY: write false \(no proxy\), true \(one proxy\), or the number of proxies/u);
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: 'https://intranet.example.gov.cn/portal/' }, '/srv/app')).toThrow(/EMBED_ALLOWED_ORIGINS: "https:\/\/intranet\.example\.gov\.cn\/portal\/" is not an origin; write scheme, host and port only/u);
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: '*' }, '/srv/app')).toThrow(/"\*" is not an origin/u);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }, '/srv/app')).toThrow(/RATE_LIMIT_PER_MINUTE/u);
  });

  it('asks for ALLOWED_HOSTS when the server listens beyond this machine, and reads the admin token', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' }, '/srv/app')).toThrow(/ALLOWED_HOSTS: required when HOST=0\.0\.0\.0 listens beyond this machine/u);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'QA.intranet.example.gov.cn, 10.0.0.5:3000' }, '/srv/app').web.allowedHosts).toEqual(['qa.intranet.example.gov.cn', '10.0.0.5:3000']);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'https://qa.example' }, '/srv/app')).toThrow(/"https:\/\/qa\.example" is not a host name/u);
    expect(loadConfig({}, '/srv/app').adminTokens).toEqual([]);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' }, '/srv/app')).toThrow(/ADMIN_TOKEN: the token is too short: use at least 24 random characters/u);
    expect(loadConfig({ ADMIN_TOKEN: 'a'.repeat(24) }, '/srv/app').adminTokens).toEqual([{ label: 'admin', token: 'a'.repeat(24) }]);
    expect(loadConfig({ ADMIN_TOKEN: `wang:${'a'.repeat(24)}, li:${'b'.repeat(30)}` }, '/srv/app').adminTokens).toEqual([{ label: 'wang', token: 'a'.repeat(24) }, { label: 'li', token: 'b'.repeat(30) }]);
    expect(() => loadConfig({ ADMIN_TOKEN: `wang:${'a'.repeat(24)},wang:${'b'.repeat(24)}` }, '/srv/app')).toThrow(/each token needs its own label/u);
  });
});
