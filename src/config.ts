import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The only place that reads the environment. Everything is validated at start-up; a bad value
 * stops the program with a message that names the variable and says how to fix it.
 */
const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SEEDS_DIR: z.string().min(1).default('seeds'),
  DATABASE_PATH: z.string().min(1).default('data/policy-qa.sqlite'),
  MAX_SEED_FILE_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  UPLOADS_DIR: z.string().min(1).default('data/uploads'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  TOKENIZER: z.enum(['jieba', 'bigram', 'jieba+bigram']).default('jieba+bigram'),
  CEDICT: z.enum(['on', 'off']).default('on'),
  EMBEDDINGS: z.enum(['auto', 'transformers', 'openai', 'off']).default('auto'),
  EMBEDDING_BASE_URL: z.string().url().optional(),
  EMBEDDING_API_KEY: z.string().min(1).optional(),
  EMBEDDING_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  EMBEDDING_MODEL: z.string().min(1).default('Xenova/multilingual-e5-small'),
  EMBEDDING_MODEL_PATH: z.string().min(1).optional(),
  EMBEDDING_ALLOW_DOWNLOAD: z.enum(['true', 'false']).default('false'),
  EMBEDDING_CACHE_DIR: z.string().min(1).default('data/models'),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().positive().default(16),
  INDEX_DIR: z.string().min(1).default('index'),
  DENSE_INDEX_REBUILD: z.enum(['auto', 'never']).default('auto'),
  HNSW_M: z.coerce.number().int().min(4).max(128).default(16),
  HNSW_EF_CONSTRUCTION: z.coerce.number().int().min(10).max(2000).default(200),
  HNSW_EF_SEARCH: z.coerce.number().int().min(10).max(2000).default(64),
  ANSWER_BACKEND: z.enum(['extractive', 'openai', 'anthropic']).default('extractive'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_MODEL: z.string().min(1).optional(),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30000),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0),
  PROMPTS_DIR: z.string().min(1).optional(),
  WEB_DIR: z.string().min(1).optional(),
  EMBED_ALLOWED_ORIGINS: z
    .string()
    .transform((value, context) => {
      const origins = value.split(',').map((entry) => entry.trim()).filter(Boolean);
      for (const entry of origins) {
        if (!isOrigin(entry)) context.addIssue({ code: 'custom', message: `"${entry}" is not an origin; write scheme, host and port only, such as https://intranet.example.gov.cn or http://10.0.0.5:8080` });
      }
      return origins;
    })
    .default([]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/u, 'write false (no proxy), true (one proxy), or the number of proxies in front of the server (0–9)')
    .default('false'),
  ALLOWED_HOSTS: z
    .string()
    .transform((value, context) => {
      const hosts = value.split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean);
      for (const entry of hosts) {
        if (!/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/u.test(entry)) context.addIssue({ code: 'custom', message: `"${entry}" is not a host name; write the name clients use, with a port when it is not 80/443, such as qa.intranet.example.gov.cn or 10.0.0.5:3000` });
      }
      return hosts;
    })
    .optional(),
  RATE_LIMIT_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/u, 'write a Redis URL such as redis://127.0.0.1:6379/0 (rediss:// for TLS)')
    .optional(),
  API_KEYS: z
    .string()
    .transform((value, context) => {
      // Keys for /v1 (the OpenAI-compatible API) and /mcp; clients send one as a bearer token.
      const keys = value.split(',').map((entry) => entry.trim()).filter(Boolean);
      if (keys.some((key) => key.length < 24)) context.addIssue({ code: 'custom', message: 'each key needs at least 24 random characters (for example: openssl rand -hex 24); separate keys with commas' });
      if (keys.some((key) => /\s/u.test(key))) context.addIssue({ code: 'custom', message: 'a key may not contain spaces' });
      return keys;
    })
    .optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  LOG_QUESTIONS: z.enum(['true', 'false'], { error: 'LOG_QUESTIONS is true or false' }).default('false'),
  ADMIN_TOKEN: z
    .string()
    .transform((value, context) => {
      // A token, or label:token pairs separated by commas (each admin's uploads are recorded by label).
      const tokens = value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
        const labelled = /^([A-Za-z0-9_.-]{1,40}):(.+)$/u.exec(entry);
        return labelled ? { label: labelled[1]!, token: labelled[2]! } : { label: 'admin', token: entry };
      });
      for (const { label, token } of tokens) {
        if (token.length < 24) context.addIssue({ code: 'custom', message: `the token${label === 'admin' ? '' : ` of ${label}`} is too short: use at least 24 random characters (for example: openssl rand -hex 24)` });
      }
      if (new Set(tokens.map((each) => each.label)).size !== tokens.length) context.addIssue({ code: 'custom', message: 'each token needs its own label (label:token,label:token)' });
      return tokens;
    })
    .optional(),
});

