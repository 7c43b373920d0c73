/**
 * How questions ask for the facts of a notice rather than of a clause: who issued it, what it implements,
 * whose approval it had. Read by the slot reader (slot-reader.ts) on the question as written.
 */

// Who put out / brought out / is behind a document (the draft, the plan, these opinions): English has many verbs of
// issuing, phrasal ones among them, and what makes them ask the issuer is the document they take as their object.
const ISSUING_VERB = String.raw`(?:put out|puts out|brought out|bring out|came out with|issued|issues|published|publishes|released|releases|drafted|wrote|authored|signed|co-signed|put (?:their|its) names? (?:on|to)|is behind|was behind|stands behind)`;
const ISSUED_DOCUMENT = String.raw`(?:draft|plan|opinion|opinions|notice|document|programme|program|outline|circular|paper)`;
const ISSUER_EN = String.raw`\b(?:who|(?:which|what|how many)(?:\s+\S+){1,3}?)\s+(?:jointly\s+|all\s+|together\s+)?${ISSUING_VERB}\s+(?:\S+\s+){0,4}?${ISSUED_DOCUMENT}\b`;
export const ISSUER_ASK = new RegExp([
  String.raw`(?:谁|(?:哪个|哪些|哪家|什么)(?:部门|单位|机关|机构|部委)?)(?:联合|牵头)?(?:印发|发布|下发|出台|制定|起草|颁布|发|出)(?:的|了)?\s*(?:[吗呢?？。]|$)`,
  String.raw`\b(?:which|what)\s+(?:department|unit|body|agency|bureau|office|authority|organization|organisation)\s+(?:drafted|issued|published|released|wrote)\b`,
  ISSUER_EN,
].join('|'), 'u');
export const ISSUE_VERB_AT_END = /(?:联合|牵头)?(?:印发|发布|下发|出台|制定|起草|颁布|发|出)(?:的|了)?\s*(?=[吗呢?？。]|$)/u;

// 落实哪个文件, implement which document, which plan does it follow, and a wh-question that ends in the verb, whose object
// the question word is (what is it trying to implement? what does it build on?): what the document implements.
const BASIS_ZH = String.raw`(?:落实|贯彻|依据|根据|按照|依照|按)[^，,。?？]{0,8}?(?:哪个|哪份|哪些|哪几个|什么|哪一|哪)(?:[^，,。?？]{0,5}?(?:文件|纲要|通知|政策|方案|规定|意见)|\s*(?=[?？。]|$))`;
const BASIS_VERB = String.raw`(?:implement|implements|implementing|implemented|carry out|carries out|follow|follows|based on)`;
const BASIS_DOCUMENT = String.raw`(?:document|documents|plan|plans|policy|policies|outline|notice|guideline|guidelines)`;
const BASIS_VERB_LAST = String.raw`(?:implement|implements|implementing|carry out|carries out|follow|follows|build on|builds on|building on|draw on|draws on|rest on|rests on|based on)`;
export const BASIS_ASK = new RegExp([
  BASIS_ZH,
  String.raw`\b(?:${BASIS_VERB.slice(3, -1)}|pursuant to)\b(?:\s+\S+){0,3}?\s+(?:which|what)\b(?:\s+\S+){0,3}?\s+${BASIS_DOCUMENT}\b`,
  String.raw`\b(?:which|what)\b(?:\s+\S+){0,3}?\s+${BASIS_DOCUMENT}\b.*\b${BASIS_VERB}\b`,
  String.raw`^\s*(?:what|which)\b.*\b${BASIS_VERB_LAST}\s*[?.!]?\s*$`,
].join('|'), 'u');

// In English also as people say it: the State Council's sign-off, consent, go-ahead, endorsement.
export const APPROVAL_ASK = /经过?\s*[^，,。?？]{0,10}?(?:同意|批准)|\bapproved by\b|\bapproval\b|\b(?:did|does|has|was)\b[^?]{0,40}\bapprove[ds]?\b|\b(?:sign[- ]?off|signed off|consent|go-ahead|green light|endorse(?:d|ment)?|blessing)\b/u;
