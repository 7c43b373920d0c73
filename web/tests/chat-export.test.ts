import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInChat, launchChromium, watchProblems } from '../../src/test-support/browser.ts';
import { startTestServer, type TestServer } from '../../src/test-support/web-test-server.ts';

/** A conversation leaves the chat as staff need it: printed with its clauses, as Markdown, as Word read back by mammoth. */
describe('printing and exporting a conversation in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
    page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 }, acceptDownloads: true })).newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.pqa-input').waitFor();
    await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    await askInChat(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const exported = async (format: 'md' | 'docx') => {
    await page.locator('.pqa-export > summary').click();
    const download = page.waitForEvent('download');
    await page.locator(`[data-export="${format}"]`).click();
    return (await download).path();
  };

  it('exports Markdown with each question, the answer with its key value in bold, and the sources with quotes', async () => {
    const markdown = readFileSync(await exported('md'), 'utf8');
    expect(markdown).toMatch(/^# 天津提升食品质量水平由哪个部门牵头\?/u);
    expect(markdown).toContain('## 1. 天津提升食品质量水平由哪个部门牵头?');
    expect(markdown).toContain('牵头单位是**市工业和信息化局**。');
    expect(markdown).toContain('## 2. 汕尾到2025年制造业产品质量合格率目标是多少?');
    expect(markdown).toMatch(/1\. 《天津市进一步提高产品 工程和服务质量行动实施方案[^\n]*》 津质量发〔2023〕3号 二\(二\) 提升食品质量水平/u);
    expect(markdown).toMatch(/> [^\n]*94\.8%/u);
  });

  it('exports a Word document that mammoth reads back with the same content', async () => {
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(await exported('docx')) });
    expect(value).toContain('1. 天津提升食品质量水平由哪个部门牵头?');
    expect(value).toContain('牵头单位是市工业和信息化局。');
    expect(value).toContain('津质量发〔2023〕3号 二(二) 提升食品质量水平');
    expect(value).toMatch(/“[^”]*94\.8%/u);
    expect(value).not.toContain('**');
  });

  it('prints the conversation with the cited clauses and without the controls', async () => {
    const problems = watchProblems(page);
    const pdf = await page.pdf({ format: 'A4' });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = (text as string).replace(/\s+/gu, '');
    expect(flat).toContain('天津提升食品质量水平由哪个部门牵头?');
    expect(flat).toContain('牵头单位是市工业和信息化局');
    // The cited clause's own text, which on screen is only in the source panel.
    expect(flat).toContain('积极开展食品工业诚信体系培训');
    expect(flat).not.toContain('发送');
    expect(flat).not.toContain('复制回答');
    expect(problems.list).toEqual([]);
  }, 60_000);
});
