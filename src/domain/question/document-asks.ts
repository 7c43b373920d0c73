import type { DocumentAsk, SlotCue, TopicWord } from './question-frame.ts';

/**
 * Questions about a document's own facts rather than a topic inside it: the year the plan runs to
 * (目标年份是哪年? 管到哪年? what year does it run to?), its date of issue (什么时候挂出来的), a draft's
 * deadline for comments and how to send them (征求意见截止到哪天? 可以发邮件吗?), its status
 * (是不是征求意见稿?), its final version, and a document of a place below the documents' own.
 */
// Words that name targets (装备可靠性指标, reliability goals): what is asked is the figure a sentence sets.
const TARGET_WORDS = String.raw`指标|目标|目标值|target|targets|goal|goals|benchmark|benchmarks`;
const TARGET_WORD = new RegExp(`^(?:${TARGET_WORDS})$`, 'u');
// What a question for the plan's own year may name besides it: its goals, its horizon.
const GOAL_WORDS = new RegExp(`^(?:${TARGET_WORDS}|远景|远景目标|长远目标|年份|目标年份|期限|年限|规划期|实施期|horizon|vision|outlook|目标任务|工作目标|主要目标|总体目标|管到|定到)$`, 'u');
const PLAN_YEAR = /目标年份|目标年|年限|期限|截止年份|管到|远景|目标定到|目标.{0,6}哪一?年|到哪一?年|\b(?:runs? (?:to|until|through)|target year|end year|horizon|time ?frame)\b/u;
const LONG_RANGE = /远景|长远|long(?:er)?[- ]?(term|range)|vision|outlook|\bbeyond 20\d\d\b/u;
const DRAFT_WORDS = /征求意见|意见稿|草案|草稿|draft/u;
// Also there? (too, as well, 也有, 也提到): what was asked before, asked of another document.
const ASKS_ALSO_THERE = /\b(?:too|also|as well)\b|也(?:有|提|讲|写|说|涉及|包括)/u;
// By when comments are due (几号前要反馈, 最晚什么时候交), rather than when the document was dated.
const COMMENT_DEADLINE = /截止|截至|最晚|之前|以前|[几哪]号前|反馈|提交|交意见|意见.{0,4}交|deadline|until when|by when|due|comments?|feedback/u;
const ASKS_ISSUED = /正式|印发了|发布了|有效|in force|valid|officially|issued|final/u;
const FINAL_VERSION = /正式版|正式稿|正式文件|正式印发的版本|final version|official version|final text/u;
// A document of its own named by its kind (陆丰市质量强县工作方案): a place's plan, not a place within another's.
const OWN_DOCUMENT_KIND = /(?:工作|实施|行动)方案|实施意见|\b(?:work|action|implementation) plan\b/u;
// Parts of speech that name a thing (nouns, verbal nouns, names, Latin words, idioms, abbreviations).
export const THING_TAGS = /^(n|vn|nz|eng|x|j|l|an)/u;

/** Status asked, final version, channels: read once, for the answer to use. */
export function readDocumentAsk(normalized: string): DocumentAsk {
  const asksDraft = DRAFT_WORDS.test(normalized);
  const asksIssued = ASKS_ISSUED.test(normalized);
  return {
    status: asksDraft === asksIssued ? null : asksDraft ? 'draft' : 'issued',
    finalVersion: FINAL_VERSION.test(normalized),
    channels: {
      phone: /电话|phone|telephone|tel\b/u.test(normalized),
      fax: /传真|fax/u.test(normalized),
      email: /邮箱|邮件|e-?mail/u.test(normalized),
      address: /地址|寄到|邮寄|信函|address|post\b|mail to/u.test(normalized),
    },
    date: ASKED_DATES.find(([, pattern]) => pattern.test(normalized))?.[0] ?? null,
  };
}

