import { describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, SCREENSHOT_DIRECTORY, watchProblems } from '../../src/test-support/browser.ts';
import { browserSuite } from '../../src/test-support/browser-suite.ts';

/** /documents and /documents/:id in Chromium: the library, a document's full text, anchors from the source panel. */
describe('document pages in Chromium', () => {
  const suite = browserSuite();

  it('lists the library with 文号, issuer, date, status and clause count', async () => {
    const page = await (await suite.browser.newContext({ locale: 'zh-CN' })).newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${suite.server.url}/documents`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    const rows = page.locator('.doc-list tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    const opinions = page.locator('tr[data-document-id="tj-2014-22"]');
    expect(await opinions.textContent()).toMatch(/津政发〔2014〕22号.*天津市人民政府.*2014-09-22.*现行/u);
    expect(await page.locator('tr[data-document-id="sw-2023-0926"]').textContent()).toContain('征求意见稿');
    expect(await accessibilityViolations(page)).toEqual([]);
    await opinions.locator('a').click();
    await page.locator('.doc-clause').first().waitFor();
    expect(page.url()).toBe(`${suite.server.url}/documents/tj-2014-22`);
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('opens a document at a clause anchor, with its units, contents, search and the script toggle', async () => {
    const page = await (await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })).newPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.url}/documents/tj-2023-3#2.2`);
    const clause = page.locator('#\\32 \\.2');
    await clause.waitFor();
    expect(await clause.textContent()).toMatch(/提升食品质量水平/u);
    expect(await clause.locator('.doc-lead').textContent()).toBe('市工业和信息化局（牵头）');
    expect(await clause.evaluate((node) => node.classList.contains('doc-target') && getComputedStyle(node).backgroundColor !== 'rgba(0, 0, 0, 0)')).toBe(true);
    const box = await clause.boundingBox();
    expect(box!.y).toBeLessThan(800);
    expect(await page.locator('.doc-contents a', { hasText: '提升食品质量水平' }).getAttribute('href')).toBe('#2.2');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}document-anchor.png` });

    await page.locator('#doc-search').fill('乳粉');
    await expect.poll(() => page.locator('.doc-status').textContent()).toMatch(/^找到 \d+ 处“乳粉”。$/u);
    const visible = await page.locator('.doc-clause:visible').count();
    expect(visible).toBeGreaterThan(0);
    expect(visible).toBeLessThan(await page.locator('.doc-clause').count());

    await page.goto(`${suite.server.url}/documents/cn-2022-95`);
    await page.locator('.doc-clause').first().waitFor();
    expect(await page.locator('.doc-text').textContent()).toContain('增强儿童老年人残疾人用品适用性');
    await page.locator('.doc-script-toggle').click();
    expect(await page.locator('.doc-text').textContent()).toContain('增強兒童老年人殘疾人用品適用性');
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('links each source to its clause in the full document', async () => {
    const page = await (await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${suite.server.url}/`);
    await page.locator('.pqa-input').waitFor();
    const answer = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    await answer.locator('.pqa-answer-text button.pqa-chip').first().click();
    const link = page.locator('.pqa-source .pqa-full-text');
    expect(await link.getAttribute('href')).toBe(`${suite.server.url}/documents/tj-2023-3#2.2`);
    expect(await page.locator('.pqa-source-facts').textContent()).toContain('2023-09-04');
    expect(await page.locator('.doc-nothing').count()).toBe(0);
    const missing = await (await suite.browser.newContext()).newPage();
    await missing.goto(`${suite.server.url}/documents/no-such-doc`);
    await missing.locator('[role="alert"]').waitFor();
    expect(await missing.locator('[role="alert"]').textContent()).toBe('没有这份文件。');
  }, 60_000);
});