/** localhost, ::1 and 127.x: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./u.test(host);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

export interface AppConfig {
  host: string;
  port: number;
  seedsDirectory: string;
  /** Uploaded originals, by the hash of their bytes. */
  uploadsDirectory: string;
  databasePath: string;
  maxSeedFileBytes: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  tokenizer: 'jieba' | 'bigram' | 'jieba+bigram';
  useEnglishDictionaries: boolean;
  embeddings: {
    /**
     * auto: dense path when a local model can be loaded, lexical alone otherwise; off: lexical alone;
     * transformers: local model required; openai: an OpenAI-compatible /v1/embeddings server required.
     */
    mode: 'auto' | 'transformers' | 'openai' | 'off';
    baseUrl: string | undefined;
    apiKey: string | undefined;
    timeoutMs: number;
    modelId: string;
    modelPath: string | undefined;
    allowDownload: boolean;
    cacheDirectory: string;
    batchSize: number;
  };
  answer: AnswerSettings;
  web: WebSettings;
  /** Bearer tokens for the admin endpoints (/api/admin/*, /health/details), each with the label uploads are recorded by; closed when none. */
  adminTokens: { label: string; token: string }[];
  /** Keys for /v1/* and /mcp; open when none (a warning at start when the server listens beyond loopback). */
  apiKeys: string[];
  /** Questions in the request log at info (off: privacy). */
  logQuestions: boolean;
  /** On SIGTERM, how long answers in flight may take to finish before their connections are cut. */
  shutdownGraceMs: number;
  denseIndex: {
    directory: string;
    rebuild: 'auto' | 'never';
    m: number;
    efConstruction: number;
    efSearch: number;
  };
}

export interface AnswerSettings {
  /** extractive: offline, quotes the clauses; openai: any OpenAI-compatible chat endpoint; anthropic: the Messages API. */
  backend: 'extractive' | 'openai' | 'anthropic';
  baseUrl: string | undefined;
  model: string | undefined;
  apiKey: string | undefined;
  timeoutMs: number;
  temperature: number;
  promptsDirectory: string;
}

