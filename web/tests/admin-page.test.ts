import type { Browser, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, launchChromium, SCREENSHOT_DIRECTORY, watchProblems } from '../../src/test-support/browser.ts';
import { closePolicyFileBrowser, policyPdf } from '../../src/test-support/policy-files.ts';
import { TANGSHAN_PLAN } from '../../src/test-support/sample-policy.ts';
import { startTestServer, type TestServer } from '../../src/test-support/web-test-server.ts';

const TOKEN = 'page-admin-token-0123456789abcdef';

/** /admin in headless Chromium against the real server: sign in, preview, confirm, ask, remove, read feedback. */
describe('admin page in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let pdf: Uint8Array;

  beforeAll(async () => {
    [server, browser, pdf] = await Promise.all([
      startTestServer({ ADMIN_TOKEN: `page-admin:${TOKEN}` }),
      launchChromium(),
      policyPdf(TANGSHAN_PLAN, { header: '唐山市质量提升行动方案' }),
    ]);
    await closePolicyFileBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (page: Page, token: string) => {
    await page.locator('#adm-token').fill(token);
    await page.locator('.adm-sign-in').click();
  };

  it('signs in with the token, previews a PDF, adds it, answers from it, and removes it', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const response = await page.goto(`${server.url}/admin`);
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response!.headers()['x-frame-options']).toBe('DENY');

    await signIn(page, 'wrong-token-000000000000000000');
    await expect.poll(() => page.locator('.adm-status').textContent()).toBe('口令不正确。');
    await signIn(page, TOKEN);
    await page.locator('.adm-documents tr').first().waitFor();
    expect(await page.locator('.adm-documents tr').count()).toBe(4);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.locator('#adm-file').setInputFiles({ name: '唐山方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.locator('.adm-preview-button').click();
    await expect.poll(() => page.locator('.adm-status').textContent()).toMatch(/解析完成：5 条条款/u);
    expect(await page.locator('.adm-progress').evaluate((node) => (node as HTMLProgressElement).value)).toBe(1);
    const steel = page.locator('.adm-preview tr', { hasText: '提升钢铁产品质量' });
    expect(await steel.locator('.adm-lead').textContent()).toBe('市工业和信息化局');
    expect(await page.locator('.adm-preview dd').nth(1).textContent()).toBe('唐质量发〔2024〕1号');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}admin-preview.png`, fullPage: false });

    await page.locator('.adm-confirm').click();
    await expect.poll(() => page.locator('.adm-status').textContent()).toMatch(/已入库：5 条条款/u);
    const row = page.locator('.adm-documents tr', { hasText: '唐质量发〔2024〕1号' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/唐山方案\.pdf · PDF · .* 由 page-admin 上传/u);

    const chat = await context.newPage();
    await chat.goto(`${server.url}/`);
    await chat.locator('.pqa-input').waitFor();
    const answer = await askInChat(chat, '唐山提升钢铁产品质量由哪个部门牵头?');
    await expect.poll(() => answer.locator('.pqa-answer-text').textContent()).toContain('市工业和信息化局');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.locator('.adm-remove').click();
    await expect.poll(() => page.locator('.adm-status').textContent()).toMatch(/已删除/u);
    await expect.poll(() => page.locator('.adm-documents tr').count()).toBe(4);
    // The one refused request is the wrong token tried first; nothing else failed, no CSP report.
    expect(problems.list).toEqual(['console: Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
    await context.close();
  }, 60_000);

  it('lists feedback filtered by rating and exports it as CSV', async () => {
    const reply = await (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: '天津提升食品质量水平由哪个部门牵头?' }] }) })).json();
    await fetch(`${server.url}/api/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messageId: reply.messageId, rating: 'down', comment: '牵头单位写错了' }) });

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${server.url}/admin`);
    await signIn(page, TOKEN);
    const entry = page.locator('.adm-feedback tr', { hasText: '牵头单位写错了' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('天津提升食品质量水平由哪个部门牵头?');
    expect(await entry.textContent()).toContain('津质量发〔2023〕3号 二(二) 提升食品质量水平');
    await page.locator('#adm-rating').selectOption('up');
    await expect.poll(() => page.locator('.adm-feedback-summary').textContent()).toBe('还没有反馈。');
    await page.locator('#adm-rating').selectOption('down');
    await entry.waitFor();

    const download = page.waitForEvent('download');
    await page.locator('.adm-export').click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('牵头单位写错了');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIRECTORY}admin-feedback-mobile.png`, fullPage: true });
    // A reload keeps the session (the token lives in this tab), and sign-out forgets it.
    await page.reload();
    await entry.waitFor();
    await page.locator('.adm-sign-out').click();
    await page.reload();
    await page.locator('#adm-token').waitFor();
    expect(problems.list).toEqual([]);
    await context.close();
  }, 60_000);
});
