import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, SCREENSHOT_DIRECTORY, watchProblems } from '../../src/test-support/browser.ts';
import { browserSuite } from '../../src/test-support/browser-suite.ts';

const TOKEN = 'dark-mode-admin-token-0123456789';

/** Every page in the system's dark theme: dark for real, and axe (colour contrast included) finds nothing. */
describe('dark mode in Chromium', () => {
  const suite = browserSuite({ ADMIN_TOKEN: TOKEN });

  const darkPage = async (): Promise<Page> => (await suite.browser.newContext({ locale: 'zh-CN', colorScheme: 'dark', viewport: { width: 1280, height: 860 } })).newPage();
  /** Relative luminance of an element's background, 0 (black) … 1 (white). */
  const luminance = (page: Page, selector: string) =>
    page.locator(selector).first().evaluate((node) => {
      const [r, g, b] = getComputedStyle(node).backgroundColor.match(/\d+/gu)!.map(Number).map((value) => value / 255);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    });

  it('shows the chat dark, answers, sources, a not-covered answer and the scope chip included', async () => {
    const page = await darkPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.url}/`);
    await page.locator('.pqa-input').waitFor();
    expect(await luminance(page, '.pqa-log')).toBeLessThan(0.1);
    const answer = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    await askInChat(page, '天津对新能源汽车充电桩质量有什么规定?');
    await answer.locator('.pqa-answer-text button.pqa-chip').first().click();
    await page.locator('.pqa-source').waitFor();
    const select = page.locator('.pqa-scope');
    await select.selectOption((await select.locator('option', { hasText: '天津' }).getAttribute('value'))!);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}chat-dark.png` });
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('shows the document pages and the admin page dark', async () => {
    const page = await darkPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.url}/documents`);
    await page.locator('.doc-list tbody tr').first().waitFor();
    expect(await luminance(page, 'body')).toBeLessThan(0.1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goto(`${suite.server.url}/documents/sw-2023-0926#1.2`);
    await page.locator('.doc-clause').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}document-dark.png` });
    await page.goto(`${suite.server.url}/admin`);
    await page.locator('#adm-token').fill(TOKEN);
    await page.locator('.adm-sign-in').click();
    await page.locator('.adm-documents tr').first().waitFor();
    expect(await luminance(page, '.adm-section')).toBeLessThan(0.2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}admin-dark.png` });
    expect(problems.list).toEqual([]);
  }, 60_000);
});
