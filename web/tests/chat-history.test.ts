import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, SCREENSHOT_DIRECTORY, watchProblems } from '../../src/test-support/browser.ts';
import { browserSuite } from '../../src/test-support/browser-suite.ts';

/** The conversation list in Chromium: across tabs, reopen, rename, delete, thumbs kept, one browser's own only. */
describe('conversation history in Chromium', () => {
  const suite = browserSuite();

  const openHistory = async (page: Page) => {
    await page.locator('[data-action="history"]').click();
    await page.locator('.pqa-history').waitFor();
    await expect.poll(() => page.locator('.pqa-history-status').textContent()).not.toMatch(/正在读取/u);
  };

  it('shows the conversation in a new tab, lists earlier ones to reopen, rename and delete, and keeps thumbs', async () => {
    const context = await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${suite.server.url}/`);
    await page.locator('.pqa-input').waitFor();
    const first = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    await first.locator('.pqa-thumb-down').click();
    await expect.poll(() => first.locator('.pqa-status').textContent()).toBe('感谢反馈');

    // A new tab of the same browser shows the same conversation, thumb included.
    const tab = await context.newPage();
    await tab.goto(`${suite.server.url}/`);
    await tab.locator('.pqa-answer').first().waitFor();
    expect(await tab.locator('.pqa-question').count()).toBe(1);
    expect(await tab.locator('.pqa-thumb-down').getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: '新对话' }).click();
    await askInChat(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    await openHistory(page);
    const items = page.locator('.pqa-history-item');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('.pqa-history-open').textContent()).toBe('汕尾到2025年制造业产品质量合格率目标是多少?');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}history-list.png` });

    // Reopen the earlier conversation: its answer and cited clause come back from the server.
    await items.nth(1).locator('.pqa-history-open').click();
    await expect.poll(() => page.locator('.pqa-question .pqa-bubble').first().textContent()).toBe('天津提升食品质量水平由哪个部门牵头?');
    expect(await page.locator('.pqa-answer-text').first().textContent()).toContain('市工业和信息化局');
    await page.locator('.pqa-answer .pqa-source-link').first().click();
    expect(await page.locator('.pqa-source .pqa-source-text').textContent()).toContain('提升食品质量水平');
    // It goes on as the same conversation: a follow-up resolves against it.
    const followUp = await askInChat(page, '那汕尾呢?');
    expect(await followUp.locator('.pqa-answer-text').textContent()).toContain('市市场监管局');

    await openHistory(page);
    const earlier = page.locator('.pqa-history-item', { hasText: '天津提升食品质量水平' });
    await earlier.locator('.pqa-history-rename').click();
    await page.locator('.pqa-history-title').fill('食品质量牵头单位');
    await page.locator('.pqa-history-title').press('Enter');
    await page.locator('.pqa-history-item', { hasText: '食品质量牵头单位' }).waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('.pqa-history-item', { hasText: '食品质量牵头单位' }).locator('.pqa-history-delete').click();
    await expect.poll(() => page.locator('.pqa-history-item').count()).toBe(1);
    // The deleted conversation was on screen: the screen starts afresh.
    expect(await page.locator('.pqa-question').count()).toBe(0);
    expect(problems.list).toEqual([]);

    // Another browser sees none of it.
    const stranger = await (await suite.browser.newContext({ locale: 'zh-CN' })).newPage();
    await stranger.goto(`${suite.server.url}/`);
    await stranger.locator('.pqa-input').waitFor();
    await openHistory(stranger);
    expect(await stranger.locator('.pqa-history-status').textContent()).toBe('还没有历史对话。');
    await context.close();
  }, 90_000);
});
