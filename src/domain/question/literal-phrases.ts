import { normalizeText } from '../corpus/text-normalizer.ts';
import type { TopicWord } from './question-frame.ts';
import type { CorpusVocabulary, TopicReader } from './topic-reader.ts';

/**
 * The topic as the corpus writes it, for questions asked literally (which documents mention X?):
 * what the question quotes, else adjacent topic words joined where the corpus writes them joined
 * (中国品牌日, 潜在缺陷保险), and in English questions the Chinese and the codes written into them.
 */
export class LiteralPhraseReader {
  constructor(
    private readonly vocabulary: CorpusVocabulary,
    private readonly topic: TopicReader,
  ) {}

  read(words: TopicWord[], normalized: string, original: string, english: boolean): string[] {
    return this.quoted(normalized) ?? (english ? this.writtenInEnglish(original) : this.joined(words, normalized));
  }

  /** What the question quotes (内外贸产品“同线同标同质”) is the phrase asked about, when the corpus writes it. */
  private quoted(normalized: string): string[] | undefined {
    const quoted = [...normalized.matchAll(/[“"「『]([^”"」』]{2,30})[”"」』]/gu)].map((match) => match[1]!.trim()).filter((span) => this.vocabulary.writes(span));
    return quoted.length > 0 ? quoted : undefined;
  }

  /** Topic words, adjacent ones joined where the question and the corpus both write them joined. */
  joined(words: TopicWord[], normalized: string): string[] {
    const content = words.filter((word) => word.seen || word.specific).map((word) => word.word);
    const phrases: string[] = [];
    for (let start = 0; start < content.length; ) {
      let end = start + 1;
      for (let next = start + 2; next <= content.length; next += 1) {
        const joined = content.slice(start, next).join('');
        if (!normalized.includes(joined) || !this.vocabulary.writes(joined)) break;
        end = next;
      }
      phrases.push(this.widened(content.slice(start, end).join(''), normalized));
      start = end;
    }
    return phrases;
  }

  /** A phrase with the one or two characters next to it in the question that the topic reader let go (中国品牌 + 日, 潜在 + 缺陷保险), when the corpus writes them together. */
  private widened(phrase: string, normalized: string): string {
    const at = normalized.indexOf(phrase);
    if (at < 0) return phrase;
    const han = (text: string) => /^\p{Script=Han}+$/u.test(text);
    const end = at + phrase.length + ([2, 1].find((step) => han(normalized.slice(at + phrase.length, at + phrase.length + step)) && normalized.length >= at + phrase.length + step && this.vocabulary.writes(normalized.slice(at, at + phrase.length + step))) ?? 0);
    const start = at - ([2, 1].find((step) => at - step >= 0 && han(normalized.slice(at - step, at)) && this.vocabulary.writes(normalized.slice(at - step, end))) ?? 0);
    return normalized.slice(start, end);
  }

  /** In an English question: the Chinese and the codes (IPv6, 96333) it writes that the corpus writes too. */
  private writtenInEnglish(original: string): string[] {
    const normalized = normalizeText(original).toLowerCase();
    // Years are the question's scope or deadline, not a phrase to find.
    const spans = [...normalized.matchAll(/\p{Script=Han}+|[a-z]*\d[a-z0-9.-]*/gu)].map((match) => match[0]).filter((span) => !/^(?:19|20)\d{2}$/u.test(span));
    return [...new Set(spans.flatMap((span) => {
      if (this.vocabulary.writes(span)) return [span];
      if (!/\p{Script=Han}/u.test(span)) return [];
      return this.joined(this.topic.read(span).words, span);
    }))];
  }
}
