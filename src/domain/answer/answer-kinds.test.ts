import { describe, expect, it } from 'vitest';
import { answerFromSeeds } from '../../test-support/seed-retrieval.ts';
import { ANSWER_KINDS, kindFor } from './answer-kinds.ts';

const answered = async (question: string) => {
  const turn = await answerFromSeeds(question);
  if (turn.decision.outcome !== 'answer') throw new Error(`not answered: ${question}: ${turn.decision.reason.detail}`);
  return { ...turn, decision: turn.decision };
};
// A question asked after one earlier exchange, as a client sends the history.
const afterAnswer = (question: string, asked: string, answer: string) => answerFromSeeds(question, [{ role: 'user', content: asked }, { role: 'assistant', content: answer }]);
const refused = async (question: string) => {
  const turn = await answerFromSeeds(question);
  if (turn.decision.outcome !== 'not-found') throw new Error(`answered: ${question}: ${turn.text}`);
  return { ...turn, reason: turn.decision.reason };
};

describe('answer kinds', () => {
  it('are one table in precedence order, each with its evidence, wording and not-found text', () => {
    expect(ANSWER_KINDS.map((kind) => kind.name)).toEqual(['metadata', 'unit-tasks', 'alignment', 'mentions', 'compare', 'unit-check', 'unit-count', 'lead', 'units', 'money', 'figure', 'date', 'content']);
    for (const kind of ANSWER_KINDS) {
      expect(kind.missingText.zh.length, kind.name).toBeGreaterThan(0);
      expect(kind.missingText.en.length, kind.name).toBeGreaterThan(0);
    }
  });

  it('alignment: the clauses aligned at ingest, cited beside the clause they take up, both ways', async () => {
    const local = await answered('天津方案哪一条落实国家方案二(一)?');
    expect(local.decision.kind).toBe('alignment');
    expect(local.cited).toEqual(['tj-2023-3:2.1', 'tj-2023-3:2.2']);
    const [line, ...quotes] = local.text.split('\n');
    expect(line).toBe('落实国市监质发〔2022〕95号 二(一)「扩大安全优质农产品食品供给」[3]的是津质量发〔2023〕3号 二(一)「扩大安全优质农产品供给」[1]、津质量发〔2023〕3号 二(二)「提升食品质量水平」[2]。');
    // Each clause found is quoted from its body, not its title, with who leads it there.
    expect(quotes[0]).toMatch(/^津质量发〔2023〕3号 二\(一\)\[1\]（市农业农村委牵头）：“.+”$/u);
    expect(quotes[1]).toMatch(/^津质量发〔2023〕3号 二\(二\)\[2\]（市工业和信息化局牵头）：“.+”$/u);
    expect(quotes.join('')).not.toContain('“提升食品质量水平。”');
    // Named by its topic, not its number: the national clause on it is found, then its counterpart.
    const byTopic = await answered('国家方案里提升质量基础设施服务效能那条 对应天津方案哪一条');
    expect(byTopic.decision.kind).toBe('alignment');
    expect(byTopic.cited).toEqual(['tj-2023-3:6.18']);
    expect(byTopic.text).toContain('国市监质发〔2022〕95号 六(十六)');
    // Asked with another verb (拆成, follows): asking for a clause of another document is enough.
    expect((await answered('國家方案二（一）在天津方案拆成了哪幾條')).cited).toEqual(['tj-2023-3:2.1', 'tj-2023-3:2.2']);
    const reliability = await answered('tianjin clause 三（八） equipment reliability follows which national clause');
    expect(reliability.cited).toEqual(['cn-2022-95:3.7']);
    // Each side quoted with what it sets or adds: Tianjin's own target for construction machinery.
    expect(reliability.text).toContain('提高60%以上');
    // A local programme named in quotation marks, which the national clause has no like of.
    expect((await answered('national plan point on worker quality literacy - tianjin counterpart clause?')).text).toContain('海河工匠');
    const national = await answered('Which national clause does Tianjin 二(二) correspond to?');
    expect(national.cited).toEqual(['cn-2022-95:2.1']);
    expect(national.text).toMatch(/^The Tianjin 2023 plan \(津质量发〔2023〕3号\), 二\(二\) “提升食品质量水平” \[2\] implements the 2022 national plan/u);
    // By quoted title, in Traditional script.
    expect((await answered('天津方案「壓實企業主體責任」對應國家方案哪一條？')).cited).toEqual(['cn-2022-95:7.21']);
    // Both sides quoted, each with its lead: the clause found and the clause it was found from.
    const both = await answered('医美监管 天津方案和国家方案分别是哪条 谁牵头');
    expect(both.text).toMatch(/国市监质发〔2022〕95号 五\(十三\)\[\d\]（市场监管总局牵头）：“加强医疗美容综合监管执法。”/u);
    expect(both.text).toMatch(/津质量发〔2023〕3号 五\(十五\)\[\d\]（市市场监管委牵头）：“加强医疗美容综合监管执法。”/u);
  });

  it('compare: one entry per document, national first, under a line that says how they compare', async () => {
    const figures = await answered('天津2014年意见和汕尾稿的制造业产品质量合格率目标分别是多少');
    expect(figures.decision.kind).toBe('compare');
    expect(figures.text.split('\n')[0]).toBe('对比：津政发〔2014〕22号 93%；汕尾市征求意见稿 94.8%。');
    const leads = await answered('国家和天津分别由谁牵头提升食品质量');
    expect(leads.cited).toEqual(['cn-2022-95:2.1', 'tj-2023-3:2.2']);
    expect(leads.text.split('\n')[0]).toBe('牵头单位不同：国市监质发〔2022〕95号为农业农村部；津质量发〔2023〕3号为市工业和信息化局。');
    // A bureau named by its field (市场监管部门) is each document's own; the verdict covers them all.
    const verdict = await answered('质量安全监管，国家方案和汕尾稿都是市场监管部门牵头吗？');
    expect(verdict.text.split('\n')[0]).toBe('是，2份文件都是。');
    expect(verdict.decision.evidence.map((each) => each.clause.hit.document.id)).toEqual(['cn-2022-95', 'sw-2023-0926']);
    expect(verdict.decision.evidence.every((each) => each.verdict === true)).toBe(true);
    const mixed = await answered('提升食品质量，国家和天津都是农业农村部门牵头吗?');
    expect(mixed.text.split('\n')[0]).toBe('不全是：国市监质发〔2022〕95号是，津质量发〔2023〕3号不是。');
  });

  it('a clause named by its place is answered from that clause alone, with no topic gate', async () => {
    const turn = await answered('国家方案二(一)由谁牵头?');
    expect(turn).toMatchObject({ decision: { kind: 'lead' }, cited: ['cn-2022-95:2.1'] });
    expect(turn.text).toContain('牵头单位为农业农村部');
  });

  it('content yes/no: a thing asked of a document whose nearest clause does not name it gets a no, saying what is missing', async () => {
    const turn = await afterAnswer('天津方案也有这个指标吗', '国家方案 收获机械 拖拉机平均故障间隔时间要提到多少', '国家方案三（七）：主粮作物收获机械、拖拉机平均故障间隔时间指标分别提高到80、250小时以上。');
    expect(turn.cited).toEqual(['tj-2023-3:3.8']);
    expect(turn.text).toMatch(/^没有。最接近的条款没有提到“拖拉机”：/u);
  });

  it('says when the corresponding clause is only the closest in wording', async () => {
    const turn = await afterAnswer('天津方案里对应的条款由谁牵头?', '汕尾稿里强化工程质量保障由谁牵头?', '《关于深入贯彻落实〈广东省质量强省建设纲要〉的实施意见》（征求意见稿） 五(十三)「强化工程质量保障」[1]：牵头单位为市住房城乡建设局。');
    expect(turn.cited).toEqual(['tj-2023-3:2.5']);
    expect(turn.text).toContain('以上是措辞最接近的一条');
  });

  it('lead: the parsed lead of the clause that holds a topic from its body, not its title', async () => {
    const turn = await answered('“振兴杯”职工技能竞赛归哪个部门管?');
    expect(turn.decision.kind).toBe('lead');
    expect(turn.cited).toEqual(['tj-2023-3:6.20']);
    expect(turn.text).toContain('牵头单位为市教委');
  });

  it('lead: asked by a topic inside the clause, the sentence that holds it is quoted; asked by its title, none', async () => {
    const inside = await answered('知识产权保护流动警务站那块 天津谁牵头');
    expect(inside.text).toContain('市市场监管委');
    expect(inside.text).toMatch(/条款中的相关表述：“[^”]*知识产权保护流动警务站/u);
    expect((await answered('天津提升食品质量水平由哪个部门牵头?')).text).not.toContain('相关表述');
  });

  it('units: every responsible unit, the lead named', async () => {
    const turn = await answered('国家方案 预拌混凝土质量专项抽查 责任部门都有谁');
    expect(turn.decision.kind).toBe('units');
    expect(turn.text).toMatch(/住房城乡建设部、工业和信息化部、财政部/u);
  });

  it('unit check: opens with the verdict and names the real lead', async () => {
    const no = await answered('危化品质量监督抽查是不是市监委带头的');
    expect(no.decision.kind).toBe('unit-check');
    expect(no.text.startsWith('**不是。**牵头单位是市工业和信息化局')).toBe(true);
    const yes = await answered('天津冷链食品监管 海关有没有参与');
    expect(yes.text.startsWith('**是。**')).toBe(true);
    expect(yes.cited).toEqual(['tj-2023-3:2.2']);
    const english = await answered('Is the Ministry of Commerce involved in the national e-commerce demonstration base creation?');
    expect(english.text.startsWith('**Yes.**')).toBe(true);
  });

  it('lead: each clause that takes up the clause in view, where the document split it in two', async () => {
    const split = await afterAnswer('那天津对应的呢？好像拆成两条了', '国家方案 提高生产流通服务专业化融合化水平 谁牵头', '人民银行牵头（国市监质发〔2022〕95号 五（十二））。');
    expect(split.cited).toEqual(['tj-2023-3:5.13', 'tj-2023-3:5.14']);
    expect(split.text.split('\n')[0]).toBe('牵头单位：五(十三)为**人民银行天津分行**；五(十四)为**市邮政管理局**。');
  });

  it('unit check: a unit checked beside an open question for the lead is checked for taking part', async () => {
    const turn = await afterAnswer('牵头的是哪个局 公安也参与吗', '汕尾婴幼儿配方乳粉生产企业体系检查要求多少', '每年100%全覆盖，见四（十）。');
    expect(turn.cited).toEqual(['sw-2023-0926:4.10']);
    expect(turn.text.split('\n')[0]).toBe('**是。**市公安局是责任单位之一。');
    expect(turn.text).toContain('牵头单位为市市场监管局');
  });

  it('mentions: a phrase written less a leading modifier or with a word set between its words, named as the question wrote it', async () => {
    const insurance = await answered('住宅工程质量潜在缺陷保险 哪些文件里有');
    expect(insurance.cited).toEqual(['tj-2023-3:7.21', 'sw-2023-0926:5.13']);
    expect(insurance.text.split('\n')[0]).toBe('提到“住宅工程质量潜在缺陷保险”的文件有2份：');
    const bicycles = await answered('电动自行车质量抽查 是哪个文件提到的');
    expect(bicycles.cited).toEqual(['tj-2023-3:3.8']);
  });

  it('content: a question restating a clause\'s title and asking more is quoted from the sentence that holds the more', async () => {
    const turn = await answered('天津加强材料质量保障能力那条 点名要监督抽查的是哪类产品');
    expect(turn.cited).toEqual(['tj-2023-3:3.7']);
    expect(turn.text).toContain('“加强危险化学品质量监督抽查，加大不合格产品后处理力度。”');
  });

  it('unit check: the count asked beside it is answered with it', async () => {
    const turn = await answered('天津方案里城市一刻钟便民生活圈那条，负责单位有几个，卫健委算不算在内');
    expect(turn.decision.kind).toBe('unit-check');
    expect(turn.text.split('\n')[0]).toBe('**是。**市卫生健康委是责任单位之一。共**8**个单位负责。');
  });

  it('compare: each document asked the year it speaks of (Shanwei for 2025, Tianjin 2014 for 2016)', async () => {
    const turn = await answered('汕尾到2025年和天津2014年意见到2016年的制造业产品质量合格率分别是多少');
    expect(turn.decision.kind).toBe('compare');
    expect(turn.cited).toEqual(expect.arrayContaining(['sw-2023-0926:1.2', 'tj-2014-22:1.2']));
    expect(turn.text).toContain('94.8%');
    expect(turn.text).toContain('93%');
  });

  it('figure: a rate the document sets in other words (覆盖率 as 100%全覆盖) is its own, and a rate no document sets is not', async () => {
    const turn = await answered('汕尾婴幼儿配方乳粉生产企业体系检查覆盖率 是80%吗');
    expect(turn.cited).toEqual(['sw-2023-0926:4.10']);
    expect(turn.text.split('\n')[0]).toBe('不是。');
    await refused('汕尾2025年工程质量安全事故率要控制在多少以内?');
  });

  it('unit count: how many units, listed', async () => {
    const turn = await answered('国家方案 綠色債券、冷鏈物流那條，一共幾個部門負責？');
    expect(turn.decision.kind).toBe('unit-count');
    expect(turn.text).toMatch(/^共\*\*12\*\*個單位負責/u);
  });

  it('unit count and check: the units beside the lead, and whether the named unit is the only one', async () => {
    const supporting = await answered('天津2023方案里乳制品质量安全提升那条，除了牵头的还有几个部门配合?');
    expect(supporting.decision.kind).toBe('unit-count');
    expect(supporting.text).toMatch(/^除牵头单位市工业和信息化局外，共\*\*8\*\*个单位配合。/u);
    const english = await answered('In the national plan, how many departments support the lead on green building materials going to the countryside?');
    expect(english.text).toMatch(/^Besides the lead, 住房城乡建设部 .*, \*\*2\*\* units share it\./u);
    const only = await answered('天津2023方案冷链食品监管是不是只有市市场监管委负责?');
    expect(only.decision.kind).toBe('unit-check');
    expect(only.text).toMatch(/^\*\*不是。\*\*除市市场监管委外还有8个单位负责。/u);
  });

  it('figure: the value in the part that names the subject, in the measure asked', async () => {
    const rate = await answered('汕尾水利工程质量抽检合格率要求是多少');
    expect(rate.decision.evidence[0]!.value).toBe('98%');
    // The answer opens with the words that state the value, the value emphasised.
    expect(rate.text.split('\n')[0]).toMatch(/^[^\n]*合格率[^\n]*\*\*98%\*\*[^\n]*。$/u);
    const batches = await answered('天津每年监督抽查不少于多少批次');
    expect(batches.decision.evidence[0]!.value).toBe('4萬批次');
  });

  it('content: asked for a year, a sentence after the one that names the year speaks for it too', async () => {
    const target = await answered('What does Shanwei aim for on manufacturing product quality by 2025?');
    expect(target.decision.evidence[0]!.quote).toContain('94.8%');
  });

  it('figure: a target clause retrieved below the clauses on the subject\'s work answers when none of those states one', async () => {
    const target = await answered('Shanwei target for spot-check compliance of housing & municipal projects?');
    expect(target.decision.evidence[0]).toMatchObject({ clause: { hit: { clause: { id: 'sw-2023-0926:1.2' } } }, value: '90%' });
    expect(target.decision.evidence[0]!.clause.n).toBeGreaterThan(3);
  });

  it('figure: a value the question states is checked against the subject’s own, not one that matches elsewhere in the clause', async () => {
    // 98% is the clause's figure for 农产品 and for 水利工程, not for 食品抽检合格率 (98.5%).
    const wrong = await answered('汕尾食品抽检合格率是98%吗?');
    expect(wrong.decision.kind).toBe('figure');
    expect(wrong.text.split('\n').slice(0, 2)).toEqual(['不是。', '食品抽检合格率达到**98.5%**以上。']);
    const right = await answered('天津每年监督抽查不少于4万批次，对吧');
    expect(right.text.split('\n')[0]).toBe('对。');
    const english = await answered("Is Shanwei's target for the manufacturing product pass rate 95%?");
    expect(english.text.split('\n')[0]).toBe('No.');
    expect(english.text).toContain('**94.8%**');
  });

  it('figure: refuses a year no clause sets a figure for, saying what the nearest clause does say', async () => {
    const turn = await refused('汕尾到2035年制造业产品质量合格率要达到多少');
    expect(turn.reason).toMatchObject({ kind: 'missing-fact', missing: 'year', year: '2035' });
    expect(turn.text).toMatch(/没有2035年的相应规定/u);
  });

  it('money: refuses an amount a clause names no amount for, naming that clause', async () => {
    const turn = await refused('天津支持平台经济发展的专项资金 一共有多少钱');
    expect(turn.reason).toMatchObject({ kind: 'missing-fact', missing: 'money' });
    expect(turn.text).toMatch(/四\(十一\)「推动平台企业提供优质产品和服务」与问题最接近，但没有写明金额/u);
    // An amount written before another subject is not that subject's (天津质量奖's 100万元, not 中国质量奖's).
    expect((await refused('中國質量獎的獎金是多少？')).reason.kind).toBe('missing-fact');
  });

  it('date: the year a sentence sets for the subject asked, written before it (到2035年,质量强市建设基础更加牢固)', async () => {
    const turn = await answered('汕尾哪一年要让质量强市建设基础更加牢固');
    expect(turn.decision.kind).toBe('date');
    expect(turn.text.split('\n')[0]).toBe('**2035年**。');
  });

  it('metadata: a draft\'s deadline for comments, asked as a date, with where to send them', async () => {
    const turn = await answered('汕尾那个征求意见稿 意见啥时候截止');
    expect(turn.decision.kind).toBe('metadata');
    expect(turn.text).toContain('截止2023年10月26日');
  });

  it('content: the sentence that holds the asked topic, and yes for "does it mention"', async () => {
    const turn = await answered('天津方案对IPv6有什么要求?');
    expect(turn.decision.evidence[0]!.quote).toContain('IPv6');
    const mention = await answered('Does the national plan mention graphene?');
    expect(mention.text.startsWith('Yes.')).toBe(true);
    expect(mention.decision.evidence[0]!.quote).toContain('石墨烯');
  });

  it('metadata: from the document record, citing the passage that states it', async () => {
    const number = await answered('天津提高产品工程服务质量实施方案的文号是啥');
    expect(number.decision.kind).toBe('metadata');
    expect(number.text).toContain('津质量发〔2023〕3号');
    const status = await answered('汕尾那个实施意见是正式印发了还是征求意见稿');
    expect(status.text).toMatch(/是征求意见稿\[\d\]，尚未正式印发，征求意见截止2023年10月26日/u);
    // Asked yes or no, the verdict first, whichever status is asked; asked both ways, none.
    expect(status.text).not.toMatch(/^(是|不是)。/u);
    expect((await answered('汕尾那个是不是征求意见稿')).text).toMatch(/^是。\n/u);
    expect((await answered('天津方案是征求意见稿吗')).text).toMatch(/^不是。\n.*正式印发/u);
    expect((await answered('is the national plan a draft?')).text).toMatch(/^No\.\n/u);
    const issuers = await answered('How many departments jointly issued the national quality action plan?');
    expect(issuers.text).toContain('(18 departments)');
    expect(issuers.text).toMatch(/\[\d\]/u);
  });

  it('metadata: a date asked of a document with nothing else asked is its date of issue; a deadline stays the deadline', async () => {
    const published = await answered('汕尾那个征求意见稿什么时候挂出来的');
    expect(published.decision.kind).toBe('metadata');
    expect(published.text).toContain('2023年9月26日');
    expect((await answered('date of the national 18-department quality action plan?')).text).toContain('2022年11月1日');
    expect((await answered('汕尾征求意见稿 意见最晚什么时候交')).text).toContain('截止2023年10月26日');
    // Tianjin's plan was never a draft: a deadline for comments asked of it is not covered.
    expect((await answerFromSeeds('天津2023实施方案征求意见截止到哪天?')).decision.outcome).toBe('not-found');
  });

  it('metadata: how comments are sent, in the notice\'s own sentence, and the verdict on the channel asked', async () => {
    const how = await answered('Shanwei draft - who drafted it and how do i send comments');
    expect(how.text).toContain('以邮寄、电子邮件等方式书面反馈');
    expect(how.text).toContain('by post or e-mail');
    expect((await answered('Shanwei draft comments: e-mail ok?')).text).toMatch(/^Yes\.\n/u);
    expect((await answered('汕尾征求意见稿的意见可以发邮件吗')).text).toMatch(/^可以。\n/u);
    // A channel the notice does not give: asked for it, not covered; asked whether it will do, no, and the ones it gives.
    expect((await refused('汕尾征求意见稿的传真号码是多少?')).reason.kind).toBe('missing-fact');
    const fax = await answered('Can I send comments on the Shanwei draft by fax?');
    expect(fax.text).toMatch(/^No\.\n/u);
    expect(fax.text).toContain('swsqsb@126.com');
  });

  it('metadata: the date of the kind asked, and the record of a document the library holds only as implemented', async () => {
    const signed = await answered('天津2023实施方案落款日期是哪天?');
    expect(signed.text).toContain('成文日期 2023年9月4日');
    expect(signed.text).not.toContain('9月8日');
    expect((await answered('天津2023方案什么时候施行?')).text).not.toContain('成文日期');
    expect((await refused('《质量强国建设纲要》是哪天印发的?')).reason.kind).toBe('uncovered-document');
    // The place in its title (广东省) names the outline, not the library's Shanwei document that implements it; a place outside it does.
    expect((await refused('广东省质量强省建设纲要是什么时候印发的')).reason.kind).toBe('uncovered-document');
    expect((await answered('汕尾落实广东省质量强省建设纲要的实施意见是什么时候发的')).decision.kind).toBe('metadata');
    // What a library document implements names that document as the answer.
    expect((await answered('天津2023方案落实的是哪个文件')).text).toContain('《质量强国建设纲要》');
  });

  it('metadata: a status asked either way, in English as in Chinese, and who drafted a draft', async () => {
    const status = await answered('Is the Shanwei implementing opinion already final or still a draft for comments?');
    expect(status.decision.kind).toBe('metadata');
    expect(status.text).toContain('draft for comment (征求意见稿)');
    expect((await answered('汕尾那个征求意见稿是哪个单位牵头起草的')).text).toContain('汕尾市市场监督管理局');
    expect((await refused('what is the 文号 of the Shanwei implementing opinion draft?')).reason.kind).toBe('missing-fact');
  });

  it('content: the quote, then the clause\'s lead', async () => {
    const turn = await answered('汕尾农贸市场快检是怎么说的');
    expect(turn.text).toMatch(/“[^”]*农贸市场食用农产品快检[^”]*”\n牵头单位：市市场监管局。/u);
  });

  it('metadata: a fact no document asked about states is not covered; a yes/no on it is answered', async () => {
    expect((await refused('what phone number does the Tianjin 2023 plan give for feedback?')).reason).toMatchObject({ kind: 'missing-fact', missing: 'document' });
    expect((await refused('汕尾这份实施意见文号是多少')).text).toContain('文件没有写明所问的这一项');
    expect((await answered('国家方案联合发文的单位里有没有海关总署')).text).toMatch(/^没有。\n/u);
    expect((await answered('国家方案的发文单位里有没有商务部')).text).toMatch(/^有。\n/u);
    expect((await answered('How many departments co-issued the national plan 国市监质发〔2022〕95号?')).text).toContain('(18 departments)');
  });

  it('unit tasks: counted (牵头几项工作), and asked by a unit named in English beside its Chinese name', async () => {
    expect((await answered('天津发改委在3号文里牵头几项工作?')).text).toMatch(/^市发展改革委在津质量发〔2023〕3号中牵头3项任务/u);
    const named = await answered('We are the Tianjin consumers association (市消协). Which clauses of the Tianjin plan involve us?');
    expect(named.decision.kind).toBe('unit-tasks');
    expect(named.cited.sort()).toEqual(['tj-2023-3:4.11', 'tj-2023-3:7.21', 'tj-2023-3:7.22', 'tj-2023-3:7.23']);
  });

  it('unit check on the clause that takes up the one in view (国家层面对应那条 也是发改委牵头吗)', async () => {
    const turn = await afterAnswer('国家层面对应那条呢 也是发改委牵头吗', '天津方案哪个部门牵头推动5G典型应用场景?', '由市发展改革委牵头。依据：津质量发〔2023〕3号 四（十）。');
    expect(turn.cited).toEqual(['cn-2022-95:4.9']);
    expect(turn.text).toMatch(/^\*\*是。\*\*国家发展改革委/u);
  });

  it('a conversation: the clause cited before stays in view, a counterpart found by the topic asked, the wording asked for a year', async () => {
    // A question of its own after an answer: the clause that answer cited holds the whole topic, so it is asked about it.
    const count = await afterAnswer('每个产业集群要建几个?', '汕尾产业集群建质检中心那条谁牵头?', '市市场监管局牵头(sw-2023-0926:8.22)。');
    expect(count.cited).toEqual(['sw-2023-0926:8.22']);
    expect(count.text).toContain('**1个**');
    // The national clause aligned by title holds nothing of 快递 “最后一公里”; the one that does is the counterpart.
    const counterpart = await afterAnswer('国家方案对应的那条呢?', '天津2023方案中快递“最后一公里”投递那条谁牵头?', '市邮政管理局牵头，津质量发〔2023〕3号 五（十四）。');
    expect(counterpart.cited[0]).toBe('cn-2022-95:5.11');
    expect(counterpart.text).toContain('住房城乡建设部');
    // What it says, asked after a figure: the wording, from the sentence on the year asked.
    const wording = await answered('and what does that document say for 2035?');
    expect(wording.decision.kind).toBe('content');
    const followed = await afterAnswer('and what does that document say for 2035?', "What's Shanwei's 2025 target for manufacturing product pass rate?", 'It aims for 94.8% by 2025 (sw-2023-0926:1.2).');
    expect(followed.text).toContain('到2035年,质量强市建设基础更加牢固');
    // Approval asked in English of the document before, and the record passage cited for who signed it.
    const approval = await afterAnswer('Did the State Council approve it?', 'How many departments issued the national action plan?', '18 departments, led by 市场监管总局 (cn-2022-95:notice).');
    expect(approval.text).toMatch(/^Yes\.\n.*经国务院同意/su);
    const signed = await afterAnswer('who issued that document and when was it signed?', 'How much is the Tianjin Quality Award prize?', '1,000,000 yuan (100万元) per winner (tj-2014-22:4.2).');
    const marker = Number(/signed 2014年9月22日 \(2014-09-22\) \[(\d)\]/u.exec(signed.text)?.[1]);
    expect(signed.retrieval.clauses.find((clause) => clause.n === marker)?.hit.clause.id).toBe('tj-2014-22:signature');
  });

  it('compare: whether all write it, by the places asked, or by the documents named one by one', async () => {
    // Tianjin writes it when one of its two documents does.
    const places = await answered('平均失效间隔时间提高60%以上,天津和国家方案是不是都有写?');
    expect(places.text).toMatch(/^有，2份文件都提到了。/u);
    // Named by year, the 2014 opinion answers for itself, and the verdict comes first though one document holds it.
    const named = await answered('天津2014年的意见和国家方案是不是都提到平均失效间隔时间?');
    expect(named.text).toMatch(/^不是都有：国市监质发〔2022〕95号提到了，津政发〔2014〕22号没有提到。/u);
  });

  it('a value the question states is checked: the part that sets it, and the verdict on it', async () => {
    const both = await answered('Do both the Tianjin 2023 plan and the national plan set the 60% MTBF target for excavators?');
    expect(both.text).toMatch(/^Yes\. Side by side: .*60%; .*60%\./u);
    // A stated value neither sets: the verdict, then the value each does set.
    expect((await answered('天津和国家方案都定了挖掘机平均失效间隔时间提高50%以上的目标吗')).text).toMatch(/^不是。对比：国市监质发〔2022〕95号 60%；津质量发〔2023〕3号 60%。/u);
    // Asked 是不是, the verdict says 是 or 不是; the quote shows what the clause sets.
    const other = await answered('天津是不是要求挖掘机平均失效间隔时间提高50%?');
    expect(other.text).toMatch(/^不是。\n.*60%/su);
    expect((await answered('天津是不是要求挖掘机平均失效间隔时间提高60%?')).text).toMatch(/^是。\n/u);
    // A year written short (14年) is the scope, no value checked.
    expect((await answered('天津14年的意见 提到96333了吗 是干啥的')).text).toMatch(/^有。\n/u);
  });

  it('a unit asked of a clause: its place on the list, or not covered when the clause does not list it', async () => {
    const listed = await answered('市财政局在天津2023方案完善财政金融政策那条里负责什么');
    expect(listed.text).toMatch(/^市财政局是该条的牵头单位。\n/u);
    const absent = await refused('汕尾海关在汕尾强化工程质量保障那条里负责什么');
    expect(absent.reason).toMatchObject({ kind: 'missing-fact', missing: 'unit' });
    expect(absent.text).toContain('该条的责任单位中没有汕尾海关');
    // Short and colloquial: 消协 for 市消协, 团中央, a verb with 不 at the end.
    expect((await answered('国家方案提升劳动者质量素养 团中央参加不')).text).toMatch(/^\*\*是。\*\*共青团中央/u);
    expect((await answered('消协在天津平台企业提供优质产品服务那条里有没有')).decision.kind).toBe('unit-check');
  });

  it('a target asked of a county within a city is not the city\'s; English issue and approval verbs', async () => {
    expect((await refused('海丰县到2025年食品抽检合格率目标是多少')).reason.kind).toBe('uncovered-place');
    expect((await refused("What's Lufeng's own 2025 target for the manufacturing pass rate?")).reason.kind).toBe('uncovered-place');
    expect((await answered('What date was the Tianjin 2023–2025 implementation plan sent out?')).decision.kind).toBe('metadata');
    expect((await answered('Was the national action plan cleared by the State Council before it went out?')).text).toMatch(/^Yes\./u);
    expect((await refused('How big is the special fund Tianjin set up to support the platform economy?')).reason.kind).toBe('missing-fact');
  });

  it('compare: 国家 standing in a list of places is the national plan; a counterpart asked with its verb', async () => {
    const three = await answered('提升食品质量这块 国家 天津 汕尾分别谁牵头');
    expect(three.cited).toEqual(['cn-2022-95:2.1', 'tj-2023-3:2.2', 'sw-2023-0926:4.10']);
    // 国家标准 stays a topic beside a place.
    expect((await answered('天津国家标准制修订谁牵头')).cited.every((id) => id.startsWith('tj-'))).toBe(true);
    // "implements" asks for the counterpart (no 器具), IT in capitals is information technology.
    const counterpart = await answered('Which Tianjin clause implements the national task on next-generation IT product quality?');
    expect(counterpart.cited).toContain('tj-2023-3:4.9');
  });

  it('a figure asked of the clause in view, with no topic of its own: any part of it, with the verdict', async () => {
    const turn = await afterAnswer('這條有提到具體數字嗎？', '汕尾優化質量基礎設施管理那條誰牽頭？', '市市場監管局牽頭（汕尾實施意見 八（二十二））。');
    expect(turn.decision.outcome).toBe('answer');
    expect(turn.text).toMatch(/^有。\n/u);
    expect(turn.text).toContain('1个国家级或省级质检中心');
  });

  it('a year asked after a figure for another year: no figure, said so, and what the clause says for it', async () => {
    const turn = await afterAnswer('what about the 2035 goal?', "What is Shanwei's 2025 target for the food sampling pass rate?", '98.5% or above (汕尾市市场监督管理局 实施意见（征求意见稿） 一（二）).');
    expect(turn.text).toMatch(/^No figure is set for 2035; for 2035 the clause says:\n.*到2035年,质量强市建设基础更加牢固/su);
    // Asked for a figure in so many words, a year without one stays not covered.
    expect((await refused('汕尾到2035年制造业产品质量合格率目标是多少?')).reason).toMatchObject({ kind: 'missing-fact', missing: 'year' });
  });

  it('a compound guessed through its head does not make the topic one only other documents write', async () => {
    const turn = await answered('Which Tianjin departments share responsibility for the work on value-traceability research and developing special metrology equipment?');
    expect(turn.cited).toEqual(['tj-2023-3:6.16']);
  });

  it('mentions: a phrase joined from words is also written by its head alone, not by a modifier', async () => {
    const head = await answered('哪几份文件提了内外贸产品同线同标同质');
    expect(head.cited).toEqual(['tj-2023-3:6.19', 'cn-2022-95:6.17', 'sw-2023-0926:4.11']);
    // 工程质量 opens 工程质量潜在缺陷保险: documents writing only it do not mention the insurance.
    expect((await answered('which docs mention 工程质量潜在缺陷保险?')).cited).toEqual(['tj-2023-3:7.21', 'sw-2023-0926:5.13']);
  });

  it('follow-ups: the deadline for comments on the draft named before; the same department, by its field at the other level', async () => {
    const deadline = await afterAnswer('Is there a deadline for comments?', 'Who issued the Shanwei draft?', '汕尾市市场监督管理局 (the Shanwei draft, notice).');
    expect(deadline.text).toContain('until 2023年10月26日');
    const same = await afterAnswer('天津的呢？也是这个部门吗', '国家方案里提升新一代信息技术产品质量谁牵头', '中央网信办牵头（国市监质发〔2022〕95号 四（八））。');
    expect(same.cited).toEqual(['tj-2023-3:4.9']);
    expect(same.text).toMatch(/^\*\*是。\*\*市委网信办（与中央网信办同属网信部门）是牵头单位。/u);
  });

  it('metadata: the final version of a draft is not in the library', async () => {
    const turn = await refused('汕尾這個徵求意見稿，正式版什麼時候發布？');
    expect(turn.reason).toMatchObject({ kind: 'missing-fact', missing: 'document' });
  });

  it('metadata: a document of a place below the documents\' place (陆丰 in Shanwei) is not in the library', async () => {
    const turn = await answerFromSeeds('陆丰市自己的质量强市实施方案是什么时候印发的？');
    expect(turn.decision).toMatchObject({ outcome: 'not-found', reason: { kind: 'uncovered-place' } });
    expect((await answered('汕尾的实施意见是什么时候印发的')).decision.outcome).toBe('answer');
  });

  it('metadata: a document named by its quoted title; what it implements, asked with any verb, with who issued that', async () => {
    const titled = await answered('國家「進一步提高產品、工程和服務質量行動方案」的文號？');
    expect(titled.text).toContain('国市监质发〔2022〕95号');
    const basis = await answered('天津2023實施方案是按照哪份文件要求制定的');
    expect(basis.decision.kind).toBe('metadata');
    expect(basis.text).toContain('《进一步提高产品、工程和服务质量行动方案(2022—2025年)》（市场监管总局等十八部门印發）');
    expect((await answered('the 2014 tianjin opinion is to implement which State Council document')).text).toContain('国发〔2012〕9号');
    // Asked yes or no, the verdict first; in English the Chinese term beside the English.
    expect((await answered('was the national action plan approved by the state council')).text).toMatch(/^Yes\.\n.*“经国务院同意”/u);
    expect((await answered('Is the Shanwei document already in force or still a draft for comments?')).text).toContain('draft for comment (征求意见稿)');
  });

  it('compare: targets asked (指标) quote the sentence that sets the figure, in a sentence of its own too', async () => {
    const turn = await answered('和国家方案相比，天津方案在装备产品可靠性指标上有什么不同?');
    expect(turn.text).toContain('80、250小时');
    expect(turn.text).toContain('提高60%以上');
  });

  it('compare: one line per document, national first', async () => {
    const turn = await answered('国家和天津在质量安全监管方面分别由哪个部门牵头?');
    expect(turn.decision.kind).toBe('compare');
    expect(turn.cited).toEqual(['cn-2022-95:7.20', 'tj-2023-3:7.22']);
  });

  it('unit tasks: every clause the unit leads, or shares when asked so, each cited, with the count', async () => {
    const led = await answered('发改委在天津方案里牵头几项?分别是啥');
    expect(led.decision.kind).toBe('unit-tasks');
    expect(led.cited).toEqual(['tj-2023-3:4.10', 'tj-2023-3:6.17', 'tj-2023-3:6.19']);
    expect(led.text).toMatch(/^市发展改革委在津质量发〔2023〕3号中牵头3项任务：/u);
    // One bureau written two ways in one document (市卫健局, 市卫生健康局) is one unit.
    expect((await answered('我们是汕尾市卫健局，征求意见稿哪些条款涉及我们?')).cited).toEqual(['sw-2023-0926:6.17', 'sw-2023-0926:6.18']);
    const none = await answered('Which national plan clauses does the National Health Commission lead? If it leads none, list the ones it is involved in.');
    expect(none.text).toMatch(/leads none of the tasks in the 2022 national plan .*; it shares 5:/u);
    expect(none.cited).toHaveLength(5);
    // Asked yes or no (有没有牵头的任务? Do we lead any task?), the answer opens with the verdict, in any sentence of the question.
    expect((await answered('市卫健委在天津方案里有没有牵头的任务？没有的话参与了哪些')).text).toMatch(/^没有。市卫生健康委在津质量发〔2023〕3号中没有牵头的任务/u);
    expect((await answered('We are Shanwei finance bureau. Do we lead any task in the draft? If not, where are we involved?')).text).toMatch(/^No\. 市财政局 .*leads none of the tasks/u);
  });

  it('unit tasks: what each task says, the clause body for a unit of few tasks, the sentences naming its field for one of many', async () => {
    const few = await answered('天津人社局在方案里参与了哪些任务');
    expect(few.cited).toEqual(['tj-2023-3:3.8', 'tj-2023-3:6.20']);
    const lines = few.text.split('\n');
    // Each task line is followed by its clause's body, quoted, without the title it restates.
    expect(lines[2]).toMatch(/^ {2}“充分利用首台套.*设备监理师国家职业资格考试工作。”$/u);
    expect(lines[4]).toContain('“海河工匠”建设工程');
    const many = await answered('天津市消协在23年那个方案里都摊到哪些活');
    expect(many.cited).toHaveLength(4);
    // Four tasks: only a sentence that names 消协 is quoted, and a task whose sentences do not has its title alone.
    expect(many.text).toContain('“发布“消费警示”，加强消协社会监督的威摄力。”');
    expect(many.text.split('\n').filter((line) => line.startsWith('  “'))).toHaveLength(1);
  });

  it('date: the year a plan runs to from its goals, its long-range year when asked, however the document is described', async () => {
    const national = await answered('国家95号文的目标年份是哪年');
    expect(national.cited).toEqual(['cn-2022-95:1.p2']);
    expect(national.text).toMatch(/^到\*\*2025年\*\*/u);
    expect((await answered('14年天津那个质量工作意见 目标年份是哪年')).text).toContain('**2016年**');
    expect((await answered('汕尾那个意见 远景目标定到哪一年')).text).toContain('**2035年**');
    expect((await answered('What year does the national plan run to?')).text).toContain('**2025**');
    // A subject of its own is no question about the plan's year.
    expect((await refused('汕尾乳制品抽检的目标年份是哪年')).reason.kind).toBe('unseen-topic');
  });

  it('compare: asked whether the documents say the same, the verdict from each one\'s value', async () => {
    const figure = await answered('挖掘机平均失效间隔时间提高幅度天津跟国家一样不');
    expect(figure.decision.kind).toBe('compare');
    expect(figure.text).toMatch(/^是，一样：.*60%.*60%/u);
    const named = await answered('national plan vs tianjin plan: the small & micro enterprise QMS certification campaign, is it named the same in both?');
    expect(named.text).toMatch(/^No, they differ: .*小微企业质量管理体系认证升级行动.*小微企业质量管理体系认证提升行动/u);
    expect((await answered('天津和国家提升食品质量的牵头部门一样吗')).text).toMatch(/^不一样：/u);
  });

  it('compare: asked yes or no whether both hold a topic and who leads, the verdict opens the comparison of leads', async () => {
    const turn = await answered("Do both the Tianjin 2023 plan and the national plan target '不合理低价游'? Who leads in each?");
    expect(turn.text).toMatch(/^Yes, both documents do\. The same department leads in each: /u);
  });

  it('compare: two documents of one place told apart by year are compared', async () => {
    const turn = await answered('天津2014年意见和2023年方案对天津质量奖各是怎么说的？');
    expect(turn.decision.kind).toBe('compare');
    expect(turn.cited.sort()).toEqual(['tj-2014-22:4.2', 'tj-2023-3:7.24']);
  });

  it('compare: a yes/no over documents opens with the verdict over all, not one per entry', async () => {
    const both = await answered('2014年天津意見跟汕尾稿都有提到首席質量官嗎');
    expect(both.decision.kind).toBe('compare');
    expect(both.text.split('\n')[0]).toBe('有，2份文件都提到了。');
    expect(both.text.split('\n').slice(1).join('\n')).not.toMatch(/^有。$/mu);
  });

  it('mentions: every document whose best clause holds the topic, cited, the others named', async () => {
    const turn = await answered('哪几份文件提到首席质量官?');
    expect(turn.decision.kind).toBe('mentions');
    expect(new Set(turn.cited.map((id) => id.split(':')[0]))).toEqual(new Set(['tj-2023-3', 'tj-2014-22', 'cn-2022-95', 'sw-2023-0926']));
    const some = await answered('Which documents mention latent defect insurance for construction projects?');
    expect(some.cited.map((id) => id.split(':')[0]).sort()).toEqual(['sw-2023-0926', 'tj-2023-3']);
    expect(some.text).toMatch(/Not mentioned in .*津政发〔2014〕22号.*国市监质发〔2022〕95号/u);
    expect((await refused('哪几份文件提到无人机?')).text).toContain('没有文件提到这一点');
  });

  it('mentions: asked literally, a document mentions what it writes, not what shares words with it', async () => {
    // 中国驰名商标 and 品牌 in the 2014 opinions are not 中国品牌日; 质量责任保险 is not 潜在缺陷保险.
    const day = await answered('中国品牌日 哪些文件里提了');
    expect(day.cited.map((id) => id.split(':')[0]).sort()).toEqual(['cn-2022-95', 'sw-2023-0926', 'tj-2023-3']);
    expect(day.text).toContain('提到“中国品牌日”的文件有3份');
    expect((await answered('有哪幾份文件講到潛在缺陷保險')).cited.map((id) => id.split(':')[0]).sort()).toEqual(['sw-2023-0926', 'tj-2023-3']);
    // Codes and Chinese written into English questions, as written.
    const code = await answered('which documents mention IPv6?');
    expect(code.cited.map((id) => id.split(':')[0]).sort()).toEqual(['cn-2022-95', 'tj-2023-3']);
    expect(code.text).toContain('mention “IPv6”');
    expect((await answered('which docs mention the 96333 elevator emergency platform')).cited.map((id) => id.split(':')[0])).toEqual(['tj-2014-22']);
    // Names of one thing that open alike (直播带货, 直播电商): a document writing either mentions it.
    expect((await answered('直播带货 直播电商这种新业态 哪些文件涉及了')).cited.map((id) => id.split(':')[0]).sort()).toEqual(['cn-2022-95', 'sw-2023-0926', 'tj-2023-3']);
    // What the question quotes is the phrase; the words around it describe it.
    expect((await answered('哪几份文件提到内外贸产品“同线同标同质”?')).cited.map((id) => id.split(':')[0]).sort()).toEqual(['cn-2022-95', 'sw-2023-0926', 'tj-2023-3']);
  });

  it('picks the first kind that applies to the frame', () => {
    const frame = { slot: 'lead', yesNo: true, units: [{ mention: '市监委', byDocument: {}, exactIn: [] }], compare: false, unitTasks: false } as unknown as Parameters<typeof kindFor>[0];
    expect(kindFor(frame).name).toBe('unit-check');
    expect(kindFor({ ...frame, yesNo: false }).name).toBe('lead');
  });

  it('unit tasks besides the clause in view (anything else?): the verdict is on the others', async () => {
    const none = await afterAnswer('Is the postal bureau leading anything else in that plan?', 'Which Tianjin 2023 item covers cold-chain storage for supply and marketing co-ops?', 'Item 五（十四）, led by 市邮政管理局.');
    expect(none.decision).toMatchObject({ outcome: 'answer', kind: 'unit-tasks' });
    expect(none.text).toMatch(/^No\. Besides 五\(十四\) \[\d+\], 市邮政管理局 .* leads no other task/u);
    const more = await afterAnswer('市市场监管委还牵头别的吗', '天津方案里强化质量安全监管谁牵头', '七(二十二)由市市场监管委牵头。');
    expect(more.text).toMatch(/^有。除七\(二十二\) \[\d+\]外，市市场监管委在.+还牵头\d+项任务：/u);
  });

  it('unit count: a number of units stated yes or no is checked against the list, verdict first', async () => {
    const right = await answered('汕尾 工业品质量迈向中高端 是三个单位负责吧');
    expect(right.decision.kind).toBe('unit-count');
    expect(right.text).toMatch(/^是。共\*\*3\*\*个单位负责/u);
    const wrong = await answered('Are four agencies responsible for pushing industrial products up to mid-to-high end in Shanwei?');
    expect(wrong.text).toMatch(/^No\. \*\*3\*\* units are responsible/u);
  });
});

