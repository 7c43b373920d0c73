import { describe, expect, it } from 'vitest';
import { seedRetrieval } from '../../test-support/seed-retrieval.ts';
import type { QuestionFrame } from './question-frame.ts';

const { analyzer } = await seedRetrieval();
const read = (question: string) => analyzer.read(question);
const topic = (frame: QuestionFrame) => frame.topic.words.map((word) => word.word);
const unseen = (frame: QuestionFrame) => frame.topic.words.filter((word) => !word.seen && word.specific).map((word) => word.word);

describe('QuestionAnalyzer: the asked slot', () => {
  it('reads the slot from the frame words, longest cue first', () => {
    expect(read('天津提升食品质量水平由哪个部门牵头?').slot).toBe('lead');
    expect(read('长期护理保险制度试点 天津是哪些部门负责').slot).toBe('units');
    expect(read('汕尾到2025年制造业产品质量合格率目标是多少?').slot).toBe('figure');
    expect(read('天津质量奖奖励多少钱?').slot).toBe('money');
    // The deadline for comments on a draft is its notice's: asked as a date, answered with where to send them.
    expect(read('汕尾那个征求意见稿 意见啥时候截止').slot).toBe('contact');
    expect(read('汕尾哪一年要让质量强市建设基础更加牢固').slot).toBe('date');
    expect(read('津政发2014 22号是谁发的 哪天').slots).toEqual(['issuer', 'issue-date']);
    expect(read('What is the document number of the national action plan?').slot).toBe('docNumber');
    expect(read('Shanwei target for spot-check compliance of housing & municipal projects?').slot).toBe('figure');
    // "implementing" inside the name of the kind of document asks nothing of what it implements.
    expect(read('Is the Shanwei implementing opinion already final or still a draft for comments?').slot).toBe('status');
    // A figure asked as such (具体数字), not the 数字 of 数字经济 or 数字化.
    expect(read('这条有提到具体数字吗').slot).toBe('figure');
    expect(read('天津方案对数字经济有什么要求').slot).toBe('content');
    expect(read('汕尾数字化转型谁牵头').slots).toEqual(['lead']);
    // The status cue read on the whole question is read on it normalised: in Traditional script too.
    expect(read('汕尾那個實施意見是正式印發了還是徵求意見稿').slot).toBe('status');
    // Also there? What was asked before, asked of the draft: the draft word only names the document.
    expect(read('Is that in the Shanwei draft too?').slot).not.toBe('status');
    expect(read('汕尾征求意见稿里也有吗').slot).not.toBe('status');
    // The number asked beside what a document implements is that document's.
    expect(read('天津2014年意見是為落實國務院哪份文件？文號多少').slots).toEqual(['basis']);
    // A condition joining two asks (没有的话参与了哪些) is no topic: the unit's tasks are asked.
    expect(read('市卫健委在天津方案里有没有牵头的任务？没有的话参与了哪些').unitTasks).toBe(true);
    // "in any role" frames a unit's tasks; it names no topic.
    expect(read('Which Tianjin 2023 clauses involve Tianjin Customs in any role?').unitTasks).toBe(true);
    // Tasks counted with the role's verb (how many tasks does it lead?): the verb is the role, as 牵头几项 is.
    expect(read('How many tasks does the Ministry of Commerce lead in the national plan?')).toMatchObject({ unitTasks: true, slots: expect.arrayContaining(['lead']) });
  });

  it('reads colloquial lead verbs (主责, 带头, 归谁管, 归口) as asking the lead', () => {
    for (const question of ['小站稻示范区建设 天津哪个委主责', '校服玩具文具质量安全 天津这边谁带头', '振兴杯职工技能竞赛归谁管', '质量基础设施建设归口哪个部门']) {
      expect(read(question).slot, question).toBe('lead');
    }
  });

  it('reads a question word asking for units (归谁, 哪几个部门的事) as asking the responsible units', () => {
    expect(read('设备监理师职业资格考试那个归谁').slot).toBe('units');
    const which = read('国家方案 家居装饰装修产品有毒有害物质限量要求 是哪几个部门的事');
    expect(which.slot).toBe('units');
    expect(topic(which)).not.toContain('部门');
    // A rate word beside a unit checked yes or no names the clause; no figure is asked.
    expect(read('汕尾公共服务质量效率那条 应急管理局有吗').slot).not.toBe('figure');
    // 几号 of a thing is its number; of a time, or before a deadline, a day.
    expect(read('电梯应急处置平台是几号').slot).toBe('figure');
    expect(read('汕尾那个征求意见稿意见几号前要反馈').slot).not.toBe('figure');
    // Where comments go (反馈给哪个单位) is the notice's contact, not a lead; who it is addressed to stays addressees.
    expect(read('是反馈给哪个单位').slot).toBe('contact');
    // By what way (怎么提交意见, 如何报送): where to send them all the same.
    expect(read('汕尾的徵求意見稿要怎麼提交意見？').slot).toBe('contact');
    expect(read('意见可以通过什么方式报送').slot).toBe('contact');
    expect(read('國家方案是發給哪些單位的？').slots).toEqual(['addressees']);
    // Who a notice goes to, asked beside its approval, is asked too.
    expect(read('國家方案是發給哪些單位的？有沒有經國務院同意？').slots).toEqual(['addressees', 'approval']);
  });

  it('reads an English cue across a place taken out of it (which Tianjin departments), and "the city\'s" as no topic', () => {
    expect(read('Which Tianjin departments are on the hook for the spot checks on hazardous chemicals?').slot).toBe('units');
    const tasks = read('Which tasks in the Tianjin plan does the city\'s development and reform commission lead?');
    expect(tasks.unitTasks).toBe(true);
    expect(topic(tasks)).toEqual([]);
  });

  it('reads a one-character verb (定, 管) as how the question asks', () => {
    expect(topic(read('农产品质量安全监测合格率 汕尾定的多少'))).not.toContain('定');
  });

  it('tells yes/no, counts and lists apart', () => {
    const check = read('危化品质量监督抽查是不是市监委带头的');
    expect(check).toMatchObject({ slot: 'lead', yesNo: true });
    expect(read('Is the Ministry of Commerce involved in the national e-commerce demonstration base creation?').yesNo).toBe(true);
    expect(read('In the Tianjin plan, is the Public Security Bureau one of the units?').yesNo).toBe(true);
    expect(read('天津食品质量那条一共几个部门负责').slot).toBe('unit-count');
    expect(read('How many departments share the Tianjin task on green bonds?').slot).toBe('unit-count');
    expect(read('天津质量奖每年评几家企业')).toMatchObject({ slot: 'figure', measure: '家' });
    expect(read('天津适老化产品五大领域是哪几个').slot).toBe('content');
  });

  it('reads a question word with its measure (哪些条, 几个) as the frame, and a clause list as tasks', () => {
    const tasks = read('國家方案裡 科技部牽頭哪些條？');
    expect(topic(tasks)).toEqual([]);
    expect(tasks.unitTasks).toBe(true);
    // The noun counted (几个部门) is what is asked, not a topic a follow-up could be told apart by.
    expect(topic(read('一共几个部门'))).toEqual([]);
  });

  it('reads a value asked in a measure (in hours) as a figure of that measure', () => {
    expect(read('Nationally, what mean time between failures in hours is set for CNC machine tools?')).toMatchObject({ slot: 'figure', measure: '小时' });
    expect(read('Which bureau leads the work in Tianjin?').slot).not.toBe('figure');
  });

  it('reads who issued a document from the asker and the issue verb, however combined', () => {
    for (const question of ['那國家的方案是哪些部門發的', '天津方案是谁印发的', '汕尾这个稿子哪个单位起草的', '天津3号文的落款单位是谁']) expect(read(question).slot, question).toBe('issuer');
    // In English by any verb of issuing whose object is the document, phrasal ones too.
    // WHO in capitals mid-sentence is the World Health Organization (the corpus writes WHO), not the question word.
    expect(read('Is it true that Shanwei wants a drug testing lab to go through WHO prequalification?').slots).not.toContain('units');
    for (const question of ['Who put out the Shanwei draft implementing opinions?', 'who is behind the national plan', 'Which ministry published this plan?', "How many government bodies jointly put their names on the national plan's cover notice?"]) expect(read(question).slot, question).toBe('issuer');
    expect(read('who is in the driving seat for rolling out BIM in the Shanwei draft?').slot).not.toBe('issuer');
    // 发布 as a task of the units (负责发布) asks the units.
    expect(read('哪些部门负责发布质量报告').slot).toBe('units');
  });

  it('reads English yes/no questions after a lead-in or with a tag, and not a wh-question with an auxiliary', () => {
    expect(read('in tianjin plan is 财政局 the lead for green building materials to countryside?').yesNo).toBe(true);
    expect(read('national plan property service and elevator maintenance - MOHURD leads right?').yesNo).toBe(true);
    expect(read('the national plan has how many tasks for MIIT').yesNo).toBe(false);
    expect(read('Tianjin: which bureau leads food quality?').yesNo).toBe(false);
    // Is it true that…: the adjective judges the statement; it is no topic.
    const truth = read('Is it true that the customs authority has a role in Tianjin\'s 2023 work on raising food quality?');
    expect(truth.yesNo).toBe(true);
    expect(truth.translation.map((term) => term.english)).not.toContain('true');
  });

  it('reads the kind of document after the words that name it (天津2014年的意见, 汕尾那个意见) as part of the name, not the topic', () => {
    expect(topic(read('首席质量官 天津2014年的意见和汕尾的意见都怎么要求的'))).toEqual(['首席质量官']);
    expect(topic(read('汕尾那个意见 目标定到哪一年'))).not.toContain('意见');
    // Not where it is the topic: 意见反馈, and the 意见 of 汕尾那个征求意见稿 意见啥时候截止.
    expect(topic(read('天津 意见反馈怎么提'))).toContain('意见');
    expect(topic(read('汕尾那个征求意见稿 意见啥时候截止'))).toContain('意见');
  });

  it('reads when a draft\'s goals are to be met as the year its goals are set for, not its deadline for comments', () => {
    const goals = read("By when should the Shanwei draft's goals be met?");
    expect(goals.slot).toBe('date');
    expect(goals.planYear).not.toBeNull();
    expect(read('汕尾征求意见稿的目标要在什么时候之前完成').slot).toBe('date');
    // Its long-range year, however the horizon is worded (vision, longer-term, beyond 2025); "how far" is the measure asked.
    expect(read("How far out does Shanwei's long-range quality vision go, what's the end year?").planYear).toEqual({ long: true });
    expect(read("Does the Shanwei draft look beyond 2025 — what's its longer-term horizon year?").planYear).toEqual({ long: true });
  });

  it('reads a date asked of a draft with no topic of its own as its deadline for comments', () => {
    expect(read('汕尾那个征求意见截止到哪天').slot).toBe('contact');
    expect(read('汕尾征求意见的截止时间').slot).toBe('contact');
  });

  it('reads an approval asked as people say it in English, and a participle before an infinitive as the frame', () => {
    expect(read('Has the Tianjin plan had the State Council sign-off?').slot).toBe('approval');
    // The bodies counted (how many departments signed off?) are the issuers: an approval is one body's.
    expect(read('How many departments signed off on the national plan?')).toMatchObject({ slot: 'issuer', count: true });
    // A wh-question ending in the verb asks its object, the document implemented; a verb with its own object does not.
    expect(read('What is the Shanwei draft trying to implement?').slot).toBe('basis');
    expect(read('What does the national plan build on?').slot).toBe('basis');
    expect(read('Which agency is responsible for carrying out the dairy task in Tianjin?').slot).not.toBe('basis');
    expect(read('What is the Ministry of Commerce expected to do under the national plan?').unitTasks).toBe(true);
    // 号码 asks for the number a passage gives; it is no topic the corpus lacks.
    expect(unseen(read('电梯应急处置平台是哪个号码'))).toEqual([]);
  });

  it('reads an approval asked with whatever stands between 经 and 同意', () => {
    expect(read('国家方案有没有经过国务院同意')).toMatchObject({ slot: 'approval', yesNo: true });
    expect(read('国家方案经哪个部门批准').slot).toBe('approval');
  });

  it('reads colloquial yes/no (提没提, 参不参与, 有参与没) whatever the verb', () => {
    for (const question of ['汕尾提没提一县一品', '国家统计局参不参与质量统计监测', '95号文里 质量统计监测 国家统计局有参与没']) expect(read(question).yesNo, question).toBe(true);
    expect(read('国家统计局参不参与质量统计监测').topic.frameWords).not.toContain('参');
  });

  it('reads 落款日期 as the date of issue, and a prize winner as 获奖企业', () => {
    expect(read('天津3号文落款日期是哪天?').slot).toBe('issue-date');
    expect(read('How much money does each Tianjin Quality Award winner get?').translation.map((term) => term.chinese)).toContain('获奖企业');
  });

  it('expands an abbreviation general Chinese knows as one (jieba\'s j: 国企) to the corpus word', () => {
    expect(read('天津方案 国企主导制定国际标准 有啥奖励').topic.words).toEqual(expect.arrayContaining([expect.objectContaining({ word: '国有企业', written: '国企', seen: true })]));
  });

  it('reads "which other units" as "which units"', () => {
    expect(read('and which other units work with it on that?').slot).toBe('units');
    expect(read('这一条其他哪些单位参与').slot).toBe('units');
  });

  it('translates a title-cased name to the term the corpus writes, and no verb and object joined as written', () => {
    expect(read('In national action plan, who is in charge of China Brand Day activities').translation.map((term) => term.chinese)).toEqual(expect.arrayContaining(['中国品牌日', '活动']));
    // "action plan" names the document, not 行动.
    expect(read('In national action plan, who is in charge of China Brand Day activities').translation.map((term) => term.english)).not.toContain('action');
    expect(read('Which national bodies are involved in strengthening enterprises\' primary responsibility for quality?').translation.map((term) => term.chinese)).not.toContain('加强企业');
    expect(read('which documents mention IPv6?').translation).toEqual([expect.objectContaining({ chinese: 'ipv6', source: 'glossary' })]);
    // Refer to, bring up, deal with ask whether a document speaks of it, as mention does: the verb is no topic.
    const refers = read('Which of the documents refer to the China Quality Award?');
    expect(refers).toMatchObject({ mention: true, documentsAsked: true });
    expect(refers.translation.map((term) => term.chinese)).toEqual(['中国质量奖']);
  });

  it('translates a phrase the dictionary glosses whole to a rendering the corpus writes inside a longer word (shopping festival → 购物节)', () => {
    const festival = read('Who spearheads the Tianjin task that includes holding the shopping festival?');
    expect(festival.translation).toEqual(expect.arrayContaining([expect.objectContaining({ english: 'shopping festival', chinese: '购物节', source: 'dictionary' })]));
    expect(unseen(festival)).toEqual([]);
  });

  it('reads an English verb the corpus has no rendering of as how the question asks, unless it modifies a noun', () => {
    const rate = read('Under the Tianjin 2014 opinions, what rate were manufactured goods supposed to beat?');
    expect(unseen(rate)).toEqual([]);
    expect(read('what does the national plan say about drone quality standards').topic.words.filter((word) => !word.seen).map((word) => word.word)).toContain('drone');
  });

  it('reads a word its sentence uses as a verb or a degree word as the ask, whatever it is alone', () => {
    // spearheads alone is a plural noun; bigger and stronger say how much, not what of.
    expect(unseen(read('Who spearheads the Tianjin task that includes the heritage shopping festival?'))).not.toContain('spearheads');
    expect(unseen(read('Which local specialty products does the Shanwei draft want to grow bigger and stronger?'))).toEqual([]);
  });

  it('reads no compound of a modifier that is only the tail of a longer word (提高乳制品 holds no 高乳制品)', () => {
    expect(read('Which agency leads the elderly-friendly products task in Tianjin?').translation.map((term) => term.chinese)).not.toContain('高乳制品');
  });

  it('takes an acronym the corpus writes as its own term, and no preposition as a topic the corpus lacks', () => {
    const frame = read('Shanwei draft: BIM use across large construction projects, which bureau leads it?');
    expect(frame.translation).toEqual(expect.arrayContaining([expect.objectContaining({ english: 'bim', chinese: 'bim', source: 'glossary' })]));
    expect(frame.translation.map((term) => term.english)).not.toContain('across');
    expect(unseen(frame)).toEqual([]);
    // An English word the dictionaries render and the corpus lacks still counts against coverage.
    expect(unseen(read('Who leads the pet food quality task in Tianjin?'))).not.toEqual([]);
    // A hyphenated word is read as the words of a phrase the corpus uses, but not split off a word the dictionaries know.
    expect(read('Shanwei spot-check pass rate for housing projects?').translation.map((term) => term.chinese)).toContain('抽查');
    expect(unseen(read('Does the Tianjin plan cover e-cigarette quality?'))).not.toEqual([]);
    // A compound guessed through its head is a topic word, never evidence that only other documents write it.
    const guessed = read('Which Tianjin departments share responsibility for the work on value-traceability research and developing special metrology equipment?');
    expect(guessed.translation.some((term) => term.guessed)).toBe(true);
    expect(guessed.translation.filter((term) => term.guessed).every((term) => guessed.topic.words.some((word) => word.word === term.chinese && !word.specific))).toBe(true);
    // An adjective before a noun is composed where the corpus writes the whole (electric bicycles → 电动自行车).
    expect(topic(read('What does the Shanwei draft say about spot checks on electric bicycles?'))).toContain('电动自行车');
  });

  it('reads the wording of the responsibility lists (分工负责) as asking units, not as a topic the clauses lack', () => {
    const frame = read('天津方案裡面 電動自行車質量監督抽查 有哪些單位分工負責');
    expect(unseen(frame)).toEqual([]);
    expect(frame.slot).toBe('units');
  });

  it('reads a rare verb before a noun as part of the topic, and one before a count or particle as the ask', () => {
    expect(unseen(read('天津方案对殡葬服务有什么要求'))).toContain('殡葬');
    expect(topic(read('汕尾公共服务提质扩容那条牵扯几个部门'))).not.toContain('牵扯');
  });

  it('reads a verb with its result (管住, 抓好) and a level of government (省里) as how the question asks, not as topics', () => {
    const resultative = read('天津督促平台企业管住直播带货产品质量 责任部门都有谁');
    expect(topic(resultative)).not.toContain('管住');
    expect(topic(resultative)).toEqual(expect.arrayContaining(['平台企业', '直播带货']));
    expect(topic(read('还跟省里哪个机构共建了啥'))).not.toContain('省里');
    // A rare verb that modifies its noun is still the topic.
    expect(unseen(read('汕尾意见里殡葬服务质量怎么管?'))).toContain('殡葬');
    // Words about a text's wording (讲法, 说法) ask how it is put.
    expect(topic(read('國家方案跟天津方案在「家政興農」這件事上講法有什麼不同？'))).not.toContain('讲法');
  });

  it('reads the period of a plan\'s title (the 2023-2025 plan) as naming the plan, not as a year asked', () => {
    const frame = read('does tianjin statistics bureau have any job in the 2023-2025 plan');
    expect(frame.scope.documentIds).toEqual(['tj-2023-3']);
    expect(frame.years.deadline).toEqual([]);
    expect(frame.unitTasks).toBe(true);
    // A deadline asked of the plan stays one.
    expect(read('天津2023—2025年行动方案到2025年制造业产品质量合格率目标是多少').years.deadline).toContain('2025');
  });

  it('reads "national … plan" across words joined by slashes, and 印发日期 as the date on the signature', () => {
    expect(read('How many ministries issued the national product/engineering/service quality plan?').scope.documentIds).toEqual(['cn-2022-95']);
    expect(read('天津23年那个提高产品工程服务质量的实施方案 印发日期是几号').documentAsk.date).toBe('signed-date');
  });

  it('keeps a name jieba reads as numeral and measure word (首台 套) whole, and reads 方案 before 对 as the kind of document', () => {
    const frame = read('天津方案对首台套政策是怎么用的');
    expect(topic(frame)).toContain('首台套');
    expect(frame.scope.documentIds).toEqual(['tj-2023-3']);
    // A count stays a count.
    expect(topic(read('天津方案里市商务局牵头几项任务'))).not.toContain('几项');
  });

  it('reads 参与/负责 as the asked units only when no figure or date is asked', () => {
    expect(read('天津冷链食品监管 海关有没有参与').slot).toBe('units');
    const figure = read('主导或参与制修订国家标准 天津目标是几项');
    expect(figure.slot).toBe('figure');
    expect(topic(figure)).toContain('参与');
  });

  it('reads a wh-question whose asked noun is a year as asking a date, the year word no topic', () => {
    const horizon = read("What's the Shanwei draft's longer-term horizon year?");
    expect(horizon.slot).toBe('date');
    expect(horizon.translation.map((term) => term.english)).not.toContain('year');
    expect(read('What is the pass rate target for the year 2025 in Shanwei?').slot).toBe('figure');
  });

  it('reads the measure of an asked figure', () => {
    expect(read('汕尾农产品质量安全例行监测合格率要达到多少?').measure).toBe('%');
    expect(read('天津每年监督抽查不少于多少批次').measure).toBe('批次');
    // An English rate in the plural, asked as a benchmark.
    expect(read("What's the benchmark for food sampling pass rates in Shanwei by 2025?")).toMatchObject({ slot: 'figure', measure: '%' });
  });

  it('reads a rate compared across documents as a figure of each, its English compound hyphenated or not', () => {
    expect(read('对比一下汕尾2025年和天津2014年意见定的2016年制造业产品质量合格率目标')).toMatchObject({ slot: 'figure', compare: true, measure: '%' });
    const english = read("Compare the factory product pass-rate targets: Shanwei's for 2025 versus what Tianjin's 2014 opinion set for 2016.");
    expect(english).toMatchObject({ slot: 'figure', compare: true, measure: '%' });
  });
});

