import { describe, expect, it } from 'vitest';
import { seedRetrieval } from '../../test-support/seed-retrieval.ts';

const { analyzer } = await seedRetrieval();
const history = (...questions: string[]) => questions.flatMap((content) => [{ role: 'user' as const, content }, { role: 'assistant' as const, content: '…' }]);

describe('follow-ups resolved from the earlier user turns', () => {
  it('carries topic and slot into a question that names only another document', () => {
    const frame = analyzer.analyze('那国家方案呢?', history('天津提升食品质量水平由哪个部门牵头?'));
    expect(frame).toMatchObject({ slot: 'lead', scope: { documentIds: ['cn-2022-95'] }, followUp: { continues: '天津提升食品质量水平由哪个部门牵头?', carried: ['topic', 'slot'] } });
    expect(frame.topic.words.map((word) => word.word)).toEqual(expect.arrayContaining(['食品', '质量']));
    expect(frame.standalone).toBe('那国家方案呢? (天津提升食品质量水平由哪个部门牵头?)');
  });

  it('keeps the slot and scope and takes the new topic (And for agricultural products?)', () => {
    const frame = analyzer.analyze('And for agricultural products?', history('What is the Shanwei food sampling pass rate target?'));
    expect(frame).toMatchObject({ slot: 'figure', scope: { documentIds: ['sw-2023-0926'] }, language: 'en' });
    expect(frame.followUp?.carried).toEqual(['slot', 'scope']);
  });

  it('asks the list named, not the figure asked before, when a follow-up asks which ones (有点名哪几个?)', () => {
    const frame = analyzer.analyze('那檢驗檢測中心有點名哪幾個？', history('2014年意見裡，國家標準制修訂的目標是多少？'));
    expect(frame.slot).toBe('content');
    expect(frame.followUp?.carried).not.toContain('slot');
  });

  it('keeps the rate asked before for the new subject (農產品呢? after a pass rate), not any figure of it', () => {
    const frame = analyzer.analyze('農產品呢？', history('天津2014年的意見中，製造業產品質量合格率目標是多少？'));
    expect(frame.slot).toBe('figure');
    expect(frame.topic.words.map((word) => word.word)).toEqual(['农产品', '合格率']);
    // A rate of its own is kept as asked.
    const own = analyzer.analyze('那农产品追溯标识覆盖率呢?', history('天津2014年的意见中，制造业产品质量合格率目标是多少？'));
    expect(own.topic.words.map((word) => word.word)).not.toContain('合格率');
  });

  it('reads a common noun after a demonstrative (这个指标, 该目标) as pointing back, not as a topic of its own', () => {
    const earlier = history('国家方案要求挖掘机等平均失效间隔时间比现行国家标准提高多少？');
    const frame = analyzer.analyze('天津实施方案里这个指标是多少？', earlier);
    expect(frame.followUp?.carried).toContain('topic');
    expect(frame.topic.words.map((word) => word.word)).toContain('挖掘机');
    expect(frame.scope.cues).toContain('天津');
    // A noun rare in general Chinese after the demonstrative names a topic all the same (这个无人机).
    expect(analyzer.analyze('这个无人机标准是多少？', earlier).topic.words.map((word) => word.word)).toContain('无人机');
  });

  it('keeps the clauses cited before, to stand for their counterparts, when a follow-up names another document and a topic of its own', () => {
    const frame = analyzer.analyze('那国家方案里乳粉这块呢 谁牵头', [{ role: 'user', content: '天津提升食品质量那条谁牵头？' }, { role: 'assistant', content: '由市工业和信息化局牵头，见二（二），市发展改革委、市市场监管委等按职责分工负责。' }]);
    expect(frame.scope.documentIds).toEqual(['cn-2022-95']);
    expect(frame.priorClauseIds).toContain('tj-2023-3:2.2');
  });

  it('reads 它还有哪些配合单位? as the units of the clause the answer before named', () => {
    const frame = analyzer.analyze('它还有哪些配合单位?', [{ role: 'user', content: '天津提升建筑工程质量水平谁牵头?' }, { role: 'assistant', content: '由市住房城乡建设委牵头，见二（五）。' }]);
    expect(frame.slot).toBe('units');
    expect(frame.topic.words.map((word) => word.word)).not.toContain('单位');
  });

  it('compares a corresponding clause on the slot asked the same (牵头单位一样吗)', () => {
    const frame = analyzer.analyze('天津对应的是哪条？牵头单位一样吗', [{ role: 'user', content: '国家方案里提升劳动者质量素养谁牵头?' }, { role: 'assistant', content: '教育部牵头，见六（十八）。' }]);
    expect(frame).toMatchObject({ slot: 'lead', same: true, reference: { relation: 'corresponding', clauseIds: ['cn-2022-95:6.18'] } });
  });

  it('reads 裡面 with a place that covers the cited clause (天津市名牌產品) as the clause in view', () => {
    const frame = analyzer.analyze('裡面天津市名牌產品要幾個', [{ role: 'user', content: '2014年天津意見 天津品牌要打造幾個' }, { role: 'assistant', content: '津政發〔2014〕22號 一（二）「工作目標」：到2016年打造「天津品牌」4000個。' }]);
    expect(frame.reference).toMatchObject({ relation: 'same', clauseIds: ['tj-2014-22:1.2'] });
  });

  it('reads "the X one" (那绿电创新示范基地那条呢) as a new clause by its topic with the slot carried, 国家那条 as the clause in view', () => {
    const earlier = [{ role: 'user' as const, content: '汕尾 WHO药品检验实验室预认证谁牵头' }, { role: 'assistant' as const, content: '汕尾市征求意见稿 四（十）「提高农产品食品药品质量安全水平」：牵头单位为市市场监管局。' }];
    const topical = analyzer.analyze('那绿电创新示范基地那条呢', earlier);
    expect(topical).toMatchObject({ slot: 'lead', reference: null });
    expect(analyzer.read('国家那条一共几个部门').referenceCues.sameClause).toBe('那条');
  });

  it('re-scopes cleanly after a place the library does not cover', () => {
    const frame = analyzer.analyze('那国家方案呢?', history('北京提升食品质量由哪个部门牵头?'));
    expect(frame.scope).toMatchObject({ documentIds: ['cn-2022-95'], uncoveredPlace: null, placeBelow: null });
  });

  it('points this clause (这一条, it) at the clause the answer before named by 文号 and place', () => {
    const answer = { role: 'assistant' as const, content: '津质量发〔2023〕3号 二、(二)「提升食品质量水平」[1]：牵头单位为市工业和信息化局。' };
    const frame = analyzer.analyze('这一条还提到了哪些单位?', [{ role: 'user', content: '天津乳制品质量安全提升谁牵头' }, answer]);
    expect(frame.reference).toMatchObject({ clauseIds: ['tj-2023-3:2.2'], from: 'previous-answer', relation: 'same', ownTopic: false });
    expect(frame.slot).toBe('units');
    // Asked about something inside it, the question asks its content there, not the lead asked before.
    const inside = analyzer.analyze('这条里说的婴幼儿配方乳粉有什么要求?', [{ role: 'user', content: '天津乳制品质量安全提升谁牵头' }, answer]);
    expect(inside).toMatchObject({ slot: 'content', reference: { relation: 'same', ownTopic: true } });
  });

  it('reads who else / what else as asking about the clause the answer before cited, the question word kept', () => {
    const earlier = [{ role: 'user' as const, content: 'What does the national plan require on new materials?' }, { role: 'assistant' as const, content: 'MIIT (工业和信息化部) leads it (国市监质发〔2022〕95号 三（六）).' }];
    expect(analyzer.analyze('and who else is involved?', earlier)).toMatchObject({ slot: 'units', reference: { clauseIds: ['cn-2022-95:3.6'], relation: 'same' } });
    expect(analyzer.analyze('Who else?', earlier)).toMatchObject({ slot: 'units', reference: { clauseIds: ['cn-2022-95:3.6'], relation: 'same' } });
  });

  it('reads "in total" as how a count is asked, not a topic: a count after an answer counts the clause in view', () => {
    const earlier = [{ role: 'user' as const, content: 'Who leads dairy quality in Tianjin?' }, { role: 'assistant' as const, content: '市工业和信息化局 leads it (津质量发〔2023〕3号 二(二)).' }];
    const total = analyzer.analyze('How many agencies in total?', earlier);
    expect(total).toMatchObject({ slot: 'unit-count', followUp: { carried: expect.arrayContaining(['topic']) } });
    expect(total.topic.words.map((word) => word.written ?? word.word)).not.toContain('total');
  });

  it('checks a unit named alone (市通信管理局也有参与吗? is 税务总局 in it too?) against the clause the answer before named', () => {
    const unit = analyzer.analyze('市通信管理局也有參與嗎', [{ role: 'user', content: '天津方案的數據安全管理認證由誰牽頭' }, { role: 'assistant', content: '由市委網信辦牽頭（四（九））。' }]);
    expect(unit).toMatchObject({ yesNo: true, reference: { clauseIds: ['tj-2023-3:4.9'], relation: 'same', ownTopic: false } });
    const english = analyzer.analyze('is 税务总局 in it too?', [{ role: 'user', content: 'national plan: who leads the R&D cost super-deduction / fiscal policy clause?' }, { role: 'assistant', content: '财政部 leads, clause 七（十九）.' }]);
    expect(english).toMatchObject({ language: 'en', yesNo: true, reference: { relation: 'same', ownTopic: false } });
    expect(english.reference!.clauseIds).toContain('cn-2022-95:7.19');
  });

  it('asks for the clause, not the slot its verb suggests, when a follow-up asks which clause of another document (is that based on)', () => {
    const frame = analyzer.analyze('which clause of the national plan is that based on?', [{ role: 'user', content: 'Tianjin plan, rural e-commerce 数商兴农 - who leads?' }, { role: 'assistant', content: '市商务局, clause 四（十一）.' }]);
    expect(frame).toMatchObject({ slot: 'content', reference: { relation: 'corresponding', targetDocumentIds: ['cn-2022-95'] } });
  });

  it('reads "它还牵头了哪些条?" as the tasks of the unit the answer before named', () => {
    const frame = analyzer.analyze('它还牵头了哪些条', [{ role: 'user', content: '汕尾质量基础设施“一站式”服务谁负责' }, { role: 'assistant', content: '由市市场监管局牵头负责（八（二十四））。' }]);
    expect(frame).toMatchObject({ unitTasks: true, reference: null, scope: { documentIds: ['sw-2023-0926'] } });
    expect(frame.units.map((unit) => unit.byDocument['sw-2023-0926'])).toEqual([['市市场监管局']]);
    // Asking for another document's clause is a counterpart, not the unit's tasks.
    const counterpart = analyzer.analyze('which tianjin clause matches that one and who leads it?', [{ role: 'user', content: 'national plan: who leads the R&D cost super-deduction / fiscal policy clause?' }, { role: 'assistant', content: '财政部 leads, clause 七（十九）.' }]);
    expect(counterpart.unitTasks).toBe(false);
  });

  it('treats a named document\'s own facts, or a question said to be another one (另外问下), as a new question', () => {
    const history = [{ role: 'user' as const, content: '国家方案里平台企业那条谁牵头' }, { role: 'assistant' as const, content: '商务部牵头（四（十））。' }];
    const frame = analyzer.analyze('另外问下 汕尾那个征求意见截止到哪天', history);
    expect(frame).toMatchObject({ followUp: null, slot: 'contact', scope: { documentIds: ['sw-2023-0926'] } });
    expect(analyzer.analyze('天津方案的文号是多少', history).followUp).toBeNull();
  });

  it('reads "for this" at the end as the clause the answer before cited', () => {
    const frame = analyzer.analyze('which bureaus are responsible for this?', [{ role: 'user', content: '天津乳制品质量安全提升谁牵头' }, { role: 'assistant', content: '津质量发〔2023〕3号 二、(二)「提升食品质量水平」[1]：牵头单位为市工业和信息化局。' }]);
    expect(frame).toMatchObject({ slot: 'units', reference: { clauseIds: ['tj-2023-3:2.2'], relation: 'same' } });
  });

  it("points at the named document's clause only, when the answer before cited clauses of several (who leads it in the national one?)", () => {
    const frame = analyzer.analyze('who leads it in the national one?', [
      { role: 'user', content: 'which docs mention 数商兴农' },
      { role: 'assistant', content: 'It appears in two documents.', citedClauseIds: ['tj-2023-3:4.11', 'cn-2022-95:4.10'] },
    ]);
    expect(frame.reference).toMatchObject({ clauseIds: ['cn-2022-95:4.10'], relation: 'same' });
  });

  it('takes the cited clauses from a stored conversation over the text', () => {
    const frame = analyzer.analyze('is the public security bureau involved in it as well?', [
      { role: 'user', content: 'Which unit leads quality safety supervision in the Tianjin 2023 plan?' },
      { role: 'assistant', content: 'The lead unit is 市市场监管委.', citedClauseIds: ['tj-2023-3:7.22'] },
    ]);
    expect(frame.reference).toMatchObject({ clauseIds: ['tj-2023-3:7.22'], relation: 'same' });
    expect(frame.units.map((unit) => unit.byDocument['tj-2023-3'])).toEqual([['市公安局']]);
  });

  it('asks for the counterparts when the follow-up moves to another document (对应的条款, the Tianjin version, 那国家方案呢)', () => {
    const national = { role: 'assistant' as const, content: '国市监质发〔2022〕95号 六(十五)「推動產業鏈供應鏈質量聯動提升」[1]', citedClauseIds: ['cn-2022-95:6.15'] };
    const asked = { role: 'user' as const, content: 'who leads the supply chain quality linkage task in the national plan' };
    const version = analyzer.analyze('Does the Tianjin version list the SASAC too?', [asked, national]);
    expect(version.reference).toMatchObject({ relation: 'corresponding', clauseIds: ['cn-2022-95:6.15'], targetDocumentIds: ['tj-2023-3', 'tj-2014-22'] });
    const corresponding = analyzer.analyze('天津方案里对应的条款由谁牵头?', [asked, national]);
    expect(corresponding).toMatchObject({ slot: 'lead', reference: { relation: 'corresponding', ownTopic: false } });
    // No document named and a correspondence word: the other level's documents.
    const similar = analyzer.analyze('地方有没有类似的条款?', [asked, national]);
    expect(similar.reference?.targetDocumentIds).toEqual(expect.arrayContaining(['tj-2023-3', 'sw-2023-0926']));
  });

  it('reads a clause the question names itself, by place or quoted title, in the document named just before it', () => {
    expect(analyzer.analyze('天津方案哪一条落实国家方案二(一)?').reference).toMatchObject({ clauseIds: ['cn-2022-95:2.1'], from: 'question', relation: 'corresponding' });
    expect(analyzer.analyze('天津方案「壓實企業主體責任」對應國家方案哪一條？').reference).toMatchObject({ clauseIds: ['tj-2023-3:7.23'], targetDocumentIds: expect.arrayContaining(['cn-2022-95']) });
    expect(analyzer.analyze('国家方案二(一)由谁牵头?')).toMatchObject({ slot: 'lead', reference: { clauseIds: ['cn-2022-95:2.1'], relation: 'same' } });
    // Named in the question, the clause stands on its own, whatever the conversation before.
    const named = analyzer.analyze('国家方案二(一)由谁牵头?', history('天津提升食品质量水平由哪个部门牵头?'));
    expect(named.followUp).toBeNull();
  });

  it('treats a question with its own topic and no follow-up words as a new question', () => {
    const frame = analyzer.analyze('汕尾制造业产品质量合格率目标是多少?', history('天津提升食品质量水平由哪个部门牵头?'));
    expect(frame.followUp).toBeNull();
  });
});
