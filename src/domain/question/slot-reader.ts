import { withoutDocumentKinds } from './document-kind-names.ts';
import cues from './question-cues.json' with { type: 'json' };
import { APPROVAL_ASK, BASIS_ASK, ISSUE_VERB_AT_END, ISSUER_ASK } from './notice-ask-patterns.ts';
import { cuePattern, escapePattern, isLatin, matchesCue } from './cue-matching.ts';
import type { AskedSlot, SlotCue } from './question-frame.ts';
import { readStatedUnitCount, readStatedValues, type StatedValue } from './stated-values.ts';
import { chineseYesNoCue, englishYesNoCue } from './yes-no-reader.ts';

/**
 * Which fact a question asks for, read from its frame words (question-cues.json): the slot cues,
 * yes/no, how many, "does it mention", and the measure of an asked figure. The cues found are taken
 * out of the text, which then holds the topic.
 */
export interface SlotReading {
  slots: AskedSlot[];
  cues: SlotCue[];
  yesNo: boolean;
  compare: boolean;
  /** How many is asked (几个, how many). */
  count: boolean;
  /** Does the document speak of X (有没有提到, mention). */
  mention: boolean;
  /** A list of tasks or clauses is asked (哪些任务, which clauses). */
  tasks: boolean;
  /** Which documents hold something is asked (哪几份文件, which documents). */
  documents: boolean;
  /** Whether the documents say the same is asked (一样吗, the same?). */
  same: boolean;
  measure: string | null;
  /** Values the question states to check them (是95%对吧?): stated-values.ts. */
  stated: StatedValue[];
  /** A number of units stated to check it (是三个单位负责吧?): the count of the list is checked. */
  statedUnitCount: number | null;
  /** Which of a clause's units a count or check is about: those beside the lead, or the named one alone. */
  unitRole: UnitRole | null;
  rest: string;
}

export type UnitRole = 'supporting' | 'only';
const UNIT_ROLE_CUES: { role: UnitRole; cue: string }[] = [
  ...cues.unitRoles.supporting.map((cue) => ({ role: 'supporting' as const, cue })),
  ...cues.unitRoles.only.map((cue) => ({ role: 'only' as const, cue })),
].sort((left, right) => right.cue.length - left.cue.length);

type CueSlot = AskedSlot | 'compare';

// Longest cues first, across all kinds: 多少钱 (money) before 多少 (figure), 哪个部门负责 before 负责.
const ALL_CUES: { kind: SlotCue['slot']; cue: string }[] = [
  ...(cues.slots as { slot: CueSlot; cues: string[] }[]).flatMap(({ slot, cues: phrases }) => phrases.map((cue) => ({ kind: slot, cue }))),
  ...cues.counts.cues.map((cue) => ({ kind: 'count' as const, cue })),
  ...cues.mentions.cues.map((cue) => ({ kind: 'mention' as const, cue })),
  ...cues.yesNo.cues.map((cue) => ({ kind: 'yes-no' as const, cue })),
  ...cues.lists.cues.map((cue) => ({ kind: 'list' as const, cue })),
  ...cues.taskNouns.cues.map((cue) => ({ kind: 'tasks' as const, cue })),
  ...cues.documentsAsked.cues.map((cue) => ({ kind: 'documents' as const, cue })),
  ...cues.sameness.cues.map((cue) => ({ kind: 'same' as const, cue })),
].sort((left, right) => right.cue.length - left.cue.length);
// 提到的, 提及了的: a Chinese mention cue before 的 describes a noun (这条里提到的奖励金额).
const DESCRIBING_MENTION = new Map(cues.mentions.cues.filter((cue) => !isLatin(cue)).map((cue) => [cue, new RegExp(`${escapePattern(cue)}(?:了)?的`, 'u')]));
const STATUS_CUES = ALL_CUES.filter(({ kind }) => kind === 'status').map(({ cue }) => cue);
const WEAK_CUES = (cues.weakSlots.slots as { slot: AskedSlot; cues: string[] }[])
  .flatMap(({ slot, cues: phrases }) => phrases.map((cue) => ({ slot, cue })))
  .sort((left, right) => right.cue.length - left.cue.length);
