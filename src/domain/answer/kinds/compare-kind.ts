import { normalizeText } from '../../corpus/text-normalizer.ts';
import { statedValues } from '../evidence.ts';
import { unitCore } from '../../question/unit-directory.ts';
import type { Evidence } from '../answer-decision-types.ts';
import type { AnswerText } from '../answer-text.ts';
import { clauseLocation, documentReferenceEn, documentShortNameEn, documentShortNameZh } from '../clause-reference.ts';
import { contentKind } from './content-kind.ts';
import { isEnglish, unitName, verdictLine, type AnswerKind, type EvidenceResult, type KindContext } from './kind-support.ts';
import { leadKind, unitCheckKind, unitsKind } from './unit-kinds.ts';
import { dateKind, figureKind, moneyKind } from './value-kinds.ts';

/**
 * A question over several documents (国家和天津分别…, both, compared with): one line per document,
 * each from that document's own best clause, answered as the asked slot would be for it alone.
 * National first, then the others by date. Where the slot compares, a first line says how: the same
 * lead or not (by the unit's field: 市场监管总局 and 市市场监管局 are both the market regulator), the
 * figures side by side, or for a yes/no question (都是市场监管部门牵头吗?) the verdict over all.
 */
const BY_SLOT: Record<string, AnswerKind> = { lead: leadKind, units: unitsKind, 'unit-count': unitsKind, figure: figureKind, money: moneyKind, date: dateKind };

function slotKind(context: KindContext): AnswerKind {
  if (context.frame.yesNo && context.frame.units.length > 0) return unitCheckKind;
  return BY_SLOT[context.frame.slot] ?? contentKind;
}

function perDocument(context: KindContext): KindContext[] {
  const documents = [...new Map(context.clauses.map(({ hit }) => [hit.document.id, hit.document])).values()].sort(
    (left, right) => Number(right.level === 'national') - Number(left.level === 'national') || (left.date ?? '').localeCompare(right.date ?? ''),
  );
  return documents.map((document) => {
    const clauses = context.clauses.filter(({ hit }) => hit.document.id === document.id);
    // Shanwei's target for 2025 versus Tianjin's for 2016: each document is asked the years it speaks of.
    const asked = context.frame.years.asked;
    const own = asked.filter((year) => clauses.some(({ hit }) => hit.clause.normalizedText.includes(`${year}年`)));
    const frame = own.length > 0 && own.length < asked.length ? { ...context.frame, years: { ...context.frame.years, asked: own } } : context.frame;
    return { ...context, frame, clauses, scopeDocuments: [document] };
  });
}

export const compareKind: AnswerKind = {
  name: 'compare',
  applies: (frame) => frame.compare,
  evidence(context): EvidenceResult {
    const kind = slotKind(context);
    const found: Evidence[] = [];
    for (const documentContext of perDocument(context)) {
      const result = kind.evidence(documentContext);
      if ('found' in result && !result.closestMatch) found.push(result.found[0]!);
    }
    if (found.length === 0) return { missing: context.frame.slot === 'lead' || context.frame.slot === 'units' ? 'units' : 'document', rule: 'compare: no document answers the asked slot' };
    return { found, rule: `compare: ${kind.name} answered per document from its own best clause` };
  },
  compose(context, evidence, text) {
    const kind = slotKind(context);
    // 天津2014年的意见和国家方案是不是都提到X? Asked whether all do and only one does: the verdict still comes first.
    const alone = evidence.length === 1 && context.frame.yesNo && context.frame.units.length === 0 ? presenceLine(context, evidence, text) : null;
    const summary = evidence.length > 1 ? summaryLine(context, kind, evidence, text) : alone;
    if (summary) text.line(summary);
    else if (evidence.length > 1) text.line(isEnglish(context) ? 'By document:' : '各文件的规定如下：');
    const table = evidence.length > 1 ? comparisonTable(context, kind, evidence, text) : null;
    if (table) for (const row of table) text.line(row);
    const quotes: Record<number, string> = {};
    for (const each of evidence) Object.assign(quotes, kind.compose({ ...context, clauses: [each.clause], comparing: true }, [each], text, false).quotes);
    return { quotes };
  },
  missingText: { zh: '检索到的条款没有回答这个问题。', en: 'The closest clauses do not answer this.' },
};

/**
 * The compared values side by side as a Markdown table (the chat renders it, so does any Markdown
 * client): one row per document, its clause with the citation, the value emphasised.
 */
