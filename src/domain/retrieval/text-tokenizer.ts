import type { ChineseSegmenter } from '../text/chinese-segmenter.ts';

/**
 * Turns normalised (Simplified) text into index terms. Three modes, compared by
 * `npm run eval:retrieval`: jieba words (the shared segmenter, which knows unit names, policy
 * terms and quoted names), character bigrams, or both. Numbers stay whole (94.8, 2025) so figures can be matched.
 */
export type TokenizerMode = 'jieba' | 'bigram' | 'jieba+bigram';

export interface TextTokenizer {
  readonly mode: TokenizerMode;
  tokenize(normalizedText: string): string[];
  /** Content words of a question (no stopwords, no overlapping bigrams), for judging coverage. */
  words(normalizedText: string): string[];
}

// Function words carry no topic; single characters other than these still count (药, 奶).
export const STOPWORDS: ReadonlySet<string> = new Set(
  '的 了 和 与 及 等 到 年 月 日 在 对 为 是 将 把 并 或 由 从 以 于 其 之 按 向 中 上 下 个 要 有 被 让 给 也 都 而 但 就 各 该 这 那 哪 哪些 哪个 什么 多少 怎么 如何 是否 吗 呢 吧 啊 一个 一些 进一步 加强 推进 推动 提升 提高 开展 加快 深入 持续 不断 积极 大力 全面 健全 完善 强化 实施 支持 鼓励 引导 促进'.split(' '),
);
/** Function characters (particles, prepositions, pronouns): never a typo's intended character, nor part of a word jieba glued them to. */
export const FUNCTION_CHARACTERS: ReadonlySet<string> = new Set([...'的了和与及等在对为是将把并或由从以于其之也都而但就各该这那吗呢吧啊着过']);
// Verbs like 加强/推进 open almost every clause; as bigrams they still count, as words they drown the topic.

const HAN_RUN = /\p{Script=Han}+/gu;
const NUMBER = /\d+(?:\.\d+)?/gu;
const LATIN_WORD = /[a-z][a-z0-9]*/gu;

export function createTokenizer(mode: TokenizerMode, segmenter: ChineseSegmenter): TextTokenizer {
  const jieba = mode === 'bigram' ? undefined : segmenter;
  return {
    mode,
    tokenize(normalizedText: string): string[] {
      const text = normalizedText.toLowerCase();
      const tokens: string[] = [];
      for (const number of text.match(NUMBER) ?? []) tokens.push(number);
      for (const word of text.replace(/\d+(?:\.\d+)?/gu, ' ').match(LATIN_WORD) ?? []) tokens.push(word);
      for (const run of text.match(HAN_RUN) ?? []) {
        if (jieba) {
          for (const word of jieba.cutForSearch(run)) if (!STOPWORDS.has(word)) tokens.push(word);
        }
        if (mode !== 'jieba') pushBigrams(run, tokens);
      }
      return tokens;
    },
    words(normalizedText: string): string[] {
      const text = normalizedText.toLowerCase();
      const words: string[] = [...(text.match(NUMBER) ?? []), ...(text.replace(/\d+(?:\.\d+)?/gu, ' ').match(LATIN_WORD) ?? [])];
      for (const run of text.match(HAN_RUN) ?? []) {
        if (jieba) words.push(...jieba.cut(run).filter((word) => !STOPWORDS.has(word)));
        else words.push(run);
      }
      return words;
    },
  };
}

function pushBigrams(run: string, tokens: string[]) {
  if (run.length === 1) {
    tokens.push(run);
    return;
  }
  // Bigrams are marked so that a two-character jieba word and a bigram stay separate terms.
  for (let index = 0; index < run.length - 1; index += 1) tokens.push(`~${run.slice(index, index + 2)}`);
}