/** Every cue phrase, for reading frame words typed with the wrong character (cue-typos.ts). */
export const FRAME_CUES: readonly string[] = [...ALL_CUES.map(({ cue }) => cue), ...WEAK_CUES.map(({ cue }) => cue)];
const VALUE_SLOTS = new Set<CueSlot>(['figure', 'money', 'date', 'docNumber', 'issuer', 'status', 'addressees', 'basis', 'approval', 'contact']);
const UNIT_NOUNS = cues.counts.unitNouns;
const ISSUE_VERBS = cues.issueVerbs.cues;
const LONE_TASK_NOUN = /(?<=^|\s)(?:工作|任务|事项|事情|事儿|活儿|活)(?=\s|[?？。]|$)/gu;
const HAN_UNIT_NOUNS = UNIT_NOUNS.filter((noun) => /^\p{Script=Han}+$/u.test(noun));
// The unit noun a question asked for, left standing alone once its cue or measure words are out (哪些配合 | 单位, 哪几个 | 部门的事),
// or before a locative (配合 | 单位里有海关吗: among the units).
const LONE_UNIT_NOUN = new RegExp(`(?<=^|\\s)(?:${HAN_UNIT_NOUNS.filter((noun) => noun.length >= 2).join('|')})(?=的|里|中|内|当中|之中|\\s|[?？。]|$)`, 'gu');
// The question word that asks for a unit: 谁, or 哪/什么 with a measure before a unit noun (哪几个部门, 哪些局, 什么单位).
const WHICH_UNIT = `(?:哪|什么)(?:些|几个|几家|几|个|家|一个)?(?:${HAN_UNIT_NOUNS.join('|')})`;
const UNIT_ASK = new RegExp(`谁|${WHICH_UNIT}`, 'u');
// Words of a time, with which 几号 asks a day.
const TIME_WORDS = /几号\s*(?:前|之前|以前|后|之后|以后)|日期|时间|日子|截止|期限|哪天|哪一天|月|年|印发|发布|签发|落款|成文|出台|什么时候|啥时候/u;
// A verb of sending comments in, then the unit asked (反馈给哪个单位, 报送至哪个部门, 意见交给谁).
// 反馈给谁, 报送到哪个部门: to whom comments go; 怎么提交意见, 如何报送: by what way. Either asks where to send them.
const SENDING_VERB = '(?:反馈|报送|寄送|寄给|发送|提交|递交|报给|交给)';
const SENDING_ASK = new RegExp(`${SENDING_VERB}(?:给|到|至)?\\s*(?:谁|${WHICH_UNIT}|哪个|哪家|哪)|(?:怎么|怎样|如何|咋|通过什么|用什么|以什么)(?:方式|途径|渠道)?(?:才能|可以|能|来|去)?${SENDING_VERB}(?:意见|建议)?`, 'u');
// Facts of a notice that may be asked together (to whom, approved by whom, 文号, dates).
const NOTICE_SLOTS = new Set<CueSlot>(['addressees', 'docNumber', 'issue-date', 'basis', 'contact', 'status']);
const PERCENT = cues.measures.percent;
const MONEY_WORDS = cues.measures.money;
const MEASURE_AFTER_QUESTION_WORD = new RegExp(`(?:几|多少)(${cues.measures.words})`, 'u');
// A question word with its measure word (哪些条, 哪几类, 几个) frames the question; the measure is no topic.
// Asked in clauses or items (哪些条, 哪几项), it asks for a list of tasks.
const QUESTION_MEASURE = new RegExp(`(?:哪些|哪几|哪一|哪|几|多少)(${cues.measures.words})`, 'gu');
const CLAUSE_MEASURES = new Set(['条', '项', '款']);
const ENGLISH_MEASURES = Object.entries(cues.measures.english as Record<string, string>).sort(([left], [right]) => right.length - left.length);

// Between the question word and the year, up to three words, and what a document's name taken out left ('s).
const ENGLISH_YEAR_ASKED = /(?<![a-z])(?:what|which)(?:'s|\s+is|\s+was)?\s+(?:(?:the|its|their)\s+)?(?:'s\s+)?(?:[a-z-]+\s+){0,3}year(?![a-z])/u;
// When several slots are asked, this order decides which the answer leads with.
const PRECEDENCE: AskedSlot[] = ['docNumber', 'issuer', 'issue-date', 'status', 'addressees', 'basis', 'approval', 'contact', 'unit-count', 'lead', 'units', 'money', 'figure', 'date', 'content'];

