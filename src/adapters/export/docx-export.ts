import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ExportedConversation } from '../../services/conversation-export.ts';

/**
 * A conversation as a Word document (the docx library): the title, each question as a heading, the
 * answer with its key value in bold, and its sources with the quoted sentences, in a CJK font.
 */
const FONT = { ascii: 'Microsoft YaHei', eastAsia: 'Microsoft YaHei', hAnsi: 'Microsoft YaHei' };

export async function conversationDocx(conversation: ExportedConversation): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: conversation.title, font: FONT })] }),
    new Paragraph({ children: [new TextRun({ text: `导出时间：${conversation.exportedAt.slice(0, 16).replace('T', ' ')} (UTC)`, font: FONT, color: '5B6475' })] }),
  ];
  conversation.turns.forEach((turn, index) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: `${index + 1}. ${turn.question}`, font: FONT })] }));
    for (const line of turn.answer.split('\n')) children.push(new Paragraph({ children: emphasised(line) }));
    if (turn.sources.length > 0) {
      children.push(new Paragraph({ children: [new TextRun({ text: '来源 / Sources', bold: true, font: FONT })] }));
      for (const source of turn.sources) {
        children.push(new Paragraph({ children: [new TextRun({ text: `[${source.n}] ${source.label}`, font: FONT })] }));
        children.push(new Paragraph({ indent: { left: 480 }, children: [new TextRun({ text: `“${source.quote}”`, italics: true, font: FONT, color: '333333' })] }));
      }
    }
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ creator: 'policy-qa', title: conversation.title, sections: [{ children }] })));
}

/** **…** in an answer line becomes a bold run; the rest is plain text. */
function emphasised(line: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of line.matchAll(/\*\*([^*\n]+)\*\*/gu)) {
    if (match.index > last) runs.push(new TextRun({ text: line.slice(last, match.index), font: FONT }));
    runs.push(new TextRun({ text: match[1]!, bold: true, font: FONT }));
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push(new TextRun({ text: line.slice(last), font: FONT }));
  return runs;
}
