import { describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, SCREENSHOT_DIRECTORY } from '../../src/test-support/browser.ts';
import { browserSuite } from '../../src/test-support/browser-suite.ts';

/** How an answer reads in Chromium: the answer first, the reader's script, questions sent during an answer. */
describe('reading answers in Chromium', () => {
  const suite = browserSuite();


  it('opens each answer with the answer itself, the key value in bold, in Chinese and in English', async () => {
    const { page, problems } = await suite.openChat();
    const lead = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    expect(await lead.locator('.pqa-answer-text').textContent()).toMatch(/^牵头单位是市工业和信息化局。/u);
    expect(await lead.locator('.pqa-answer-text strong.pqa-key').first().textContent()).toBe('市工业和信息化局');
    const figure = await askInChat(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    expect(await figure.locator('.pqa-answer-text').textContent()).toMatch(/^制造业产品质量合格率力争达到94\.8%。/u);
    expect(await figure.locator('strong.pqa-key').first().textContent()).toBe('94.8%');
    const english = await askInChat(page, 'How much is the reward for each winner of the Tianjin quality award?');
    expect(await english.locator('strong.pqa-key').first().textContent()).toBe('RMB 1 million');
    expect(await english.locator('.pqa-answer-text').textContent()).toMatch(/^The amount is RMB 1 million \(100万元\)/u);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}answer-first.png` });
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('shows a Traditional source in Simplified, with the original a toggle away and the quote marked in both', async () => {
    const { page, problems } = await suite.openChat();
    const answer = await askInChat(page, '国家方案对儿童用品有什么要求?');
    const text = await answer.locator('.pqa-answer-text').textContent();
    expect(text).toContain('增强儿童老年人残疾人用品适用性');
    expect(text).not.toMatch(/增強|兒童/u);
    await answer.locator('.pqa-answer-text button.pqa-chip').first().click();
    const panel = page.locator('.pqa-source');
    await panel.waitFor();
    expect(await panel.locator('.pqa-source-text').textContent()).toContain('增强儿童老年人残疾人用品适用性');
    expect(await panel.locator('.pqa-source-title').textContent()).not.toMatch(/質量|國/u);
    // The quote is the body sentence that answers, not the title restated as the clause's first sentence.
    expect(await panel.locator('mark.pqa-quote').count()).toBe(1);
    expect(await panel.locator('mark.pqa-quote').textContent()).toContain('儿童和学生用品安全守护行动');
    const toggle = panel.locator('.pqa-script-toggle');
    expect(await toggle.textContent()).toBe('查看原文');
    await toggle.click();
    expect(await panel.locator('.pqa-source-text').textContent()).toContain('增強兒童老年人殘疾人用品適用性');
    expect(await panel.locator('mark.pqa-quote').count()).toBe(1);
    expect(await panel.locator('mark.pqa-quote').textContent()).toContain('兒童和學生用品安全守護行動');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.textContent()).toBe('显示简体');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}source-original-script.png` });
    // The choice is remembered: a reload opens the next source in the original script.
    await page.reload();
    await page.locator('.pqa-input').waitFor();
    const again = await askInChat(page, '国家方案对儿童用品有什么要求?');
    await again.locator('.pqa-answer-text button.pqa-chip').first().click();
    expect(await page.locator('.pqa-source .pqa-source-text').textContent()).toContain('增強兒童');
    // The heading comes before the panel's buttons in focus order.
    const order = await page.evaluate(() => [...document.querySelectorAll('.pqa-source h2, .pqa-source button')].map((node) => node.tagName));
    expect(order[0]).toBe('H2');
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('queues a question sent with Enter during an answer instead of stopping it, and shows each step', async () => {
    const { page, problems } = await suite.openChat();
    // Holds each question back a moment, so that the second is typed while the first is running.
    await page.route('**/api/chat', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.continue();
    });
    await page.evaluate(() => {
      const record = window as unknown as { steps: string[] };
      record.steps = [];
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          const target = mutation.target as Element;
          if (target.classList?.contains('pqa-thinking')) for (const node of mutation.addedNodes) record.steps.push(node.textContent ?? '');
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    const input = page.locator('.pqa-input');
    await input.fill('天津提升食品质量水平由哪个部门牵头?');
    await input.press('Enter');
    await page.locator('.pqa-answer[aria-busy="true"]').waitFor();
    await input.fill('汕尾到2025年制造业产品质量合格率目标是多少?');
    await input.press('Enter');
    expect(await page.locator('.pqa-queue-status').textContent()).toContain('已排队');
    expect(await input.inputValue()).toBe('');
    await expect.poll(() => page.locator('.pqa-answer[aria-busy="false"]').count(), { timeout: 15_000 }).toBe(2);
    const answers = page.locator('.pqa-answer .pqa-answer-text');
    expect(await answers.nth(0).textContent()).toContain('市工业和信息化局');
    expect(await answers.nth(1).textContent()).toContain('94.8%');
    expect(await page.locator('.pqa-queue-status').textContent()).toBe('');
    expect(await page.evaluate(() => (window as unknown as { steps: string[] }).steps)).toContainEqual(expect.stringMatching(/^已找到 \d+ 条相关条款，正在组织回答…$/u));
    // The stop button still stops.
    await input.fill('国家方案对儿童用品有什么要求?');
    await input.press('Enter');
    await page.locator('.pqa-answer[aria-busy="true"]').waitFor();
    await page.locator('.pqa-send').click();
    await expect.poll(() => page.locator('.pqa-answer.pqa-failed').count()).toBe(1);
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('keeps the scope in sight, says when a question names a document outside it, and offers to ask across all', async () => {
    const { page, problems } = await suite.openChat();
    const select = page.locator('.pqa-scope');
    await select.waitFor();
    const shanwei = await select.locator('option', { hasText: '汕尾' }).getAttribute('value');
    await select.selectOption(shanwei!);
    expect(await page.locator('.pqa-scope-chip').textContent()).toMatch(/^文件范围：.*汕尾/u);
    const answer = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    expect(await answer.locator('.pqa-scope-warning').textContent()).toMatch(/问题提到的 .*津质量发〔2023〕3号.* 不在当前范围内/u);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}scope-conflict.png` });
    await answer.locator('.pqa-ask-everywhere').click();
    const everywhere = page.locator('.pqa-answer').nth(1);
    await everywhere.and(page.locator('[aria-busy="false"]')).waitFor();
    expect(await everywhere.locator('.pqa-answer-text').textContent()).toContain('牵头单位是市工业和信息化局');
    expect(await everywhere.locator('.pqa-scope-warning').count()).toBe(0);
    // The scope outlives a reload, and the chip clears it.
    await page.reload();
    await page.locator('.pqa-scope-chip').waitFor();
    expect(await page.locator('.pqa-scope-chip').textContent()).toContain('汕尾');
    await page.locator('.pqa-scope-clear').click();
    expect(await page.locator('.pqa-scope-chip').count()).toBe(0);
    expect(await page.locator('.pqa-scope').inputValue()).toBe('all');
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('offers follow-up questions after an answer; one click asks it', async () => {
    const { page, problems } = await suite.openChat();
    const answer = await askInChat(page, '天津提升食品质量水平由哪个部门牵头?');
    const suggestions = answer.locator('.pqa-suggestion');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
    await answer.locator('.pqa-suggestion', { hasText: '这一条有哪些责任单位?' }).click();
    const next = page.locator('.pqa-answer').nth(1);
    await next.and(page.locator('[aria-busy="false"]')).waitFor();
    expect(await next.locator('.pqa-answer-text').textContent()).toMatch(/^责任单位共\d+个，市工业和信息化局牵头。/u);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('pqa-input');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems.list).toEqual([]);
  }, 60_000);

  it('sets a comparison out as a table, one row per document, each with its clause chip and value', async () => {
    const { page, problems } = await suite.openChat();
    const answer = await askInChat(page, '天津和国家方案在食品质量方面分别由谁牵头?');
    const rows = answer.locator('table.pqa-compare tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('strong.pqa-key').textContent()).toBe('农业农村部');
    expect(await rows.nth(1).locator('strong.pqa-key').textContent()).toBe('市工业和信息化局');
    await rows.nth(1).locator('button.pqa-chip').click();
    expect(await page.locator('.pqa-source').getAttribute('data-clause-id')).toBe('tj-2023-3:2.2');
    expect(await answer.locator('.pqa-answer-text').textContent()).not.toContain('|');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}comparison-table.png` });
    expect(problems.list).toEqual([]);
  }, 60_000);
});