describe('not-found decisions', () => {
  it('a place no document covers, from the gazetteer, in Chinese and in English', async () => {
    const chinese = await refused('唐山提升钢铁产品质量由哪个部门牵头?');
    expect(chinese.reason).toMatchObject({ kind: 'uncovered-place', place: '唐山' });
    expect(chinese.text).toContain('没有关于唐山的文件');
    const english = await refused('what is the Hangzhou food sampling pass rate target for 2025?');
    expect(english.text).toMatch(/none covers Hangzhou/u);
  });

  it('a document the library holds only as what one of its documents implements (广东省质量强省建设纲要要求…)', async () => {
    const turn = await refused('廣東省質量強省建設綱要要求全省製造業產品質量合格率達到多少?');
    expect(turn.reason).toMatchObject({ kind: 'uncovered-document', document: { title: '《广东省质量强省建设纲要》', implementedBy: 'sw-2023-0926' } });
    expect(turn.text).toContain('是落實它的文件');
    // Asked what the implementer says of it, the implementer answers.
    expect((await answerFromSeeds('汕尾实施意见落实广东省质量强省建设纲要的哪些要求')).decision.outcome).toBe('answer');
  });

  it('a topic word no document uses, and one only other documents use', async () => {
    expect((await refused('天津方案对无人机产品质量监管有什么规定?')).reason).toMatchObject({ kind: 'unseen-topic', term: '无人机' });
    // 预制菜 is in the Shanwei draft only.
    const elsewhere = await refused('天津方案里预制菜产业是谁牵头');
    expect(elsewhere.reason).toMatchObject({ kind: 'unseen-topic', elsewhere: true });
    expect(elsewhere.text).toContain('所问文件中没有出现“预制菜”（文件库中其他文件有提到）');
    // The dictionaries render failures 故障 where Tianjin writes 失效: a two-character rendering proves no absence.
    expect((await answered('In Tianjin 2023 plan, by how much should the MTBF of excavators and loaders beat the current national standard?')).text).toContain('**60%**');
    // In English too: tractor is 拖拉机, which only the national plan names.
    expect((await refused('Tianjin 2023 plan: tractor mean time between failures target hours?')).reason).toMatchObject({ kind: 'unseen-topic', term: 'tractor', elsewhere: true });
    expect((await answered('汕尾预制菜产业集群谁牵头')).cited).toEqual(['sw-2023-0926:3.8']);
  });

  it('a thing the question word asks for that no document has a word for (what fine…, how much is the fine…)', async () => {
    const what = await refused('What fine does the Tianjin 2023 plan set for issuing false inspection reports?');
    expect(what.reason).toMatchObject({ kind: 'unseen-topic', term: 'fine' });
    expect(what.text).toContain('fine');
    // Nor a figure of another thing in the nearest clause as the closest match.
    expect((await refused('How much is the fine for issuing fake inspection reports?')).reason).toMatchObject({ kind: 'unseen-topic', term: 'fine' });
    // Fine as an adjective keeps its own sense; the asked thing is what the question word asks for.
    expect((await answered('Which provincial document is the Shanwei opinion meant to implement?')).decision.outcome).toBe('answer');
  });

  it('units the nearest clause does not list (the 2014 opinion names none)', async () => {
    const turn = await refused('天津2014年22号文里 96333电梯应急处置平台建设是哪个部门负责');
    expect(turn.reason).toMatchObject({ kind: 'missing-fact', missing: 'units' });
    expect(turn.text).toMatch(/没有列出责任单位/u);
  });

  it('offers substantive related clauses only, each once', async () => {
    const turn = await refused('天津支持平台经济发展的专项资金 一共有多少钱');
    const related = turn.text.split('\n').filter((line) => line.startsWith('- '));
    expect(related.length).toBeGreaterThan(0);
    expect(new Set(related).size).toBe(related.length);
    expect(related.join('\n')).not.toMatch(/前言|通知|结语|落款/u);
  });
});