// The date on the signature (落款), the day it was made public, the day it takes effect: as notices and portals label them.
const ASKED_DATES: [NonNullable<DocumentAsk['date']>, RegExp][] = [
  ['signed-date', /落款|成文|签发|签署|印发(?:日期|时间)|发文(?:日期|时间)|\bsigned\b|\bdated\b|signature/u],
  ['effective-date', /施行|生效|起实施|实施日期|effective|take[sn]? effect|in effect from/u],
  ['published-date', /发布日期|发布时间|公布|\bpublished\b|\bposted\b/u],
];

/**
 * A year asked with the plan's goals or horizon, and no subject of its own (乳制品 would be one): the
 * words left describe the document (质量工作意见), not a topic inside it. long: its long-range year.
 */
export function planYearAsked(normalized: string, cues: SlotCue[], words: TopicWord[], describesDocument: (word: string) => boolean): { long: boolean } | null {
  const yearAsked = cues.some((cue) => cue.slot === 'date' && /年|year/u.test(cue.cue));
  // By when are its goals to be met? 目标什么时候完成? When of the document's goals is the year they are set for.
  const goalDated = cues.some((cue) => cue.slot === 'date') && asksGoals(words);
  if (!goalDated && (!yearAsked || !PLAN_YEAR.test(normalized))) return null;
  if (words.some((word) => word.specific && !GOAL_WORDS.test(word.word) && !describesDocument(word.word))) return null;
  return { long: LONG_RANGE.test(normalized) };
}

/** The word names targets (目标, goal; as the corpus or the question writes it): the figure a sentence sets is asked. */
export function isTargetWord(word: string): boolean {
  return TARGET_WORD.test(word);
}

/** A topic word names targets, however it was written. */
export function isTargetTopicWord(word: TopicWord): boolean {
  return isTargetWord(word.word) || isTargetWord(word.written ?? '');
}

/** The topic names targets (指标, goals): the sentence that sets one is what is asked. */
export function namesTargets(words: readonly TopicWord[]): boolean {
  return words.some(isTargetTopicWord);
}

/**
 * A figure asked as the target of some subject (食品抽检合格率目标, the food sampling pass-rate goal): the subject is
 * what it is asked of, not the plan's goals clause. A subject of more than one word of two characters (质量 alone
 * is every goal's).
 */
export function targetOfSubjectAsked(slot: string, words: readonly TopicWord[]): boolean {
  if (slot !== 'figure' || !namesTargets(words)) return false;
  const subject = words.filter((word) => (word.seen || word.specific) && !isTargetTopicWord(word));
  return subject.length >= 2 || subject.some((word) => [...word.word].length >= 3);
}

/** The question asks of the document's goals (目标, targets, horizon), however the word was written. */
function asksGoals(words: TopicWord[]): boolean {
  return words.some((word) => GOAL_WORDS.test(word.word) || GOAL_WORDS.test(word.written ?? ''));
}

/** A date asked of a draft with no subject of its own: its deadline for comments, stated in its notice. */
export function commentDeadlineAsked(normalized: string, scopeCues: string[], words: TopicWord[]): boolean {
  // The comments themselves (comments → 征求意见) are what the deadline is for, no subject of their own.
  // By when should the draft's goals be met? Its goals (目标) are asked, and the year they are set for.
  return !asksGoals(words) && !words.some((word) => word.specific && !DRAFT_WORDS.test(word.word)) && scopeCues.some((cue) => DRAFT_WORDS.test(cue)) && COMMENT_DEADLINE.test(normalized);
}

/**
 * 汕尾那个征求意见稿什么时候挂出来的, date of the national 18-department action plan: a date asked of a document
 * named, with nothing left but verbs and words of its title, is when it was issued. Not its horizon nor a deadline.
 */
export function issueDateAsked(normalized: string, named: boolean, words: TopicWord[], describesDocument: (word: string) => boolean): boolean {
  if (!named || PLAN_YEAR.test(normalized) || COMMENT_DEADLINE.test(normalized)) return false;
  // English left untranslated (18-department) names no subject inside the document.
  return !words.some((word) => (word.seen || word.specific) && THING_TAGS.test(word.tag) && (word.specific || /\p{Script=Han}/u.test(word.word)) && !describesDocument(word.word));
}