describe('QuestionAnalyzer: scope', () => {
  it('names documents by place through the gazetteer, districts and provinces included', () => {
    expect(read('天津提升食品质量水平由哪个部门牵头?').scope.documentIds).toEqual(['tj-2023-3', 'tj-2014-22']);
    expect(read('滨海新区的质量工作谁牵头?').scope.documentIds).toEqual(['tj-2023-3', 'tj-2014-22']);
    expect(read('广东的质量强省纲要怎么落实?').scope.documentIds).toEqual(['sw-2023-0926']);
    expect(read('What does the national plan say about elevators?').scope.documentIds).toEqual(['cn-2022-95']);
  });

  it('names documents by a stretch of their title, unquoted, with 国家 before the words that point at one', () => {
    const opinions = read('天津那份加强质量工作的意见里监督抽查每年多少批次');
    expect(opinions.scope.documentIds).toEqual(['tj-2014-22']);
    expect(topic(opinions)).not.toContain('意见');
    expect(read('国家那份进一步提高产品、工程和服务质量的行动方案是哪天印发的').scope.documentIds).toEqual(['cn-2022-95']);
    // A title many places give their documents, with a place no document covers, names that place's.
    expect(read('重庆市关于加强质量工作的意见是哪年出的').scope.uncoveredPlace).toBe('重庆');
  });

  it('keeps a place no document covers as uncovered, in Chinese and in pinyin', () => {
    expect(read('唐山提升钢铁产品质量由哪个部门牵头?').scope.uncoveredPlace).toBe('唐山');
    expect(read('迁安市的质量目标是多少?').scope.uncoveredPlace).toBe('迁安');
    expect(read('Who is responsible for small commodity quality spot checks in Yiwu?').scope.uncoveredPlace).toBe('yiwu');
    // Places the documents name themselves are not uncovered: 陆河 is in Shanwei, 临海 is a word of its text.
    expect(read('陆河产业转移工业园要建多大的平台').scope.uncoveredPlace).toBeNull();
    expect(read('发展临海的海工装备制造基地由谁负责').scope.uncoveredPlace).toBeNull();
  });

  it('drops a unit noun before a locative once its cue is out (配合单位里有海关吗: among the units)', () => {
    const frame = read('那配合单位里有海关吗');
    expect(topic(frame)).not.toContain('单位');
    expect(frame.units.map((unit) => unit.mention)).toEqual(['海关']);
  });

  it('reads an English word rendered only as a word for tasks (assigned: 任务) as asking for the unit\'s tasks', () => {
    const frame = read('what tasks is 天津海关 assigned in the tianjin 2023 plan');
    expect(frame.topic.words).toEqual([]);
    expect(frame.unitTasks).toBe(true);
  });

  it("keeps a place no document covers beside the national plan when it asks for that place's own document", () => {
    expect(read('厦门落实国家方案由哪个部门牵头').scope.uncoveredPlace).toBe('厦门');
    expect(read('Xiamen implementation of the 2022 national action plan, who leads?').scope.uncoveredPlace).toBe('xiamen');
    // Named in passing beside the national plan, or spelled by a pinyin 文号 (Jian), it asks the national plan.
    expect(read('国家方案对厦门有什么要求').scope.uncoveredPlace).toBeNull();
    expect(read('When was the national action plan, Guo Shi Jian Zhi Fa [2022] No. 95, issued?').scope.uncoveredPlace).toBeNull();
  });

  it('reads a district or county with a document word after it (河西区的方案, the Hexi District plan) as asking a document the library lacks', () => {
    expect(read('河西区的方案对适老化产品怎么说').scope.uncoveredPlace).toBe('河西区');
    expect(read('What does the Hexi District plan say about elderly-friendly products?').scope.uncoveredPlace).toBe('hexi district');
    expect(read('What food sampling pass rate has Haifeng county set for 2025?').scope.uncoveredPlace).toBe('haifeng county');
    // A place within the documents' own, asked about a task there, is where within them.
    expect(read('天津方案里河西区要建什么平台').scope.uncoveredPlace).toBeNull();
  });

  it('reads 文号, short 文号 and two-digit years', () => {
    expect(read('津质量发〔2023〕3号是哪个单位发布的?').scope.documentIds).toEqual(['tj-2023-3']);
    expect(read('国家95号文 云计算产品质量和服务能力评估 谁牵头').scope.documentIds).toEqual(['cn-2022-95']);
    expect(read('天津14年的意见 提到96333了吗').scope.documentIds).toEqual(['tj-2014-22']);
    // The issuer's code before a short number is the 文号's, not a topic the corpus lacks.
    const short = read('津政发22号里 到2016年“天津品牌”要打造多少个');
    expect(short.scope.documentIds).toEqual(['tj-2014-22']);
    expect(topic(short)).not.toContain('政发');
  });

  it('reads 国家 standing as a place (国家呢, 国家那边) as the national plan, and not 国家 before a noun', () => {
    expect(read('国家呢').scope.documentIds).toEqual(['cn-2022-95']);
    expect(read('那国家那边呢 谁牵头').scope.documentIds).toEqual(['cn-2022-95']);
    expect(read('天津方案里参与制修订国家标准多少项').scope.documentIds).toEqual(['tj-2023-3']);
  });

  it('narrows to the documents that list a named unit when nothing else names one', () => {
    expect(read('危化品质量监督抽查是不是市监委带头的').scope.documentIds).toEqual(['tj-2023-3']);
  });

  it('tells a deadline and a year a figure is for from a year of issue, full-width digits too', () => {
    expect(read('汕尾到２０３５年制造业产品质量合格率要达到多少').years).toMatchObject({ deadline: ['2035'], asked: ['2035'] });
    expect(read('国發〔2012〕9號提出的2020年製造業產品合格率目標是多少？').years.all).toEqual(['2020']);
    const issued = read('天津2014年的意见中天津质量奖奖励多少钱?');
    expect(issued.scope.documentIds).toEqual(['tj-2014-22']);
    expect(issued.years.asked).toEqual([]);
  });
});