function comparisonTable(context: KindContext, kind: AnswerKind, evidence: Evidence[], text: AnswerText): string[] | null {
  const english = isEnglish(context);
  const value = (each: Evidence): string | undefined => (kind === leadKind ? (each.units?.[0] ? unitName(each.units[0], text) : undefined) : each.value ? text.corpus(each.value) : undefined);
  if (!(kind === leadKind || kind === figureKind || kind === moneyKind || kind === dateKind) || evidence.some((each) => value(each) === undefined)) return null;
  const cell = (content: string) => content.replace(/\|/gu, '／');
  const header = english ? ['Document', 'Clause', kind === leadKind ? 'Lead unit' : 'Value'] : ['文件', '条款', kind === leadKind ? '牵头单位' : '数值'];
  const rows = evidence.map((each) => {
    const { clause, document } = each.clause.hit;
    const name = text.corpus(cell(english ? documentShortNameEn(document) : documentShortNameZh(document)));
    const where = text.corpus(cell([clauseLocation(clause, english), clause.heading?.replace(/[。；;]$/u, '') ?? ''].filter(Boolean).join(' ')));
    return `| ${name} | ${where} [${each.clause.n}] | ${text.strong(value(each)!)} |`;
  });
  return [`| ${header.join(' | ')} |`, '| --- | --- | --- |', ...rows];
}

/** The one line that says how the documents compare, when the slot has values to set side by side. */
function summaryLine(context: KindContext, kind: AnswerKind, evidence: Evidence[], text: AnswerText): string | null {
  const english = isEnglish(context);
  const name = (each: Evidence) => text.corpus(english ? documentReferenceEn(each.clause.hit.document) : documentShortNameZh(each.clause.hit.document));
  if (context.frame.same && kind !== unitCheckKind) {
    const verdict = samenessLine(context, kind, evidence, text, name);
    if (verdict) return verdict;
  }
  if (kind === unitCheckKind) {
    const yes = evidence.filter((each) => each.verdict);
    const no = evidence.filter((each) => !each.verdict);
    if (no.length === 0) return english ? `Yes, in all ${evidence.length} documents.` : `是，${evidence.length}份文件都是。`;
    if (yes.length === 0) return english ? 'No, in none of them.' : '都不是。';
    return english
      ? `Not in all: yes in ${yes.map(name).join('; ')}; no in ${no.map(name).join('; ')}.`
      : `不全是：${yes.map(name).join('、')}是，${no.map(name).join('、')}不是。`;
  }
  // Do both target X? Who leads in each? The verdict on the documents first, then how their leads compare.
  const presence = context.frame.yesNo && context.frame.units.length === 0 && kind !== contentKind ? presenceLine(context, evidence, text) : '';
  if (kind === leadKind) {
    const leads = evidence.map((each) => each.units?.[0]);
    if (leads.some((lead) => lead === undefined)) return presence || null;
    const fields = new Set(leads.map((lead) => unitCore(lead!.name)));
    const opening = presence ? `${presence}${english ? ' ' : ''}` : '';
    if (fields.size === 1) {
      const field = [...fields][0]!;
      return english
        ? `${opening}The same department leads in each: ${leads.map((lead) => unitName(lead!, text)).join('; ')}.`
        : `${opening}牵头部门一致，都是${text.corpus(field)}部门（${leads.map((lead) => unitName(lead!, text)).join('、')}）。`;
    }
    return english
      ? `${opening}Different leads: ${evidence.map((each, index) => `${name(each)}: ${unitName(leads[index]!, text)}`).join('; ')}.`
      : `${opening}牵头单位不同：${evidence.map((each, index) => `${name(each)}为${unitName(leads[index]!, text)}`).join('；')}。`;
  }
  // 2014年天津意见跟汕尾稿都有提到首席质量官吗? The verdict over the documents asked: each that holds it, and those that do not.
  if (kind === contentKind && context.frame.yesNo) return presenceLine(context, evidence, text);
  if (kind === figureKind || kind === moneyKind || kind === dateKind) {
    if (evidence.some((each) => !each.value)) return presence || null;
    // Do both set the 60% target? With the value asked, the verdict is whether each sets that value.
    const stated = statedValues(context.frame, kind === moneyKind ? 'money' : kind === dateKind ? 'date' : 'figure');
    const setsIt = (each: Evidence) => stated.some((value) => normalizeText(each.value!).replace(/\s+/gu, '').includes(value));
    const verdict = context.frame.yesNo && stated.length > 0 && evidence.length === context.searchedDocuments.length
      ? verdictLine(evidence.every(setsIt), english, ['是。', '不是。'])
      : presence;
    const opening = verdict ? `${verdict}${english ? ' ' : ''}` : '';
    return opening + (english
      ? `Side by side: ${evidence.map((each) => `${name(each)} ${text.corpus(each.value!)}`).join('; ')}.`
      : `对比：${evidence.map((each) => `${name(each)} ${text.corpus(each.value!)}`).join('；')}。`);
  }
  return null;
}

