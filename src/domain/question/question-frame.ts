import type { StatedValue } from './stated-values.ts';
/**
 * What a question means, read once per turn (question-analyzer.ts) and then only read: retrieval
 * takes its topic and scope, the answer decision its asked slot, the backends its language. Nothing
 * after the analyzer parses the question text again.
 */
export type QuestionLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

/**
 * The fact the question asks for. Yes/no and comparison are modifiers (frame.yesNo, frame.compare):
 * "是不是市监委牵头?" asks the lead, yes or no.
 */
export type AskedSlot =
  | 'lead'
  | 'units'
  | 'unit-count'
  | 'figure'
  | 'money'
  | 'date'
  | 'content'
  | 'docNumber'
  | 'issuer'
  | 'issue-date'
  | 'status'
  /** Facts of a notice: 主送, what it implements, who approved it, a draft's contact. */
  | 'addressees'
  | 'basis'
  | 'approval'
  | 'contact';

export const METADATA_SLOTS: readonly AskedSlot[] = ['docNumber', 'issuer', 'issue-date', 'status', 'addressees', 'basis', 'approval', 'contact'];

export interface SlotCue {
  slot: AskedSlot | 'compare' | 'yes-no' | 'count' | 'mention' | 'list' | 'tasks' | 'documents' | 'same';
  cue: string;
}

/** A unit the question names, as staff write it (工信局, 市监委, Ministry of Commerce). */
export interface NamedUnit {
  mention: string;
  /** Per document whose clauses list it: the unit's names as those clauses write it (a document may spell one bureau two ways: 市卫健局, 市卫生健康局). */
  byDocument: Record<string, string[]>;
  /** Documents where the mention is the unit's own name or a regular short form of it, not a near one (市监局 for Tianjin's 市市场监管委). */
  exactIn: string[];
}

export interface TopicWord {
  /** Simplified, as segmented (an alias already replaced by what it stands for). */
  word: string;
  /** jieba's part of speech. */
  tag: string;
  /** Whether the corpus uses the word (or all the parts of one split of it). */
  seen: boolean;
  /** Whether it is rare enough in general Chinese to be a topic of its own (无人机, 乳制品; not 事情, 工作). */
  specific: boolean;
  /** The word as the question wrote it, when it was an abbreviation (危化品 for 危险化学品). */
  written?: string;
}

export interface TranslatedTerm {
  english: string;
  chinese: string;
  weight: number;
  /** literal: unknown to the dictionaries; absent: the dictionary renders it, the corpus uses no rendering. */
  source: 'glossary' | 'dictionary' | 'absent' | 'literal';
  /** Found through its head from a modifier's first character (offshore wind power → 海上风电): a guess, no evidence of absence. */
  guessed?: boolean;
}

export interface QuestionScope {
  /** Documents the question names (by 文号, place, year, draft status or a unit only they list); empty: all. */
  documentIds: string[];
  /** The words that named them. */
  cues: string[];
  /** True when the question names a place or document the library holds (not only a year). */
  named: boolean;
  /** A place the question names that no document covers (唐山, Hangzhou). */
  uncoveredPlace: string | null;
  /**
   * A place named below the place of the documents that cover it (陆丰 within Shanwei's): their
   * documents apply there, but none is that place's own.
   */
  placeBelow: string | null;
  /**
   * The documents were named by their places only (天津和国家方案), not one by one (by year, 文号): a
   * place's documents answer together (Tianjin writes it if either of its documents does).
   */
  byPlace?: boolean;
}

export interface QuestionYears {
  all: string[];
  /** Years asked as deadlines (到2025年, by 2035). */
  deadline: string[];
  /** Years the asked fact must be for: the deadlines, and years that are no scoped document's year of issue. */
  asked: string[];
}

/**
 * Clauses the question points at instead of (or besides) naming a topic: named in it (国家方案二(一),
 * 「压实企业主体责任」) or cited by the answer before (这一条还提到了哪些单位? is it involved in it?).
 */
export interface ClauseReference {
  clauseIds: string[];
  from: 'question' | 'previous-answer';
  /** same: the question asks about those clauses; corresponding: about the clauses of other documents that take them up. */
  relation: 'same' | 'corresponding';
  /** For corresponding: the documents the counterparts are sought in. */
  targetDocumentIds: string[];
  /**
   * For corresponding with no clause named by its number (国家方案里提升质量基础设施服务效能那条对应天津方案哪一条?):
   * the documents whose clause on the question's topic is the one taken up; retrieval finds it there.
   */
  sourceDocumentIds?: string[];
  /** The words that made it a reference (这一条, 二(一), 对应, the Tianjin version). */
  cues: string[];
  /** The question names a topic of its own inside those clauses (这条里说的示范基地); else the clauses are the topic. */
  ownTopic: boolean;
}

export interface FollowUpReading {
  /** The earlier question it continues. */
  continues: string;
  /** What it took from there. */
  carried: ('topic' | 'slot' | 'scope' | 'years' | 'clauses')[];
}

/** Pointing words read from the question's own text, before any conversation is known. */
export interface ReferenceCues {
  sameClause: string | null;
  correspondence: string | null;
  /** The question asks which clause (哪一条, which clause): beside another document, for the clause that takes one up. */
  clauseAsked: boolean;
}

