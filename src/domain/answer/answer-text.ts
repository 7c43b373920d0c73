import * as OpenCC from 'opencc-js';
import type { QuestionLanguage } from '../question/question-frame.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Builds answer text in which the framing follows the question's language while everything taken
 * from the corpus (quotes, unit names, document numbers, headings) stays exactly as written. Corpus
 * text is held behind private-use placeholders while the framing is converted to Traditional for
 * Traditional questions, so a quote is never rewritten.
 */
export class AnswerText {
  private readonly protectedParts: string[] = [];
  private readonly lines: string[] = [];

  constructor(readonly language: QuestionLanguage) {}

  /** Marks corpus text: it passes through unchanged. */
  corpus(text: string): string {
    this.protectedParts.push(text);
    return `\uE000${this.protectedParts.length - 1}\uE001`;
  }

  line(text: string): this {
    this.lines.push(text);
    return this;
  }

  get isEmpty(): boolean {
    return this.lines.length === 0;
  }

  toString(): string {
    const framed = this.lines.join('\n');
    const converted = this.language === 'zh-Hant' ? toTraditional(framed) : framed;
    return converted.replace(/\uE000(\d+)\uE001/gu, (_match: string, index: string) => this.protectedParts[Number(index)]!);
  }
}