describe('QuestionAnalyzer: units', () => {
  it('finds units by the short names staff use, per document', () => {
    const named = (question: string) => read(question).units.map((unit) => unit.byDocument);
    expect(named('是工信局牵头吗')[0]).toMatchObject({ 'tj-2023-3': ['市工业和信息化局'], 'sw-2023-0926': ['市工业和信息化局'] });
    expect(named('市监委负责哪些')[0]).toMatchObject({ 'tj-2023-3': ['市市场监管委'] });
    expect(named('发改委牵头的任务')[0]).toMatchObject({ 'tj-2023-3': ['市发展改革委'], 'cn-2022-95': ['国家发展改革委'] });
    expect(named('卫健委参与吗')[0]).toMatchObject({ 'tj-2023-3': ['市卫生健康委'] });
    expect(named('住建委牵头吗')[0]).toMatchObject({ 'tj-2023-3': ['市住房城乡建设委'] });
    expect(named('网信办牵头吗')[0]).toMatchObject({ 'tj-2023-3': ['市委网信办'], 'cn-2022-95': ['中央网信办'] });
    expect(named('海关有没有参与')[0]).toMatchObject({ 'tj-2023-3': ['天津海关'], 'sw-2023-0926': ['汕尾海关'] });
    expect(named('Is the Ministry of Commerce involved?')[0]).toMatchObject({ 'cn-2022-95': ['商务部'] });
    expect(named('is the Water Affairs Bureau responsible?')[0]).toMatchObject({ 'sw-2023-0926': ['市水务局'] });
  });

  it('takes a unit out of the topic', () => {
    expect(topic(read('危化品质量监督抽查是不是市监委带头的'))).not.toContain('市监委');
  });
});

