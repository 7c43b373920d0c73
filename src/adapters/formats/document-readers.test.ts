import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf, gb18030Bytes, zipBombDocx } from '../../test-support/hostile-files.ts';
import { closePolicyFileBrowser, policyDocx, policyHtml, policyPdf } from '../../test-support/policy-files.ts';
import { TANGSHAN_PLAN } from '../../test-support/sample-policy.ts';
import { FileDocumentReader } from './document-readers.ts';

const reader = new FileDocumentReader(5 * 1024 * 1024);
const read = async (fileName: string, bytes: Uint8Array) => reader.read({ fileName, bytes });
const text = async (fileName: string, bytes: Uint8Array) => {
  const result = await read(fileName, bytes);
  if (!result.ok) throw new Error(`${fileName} refused: ${result.reason}`);
  return result.read;
};
const HEADER = '唐山市质量提升行动方案';

/** Real files: a PDF printed by Chromium, a DOCX written by the docx library, a portal page, GB18030 text. */
describe('reading the formats bureaus receive', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await policyPdf(TANGSHAN_PLAN, { header: HEADER, repeat: 4 });
  }, 60_000);
  afterAll(() => closePolicyFileBrowser());

  it('reads a multi-page PDF: lines rejoined, running header and page numbers dropped, pages kept', async () => {
    const read = await text('plan.pdf', pdf);
    const lines = read.text.split('\n');
    expect(lines).toContain('唐质量发〔2024〕1号');
    // Each clause is one line again, however the page width broke it, responsibility list included.
    expect(lines).toContainEqual('(二)提升钢铁产品质量。推动钢铁企业开展质量对标,发展高强度汽车用钢和海洋工程用钢,建设钢铁产品质量检验检测公共服务平台。(市工业和信息化局牵头,市发展改革委、市市场监管局按职责分工负责)');
    expect(lines.filter((line) => line === HEADER)).toHaveLength(0);
    expect(lines.some((line) => /^[—\s]*\d+[—\s]*$/u.test(line))).toBe(false);
    expect(read.linePages).toHaveLength(lines.length);
    expect(Math.max(...read.linePages!)).toBeGreaterThan(1);
    expect([...read.linePages!].sort((a, b) => a - b)).toEqual(read.linePages);
  });

  it('reads a DOCX with its headings and numbered paragraphs', async () => {
    const read = await text('plan.docx', await policyDocx(TANGSHAN_PLAN));
    expect(read.format).toBe('docx');
    expect(read.text.split('\n')).toEqual(TANGSHAN_PLAN.lines);
  });

  it('puts back the numerals of an auto-numbered DOCX (a Word/WPS list style) and says so', async () => {
    const read = await text('plan.docx', await policyDocx(TANGSHAN_PLAN, { autoNumbered: true }));
    const lines = read.text.split('\n');
    expect(lines).toContain('一、总体要求');
    expect(lines).toContain('三、保障措施');
    // Clauses restart under each section, as Word numbers them by default.
    expect(lines).toContainEqual(expect.stringMatching(/^（一）提升钢铁产品质量。/u));
    expect(lines).toContainEqual(expect.stringMatching(/^（一）加大资金支持。/u));
    expect(read.warnings).toContainEqual(expect.stringContaining('自动编号'));
    // Typed numerals are left as they are, with no warning.
    expect((await text('typed.docx', await policyDocx(TANGSHAN_PLAN))).warnings).toEqual([]);
  });

  it('reads a portal page without its navigation, share buttons and footer', async () => {
    const read = await text('plan.html', policyHtml(TANGSHAN_PLAN));
    expect(read.text).toContain('(三)提高港口物流服务质量。');
    for (const chrome of ['请输入关键字', '分享到', '网站标识码', '互动交流']) expect(read.text).not.toContain(chrome);
  });

  it('reads GB18030 text as it reads UTF-8', async () => {
    const utf8 = await text('plan.txt', new TextEncoder().encode(TANGSHAN_PLAN.lines.join('\n')));
    const gb = await text('plan.txt', gb18030Bytes(TANGSHAN_PLAN.lines.join('\n')));
    expect(gb.text).toBe(utf8.text);
  });

  it('refuses, with a reason an admin can act on, what it cannot read', async () => {
    const docx = await policyDocx(TANGSHAN_PLAN);
    const cases: [string, Uint8Array, string, RegExp][] = [
      ['scan.pdf', await policyPdf(TANGSHAN_PLAN, { imageOnly: true }), 'scanned_pdf', /扫描件，没有文字层/u],
      ['locked.pdf', encryptedPdf(pdf), 'encrypted', /加密/u],
      ['huge.txt', new Uint8Array(6 * 1024 * 1024).fill(0x41), 'too_large', /超过5\.0 MiB的上限/u],
      ['bomb.docx', await zipBombDocx(), 'zip_bomb', /解压后会大到/u],
      ['plan.pdf', docx, 'format_mismatch', /文件名是\.pdf，但内容是DOCX文件/u],
      ['plan.docx', pdf, 'format_mismatch', /内容是PDF文件/u],
      ['plan.exe', pdf, 'unknown_format', /只接受PDF、DOCX、HTML和TXT/u],
      ['empty.txt', new Uint8Array(), 'empty', /空的/u],
    ];
    for (const [fileName, bytes, code, reason] of cases) {
      const result = await read(fileName, bytes);
      expect(result, fileName).toMatchObject({ ok: false, code });
      if (!result.ok) expect(result.reason, fileName).toMatch(reason);
    }
  }, 60_000);
});