// The names a clause gives in quotes (“小微企业质量管理体系认证升级行动”) and the figures it sets (60%).
const QUOTED_NAME = /[“「『"]([^”」』"]{2,40})[”」』"]/gu;
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|万元|亿元|元|个|项|家|年)/gu;

/**
 * What a document says for the compared slot, to tell whether they say the same: the lead's field
 * (市场监管总局 and 市市场监管委 are both the market regulator), the asked value, else for a content
 * question the figures of the quoted sentence, else the quoted name that shares most with the topic.
 */
function comparedValue(kind: AnswerKind, each: Evidence, topic: string): string | undefined {
  if (kind === leadKind) return each.units?.[0] ? unitCore(each.units[0].name) : undefined;
  if (kind !== contentKind) return each.value === undefined ? undefined : normalizeText(each.value);
  // Compared as normalised text: the national plan writes 小微企業, Tianjin's 小微企业.
  const quote = normalizeText(each.quote);
  const figures = quote.match(FIGURE);
  if (figures) return figures.map((figure) => figure.replace(/\s+/gu, '')).join('、');
  const names = [...quote.matchAll(QUOTED_NAME)].map((match) => match[1]!);
  // Shared pairs of characters, not single ones: 中小企业 shares 企业 with a campaign for small firms, 小微企业质量管理 shares most.
  const topicPairs = new Set(pairsOf(topic.replace(/\s+/gu, '')));
  const shared = (name: string) => new Set(pairsOf(name).filter((pair) => topicPairs.has(pair))).size;
  const score = (name: string) => shared(name) * 100 + [...new Set(name)].filter((character) => topic.includes(character)).length;
  const best = names.sort((left, right) => score(right) - score(left))[0];
  return best && shared(best) >= 2 ? best : undefined;
}

/** 一样吗? the same? Yes when every document gives the same value, with the values side by side. */
function samenessLine(context: KindContext, kind: AnswerKind, evidence: Evidence[], text: AnswerText, name: (each: Evidence) => string): string | null {
  const english = isEnglish(context);
  const values = evidence.map((each) => comparedValue(kind, each, context.frame.topic.text));
  if (values.every((value) => value === undefined)) return null;
  const same = values.every((value) => value !== undefined && value === values[0]);
  const shown = (index: number) => text.corpus(kind === leadKind ? (evidence[index]!.units?.[0]?.name ?? '') : (values[index] ?? (english ? 'not stated' : '未写明')));
  const sideBySide = evidence.map((each, index) => `${name(each)}${english ? ': ' : '为'}${shown(index)}`).join(english ? '; ' : '；');
  if (same) return english ? `Yes, the same in ${evidence.length === 2 ? 'both' : `all ${evidence.length}`}: ${sideBySide}.` : `是，一样：${sideBySide}。`;
  return english ? `No, they differ: ${sideBySide}.` : `不一样：${sideBySide}。`;
}

function pairsOf(text: string): string[] {
  const characters = [...text];
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

/** Whether every document asked about holds the topic: yes, or which do and which do not. */
function presenceLine(context: KindContext, evidence: Evidence[], text: AnswerText): string {
  const english = isEnglish(context);
  const name = (each: Evidence) => text.corpus(english ? documentReferenceEn(each.clause.hit.document) : documentShortNameZh(each.clause.hit.document));
  // A document whose clause sets another value than the question states does not write what was asked.
  const holders = evidence.filter((each) => each.verdict !== false);
  const holding = new Set(holders.map((each) => each.clause.hit.document.id));
  // 天津和国家方案是不是都有写? Asked of places, a place writes it when one of its documents does.
  const heldPlaces = new Set(holders.map((each) => each.clause.hit.document.regionCode));
  const lacking = context.searchedDocuments.filter((document) => !holding.has(document.id) && !(context.frame.scope.byPlace && heldPlaces.has(document.regionCode)));
  const lackingNames = lacking.map((document) => text.corpus(english ? documentReferenceEn(document) : documentShortNameZh(document)));
  if (lacking.length === 0) return english ? `Yes, ${holders.length === 2 ? 'both documents do' : `all ${holders.length} documents do`}.` : `有，${holders.length}份文件都提到了。`;
  if (holders.length === 0) return english ? 'No, none of them does.' : '没有，都没有提到。';
  return english
    ? `Not all: ${holders.map(name).join('; ')} ${holders.length === 1 ? 'does' : 'do'}; ${lackingNames.join('; ')} ${lacking.length === 1 ? 'does' : 'do'} not.`
    : `不是都有：${holders.map(name).join('、')}提到了，${lackingNames.join('、')}没有提到。`;
}