describe('QuestionAnalyzer: topic words', () => {
  it('drops frame words by their part of speech and keeps the topic', () => {
    const frame = read('汕尾稿子里有没有提鲁班奖');
    expect(topic(frame)).toEqual(['鲁班奖']);
    expect(unseen(read('天津品牌 一共要打造多少个'))).toEqual([]);
    expect(unseen(read('这事儿咋弄 食品安全追溯体系啥时候建'))).toEqual([]);
  });

  it('reads a phrase jieba glued from characters it did not know (不太熟, 归谁, 别的局) by its parts, and keeps a coined name whole', () => {
    expect(unseen(read('我刚来不太熟，想问下天津方案里城市一刻钟便民生活圈那条，负责单位有几个'))).toEqual([]);
    expect(unseen(read('设备监理师职业资格考试那个归谁'))).toEqual([]);
    expect(unseen(read('预制菜产业集群试点那个 汕尾是工信局牵头还是别的局'))).toEqual([]);
    expect(unseen(read('那檢驗檢測中心有點名哪幾個？'))).toEqual([]);
    expect(unseen(read('天津方案里关于网约车服务质量的要求是谁负责'))).toEqual(['网约车']);
    expect(unseen(read('充電樁產品質量抽查由哪個部門牽頭？'))).toEqual(['充电桩']);
  });

  it('marks specific words no document uses, and not ordinary ones', () => {
    expect(unseen(read('天津方案对无人机产品质量监管有什么规定?'))).toEqual(['无人机']);
    expect(unseen(read('天津对新能源汽车充电桩质量有什么规定?'))).toEqual(['充电桩']);
    expect(unseen(read('汕尾市市场监管局局长是谁'))).toEqual(['局长']);
    expect(unseen(read('这些事情天津方案怎么说的 食品安全'))).toEqual([]);
    // A one-character noun no passage writes, after a word the corpus has (电子 烟): the compound is what is asked about.
    expect(unseen(read('电子烟质量抽查哪个部门牵头'))).toEqual(['电子烟']);
  });

  it('reads abbreviations and one-character typos as the corpus words they stand for', () => {
    const abbreviated = read('危化品质量监督抽查谁负责').topic.words.find((word) => word.written === '危化品');
    expect(abbreviated).toMatchObject({ word: '危险化学品', seen: true });
    const typo = read('天津促进日用消废品和文体用品质量升级由谁牵头').topic.words.find((word) => word.written === '废品');
    expect(typo).toMatchObject({ word: '费品', seen: true });
    expect(read('天津方案对无人机产品质量监管有什么规定?').topic.words.find((word) => word.word === '无人机')?.seen).toBe(false);
  });

  it('joins a word jieba cuts apart when the corpus writes it whole', () => {
    expect(topic(read('预制菜产业谁牵头'))).toContain('预制菜');
  });

  it('translates English topic words, marking those whose every rendering the corpus lacks', () => {
    const frame = read('Does the Tianjin plan cover e-cigarette quality?');
    expect(frame.translation).toContainEqual(expect.objectContaining({ english: 'e-cigarette', source: 'absent' }));
    expect(unseen(frame)).toEqual(['e-cigarette']);
    // A hyphenated word the dictionaries know only as a phrase (fuel cell: 燃料电池) is absent too, and specific.
    const phrase = read('Which agency in Shanwei handles the fuel-cell industry?');
    expect(phrase.translation).toContainEqual(expect.objectContaining({ english: 'fuel-cell', source: 'absent' }));
    expect(phrase.topic.words.find((word) => word.word === 'fuel-cell')).toMatchObject({ seen: false, specific: true });
    // Renderings the dictionaries score alike come in the order of how many passages use them: 产品 before 用品, 重点 before 专注.
    const ordered = read('elderly-friendly products as industry focus').translation;
    expect(ordered.find((term) => term.english === 'products')?.chinese).toBe('产品');
    expect(ordered.find((term) => term.english === 'focus')?.chinese).toBe('重点');
    // Spelt otherwise than the dictionaries list it: joined (pre-tax → pretax → 税前), British (fertilisation), R&D kept whole.
    expect(read('pre-tax deduction of R&D costs').translation.map((term) => term.chinese)).toEqual(expect.arrayContaining(['税前', '研发']));
    expect(read('soil testing and formula-based fertilisation').translation.find((term) => term.english === 'fertilisation')?.source).toBe('dictionary');
    const known = read('what is the "double hundred benchmark" (双百标杆) activity in Tianjin?');
    expect(known.topic.words.find((word) => word.word === '双百标杆')?.seen).toBe(true);
  });

  it('reads a name no dictionary knows by the corpus word its pinyin spells (Haihe → 海河, Luban → 鲁班)', () => {
    const haihe = read("Who leads the craftsman programme named after the Haihe river in Tianjin's 2023 plan?").translation;
    expect(haihe).toContainEqual(expect.objectContaining({ english: 'haihe', chinese: '海河' }));
    expect(read('Do any of these plans bring up the Luban Award?').translation.map((term) => term.chinese)).toContain('鲁班');
    // A word the dictionaries know is translated as such, whatever Chinese word its letters might spell.
    expect(read('Which plans set goals for fan products?').translation.map((term) => term.chinese)).not.toContain('饭');
  });

  it('renders a word used as a noun by its noun sense (the fine for false reports: 罚款), absent when the corpus lacks it', () => {
    const noun = read("What's the fine for testing agencies that issue false reports in Tianjin?");
    expect(noun.translation.find((term) => term.english === 'fine')).toMatchObject({ source: 'absent' });
    expect(noun.askedThing).toBe('fine');
    expect(read('Does the plan mention fine chemicals?').translation.find((term) => term.english === 'fine')?.source).not.toBe('absent');
    expect(read('Which provincial document is the Shanwei opinion meant to implement?').askedThing).toBeNull();
  });

  it('takes no remote sense of a word for its rendering (expect: not 寿命, of life expectancy)', () => {
    const frame = read('What does the national plan expect from the Chinese Academy of Sciences?');
    expect(frame.translation.map((term) => term.chinese)).not.toContain('寿命');
    expect(frame.unitTasks).toBe(true);
  });

  it('reads how units stand in the list (listed, included) as frame words when units are counted', () => {
    const frame = read('How many agencies are listed for the data security certification work in Tianjin?');
    expect(frame.slot).toBe('unit-count');
    expect(frame.translation.map((term) => term.english)).not.toContain('listed');
  });

  it('reads the words that point into the document (the food section, that item) and number words as no topic', () => {
    const section = read("Does Tianjin Customs have a role in the food quality section of Tianjin's 2023 plan?");
    expect(section.translation.map((term) => term.english)).not.toContain('section');
    expect(read('Is the Ministry of Education one of the bodies on the company accountability item?').translation.map((term) => term.english)).not.toContain('item');
    expect(read('Which two outside institutions is Shanwei teaming up with?').topic.words.map((word) => word.written)).not.toContain('two');
  });

  it('reads a target asked of a subject (食品抽检合格率目标) as asking its figure, not the plan\'s goals clause', () => {
    const english = read("Compare the food sampling pass-rate goals in Tianjin's 2014 opinion and Shanwei's draft.");
    expect(english).toMatchObject({ slot: 'figure', targets: true });
    expect(english.translation.map((term) => term.english)).not.toContain('goals');
    const chinese = read('天津2014年意见里食品抽检合格率的目标定了多少');
    expect(chinese).toMatchObject({ slot: 'figure', targets: true });
    expect(topic(chinese)).not.toContain('目标');
    // A target of nothing more than quality is the plan's goals: the target word is what the question is about.
    expect(topic(read('汕尾的质量提升指标具体是多少'))).toContain('指标');
  });
});

