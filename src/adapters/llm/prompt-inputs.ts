import { clauseLocation, documentReferenceZh } from '../../domain/answer/clause-reference.ts';
import type { ChatTurn, NumberedClause } from '../../domain/ports/answer-backend.ts';
import type { QuestionLanguage } from '../../domain/question/question-frame.ts';

/**
 * How the clauses and the conversation are written into a prompt. Everything taken from documents
 * or sent by the client is data: it goes inside fences (<clause n="1">…</clause>, <turn>…</turn>)
 * that its own text cannot open or close, and a clause cannot pass for another (a line "[2] …"
 * inside clause 1 stays clause 1's text, with its brackets made full-width). The system prompt says
 * that fenced text is never an instruction.
 */
export function formatClauses(clauses: NumberedClause[]): string {
  return clauses
    .map(({ n, hit }) => {
      const { clause, document } = hit;
      const lead = clause.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name);
      const others = clause.units.filter((unit) => unit.role !== 'lead').map((unit) => unit.name);
      const units = clause.units.length > 0 ? `\n责任单位：${lead.join('、')}（牵头）${others.length > 0 ? `；${others.join('、')}` : ''}` : '';
      const reference = document.docNumber ? `《${document.title}》（${document.docNumber}）` : documentReferenceZh(document);
      return `<clause n="${n}" source="${attribute(`${reference} ${clauseLocation(clause, false)}`)}">\n${asData(`${clause.text}${units}`)}\n</clause>`;
    })
    .join('\n\n');
}

export function formatHistory(history: ChatTurn[]): string {
  if (history.length === 0) return '(none)';
  // The last few turns carry the topic; older ones only cost tokens.
  return history
    .slice(-6)
    .map((turn) => `<turn role="${turn.role}">${asData(turn.content.length > 1200 ? `${turn.content.slice(0, 1200)}…` : turn.content)}</turn>`)
    .join('\n');
}

/** The user's question, fenced like the rest of what the client sends. */
export function formatQuestion(question: string): string {
  return `<question>${asData(question)}</question>`;
}

/**
 * Text that cannot open or close a fence or pose as a citation header: angle brackets and square
 * brackets become their full-width forms, which a reader sees as the same and a parser never as markup.
 */
export function asData(text: string): string {
  return text.replace(/</gu, '＜').replace(/>/gu, '＞').replace(/\[/gu, '［').replace(/\]/gu, '］');
}

function attribute(text: string): string {
  return asData(text).replace(/"/gu, '＂');
}

export function languageName(language: QuestionLanguage): string {
  return language === 'en' ? 'English' : language === 'zh-Hant' ? 'Traditional Chinese (繁體中文)' : 'Simplified Chinese (简体中文)';
}
