import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, launchChromium, SCREENSHOT_DIRECTORY, watchProblems, type PageProblems } from '../../src/test-support/browser.ts';
import { startTestServer, type TestServer } from '../../src/test-support/web-test-server.ts';

// A clause that carries markup, as a badly cleaned web page might: it must show as text.
const INJECTED = '<script>window.__injected = 1</script><img src=x onerror="window.__injected = 2">';

function addMarkupToShanweiTargets(seedsDirectory: string): void {
  const file = readdirSync(seedsDirectory).map((name) => join(seedsDirectory, name)).find((path) => readFileSync(path, 'utf8').includes('制造业产品质量合格率力争达到94.8%'));
  if (!file) throw new Error('the Shanwei seed changed; update this test');
  const text = readFileSync(file, 'utf8').replace('打造一批带动作用强的企业品牌、产业品牌。', `打造一批带动作用强的企业品牌、产业品牌${INJECTED}。`);
  writeFileSync(file, text);
}

/** The chat page at / in headless Chromium against the real server. */
describe('chat page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({}, addMarkupToShanweiTargets), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openChat(options: BrowserContextOptions = {}): Promise<{ page: Page; problems: PageProblems }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 820 }, ...options });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/`);
    await page.locator('.pqa-input').waitFor();
    return { page, problems };
  }

  const ask = (page: Page, question: string) => askInChat(page, question);

  it('streams an answer with a citation chip and shows the clause, quote and lead unit in the source panel', async () => {
    const { page, problems } = await openChat();
    // Watches the answer while it is still busy, to see text arrive before the end of the stream.
    await page.evaluate(() => {
      const record = window as unknown as { streamedText: string[] };
      record.streamedText = [];
      new MutationObserver(() => {
        const busy = document.querySelector('.pqa-answer[aria-busy="true"] .pqa-answer-text');
        if (busy && !busy.querySelector('.pqa-thinking') && busy.textContent) record.streamedText.push(busy.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const chatResponse = page.waitForResponse((response) => response.url().endsWith('/api/chat'));
    const answer = await ask(page, '天津提升食品质量水平由哪个部门牵头?');
    expect((await chatResponse).headers()['content-type']).toContain('text/event-stream');
    expect(await page.evaluate(() => (window as unknown as { streamedText: string[] }).streamedText.length)).toBeGreaterThan(0);

    await expect.poll(() => answer.locator('.pqa-answer-text').textContent()).toContain('牵头单位为市工业和信息化局');
    const chip = answer.locator('.pqa-answer-text button.pqa-chip[data-n="1"]');
    expect(await chip.getAttribute('aria-label')).toContain('津质量发〔2023〕3号 二(二) 提升食品质量水平');
    await expect.poll(() => answer.locator('.pqa-sources li').count()).toBe(1);

    await chip.click();
    const panel = page.locator('.pqa-source');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('.pqa-source-title').textContent()).toBe('天津市进一步提高产品 工程和服务质量行动实施方案（2023—2025年）');
    expect(await panel.locator('.pqa-source-meta').textContent()).toContain('津质量发〔2023〕3号');
    expect(await panel.locator('.pqa-source-clause').textContent()).toBe('二(二)');
    expect(await panel.locator('.pqa-quote').textContent()).toContain('市工业和信息化局、市发展改革委');
    expect(await panel.locator('.pqa-source-text').textContent()).toContain('深入推进乳制品质量安全提升行动');
    expect(await panel.locator('.pqa-unit-lead').textContent()).toBe('市工业和信息化局牵头');
    expect(await panel.locator('.pqa-unit').count()).toBe(9);
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'chat-source-panel.png') });

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-n'))).toBe('1');
    expect(problems.list).toEqual([]);
  });

  it('shows the national clause a local one implements, and opens a unit\'s tasks from its chip', async () => {
    const { page, problems } = await openChat();
    const answer = await ask(page, '天津提升食品质量水平由哪个部门牵头?');
    await answer.locator('.pqa-answer-text button.pqa-chip[data-n="1"]').click();
    const panel = page.locator('.pqa-source');
    await panel.waitFor({ state: 'visible' });
    const counterpart = panel.locator('.pqa-counterpart');
    expect(await counterpart.getAttribute('data-clause-id')).toBe('cn-2022-95:2.1');
    expect(await counterpart.textContent()).toBe('落实国家方案 国市监质发〔2022〕95号 二(一) 「扩大安全优质农产品食品供给」');

    const unitsResponse = page.waitForResponse((response) => response.url().includes('/api/units/'));
    const unitButton = panel.getByRole('button', { name: '市工业和信息化局牵头' });
    expect(await unitButton.getAttribute('aria-describedby')).toMatch(/^pqa-unit-hint-/u);
    await unitButton.click();
    expect((await unitsResponse).status()).toBe(200);
    await expect.poll(() => panel.locator('.pqa-unit-clause').count()).toBeGreaterThan(0);
    expect(await panel.locator('.pqa-source-title').textContent()).toBe('市工业和信息化局');
    // Tianjin's bureau, not Shanwei's of the same name: the cited clause's document decides.
    const led = await panel.locator('.pqa-unit-clause-lead').evaluateAll((items) => items.map((item) => item.getAttribute('data-clause-id')));
    expect(led).toEqual(['tj-2023-3:2.2', 'tj-2023-3:2.4', 'tj-2023-3:3.7', 'tj-2023-3:3.8']);
    expect(await panel.locator('.pqa-source-subheading').first().textContent()).toMatch(/^津质量发〔2023〕3号 · 牵头 4 项 · 参与 \d+ 项$/u);
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'chat-unit-view.png') });
    await panel.getByRole('button', { name: '返回条款' }).click();
    expect(await panel.getAttribute('data-clause-id')).toBe('tj-2023-3:2.2');
    expect(await panel.locator('.pqa-source-clause').textContent()).toBe('二(二)');
    expect(problems.list).toEqual([]);
  });

  it('steps between the citations of an answer that compares two documents', async () => {
    const { page } = await openChat();
    const answer = await ask(page, '天津和汕尾分别由哪个部门负责食品质量?');
    await answer.locator('button.pqa-chip[data-n="1"]').first().click();
    const panel = page.locator('.pqa-source');
    expect(await panel.locator('.pqa-source-counter').textContent()).toBe('第 1 / 2 条');
    expect(await panel.getByRole('button', { name: '上一条' }).isDisabled()).toBe(true);
    await panel.getByRole('button', { name: '下一条' }).click();
    expect(await panel.locator('.pqa-source-counter').textContent()).toBe('第 2 / 2 条');
    expect(await panel.getAttribute('data-clause-id')).toBe('sw-2023-0926:4.10');
    expect(await panel.locator('.pqa-unit-lead').textContent()).toBe('市市场监管局牵头');
    expect(await panel.getByRole('button', { name: '下一条' }).isDisabled()).toBe(true);
  });

  it('shows a "not covered" answer in its own style with the related clauses it offers', async () => {
    const { page } = await openChat();
    const answer = await ask(page, '天津对新能源汽车充电桩质量有什么规定?');
    expect(await answer.getAttribute('class')).toContain('pqa-not-covered');
    expect(await answer.locator('.pqa-not-covered-badge').isVisible()).toBe(true);
    expect(await answer.locator('.pqa-list-heading').first().textContent()).toBe('可能相关的条款');
    const related = answer.locator('.pqa-sources .pqa-source-link');
    expect(await related.count()).toBeGreaterThan(0);
    const background = (selector: string) => page.locator(selector).first().evaluate((node) => getComputedStyle(node).backgroundColor);
    await ask(page, '天津提升食品质量水平由哪个部门牵头?');
    expect(await background('.pqa-not-covered')).not.toBe(await background('.pqa-answer:not(.pqa-not-covered)'));
    await related.first().click();
    expect(await page.locator('.pqa-source').getAttribute('data-clause-id')).toBe(await related.first().getAttribute('data-clause-id'));
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'chat-not-covered.png') });
  });

  it('shows document text holding <script> and an onerror image as plain text, running neither', async () => {
    const { page, problems } = await openChat();
    const answer = await ask(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    await answer.locator('button.pqa-chip[data-n="1"]').first().click();
    const text = page.locator('.pqa-source-text');
    expect(await text.textContent()).toContain(INJECTED);
    // The Shanwei document is a draft for comment, and the panel says so.
    expect(await page.locator('.pqa-source .pqa-badge-draft').textContent()).toBe('征求意见稿');
    expect(await page.locator('.pqa-source img, .pqa-source script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
    expect(problems.list).toEqual([]);
  });

  it('stores a thumbs-down with its comment, and copies the answer with its sources', async () => {
    const { page } = await openChat({ permissions: ['clipboard-read', 'clipboard-write'] });
    const answer = await ask(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    await answer.getByRole('button', { name: '没有帮助' }).click();
    await expect.poll(() => answer.locator('.pqa-status').textContent()).toBe('感谢反馈');
    await answer.getByRole('textbox', { name: '补充说明（可选）' }).fill('希望同时列出食品抽检合格率');
    await answer.getByRole('button', { name: '提交反馈' }).click();
    await answer.locator('.pqa-comment-form').waitFor({ state: 'hidden' });
    const messageId = await answer.getAttribute('data-message-id');
    const database = new Database(server.databasePath, { readonly: true });
    const stored = database.prepare('SELECT rating, comment FROM feedback WHERE message_id = ?').get(messageId);
    database.close();
    expect(stored).toEqual({ rating: 'down', comment: '希望同时列出食品抽检合格率' });

    await answer.getByRole('button', { name: '复制回答' }).click();
    await expect.poll(() => answer.locator('.pqa-status').textContent()).toBe('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('94.8%');
    // The answer without its emphasis marks, then each source: title, clause, heading and the quoted sentence.
    expect(copied).not.toContain('**');
    expect(copied).toMatch(/\n\n依据条款：\n\[1\] 《关于深入贯彻落实〈广东省质量强省建设纲要〉的实施意见》 一\(二\) [^\n]+\n    “[^”]*94\.8%/u);
  });

  it('keeps the conversation across a reload and clears the screen on "new conversation"', async () => {
    const { page } = await openChat();
    await ask(page, '天津提升食品质量水平由哪个部门牵头?');
    const followUp = await ask(page, '那汕尾呢?');
    expect(await followUp.locator('.pqa-answer-text').textContent()).toContain('市市场监管局');
    await page.reload();
    await page.locator('.pqa-answer').nth(1).waitFor();
    expect(await page.locator('.pqa-question').count()).toBe(2);
    await page.getByRole('button', { name: '新对话' }).click();
    await page.locator('.pqa-example').first().waitFor();
    await page.reload();
    await page.locator('.pqa-example').first().waitFor();
    expect(await page.locator('.pqa-question').count()).toBe(0);
  });

  it('speaks the browser language, switches language on request and remembers the switch', async () => {
    const { page } = await openChat({ locale: 'en-US' });
    expect(await page.locator('.pqa-title').textContent()).toBe('Policy QA');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.pqa-example').first().textContent()).toBe('Which bureau leads dairy safety in Tianjin?');
    await page.locator('.pqa-example').first().click();
    await page.locator('.pqa-answer[aria-busy="false"]').waitFor();
    expect(await page.locator('.pqa-answer-text').textContent()).toContain('lead unit is 市工业和信息化局');
    await page.locator('[data-action="language"]').click();
    expect(await page.locator('.pqa-title').textContent()).toBe('政策问答');
    expect(await page.locator('.pqa-sources').count()).toBe(1);
    await page.reload();
    await page.locator('.pqa-title').waitFor();
    expect(await page.locator('.pqa-title').textContent()).toBe('政策问答');
    expect(await page.locator('.pqa-send').textContent()).toBe('发送');
  });

  it('answers only from the documents of the chosen scope', async () => {
    const { page } = await openChat();
    const scope = page.getByRole('combobox', { name: '文件范围' });
    await scope.waitFor();
    expect(await scope.locator('option').allTextContents()).toEqual(['全部文件', '全国', '天津市', '广东省汕尾市']);
    await scope.selectOption({ label: '广东省汕尾市' });
    const answer = await ask(page, '食品质量由哪个部门负责?');
    const cited = await answer.locator('.pqa-source-link').evaluateAll((links) => links.map((link) => link.getAttribute('data-clause-id')));
    expect(cited.length).toBeGreaterThan(0);
    for (const clauseId of cited) expect(clauseId).toMatch(/^sw-/u);
  });

  it('works from the keyboard alone', async () => {
    const { page } = await openChat();
    // The question box has focus on load; Enter sends, Tab reaches the chip, Enter opens it.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('pqa-input');
    await page.keyboard.type('天津提升食品质量水平由哪个部门牵头?');
    await page.keyboard.press('Enter');
    await page.locator('.pqa-answer[aria-busy="false"]').waitFor();
    await page.locator('.pqa-title').click();
    let reached = false;
    for (let step = 0; step < 12 && !reached; step += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('.pqa-answer-text .pqa-chip') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.pqa-source').waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('pqa-source-title');
  });

  it('has no accessibility violations axe-core can find, empty, answered and with the source open', async () => {
    const { page } = await openChat();
    await page.locator('.pqa-scope').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const answer = await ask(page, '天津和汕尾分别由哪个部门负责食品质量?');
    await answer.locator('button.pqa-chip[data-n="1"]').first().click();
    await ask(page, '天津对新能源汽车充电桩质量有什么规定?');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('fits a phone screen without sideways scrolling, and streaming moves nothing already shown', async () => {
    const { page } = await openChat({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await ask(page, '天津提升食品质量水平由哪个部门牵头?');
    await page.evaluate(() => {
      const record = window as unknown as { shifts: number[] };
      record.shifts = [];
      // Every shift counts, even right after input: the answer streams in just after the user asks.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) record.shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift' });
    });
    await ask(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    await page.waitForTimeout(200);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBeLessThan(0.01);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.locator('.pqa-answer').last().locator('button.pqa-chip').first().click();
    const box = await page.locator('.pqa-source').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'chat-phone-source.png') });
  });
});