describe('QuestionAnalyzer: questions as people type them', () => {
  it('reads a statement asked with a question mark alone (也是住建部?) as yes or no, not one with a question word', () => {
    expect(read('国家层面呢 也是住建部?').yesNo).toBe(true);
    expect(read('是市监局牵头?').yesNo).toBe(true);
    expect(read('汕尾是哪个部门牵头?').yesNo).toBe(false);
    expect(read('是市监局还是工信局牵头?').yesNo).toBe(false);
  });

  it('reads a frame word typed with a same-sound character (谁牵投) or a filler after the asker (是谁在管)', () => {
    expect(read('天津引导银行加大涉农信贷投放这块谁牵投').slot).toBe('lead');
    expect(read('天津「海河工匠」建設工程是誰在管？').slot).toBe('lead');
  });

  it('reads English shorthand in full (depts, agri)', () => {
    expect(read('tianjin plan 预拌混凝土 quality special check - how many depts responsible').slot).toBe('unit-count');
    expect(topic(read('tianjin 2014 opinion agri standardized production popularization rate target'))).toContain('农业标准化');
  });

  it('asks no units for a verb in a relative clause, but does for a unit between pronoun and verb', () => {
    expect(read('tianjin plan - any incentive for state-owned enterprises that lead drafting international standards?').slot).toBe('content');
    expect(read('list all tasks that 工业和信息化部 leads in the national plan').unitTasks).toBe(true);
  });

  it('reads a word glued to a particle without it (快检是 → 快检)', () => {
    const frame = read('汕尾农贸市场快检是怎么说的');
    expect(unseen(frame)).toEqual([]);
    expect(topic(frame)).toContain('快检');
  });

  it('reads colloquial task words (要干哪些活, 管啥) with a unit as its tasks', () => {
    expect(read('国家方案里教育部要干哪些活').unitTasks).toBe(true);
    expect(read('天津市商务局管啥').unitTasks).toBe(true);
  });

  it('picks a place\'s document by the kind named (天津这个实施方案, the 2014 opinions), and one below its place as none of its own', () => {
    expect(read('天津这个实施方案是按照国家哪个文件要求制定的')).toMatchObject({ slot: 'basis', scope: { documentIds: ['tj-2023-3'] } });
    expect(read('Tianjin opinions: quality award amount?').scope.documentIds).toEqual(['tj-2014-22']);
    expect(read('天津质量奖奖多少钱').scope.documentIds.sort()).toEqual(['tj-2014-22', 'tj-2023-3']);
    expect(read('陆丰市自己的质量强市实施方案是什么时候印发的？').scope.uncoveredPlace).toBe('陆丰市');
  });

  it('reads sameness (一样不, the same?) as a comparison asked yes or no', () => {
    expect(read('挖掘机平均失效间隔时间提高幅度天津跟国家一样不')).toMatchObject({ compare: true, same: true, yesNo: true });
    expect(read('天津2014年意见和2023年方案对天津质量奖各是怎么说的？').compare).toBe(true);
  });

  it('finds an English modifier the corpus renders otherwise by its head (offshore wind power → 海上风电), never beside a generic head', () => {
    expect(topic(read('Shanwei draft - offshore wind power and marine ranching industries, which bureau takes the lead?'))).toEqual(expect.arrayContaining(['海上风电', '海洋牧场']));
    expect(topic(read('who leads the "IP protection mobile police station" work in tianjin'))).toEqual(expect.arrayContaining(['知识产权', '警务站']));
    // 质量 has dozens of modifiers in the corpus: drone stays a topic no document has.
    expect(unseen(read('what does the national plan say about drone quality standards'))).toEqual(['drone']);
  });

  it('reads a request (list all tasks …) as no yes/no, and English unit names without their possessive', () => {
    const frame = read("tianjin plan: list all tasks the consumer association 市消协 is part of");
    expect(frame).toMatchObject({ yesNo: false, unitTasks: true });
  });

  it('reads a noun before a gerund as one compound (brand building → 品牌建设), and national before a title', () => {
    expect(topic(read('Shanwei: who leads quality brand building?'))).toContain('品牌建设');
    expect(read('doc number of the national product, engineering and service quality action plan?').scope.documentIds).toEqual(['cn-2022-95']);
    expect(read('are national standards mentioned in the Tianjin plan?').scope.documentIds).toEqual(['tj-2023-3']);
    const machinery = read('engineering machinery MTBF target in the national plan');
    expect(topic(machinery)).toEqual(expect.arrayContaining(['时间', '故障']));
    expect(machinery.translation.filter((term) => term.english === 'machinery').map((term) => term.chinese)).toContain('机械');
  });

  it('reads a hyphenated modifier the dictionaries lack through its parts beside a head (ready-mixed concrete → 预拌混凝土)', () => {
    expect(topic(read('national plan - the Ministry of Finance leads the ready-mixed concrete inspection part, right?'))).toContain('预拌混凝土');
    // Not beside a one-character head: one-time acceptance stays as written.
    expect(topic(read('Shanwei target for highway and waterway project one-time acceptance pass rate?'))).toContain('验收');
  });

  it('corrects no typo into a particle or off a measure suffix (事故率 stays a subject no document has)', () => {
    expect(unseen(read('汕尾2025年工程质量安全事故率要控制在多少以内?'))).toEqual(['事故率']);
  });

  it('reads more ways of asking: 参与了没, 印发给了哪些单位, which department drafted, a unit typed without its apostrophe, a yes/no on a unit\'s tasks', () => {
    expect(read('天津方案“一老一小”消费品抽查那块 市民政局参与了没').yesNo).toBe(true);
    expect(read('国家方案印发给了哪些单位').slot).toBe('addressees');
    expect(read('Which department drafted the Shanwei implementation opinions?').slot).toBe('issuer');
    expect(read('What does the Peoples Bank of China lead in the national plan?').unitTasks).toBe(true);
    expect(read('We are Shanwei finance bureau. Do we lead any task in the draft? If not, where are we involved?').unitTasks).toBe(true);
  });

  it('reads a place\'s possessive typed without its apostrophe (Tianjins version), and a sub-place\'s own plan as not covered', () => {
    expect(read('And what about Tianjins version of it?').scope.documentIds.sort()).toEqual(['tj-2014-22', 'tj-2023-3']);
    expect(read('陆丰市质量强县工作方案里谁牵头').scope.uncoveredPlace).toBe('陆丰市');
    expect(read('汕尾方案里陆丰的质量工作谁牵头').scope.uncoveredPlace).toBeNull();
  });

  it('reads no compound through a one-character head that begins a longer word (grain harvesters is no 质量获)', () => {
    expect(topic(read('national plan - who leads on the MTBF targets for tractors and grain harvesters'))).not.toContain('质量获');
  });
});