export interface WebSettings {
  /** The folder holding index.html, widget.js and assets/. */
  directory: string;
  /** Origins (besides the server's own) whose pages may embed the widget or /embed and call the API. */
  allowedOrigins: string[];
  /** Questions (and, separately, feedback posts) per client per minute. */
  rateLimitPerMinute: number;
  /** GET requests to the API per client per minute. */
  readRateLimitPerMinute: number;
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client address is the one
   * that many entries from the right (the one the nearest trusted proxy saw). 0: the socket's address.
   */
  trustedProxies: number;
  /** Host headers the server answers to; every request is checked when set (DNS rebinding). */
  allowedHosts: string[] | undefined;
  /** Redis for rate-limit counters shared by several replicas; in memory when unset. */
  rateLimitRedisUrl: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(environment: Record<string, string | undefined> = process.env, baseDirectory = process.cwd()): AppConfig {
  // An empty variable (FOO=) means "not set", as shells and .env files commonly write it.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}\nFix these environment variables (see README.md, "Configuration") and start again.`);
  }
  const values = parsed.data;
  if (values.EMBEDDINGS === 'openai' && values.EMBEDDING_BASE_URL === undefined) {
    throw new ConfigError('Invalid configuration:\n  EMBEDDING_BASE_URL: required when EMBEDDINGS=openai (for example http://127.0.0.1:11434/v1 for Ollama)\nSet it, or choose EMBEDDINGS=auto, and start again.');
  }
  checkAnswerSettings(values);
  // Listening beyond this machine, a request with a forged Host (DNS rebinding) must be refused.
  if (!isLoopback(values.HOST) && values.ALLOWED_HOSTS === undefined) {
    throw new ConfigError(`Invalid configuration:\n  ALLOWED_HOSTS: required when HOST=${values.HOST} listens beyond this machine: the host names clients use, comma-separated (for example qa.intranet.example.gov.cn,10.0.0.5:3000)\nSet it and start again.`);
  }
  return {
    host: values.HOST,
    port: values.PORT,
    seedsDirectory: resolve(baseDirectory, values.SEEDS_DIR),
    uploadsDirectory: resolve(baseDirectory, values.UPLOADS_DIR),
    databasePath: values.DATABASE_PATH === ':memory:' ? ':memory:' : resolve(baseDirectory, values.DATABASE_PATH),
    maxSeedFileBytes: values.MAX_SEED_FILE_BYTES,
    logLevel: values.LOG_LEVEL,
    tokenizer: values.TOKENIZER,
    useEnglishDictionaries: values.CEDICT === 'on',
    embeddings: {
      mode: values.EMBEDDINGS,
      baseUrl: values.EMBEDDING_BASE_URL,
      apiKey: values.EMBEDDING_API_KEY,
      timeoutMs: values.EMBEDDING_TIMEOUT_MS,
      modelId: values.EMBEDDING_MODEL,
      modelPath: values.EMBEDDING_MODEL_PATH === undefined ? undefined : resolve(baseDirectory, values.EMBEDDING_MODEL_PATH),
      allowDownload: values.EMBEDDING_ALLOW_DOWNLOAD === 'true',
      cacheDirectory: resolve(baseDirectory, values.EMBEDDING_CACHE_DIR),
      batchSize: values.EMBEDDING_BATCH_SIZE,
    },
    answer: {
      backend: values.ANSWER_BACKEND,
      baseUrl: values.LLM_BASE_URL,
      model: values.LLM_MODEL,
      apiKey: values.LLM_API_KEY,
      timeoutMs: values.LLM_TIMEOUT_MS,
      temperature: values.LLM_TEMPERATURE,
      // The prompts ship with the code, so by default they are found beside it, whatever the working directory.
      promptsDirectory: values.PROMPTS_DIR === undefined ? fileURLToPath(new URL('../prompts/', import.meta.url)) : resolve(baseDirectory, values.PROMPTS_DIR),
    },
    web: {
      directory: values.WEB_DIR === undefined ? fileURLToPath(new URL('../web/', import.meta.url)) : resolve(baseDirectory, values.WEB_DIR),
      allowedOrigins: values.EMBED_ALLOWED_ORIGINS,
      rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
      readRateLimitPerMinute: values.RATE_LIMIT_READS_PER_MINUTE,
      trustedProxies: values.TRUST_PROXY === 'true' ? 1 : values.TRUST_PROXY === 'false' ? 0 : Number(values.TRUST_PROXY),
      allowedHosts: values.ALLOWED_HOSTS,
      rateLimitRedisUrl: values.RATE_LIMIT_REDIS_URL,
    },
    adminTokens: values.ADMIN_TOKEN ?? [],
    apiKeys: values.API_KEYS ?? [],
    logQuestions: values.LOG_QUESTIONS === 'true',
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
    denseIndex: {
      directory: resolve(baseDirectory, values.INDEX_DIR),
      rebuild: values.DENSE_INDEX_REBUILD,
      m: values.HNSW_M,
      efConstruction: values.HNSW_EF_CONSTRUCTION,
      efSearch: values.HNSW_EF_SEARCH,
    },
  };
}

/** An LLM backend needs a model, and a key unless it talks to a self-hosted endpoint. */
function checkAnswerSettings(values: z.infer<typeof environmentSchema>): void {
  if (values.ANSWER_BACKEND === 'extractive') return;
  const problems: string[] = [];
  if (values.LLM_MODEL === undefined) {
    problems.push(`LLM_MODEL: required when ANSWER_BACKEND=${values.ANSWER_BACKEND} (for example ${values.ANSWER_BACKEND === 'openai' ? 'qwen2.5:7b-instruct for Ollama, or deepseek-chat' : 'claude-sonnet-4-5'})`);
  }
  if (values.LLM_API_KEY === undefined && values.LLM_BASE_URL === undefined) {
    problems.push(`LLM_API_KEY: required when ANSWER_BACKEND=${values.ANSWER_BACKEND} talks to the provider's own API; for a self-hosted endpoint set LLM_BASE_URL instead (for example http://127.0.0.1:11434/v1 for Ollama)`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}\nSet them, or choose ANSWER_BACKEND=extractive (offline), and start again.`);
  }
}
