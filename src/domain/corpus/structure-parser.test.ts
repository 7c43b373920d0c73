import { describe, expect, it } from 'vitest';
import { cleanSource } from './source-lines.ts';
import { parseStructure } from './structure-parser.ts';

const parse = (text: string) => parseStructure(cleanSource(text).bodyLines);
const outline = (text: string) =>
  parse(text).passages.map((passage) => `${passage.kind}${passage.section ? ` ${passage.section.numeral}` : ''}${passage.numeral ? `(${passage.numeral})` : ''}: ${passage.lines.join('/')}`);

describe('parseStructure', () => {
  it('splits notice, title, preamble, sections, clauses, closing and signature', () => {
    const text = [
      '某某局文件', '某发〔2024〕1号', '', '关于印发《某某', '', '实施方案》的通知', '各单位:', '现印发给你们。', '',
      '某某实施方案', '为做好工作,制定本方案。', '一、总体要求', '总的要求。', '二、重点任务',
      '(一)加强监管。内容。(市市场监管局负责)', '(二)提升质量。内容。(市财政局负责)', '各单位要抓好落实。',
      '某某局', '2024年1月2日',
    ].join('\n');
    const structure = parse(text);
    expect(structure.title?.display).toBe('某某实施方案');
    expect(structure.otherTitles.map((line) => line.display)).toEqual(['关于印发《某某实施方案》的通知']);
    expect(outline(text)).toEqual([
      'notice: 各单位:/现印发给你们。',
      'preamble: 为做好工作,制定本方案。',
      'section-text 一: 总的要求。',
      'clause 二(一): 加强监管。内容。(市市场监管局负责)',
      'clause 二(二): 提升质量。内容。(市财政局负责)',
      'closing: 各单位要抓好落实。',
      'signature: 某某局/2024年1月2日',
    ]);
    expect(structure.warnings).toEqual([]);
  });

  it('continues a clause without a responsibility line onto the next paragraph', () => {
    expect(outline('某某意见\n一、目标\n(一)目标任务。到2025年达到。\n到2035年更好。\n(二)措施。内容。')).toEqual([
      'clause 一(一): 目标任务。到2025年达到。/到2035年更好。',
      'clause 一(二): 措施。内容。',
    ]);
  });

  it('gives a section numbered again (an appendix from 一、, a text pasted twice) its own ordinal, and warns', () => {
    const structure = parse('某某方案\n一、目标\n(一)目标。内容。\n二、任务\n(一)任务。内容。\n一、附件目标\n(一)附件。内容。');
    expect(structure.sections.map((section) => `${section.numeral}=${section.ordinal}`)).toEqual(['一=1', '二=2', '一=3']);
    expect(structure.warnings).toContainEqual('section 一、 is out of sequence (expected number 3)');
  });

  it('keeps a text without structure as one clause and warns', () => {
    const structure = parse('这是一段没有编号的说明文字。\n第二段说明。');
    expect(outline('这是一段没有编号的说明文字。\n第二段说明。')).toEqual(['clause: 这是一段没有编号的说明文字。/第二段说明。']);
    expect(structure.warnings[0]).toMatch(/kept as one clause/u);
  });

  it('warns when clause numbers skip', () => {
    expect(parse('一、任务\n(一)甲。\n(三)丙。').warnings[0]).toMatch(/numbering/u);
  });
});