describe('QuestionAnalyzer: the clauses last cited, for a question of its own', () => {
  const answer = [
    { role: 'user' as const, content: '汕尾产业集群建质检中心那条谁牵头?' },
    { role: 'assistant' as const, content: '市市场监管局牵头(sw-2023-0926:8.22)。' },
  ];

  it('keeps them in view, read from clause ids as the API returns them', () => {
    expect(analyzer.analyze('每个产业集群要建几个?', answer).priorClauseIds).toEqual(['sw-2023-0926:8.22']);
  });

  it('drops them when the question names a document or says it is another question', () => {
    expect(analyzer.analyze('天津方案里产业集群要建几个?', answer).priorClauseIds).toEqual([]);
    expect(analyzer.analyze('另外问下 产业集群要建几个?', answer).priorClauseIds).toEqual([]);
    expect(analyzer.analyze('每个产业集群要建几个?').priorClauseIds).toEqual([]);
  });
});

describe('QuestionAnalyzer: clauses labelled in Arabic numerals', () => {
  it('reads 4(11), section 8 item 22 and clause 4.11 as the documents number them', () => {
    expect(analyzer.citedIn('市商务局 leads (Tianjin 2023 plan, clause 4(11)).')).toEqual(['tj-2023-3:4.11']);
    expect(analyzer.citedIn('the Shanwei draft, section 8, item 22')).toEqual(['sw-2023-0926:8.22']);
    expect(analyzer.citedIn('national plan clause 3.7')).toEqual(['cn-2022-95:3.7']);
    // A figure is no clause: 94.8% (2025).
    expect(analyzer.citedIn('rate 94.8% (2025)')).toEqual([]);
  });

  it('reads 提到 before 的 as describing the thing asked, not as a yes/no', () => {
    expect(read('这条里提到的奖励金额是多少')).toMatchObject({ slot: 'money', yesNo: false });
    expect(read('天津方案提到首席质量官了吗').yesNo).toBe(true);
  });
});