/** `asked`: the question with its scope and references taken out; `question`: all of it, normalised. */
export function readSlots(asked: string, question: string, english: boolean, namesUnits = false): SlotReading {
  // "which other units", "who else": the same ask as "which units", "who" (the others are the answer's to say).
  const text = english ? withoutDocumentKinds(asked).replace(/\b(which|what|who)\s+(other|else|another|additional|more)\b\s*/gu, '$1 ') : asked.replace(/(其他|其它|另外|别的)(哪些|哪个|哪几)/gu, '$2');
  let rest = text;
  const found: SlotCue[] = [];
  const take = (slot: SlotCue['slot'], cue: string) => {
    found.push({ slot, cue });
    rest = rest.replace(cuePattern(cue), ' ');
  };
  // What MTBF in hours is set? A figure asked in a measure, when no cue asks anything else (below).
  const inMeasure = english ? askedInMeasure(text) : undefined;
  let measure = measureOf(text, english) ?? inMeasure ?? null;
  // One pass over every kind of cue, longest first: "document number" is not read as "number of".
  const slots = new Set<CueSlot>();
  let count = false;
  let mention = false;
  let yesNo = false;
  let tasks = false;
  let documents = false;
  let same = false;
  for (const { kind, cue } of ALL_CUES) {
    if (!matchesCue(rest, cue)) continue;
    // 这条里提到的奖励金额是多少: 提到 before 的 describes the thing asked about; it asks nothing of its own.
    if (kind === 'mention' && DESCRIBING_MENTION.get(cue)?.test(rest)) continue;
    if (kind === 'count') count = true;
    else if (kind === 'mention') mention = true;
    else if (kind === 'yes-no') yesNo = true;
    else if (kind === 'tasks') tasks = true;
    else if (kind === 'documents') documents = true;
    else if (kind === 'same') same = true;
    else if (kind !== 'list') slots.add(kind);
    take(kind, cue);
  }
  // What's its longer-term horizon year? Which end year? A wh-question whose asked noun is a year asks a date, whatever
  // words describe the year; the year word itself is no topic.
  const yearAsked = english && !slots.has('date') ? ENGLISH_YEAR_ASKED.exec(rest) : null;
  if (yearAsked) {
    slots.add('date');
    found.push({ slot: 'date', cue: yearAsked[0] });
    rest = rest.replace(/(?<![a-z])year(?![a-z])/u, ' ');
  }
  // 还是征求意见稿, still a draft: a status cue holds the draft word that also named the document, so it is read on
  // the question as written as well as on what the scope left.
  const whole = english ? withoutDocumentKinds(question) : question;
  const status = !slots.has('status') && STATUS_CUES.find((cue) => matchesCue(whole, cue));
  if (status) (slots.add('status'), found.push({ slot: 'status', cue: status }));
  for (const match of rest.matchAll(QUESTION_MEASURE)) {
    if (CLAUSE_MEASURES.has(match[1]!)) tasks = true;
    found.push({ slot: CLAUSE_MEASURES.has(match[1]!) ? 'tasks' : 'list', cue: match[0] });
  }
  rest = rest.replace(QUESTION_MEASURE, ' ');
  // 几项, read as a count above, still counts clauses: tasks are asked.
  for (const match of text.matchAll(QUESTION_MEASURE)) if (CLAUSE_MEASURES.has(match[1]!)) tasks = true;
  // Yes or no asked without a cue word of question-cues.json (yes-no-reader.ts): read on the question as written (not
  // on what the cues left), before a stated unit count needs it; taken as cues further down.
  const colloquialYesNo = english ? undefined : chineseYesNoCue(text, question);
  const opening = english ? englishYesNoCue(question) : undefined;
  // 是三个单位负责吧? Are three agencies responsible? A number of units stated in a yes/no question asks their count, to check it.
  const unitCount = readStatedUnitCount(rest, english);
  const statedUnitCount = unitCount && (yesNo || colloquialYesNo !== undefined || opening !== undefined) ? unitCount.count : null;
  if (unitCount && statedUnitCount !== null) {
    count = true;
    found.push({ slot: 'count', cue: unitCount.text });
    rest = rest.replace(unitCount.text, ' ');
  }
  // 参与, 负责, lead: the units asked only when no value is (or only tasks are counted); otherwise they are the topic's own verbs.
  const asksValue = [...slots].some((slot) => VALUE_SLOTS.has(slot)) || count || mention;
  // Tasks counted (how many tasks does it lead?): the verb says which role's tasks, as 牵头几项 does.
  // Units counted (how many agencies are listed?, 一共几个部门参与): the verb says how the units stand in the list, as it does unasked.
  const unitsCounted = count && ![...slots].some((slot) => VALUE_SLOTS.has(slot)) && UNIT_NOUNS.some((noun) => matchesCue(text, noun));
  if (!asksValue || (english && count && tasks) || unitsCounted) for (const { slot, cue } of WEAK_CUES) if (matchesCue(rest, cue) && !inRelativeClause(rest, cue)) (slots.add(slot), take(slot, cue));
  // 哪些配合单位: the unit noun left standing alone once its cue words are out is part of the ask, no topic;
  // so is a task noun left alone by a count or list of tasks (牵头几项工作).
  if (slots.has('units') || slots.has('lead')) rest = rest.replace(LONE_UNIT_NOUN, ' ');
  if (tasks) rest = rest.replace(LONE_TASK_NOUN, ' ');
  const unitNoun = count && UNIT_NOUNS.some((noun) => matchesCue(text, noun));
  // 一共几个部门: the noun counted is what is asked, not a topic.
  if (unitNoun) for (const noun of UNIT_NOUNS) if (noun.length >= 2 && matchesCue(rest, noun)) take('count', noun);
  if (colloquialYesNo) {
    yesNo = true;
    found.push({ slot: 'yes-no', cue: colloquialYesNo });
    rest = rest.replace(colloquialYesNo, ' ');
  }
  if (opening) {
    yesNo = true;
    found.push({ slot: 'yes-no', cue: opening });
  }
  // 是95%对吧? 不少于3万批次，对吗? A value stated and asked yes or no checks the figure the clause sets,
  // in that value's measure; the value itself is no topic word.
  const stated = readStatedValues(question);
  // A unit named beside it (100%覆盖那条，公安局也有份吗?) is what is checked; the value only points at the clause.
  if (stated.length > 0 && yesNo && !namesUnits && ![...slots].some((slot) => VALUE_SLOTS.has(slot) || slot === 'lead' || slot === 'units')) {
    slots.add(stated[0]!.kind);
    measure ??= stated[0]!.measure;
  }
  for (const value of stated) rest = rest.replace(value.text, ' ');
  // 除了牵头单位还有几个配合? 是不是只有市场监管委负责? Which units are counted or checked; the cue is no topic.
  const role = UNIT_ROLE_CUES.find(({ cue }) => matchesCue(text, cue));
  if (role) rest = rest.replace(cuePattern(role.cue), ' ');
  // 一共几个部门负责 asks how many units; 几家企业 asks a figure; 配合的有几个 how many support the lead.
  if (count && (unitNoun || role?.role === 'supporting') && !slots.has('issuer')) slots.add('unit-count');
  if (count && !slots.has('unit-count') && !slots.has('issuer')) slots.add('figure');
  // "pass rate target?", 合格率目标: a rate asked with no other slot is a figure; compared (对比…合格率目标), a figure of each.
  // 效率那条 应急管理局有吗: not where a named unit is checked yes or no; the rate word only names the clause.
  if (measure === '%' && [...slots].every((slot) => slot === 'compare') && !(namesUnits && yesNo)) slots.add('figure');
  // 一共有多少钱: a figure asked in money is an amount.
  if (measure === '元' && slots.delete('figure')) slots.add('money');
  if (inMeasure && slots.size === 0) slots.add('figure');
  if (slots.has('date') && ISSUE_VERBS.some((verb) => matchesCue(text, verb))) {
    slots.delete('date');
    slots.add('issue-date');
  }
  // 哪些部门发的, 谁印发的, 哪个单位出台: who issued the document, however the asker and the verb combine.
  if (ISSUER_ASK.test(text) && !slots.has('issue-date')) {
    slots.delete('units');
    slots.delete('lead');
    slots.add('issuer');
    rest = rest.replace(ISSUE_VERB_AT_END, ' ');
  }
  // 平台是几号? 几号 asks a day only of a time (截止日期是几号, 几月几号); of a thing (a platform, a hotline) its number.
  const dateCues = found.filter(({ slot }) => slot === 'date');
  if (!english && dateCues.length === 1 && dateCues[0]!.cue === '几号' && !TIME_WORDS.test(text)) {
    slots.delete('date');
    slots.add('figure');
  }
  // 意见反馈给哪个单位, 报送到哪个部门: where comments go, however the verb of sending and the asked unit combine.
  if (SENDING_ASK.test(text) && !slots.has('issuer') && !slots.has('addressees')) {
    slots.delete('lead');
    slots.delete('units');
    slots.add('contact');
    rest = rest.replace(SENDING_ASK, ' ');
  }
  // 有没有经过国务院同意, 经谁批准: the approval, with whatever stands between 经 and 同意.
  if (APPROVAL_ASK.test(text) && !slots.has('issuer')) {
    // 发给哪些单位？有没有经国务院同意？ Another fact of the notice asked beside it is still asked.
    const notice = [...slots].filter((slot) => NOTICE_SLOTS.has(slot));
    slots.clear();
    for (const slot of ['approval' as const, ...notice]) slots.add(slot);
  }
  // How many departments signed off on it? An approval is one body's (国务院); the bodies counted are its issuers.
  if (slots.has('approval') && unitNoun) {
    slots.delete('approval');
    slots.add('issuer');
  }
  // 落实哪个文件, 依据的是什么纲要, 落实国务院哪个文件, 按照国家哪个文件要求制定, 落实哪个 (its 文件 read as naming a document), implement which State Council document: what the document implements,
  // however the verb and the asked document combine.
  // 落实国务院哪份文件？文号多少: the number asked with it is that document's, which the basis gives with its title.
  const besideBasis = [...slots].filter((slot) => slot !== 'docNumber' && slot !== 'figure');
  if (BASIS_ASK.test(text) && (slots.size <= 1 || besideBasis.length === 0) && !slots.has('issuer')) {
    slots.clear();
    slots.add('basis');
  }
  // 归谁, 是哪几个部门的事: a question word that asks for units, with nothing else asked, asks the responsible units
  // (whose answer names the lead among them), whatever verb or phrase carries it.
  const unitAsk = !english && slots.size === 0 && !count && !mention ? UNIT_ASK.exec(text) : null;
  if (unitAsk) {
    slots.add('units');
    found.push({ slot: 'units', cue: unitAsk[0] });
    rest = rest.replace(UNIT_ASK, ' ').replace(LONE_UNIT_NOUN, ' ');
  }
  const compare = slots.delete('compare') || same;
  const ordered = PRECEDENCE.filter((slot) => slots.has(slot));
  return { slots: ordered.length > 0 ? ordered : ['content'], cues: found, yesNo: yesNo || same, compare, count, mention, tasks, documents, same, measure, stated, statedUnitCount, unitRole: role?.role ?? null, rest };
}

