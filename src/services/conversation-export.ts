import type { StoredConversation } from '../domain/ports/conversation-store.ts';
import { citationLabel } from './citation-label.ts';

/**
 * A conversation as staff paste it into a report (汇报材料): each question, its answer, and the
 * clauses the answer cited as they read when cited (title, 文号, clause, heading, the quoted
 * sentence). One model, two renderings: Markdown here, DOCX in adapters/export.
 */
export interface ExportedTurn {
  question: string;
  /** The answer with its emphasis marks (**…**): a renderer makes them bold. */
  answer: string;
  notFound: boolean;
  sources: ExportedSource[];
}

export interface ExportedSource {
  n: number;
  /** 《关于…〈纲要〉…》 津质量发〔2023〕3号 二（二） 提升食品质量水平 */
  label: string;
  /** The sentence(s) the answer relied on, or the clause's text. */
  quote: string;
}

export interface ExportedConversation {
  title: string;
  exportedAt: string;
  turns: ExportedTurn[];
}

export function exportedConversation(conversation: StoredConversation, title: string, now: Date): ExportedConversation {
  const turns: ExportedTurn[] = [];
  const messages = conversation.messages;
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index]!;
    if (message.role !== 'user') continue;
    const answer = messages[index + 1]?.role === 'assistant' ? messages[index + 1] : undefined;
    if (answer) index += 1;
    turns.push({
      question: message.content,
      answer: answer?.content ?? '',
      notFound: answer?.notFound === true,
      sources: (answer?.citations ?? [])
        .filter((citation) => citation.role === 'cited' && citation.snapshot)
        .map((citation) => ({ n: citation.n, label: citationLabel(citation.snapshot!, 'full'), quote: citation.snapshot!.quote ?? citation.snapshot!.text })),
    });
  }
  return { title, exportedAt: now.toISOString(), turns };
}

export function conversationMarkdown(conversation: ExportedConversation): string {
  const lines = [`# ${escapeMarkdown(conversation.title)}`, '', `导出时间：${conversation.exportedAt.slice(0, 16).replace('T', ' ')} (UTC)`, ''];
  conversation.turns.forEach((turn, index) => {
    lines.push(`## ${index + 1}. ${escapeMarkdown(turn.question)}`, '');
    // The answer's own **…** emphasis is kept; everything else it holds is text.
    lines.push(...turn.answer.split('\n').map((line) => (line.startsWith('- ') ? line : escapeMarkdown(line).replace(/\\\*\\\*/gu, '**'))), '');
    if (turn.sources.length > 0) {
      lines.push('**来源 / Sources**', '');
      for (const source of turn.sources) lines.push(`${source.n}. ${escapeMarkdown(source.label)}`, `   > ${escapeMarkdown(source.quote).replace(/\n/gu, ' ')}`);
      lines.push('');
    }
  });
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Markdown's own characters in corpus text stay characters (a clause holding * or # does not format). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_#<>[\]|])/gu, '\\$1');
}
