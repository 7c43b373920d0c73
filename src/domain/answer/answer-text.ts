import * as OpenCC from 'opencc-js';
import { simplifiedForDisplay } from '../corpus/text-normalizer.ts';
import type { QuestionLanguage } from '../question/question-frame.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Builds answer text in which the framing follows the question's language while everything taken
 * from the corpus (quotes, unit names, document numbers, headings) keeps its words, in the reader's
 * script (see toString). Corpus
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

  /** The answer's key value, emphasised as Markdown (**…**): the chat shows it bold, and so does any Markdown client. */
  strong(text: string): string {
    return `**${text}**`;
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
    // Corpus text in the reader's script: Simplified for Simplified and English readers (the
    // national plan is in Traditional), as written for Traditional readers. Words are never changed.
    const shown = (part: string) => (this.language === 'zh-Hant' ? part : simplifiedForDisplay(part));
    return converted.replace(/\uE000(\d+)\uE001/gu, (_match: string, index: string) => shown(this.protectedParts[Number(index)]!));
  }
}
