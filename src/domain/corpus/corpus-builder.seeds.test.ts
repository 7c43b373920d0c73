import { describe, expect, it } from 'vitest';
import { documentById, seedCorpus } from '../../test-support/seed-files.ts';
import type { ClauseRecord, DocumentRecord } from './policy-document.ts';

const corpus = seedCorpus();
const numbered = (document: DocumentRecord) => document.clauses.filter((clause) => clause.kind === 'clause');
const clause = (document: DocumentRecord, section: string, numeral: string): ClauseRecord => {
  const found = numbered(document).find((candidate) => candidate.sectionNumeral === section && candidate.numeral === numeral);
  if (!found) throw new Error(`${document.id} has no clause ${section}(${numeral})`);
  return found;
};
const tianjin2023 = documentById(corpus, 'tj-2023-3');
const national = documentById(corpus, 'cn-2022-95');
const shanwei = documentById(corpus, 'sw-2023-0926');
const tianjin2014 = documentById(corpus, 'tj-2014-22');

describe('the seed corpus', () => {
  it('holds four documents from five files, nothing rejected', () => {
    expect(corpus.documents.map((document) => document.id).sort()).toEqual(['cn-2022-95', 'sw-2023-0926', 'tj-2014-22', 'tj-2023-3']);
    expect(corpus.rejected).toEqual([]);
    expect(corpus.documents.flatMap((document) => document.sources).length).toBe(5);
  });

  it.each([
    ['tj-2023-3', 24, '扩大安全优质农产品供给', '强化示范引领'],
    ['cn-2022-95', 22, '擴大安全優質農產品食品供給', '發揮示范引領作用'],
    ['sw-2023-0926', 30, '指导思想', '开展督察评估'],
    ['tj-2014-22', 23, '指導思想', '推動全社會共同參與'],
  ])('%s has %i numbered clauses, first %s, last %s', (id, count, first, last) => {
    const clauses = numbered(documentById(corpus, id));
    expect(clauses).toHaveLength(count);
    expect(clauses[0]!.heading).toBe(first);
    expect(clauses.at(-1)!.heading).toBe(last);
  });

  it('numbers clauses on across sections in three documents and per section in the 2014 one', () => {
    expect(numbered(tianjin2023).map((record) => `${record.sectionNumeral}(${record.numeral})`).slice(0, 7)).toEqual([
      '二(一)', '二(二)', '二(三)', '二(四)', '二(五)', '三(六)', '三(七)',
    ]);
    expect(numbered(tianjin2014).map((record) => `${record.sectionNumeral}(${record.numeral})`).slice(0, 4)).toEqual([
      '一(一)', '一(二)', '二(一)', '二(二)',
    ]);
    expect(shanwei.sections.map((section) => section.numeral)).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
  });

  it('gives every passage a stable, unique id built from document, section and clause', () => {
    const ids = corpus.documents.flatMap((document) => document.clauses.map((record) => record.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(clause(tianjin2023, '二', '二').id).toBe('tj-2023-3:2.2');
    expect(clause(tianjin2014, '三', '一').id).toBe('tj-2014-22:3.1');
    expect(clause(shanwei, '四', '十').id).toBe('sw-2023-0926:4.10');
  });

  it('keeps preamble, section introductions, closing paragraph and signature as passages', () => {
    const kinds = (document: DocumentRecord) => document.clauses.filter((record) => record.kind !== 'clause').map((record) => record.id.split(':')[1]);
    expect(kinds(tianjin2023)).toEqual(['notice', 'preamble', '1.p1', '1.p2', 'closing-1']);
    expect(kinds(national)).toEqual(['notice', 'preamble', '1.p1', '1.p2', 'closing-1']);
    expect(kinds(tianjin2014)).toEqual(['preamble', 'signature']);
    expect(tianjin2014.clauses.at(-1)!.text).toBe('天津市人民政府\n2014年9月22日');
    expect(tianjin2023.clauses.find((record) => record.id === 'tj-2023-3:1.p2')!.text).toMatch(/^到2025年/u);
    expect(tianjin2023.clauses.find((record) => record.kind === 'closing')!.text).toMatch(/^各区、各有关部门要加强组织领导/u);
  });

  it('keeps a clause running onto an unnumbered paragraph when its responsibility line has not come yet', () => {
    expect(clause(shanwei, '一', '二').text).toContain('\n到2035年');
  });

  it('leaves no pinyin annotations in any text', () => {
    const pinyin = /[(（][a-zü\u00e0-\u01dc]{1,7}\s?[)）]/u;
    for (const document of corpus.documents) {
      expect(pinyin.test(document.title)).toBe(false);
      for (const record of document.clauses) expect(record.text, record.id).not.toMatch(pinyin);
    }
    expect(national.title).toBe('進一步提高產品、工程和服務質量行動方案(2022—2025年)');
    expect(clause(national, '二', '一').text).toContain('擴大安全優質農產品食品供給');
  });

  it('leaves no web boilerplate in any text', () => {
    const boilerplate = [
      '扫描二维码', '食品伙伴网', '当前位置', '放大字体', '浏览次数', '核心提示', '发布单位', '相关词条', '相關詞條', '熱門詞條',
      '聯絡我們', '基本介紹', '您访问的链接即将离开', '联系电话', '电子邮箱', 'swsqsb', '打印本文', 'Processed in', '相關稿件', '有效性状态',
    ];
    for (const document of corpus.documents) {
      for (const record of document.clauses) {
        for (const phrase of boilerplate) expect(record.text, `${record.id} contains ${phrase}`).not.toContain(phrase);
      }
    }
  });

  it('keeps the display text as written and a Simplified, mainland-worded form for matching', () => {
    const industry = clause(tianjin2014, '二', '三');
    expect(industry.text).toContain('積體電路');
    expect(industry.normalizedText).toContain('集成电路');
    const property = clause(tianjin2014, '二', '二');
    expect(property.text).toContain('智慧財產權');
    expect(property.normalizedText).toContain('知识产权');
    expect(clause(tianjin2023, '二', '一').text).toMatch(/^扩大安全优质农产品供给。/u);
    expect(clause(tianjin2023, '二', '一').normalizedText).not.toMatch(/[（），：]/u);
  });
});

describe('document metadata', () => {
  it('reads number, issuer, date, region and status of each document', () => {
    const summary = (document: DocumentRecord) => ({
      docNumber: document.docNumber, issuer: document.issuer, date: document.date, level: document.level, region: document.regionEn, status: document.status,
    });
    expect(summary(tianjin2023)).toEqual({
      docNumber: '津质量发〔2023〕3号', issuer: '天津市质量强市建设协调推进领导小组', date: '2023-09-04', level: 'municipal', region: 'Tianjin', status: 'in-force',
    });
    expect(summary(national)).toMatchObject({ docNumber: '国市监质发〔2022〕95号', date: '2022-11-01', level: 'national', region: 'National', status: 'in-force' });
    expect(national.issuer!.split('、')).toHaveLength(18);
    expect(national.issuer).toMatch(/^市场监管总局、中央网信办/u);
    expect(summary(tianjin2014)).toEqual({
      docNumber: '津政发〔2014〕22号', issuer: '天津市人民政府', date: '2014-09-22', level: 'municipal', region: 'Tianjin', status: 'in-force',
    });
    expect(summary(shanwei)).toEqual({
      docNumber: null, issuer: '汕尾市市场监督管理局', date: '2023-09-26', level: 'city', region: 'Guangdong / Shanwei', status: 'draft',
    });
    expect(shanwei.title).toBe('关于深入贯彻落实《广东省质量强省建设纲要》的实施意见');
    expect(shanwei.facts).toContainEqual(expect.objectContaining({ field: 'commentDeadline', value: '2023-10-26' }));
    expect(tianjin2014.title).toBe('天津市人民政府關於進一步加強質量工作的意見');
    expect(tianjin2014.titleSimplified).toBe('天津市人民政府关于进一步加强质量工作的意见');
  });

  it('reads the facts of each notice with the line that states them: addressees, what it implements, approval, a draft\'s contact', () => {
    const facts = (id: string, field: string) => [...new Set(documentById(corpus, id).facts.filter((fact) => fact.field === field).map((fact) => fact.value))];
    expect(facts('cn-2022-95', 'addressees')).toEqual(['各省、自治区、直辖市人民政府,国务院各部委、各直属机构']);
    expect(facts('tj-2023-3', 'addressees')).toEqual(['市质量强市建设协调推进领导小组各成员单位,各相关单位']);
    expect(facts('tj-2014-22', 'addressees')).toEqual(['各区、县人民政府,各委、局,各直属单位']);
    expect(facts('cn-2022-95', 'approval')).toEqual(['国务院']);
    expect(facts('tj-2023-3', 'approval')).toEqual([]);
    expect(facts('tj-2023-3', 'basis')).toEqual(['《质量强国建设纲要》', '《进一步提高产品、工程和服务质量行动方案(2022—2025年)》']);
    expect(facts('tj-2014-22', 'basis')).toEqual(['《国务院关于印发质量发展纲要(2011-2020年)的通知》(国发〔2012〕9号)']);
    expect(facts('sw-2023-0926', 'basis')).toEqual(expect.arrayContaining(['《广东省质量强省建设纲要》']));
    expect(facts('sw-2023-0926', 'contactPhone')).toEqual(['0660-3361078']);
    expect(facts('sw-2023-0926', 'contactEmail')).toEqual(['swsqsb@126.com']);
    expect(facts('sw-2023-0926', 'contactAddress')).toEqual(['汕尾市城区凤山街道金湖路西50米汕尾市市场监督管理局']);
    // A portal footer's contact lines (联系电话, 电子邮箱 of the website) are no facts of a notice.
    expect(facts('tj-2023-3', 'contactPhone')).toEqual([]);
    for (const document of corpus.documents) {
      for (const fact of document.facts) expect(fact.lineNumber, `${document.id} ${fact.field}`).toBeGreaterThan(0);
    }
  });

  it('does not take a cited document number for the document own number', () => {
    expect(tianjin2014.facts.filter((fact) => fact.field === 'docNumber').map((fact) => fact.value)).not.toContain('国发〔2012〕9号');
  });
});

describe('duplicate sources', () => {
  it('stores the Tianjin 2023 plan once, with both source files', () => {
    expect(corpus.duplicates).toEqual([
      { documentId: 'tj-2023-3', keptSource: '003_1fb4b9bfca63f1e3.txt', mergedSources: ['000_b4600086fd213c1b.txt'], clauseMatchRatio: 1 },
    ]);
    expect(tianjin2023.sources.map((source) => [source.fileName, source.primary])).toEqual([
      ['003_1fb4b9bfca63f1e3.txt', true],
      ['000_b4600086fd213c1b.txt', false],
    ]);
  });

  it('keeps both issuers and all dates with the source that states them', () => {
    const values = (field: string) => tianjin2023.facts.filter((fact) => fact.field === field).map((fact) => `${fact.value} [${fact.evidence}, ${fact.sourceFile.slice(0, 3)}]`);
    expect(values('issuer')).toEqual(expect.arrayContaining([
      '天津市质量强市建设协调推进领导小组 [document-header, 003]',
      '天津市市场监督管理委员会 [metadata-field, 000]',
    ]));
    expect(values('date')).toEqual(expect.arrayContaining([
      '2023-09-04 [signed-date, 003]',
      '2023-09-04 [signed-date, 000]',
      '2023-09-07 [published-date, 000]',
      '2023-09-08 [page-posted, 000]',
    ]));
  });
});

describe('responsibility lists', () => {
  const names = (record: ClauseRecord) => record.units.map((unit) => `${unit.role === 'lead' ? '*' : ''}${unit.name}`);

  it('Tianjin 二(二) lists nine units led by 市工业和信息化局', () => {
    const units = clause(tianjin2023, '二', '二').units;
    expect(units).toHaveLength(9);
    expect(units[0]).toEqual({ name: '市工业和信息化局', role: 'lead' });
    expect(units.slice(1).every((unit) => unit.role === 'co')).toBe(true);
    expect(units.at(-1)!.name).toBe('市知识产权局');
  });

  it('national 二(一) is led by 农业农村部 and drops the local-government note', () => {
    const record = clause(national, '二', '一');
    expect(record.units[0]).toEqual({ name: '农业农村部', role: 'lead' });
    expect(names(record).join('、')).not.toMatch(/人民政府|不再列出/u);
  });

  it('Shanwei 四(十) names 市市场监管局, 市农业农村局 and 市公安局', () => {
    expect(names(clause(shanwei, '四', '十'))).toEqual(['*市市场监管局', '市农业农村局', '市公安局']);
  });

  it('Tianjin 二(一) drops “等部门及各区人民政府负责落实” and the note after it', () => {
    expect(names(clause(tianjin2023, '二', '一'))).toEqual(['*市农业农村委', '市市场监管委', '市供销合作总社', '市规划资源局', '市知识产权局']);
  });

  it('Shanwei marks an explicit 牵头 unit as lead and keeps collective members as co-responsible', () => {
    expect(names(clause(shanwei, '九', '二十七'))).toEqual(['*市市场监管局', '市质量强市工作领导小组各成员单位', '市公平竞争审查工作部门间联席会议成员单位']);
    expect(names(clause(shanwei, '八', '二十四'))).toEqual(['*市市场监管局']);
  });

  it('Shanwei 二(三) drops the county-level implementation note and a stray bracket in 四(十一)', () => {
    expect(names(clause(shanwei, '二', '三'))).toEqual(['*市科技局', '市市场监管局', '市工业和信息化局']);
    expect(names(clause(shanwei, '四', '十一'))).toEqual(['*市商务局', '市市场监管局', '市工业和信息化局', '汕尾海关']);
  });

  it('the 2014 opinion has no responsibility annotations, and none are invented', () => {
    expect(numbered(tianjin2014).every((record) => record.units.length === 0)).toBe(true);
  });

  it('names every unit in English, with the city for city bureaus', () => {
    expect(corpus.units.filter((unit) => unit.nameEn === null)).toEqual([]);
    expect(corpus.units).toContainEqual({ key: 'tj:市市场监管委', name: '市市场监管委', regionCode: 'tj', nameEn: 'Tianjin Municipal Market Regulation Commission' });
    expect(corpus.units).toContainEqual({ key: 'cn:农业农村部', name: '农业农村部', regionCode: 'cn', nameEn: 'Ministry of Agriculture and Rural Affairs' });
    expect(corpus.units.find((unit) => unit.key === 'sw:市财政局')!.nameEn).toBe('Shanwei Municipal Finance Bureau');
  });
});