/**
 * Yes or no on a draft with nothing else asked (汕尾那个是不是征求意见稿? is the Shanwei document still a draft?):
 * the draft word named the document and is also what is asked, its status.
 */
export function draftStatusAsked(normalized: string, yesNo: boolean, slot: string, scope: { named: boolean; cues: string[] }, words: TopicWord[]): boolean {
  if (!yesNo || slot !== 'content' || !scope.named) return false;
  // Is that in the Shanwei draft too? 汕尾稿子里也有吗? Whether what was asked before is there too: the draft only names the document.
  if (ASKS_ALSO_THERE.test(normalized)) return false;
  // 天津方案是征求意见稿吗? Where no document is a draft, the draft word stays in the topic, and is all of it.
  const asked = words.filter((word) => word.seen || word.specific);
  const draftWord = (word: TopicWord) => DRAFT_WORDS.test(word.word) || DRAFT_WORDS.test(word.written ?? '');
  return asked.every(draftWord) && (scope.cues.some((cue) => DRAFT_WORDS.test(cue)) || asked.some(draftWord));
}

/**
 * 陆丰自己的方案什么时候印发, 陆丰市质量强县工作方案里谁牵头: a document's own facts, or a plan of its own, asked
 * of a place below the documents' place are those of a document the library lacks.
 */
function ownDocumentOfPlaceBelow(normalized: string, place: string, documentFactAsked: boolean, targetAsked: boolean): boolean {
  // 海丰县到2025年合格率目标是多少? Lufeng's own target: a target or amount is set for the place a document governs, the
  // city; the county's is in a document of its own.
  return documentFactAsked || targetAsked || OWN_DOCUMENT_KIND.test(normalized) || namedAsDocumentMaker(normalized, place);
}

/**
 * 厦门落实国家方案由谁牵头, Xiamen's implementation of the national plan: a place no document covers, named beside a
 * document that is, asks for a document of its own only when named as its maker. Not by a document's facts, a
 * target or the kind of document asked, as a place below is: beside a named document a place may be named in
 * passing (国家方案对厦门…), a pinyin 文号 spells syllables that are place names (Guo Shi Jian Zhi Fa: Ji'an), and
 * the national plan is itself an action plan.
 */
function ownDocumentOfUncoveredPlace(normalized: string, place: string): boolean {
  return namedAsDocumentMaker(normalized, place);
}

/**
 * The place whose own document the question asks for, which the library lacks: a place below the documents' place
 * (陆丰自己的方案…), or one no document covers named beside a covered one (厦门落实国家方案谁牵头); null when neither.
 */
export function placeAskedForOwnDocument(normalized: string, placeBelow: string | null, uncoveredBesideNamed: string | null, documentFactAsked: boolean, targetAsked: boolean): string | null {
  if (placeBelow !== null && ownDocumentOfPlaceBelow(normalized, placeBelow, documentFactAsked, targetAsked)) return placeBelow;
  if (uncoveredBesideNamed !== null && ownDocumentOfUncoveredPlace(normalized, uncoveredBesideNamed)) return uncoveredBesideNamed;
  return null;
}

/**
 * 河西区的方案, the Hexi District plan, 河西区落实…, 陆丰自己的: a document or implementing word right after the
 * place, or its own, makes the place a document's maker.
 */
function namedAsDocumentMaker(normalized: string, place: string): boolean {
  if (OWN_WORD.test(normalized)) return true;
  const at = normalized.indexOf(place);
  return at >= 0 && PLACE_DOCUMENT_WORD.test(normalized.slice(at + place.length));
}
const PLACE_DOCUMENT_WORD = /^\s*(?:的|'s)?\s*(?:方案|意见|规划|计划|文件|政策|落实|贯彻|(?:plan|opinion|document|policy|programme|program|implementation)s?\b|implementing\b)/u;
const OWN_WORD = /自己的|本县|本区|\bown\b/u;
