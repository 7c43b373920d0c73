import { clauseLocation, documentReferenceZh } from '../../domain/answer/clause-reference.ts';
import type { ChatTurn, NumberedClause } from '../../domain/ports/answer-backend.ts';
import type { QuestionLanguage } from '../../domain/question/question-frame.ts';

/** How the clauses and the conversation are written into a prompt. */
export function formatClauses(clauses: NumberedClause[]): string {
  return clauses
    .map(({ n, hit }) => {
      const { clause, document } = hit;
      const lead = clause.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name);
      const others = clause.units.filter((unit) => unit.role !== 'lead').map((unit) => unit.name);
      const units = clause.units.length > 0 ? `\n责任单位：${lead.join('、')}（牵头）${others.length > 0 ? `；${others.join('、')}` : ''}` : '';
      const reference = document.docNumber ? `《${document.title}》（${document.docNumber}）` : documentReferenceZh(document);
      return `[${n}] ${reference} ${clauseLocation(clause, false)}\n${clause.text}${units}`;
    })
    .join('\n\n');
}

export function formatHistory(history: ChatTurn[]): string {
  if (history.length === 0) return '(none)';
  // The last few turns carry the topic; older ones only cost tokens.
  return history
    .slice(-6)
    .map((turn) => `${turn.role === 'user' ? 'User' : 'Assistant'}: ${turn.content.length > 1200 ? `${turn.content.slice(0, 1200)}…` : turn.content}`)
    .join('\n');
}

export function languageName(language: QuestionLanguage): string {
  return language === 'en' ? 'English' : language === 'zh-Hant' ? 'Traditional Chinese (繁體中文)' : 'Simplified Chinese (简体中文)';
}
