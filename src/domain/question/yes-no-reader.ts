import cues from './question-cues.json' with { type: 'json' };

/**
 * Whether a question asks yes or no when no cue word of question-cues.json says so: in Chinese by the
 * colloquial forms (A-not-A, 有…没, a statement asked with its question mark alone), in English by where an
 * auxiliary stands or by a tag at the end. Each returns the words that ask it, taken as the question's cue.
 */
const ENGLISH_OPENINGS = new Set(cues.yesNo.englishOpenings);
// The last clause of a question (after a comma, or the 呢 that closes a clause before it), opening with 是/有 (也是, 还有,
// 都由) and holding no question word or particle, before its question mark.
const INTONATION_QUESTION = /(?:^|[\s，,。；;]|(?<=[呢啊]))((?:也|还|都)?(?:是|有|由))(?![^\s，,。；;]*(?:谁|哪|什么|几|多少|怎|咋|啥|何|吗|么|呢|吧|嘛|还是|或))[^\s，,。；;]*[?？]\s*$/u;
// A-not-A (提没提, 参不参与).
const A_NOT_A = /(\p{Script=Han})[没不]\1/u;
// 有…没, …了没, and a verb with 不 at the end (团中央参加不, 算不): the colloquial yes/no.
const HAVE_NOT = /有[^，,。？?]{0,8}没有?(?=\s*[?？]?\s*$)|了没有?(?=\s*[?？]?\s*$)|(?<=\p{Script=Han}{2})不(?=\s*[?？]?\s*$)/u;

/**
 * 提没提, 参不参与 (A-not-A), 国家统计局有参与没, 参与了没 (有…没, …了没), and 也是住建部? 是市监局牵头? (a statement asked
 * with a question mark alone, no question word in its last clause), whatever the verb. `text` is the question as its
 * cues are read, `question` the normalised question with its punctuation.
 */
export function chineseYesNoCue(text: string, question: string): string | undefined {
  return A_NOT_A.exec(text)?.[0] ?? HAVE_NOT.exec(text)?.[0] ?? INTONATION_QUESTION.exec(question)?.[1];
}

const REQUEST_VERBS = new Set(['list', 'show', 'give', 'tell', 'name', 'find', 'enumerate', 'summarize', 'summarise', 'explain', 'describe']);
const WH_WORDS = new Set(['who', 'whom', 'whose', 'what', 'which', 'when', 'where', 'why', 'how']);
// A tag at the end (…, right? …, email ok?) asks yes or no whatever came before.
const TAG_QUESTION = /\b(right|correct|true|yes or no|or not|isn't it|is it|ok|okay|fine|allowed|acceptable)\s*[?？!.]*\s*$/u;

/**
 * An English yes/no question: an auxiliary opens it, or opens a part after a lead-in ("Tianjin plan:
 * does …"), holds one in a question with no wh-word ("in the Tianjin plan is 财政局 the lead"), or ends in
 * a tag ("MOHURD leads, right?").
 */
export function englishYesNoCue(original: string): string | undefined {
  const text = original.trim().toLowerCase();
  const tag = TAG_QUESTION.exec(text)?.[1];
  if (tag) return tag;
  // Each clause and each sentence may open with it (We are the finance bureau. Do we lead any task?).
  const openings = text.split(/[,:;—–?!]|\.\s|\s-\s/u).map((part) => part.trim().match(/^[a-z]+/u)?.[0]);
  const opening = openings.find((word) => word !== undefined && ENGLISH_OPENINGS.has(word));
  if (opening) return opening;
  // Further in, only in a question with no wh-word at all: "the plan has how many tasks" asks a count;
  // nor in a request (list all tasks it is part of, show me…), whose auxiliaries belong to a relative clause.
  const words = text.match(/[a-z]+/gu) ?? [];
  if (words.some((word) => WH_WORDS.has(word)) || openings.some((word) => word !== undefined && REQUEST_VERBS.has(word))) return undefined;
  return words.find((word) => ENGLISH_OPENINGS.has(word));
}