export interface QuestionFrame {
  /** As the user wrote it. */
  original: string;
  /** Simplified, unified widths, lower case: what every rule reads. */
  normalized: string;
  /** A follow-up made self-contained (“那国家方案呢? (天津提升食品质量水平由哪个部门牵头?)”); else the question. */
  standalone: string;
  language: QuestionLanguage;
  /** The fact asked for; content when the question asks for none in particular. */
  slot: AskedSlot;
  /** Every slot asked, in precedence order (谁发的 哪天 asks issuer and issue date). */
  slots: AskedSlot[];
  cues: SlotCue[];
  yesNo: boolean;
  compare: boolean;
  /** Whether the documents compared say the same is asked (一样吗, the same?): the comparison opens with the verdict. */
  same: boolean;
  /** How many is asked (几个, how many). */
  count: boolean;
  /** Whether a document speaks of the topic is asked (有没有提到, does it mention). */
  mention: boolean;
  /**
   * Every task of a named unit is asked: a unit, no topic of its own, and a list or its role asked
   * (市商务局牵头哪些任务? 我们是市卫健局，哪些条款涉及我们? Which clauses does MOFCOM lead?).
   */
  unitTasks: boolean;
  /** Which documents hold the topic is asked (哪几份文件提到首席质量官? which documents mention cold chain?). */
  documentsAsked: boolean;
  /**
   * The year the plan itself runs to is asked (目标年份是哪年? 管到哪年? 远景目标定到哪一年?): no topic but
   * its goals; long: the long-range year (远景, long-term) rather than the plan's own.
   */
  planYear: { long: boolean } | null;
  /** The topic names targets (指标, goals, benchmark): a quote is the sentence that sets the figure. */
  targets: boolean;
  /**
   * The noun an English question word asks for (what fine…, how much is the fine…), when no document uses any
   * rendering of it: the thing asked is one the documents lack, however near their clauses are in the other words.
   */
  askedThing: string | null;
  /** What a question about a document's own facts asks besides the slot (document-asks.ts). */
  documentAsk: DocumentAsk;
  /** The measure the asked figure is in, when the question says (几家 → 家, 合格率 → %). */
  measure: string | null;
  /** Values the question states to check them (是95%对吧?, Is the target 98%?), compared with the clause's. */
  statedValues: StatedValue[];
  /** A number of units the question states to check it (是三个单位负责吧? are four agencies responsible?). */
  statedUnitCount: number | null;
  /** Which of a clause's units are counted or checked: beside the lead (除了牵头单位还有几个配合), or the named one alone (是不是只有…负责). */
  unitRole: 'supporting' | 'only' | null;
  scope: QuestionScope;
  years: QuestionYears;
  units: NamedUnit[];
  topic: {
    /** Content words, in order, with how the corpus knows them. */
    words: TopicWord[];
    /** The topic as text, words separated by spaces, for the lexical index. */
    text: string;
    /** English only: the topic before filler words went (glossary phrases keep theirs: science and technology). */
    phrase: string;
    /** Words read as the question's frame, not its topic (有没有, 啥, 一共): for explanations. */
    frameWords: string[];
    /**
     * The topic as the corpus writes it, for questions asked literally (which documents mention X?):
     * adjacent topic words joined where the corpus writes them joined (中国品牌日, 潜在缺陷保险), and in
     * English questions the Chinese and the codes written into them (中国质量奖, IPv6, 96333). Read only
     * when the question asks which documents hold its topic; empty otherwise.
     */
    phrases: string[];
  };
  /** English questions: the Chinese terms their words translate to. */
  translation: TranslatedTerm[];
  reference: ClauseReference | null;
  referenceCues: ReferenceCues;
  followUp: FollowUpReading | null;
  /**
   * A question that reads as new but restates no document, after an answer that cited clauses: those
   * clauses (每个产业集群要建几个? after the answer on 8.22's 质检中心). A topic they hold as well as any
   * clause found is most likely asked about them (retriever.ts preferPrior).
   */
  priorClauseIds: string[];
  /**
   * Anything else? (Is the postal bureau leading anything else? 还负责别的吗?) The clauses in view that a unit's tasks
   * are asked besides: listed apart, and the verdict is on the others.
   */
  besidesClauseIds: string[];
}

/** Read with the slot when a document's own facts are asked (document-asks.ts). */
export interface DocumentAsk {
  /** Which status a yes/no on it checks (是不是征求意见稿 → draft, 正式印发了吗 → issued); null when both or neither. */
  status: 'draft' | 'issued' | null;
  /** The final version of a draft is asked about (正式版什么时候发布), which the library does not hold. */
  finalVersion: boolean;
  /** The ways to send comments named (邮件, phone, by post); none named asks for all. */
  channels: { phone: boolean; fax: boolean; email: boolean; address: boolean };
  /** Which of a document's dates is asked (落款日期 → signed, 什么时候发布 → published, 何时施行 → effective); null for any. */
  date: 'signed-date' | 'published-date' | 'effective-date' | null;
}