/**
 * What a document implements or who approved it is asked (落实国务院哪个文件, approved by the State Council):
 * there the State Council is the thing asked about, not the national plan as the scope (question-analyzer.ts).
 */
export function asksBasisOrApproval(text: string): boolean {
  return BASIS_ASK.test(text) || APPROVAL_ASK.test(text);
}

/**
 * "enterprises that lead drafting standards", "firms which take part": a verb in a relative clause says
 * what the topic's subject does, not who is asked for. A question that opens with who or which asks.
 */
function inRelativeClause(text: string, cue: string): boolean {
  if (!isLatin(cue)) return false;
  const at = cuePattern(cue).exec(text);
  if (!at) return false;
  // Right after the pronoun: in "tasks that MIIT leads" a unit stood between (taken out, leaving its spaces), and it is asked.
  return /\S\s(?:that|which|who)\s$/u.test(text.slice(0, at.index));
}

/**
 * What MTBF in hours is set? A value a wh-question asks "in" a measure (in hours, in batches) is a figure of that
 * measure. Only measures that are never a place or a time of the topic (in hours, not in companies).
 */
function askedInMeasure(text: string): string | undefined {
  const measured = /\bin (hours?|batch(?:es)?|times)\b/u.exec(text)?.[1];
  if (!measured || !/\b(?:what|which|how)\b/u.test(text)) return undefined;
  return ENGLISH_MEASURES.find(([noun]) => noun === measured)?.[1];
}

/** 几家 → 家, 多少批次 → 批次, 合格率 → %, 多少钱 → 元, how many hours → 小时. */
function measureOf(text: string, english: boolean): string | null {
  if (MONEY_WORDS.some((word) => isLatin(word) === english && matchesCue(text, word) && /多少|几|how much|what amount|amount/u.test(text))) return '元';
  const after = MEASURE_AFTER_QUESTION_WORD.exec(text)?.[1];
  if (after) return after;
  if (english) {
    const counted = /how many ([a-z ]+)/u.exec(text)?.[1];
    if (counted) for (const [noun, measure] of ENGLISH_MEASURES) if (counted.startsWith(noun)) return measure;
  }
  // A rate heads its compound (pass-rate target): read with the hyphen as a space.
  const unhyphenated = english ? text.replace(/(?<=[a-z])-(?=[a-z])/gu, ' ') : text;
  // And in the plural (pass rates, percentages).
  if (PERCENT.some((word) => isLatin(word) === english && (matchesCue(unhyphenated, word) || (english && matchesCue(unhyphenated, `${word}s`))))) return '%';
  return null;
}
