import type { Evidence, NumberedClause } from '../answer-decision-types.ts';
import { clauseLocation, documentReferenceEn, documentReferenceZh } from '../clause-reference.ts';
import { unitTaskQuotes } from '../unit-task-quotes.ts';
import { isEnglish, unitName, verdictOpening, type AnswerKind, type KindContext } from './kind-support.ts';

/**
 * A unit's tasks across a document (市商务局在天津方案里牵头哪些任务? Which clauses of the national
 * plan does MOFCOM lead?): every clause whose parsed responsibility list names the unit, as lead only
 * or in any role as asked, grouped by document, each cited, with the count. A unit that leads nothing
 * gets a plain "none" and the clauses it shares.
 */
// Lead asked narrows the list to the led clauses (then, none led, the shared ones); "lead or support"
// joins the two roles and asks for both.
const EITHER_ROLE = /(lead|leads|leading|牵头)\s*(or|and|或者|或|还是|和|及|与|\/)\s*(support|supporting|co-responsible|involved|participate|share|配合|参与|协助|负责)/u;
const asksLead = (context: KindContext) => context.frame.slots.includes('lead') && !EITHER_ROLE.test(context.frame.normalized);

function unitIn(clause: NumberedClause, context: KindContext) {
  const names = context.frame.units.flatMap((unit) => unit.byDocument[clause.hit.document.id] ?? []);
  return clause.hit.clause.units.find((unit) => names.includes(unit.name));
}

export const unitTasksKind: AnswerKind = {
  name: 'unit-tasks',
  recordBased: true,
  applies: (frame) => frame.unitTasks,
  evidence(context) {
    const listed = context.clauses.filter((clause) => unitIn(clause, context));
    if (listed.length === 0) return { missing: 'units', rule: 'unit tasks: no clause of the documents in scope lists the unit' };
    const led = listed.filter((clause) => unitIn(clause, context)!.role === 'lead');
    // Asked who leads: the led clauses; none led, the shared ones, said so.
    const chosen = asksLead(context) && led.length > 0 ? led : listed;
    return { found: chosen.map((clause) => ({ clause, quote: '', value: unitIn(clause, context)!.name, verdict: unitIn(clause, context)!.role === 'lead' })), rule: `unit tasks: every clause listing the unit${asksLead(context) && led.length > 0 ? ' as lead' : ''}` };
  },
  compose(context, evidence, text) {
    const english = isEnglish(context);
    const unit = context.clauses.map((clause) => unitIn(clause, context)).find(Boolean)!;
    const name = unitName(unit, text);
    const leadOnly = asksLead(context) && evidence.every((each) => each.verdict);
    const byDocument = new Map<string, Evidence[]>();
    for (const each of evidence) byDocument.set(each.clause.hit.document.id, [...(byDocument.get(each.clause.hit.document.id) ?? []), each]);
    const reference = (document: Evidence['clause']['hit']['document']) => text.corpus(english ? documentReferenceEn(document) : documentReferenceZh(document));
    const within = byDocument.size === 1 ? reference(evidence[0]!.clause.hit.document) : '';
    const where = within ? (english ? ` in ${within}` : `在${within}中`) : '';
    // Anything else? The clauses in view are named apart; the verdict and the list are the others.
    if (context.frame.besidesClauseIds.length > 0) {
      composeOthers(context, evidence, text, name, where, leadOnly);
      return { quotes: {} };
    }
    // 有没有牵头的任务? Do we lead any task? Asked yes or no, the answer opens with the verdict.
    const noneLed = asksLead(context) && !leadOnly;
    const verdict = context.frame.yesNo ? verdictOpening(!noneLed, context) : '';
    if (noneLed) {
      text.line(`${verdict}${english ? `${name} leads none of the tasks${where}; it shares ${evidence.length}:` : `${name}${where}没有牵头的任务；作为责任单位参与${evidence.length}项：`}`);
    } else {
      text.line(`${verdict}${english ? `${name} ${leadOnly ? 'leads' : 'is listed for'} ${evidence.length} ${evidence.length === 1 ? 'task' : 'tasks'}${where}:` : `${name}${where}${leadOnly ? '牵头' : '参与'}${evidence.length}项任务：`}`);
    }
    const quotes = quotesOf(evidence);
    for (const group of byDocument.values()) {
      if (byDocument.size > 1) text.line(reference(group[0]!.clause.hit.document));
      for (const each of group) {
        text.line(taskLine(each, english, leadOnly, text));
        const quote = quotes[each.clause.n];
        if (quote) text.line(`  ${text.corpus(`“${quote}”`)}`);
      }
    }
    return { quotes };
  },
  missingText: { zh: '问题所指的文件中没有任何条款列出该单位。', en: 'No clause of the documents asked about lists this unit.' },
};

/** What each task says (unit-task-quotes.ts), by clause number, for the lines and for highlighting. */
function quotesOf(evidence: Evidence[]): Record<number, string> {
  const texts = unitTaskQuotes(evidence.map((each) => each.clause.hit.clause), evidence.map((each) => each.value ?? ''));
  return Object.fromEntries(evidence.flatMap((each, index) => (texts[index] ? [[each.clause.n, texts[index]!]] : [])));
}

function taskLine({ clause, verdict }: Evidence, english: boolean, leadOnly: boolean, text: Parameters<AnswerKind['compose']>[2]): string {
  const heading = clause.hit.clause.heading?.replace(/[。；;]$/u, '') ?? '';
  const role = leadOnly ? '' : english ? (verdict ? ' (lead)' : ' (shared)') : verdict ? '（牵头）' : '（配合）';
  return `- ${text.corpus(`${clauseLocation(clause.hit.clause, english)}${english ? ` “${heading}”` : `「${heading}」`}`)}${role} [${clause.n}]`;
}

/** Besides the clauses in view: yes or no on the others, the clause in view named, then the others listed. */
function composeOthers(context: KindContext, evidence: Evidence[], text: Parameters<AnswerKind['compose']>[2], name: string, where: string, leadOnly: boolean): void {
  const english = isEnglish(context);
  const inView = evidence.filter((each) => context.frame.besidesClauseIds.includes(each.clause.hit.clause.id));
  const others = evidence.filter((each) => !inView.includes(each));
  const viewed = inView.map((each) => `${text.corpus(clauseLocation(each.clause.hit.clause, english))} [${each.clause.n}]`).join(english ? ', ' : '、');
  const besides = viewed ? (english ? `Besides ${viewed}, ` : `除${viewed}外，`) : '';
  const verdict = context.frame.yesNo ? verdictOpening(others.length > 0, context) : '';
  const role = english ? (leadOnly ? 'leads' : 'is listed for') : leadOnly ? '牵头' : '参与';
  if (others.length === 0) {
    text.line(`${verdict}${english ? `${besides}${name} ${role} no other task${where}.` : `${besides}${name}${where}没有其他${role}的任务。`}`);
    return;
  }
  text.line(`${verdict}${english ? `${besides}${name} ${role} ${others.length} other ${others.length === 1 ? 'task' : 'tasks'}${where}:` : `${besides}${name}${where}还${role}${others.length}项任务：`}`);
  const quotes = quotesOf(others);
  for (const each of others) {
    text.line(taskLine(each, english, leadOnly, text));
    if (quotes[each.clause.n]) text.line(`  ${text.corpus(`“${quotes[each.clause.n]}”`)}`);
  }
}
