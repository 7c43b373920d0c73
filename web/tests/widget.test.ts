import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, askInChat, launchChromium, SCREENSHOT_DIRECTORY, watchProblems } from '../../src/test-support/browser.ts';
import { startHostSite, startTestServer, type HostSite, type TestServer } from '../../src/test-support/web-test-server.ts';

// A page that restyles everything it can reach, as an old intranet theme might, and then some.
const HOSTILE_CSS = `
  * { font-family: "Comic Sans MS", cursive !important; color: #e00 !important; letter-spacing: 3px !important;
      line-height: 3 !important; box-sizing: content-box !important; text-transform: uppercase !important; }
  button, textarea, select { background: lime !important; border: 6px dotted red !important; padding: 30px !important;
      width: 500px !important; display: block !important; font-size: 28px !important; }
  div, p, h1, h2, ul, li, article, aside, form { margin: 40px !important; padding: 20px !important; font-size: 30px !important; }
  body > * { transform: rotate(8deg) !important; opacity: .3 !important; }
  policy-qa-widget { display: none !important; }
  :root { --pqa-accent: hotpink; }`;

function intranetPage({ widget, hostile = false, extra = '' }: { widget?: string; hostile?: boolean; extra?: string }): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>内网</title><link rel="icon" href="data:,">
    <style>body { font-family: serif; color: #222; margin: 8px; } h1 { font-size: 24px; } button.host { background: #7a1212; color: #fff; padding: 4px 10px; }${hostile ? HOSTILE_CSS : ''}</style></head>
    <body><h1>质量发展处工作台</h1><p class="intro">通知公告与待办事项。</p><button class="host" type="button">内网按钮</button>${extra}
    ${widget ?? ''}</body></html>`;
}

const widgetTag = (server: string) => `<script src="${server}/widget.js" data-title="质量政策问答" data-lang="zh" data-color="#0b6e4f" data-position="right" defer></script>`;

/** The widget and the iframe form on pages served from other origins, in headless Chromium. */
describe('embedding on intranet pages', () => {
  let allowedSite: HostSite;
  let otherSite: HostSite;
  let server: TestServer;
  let limitedServer: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    const pages = (path: string) => {
      const body: Record<string, string> = {
        '/plain.html': intranetPage({ widget: widgetTag(server.url) }),
        '/bare.html': intranetPage({}),
        '/hostile.html': intranetPage({ widget: widgetTag(server.url), hostile: true }),
        '/limited.html': intranetPage({ widget: widgetTag(limitedServer.url) }),
        '/framed.html': intranetPage({ extra: `<iframe id="qa" src="${server.url}/embed?lang=en" style="width:420px;height:560px"></iframe>` }),
      };
      return body[path] === undefined ? undefined : { body: body[path] };
    };
    [allowedSite, otherSite, browser] = await Promise.all([startHostSite(pages), startHostSite(pages), launchChromium()]);
    [server, limitedServer] = await Promise.all([
      startTestServer({ EMBED_ALLOWED_ORIGINS: allowedSite.origin }),
      startTestServer({ EMBED_ALLOWED_ORIGINS: allowedSite.origin, RATE_LIMIT_PER_MINUTE: '1' }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), limitedServer?.close(), allowedSite?.close(), otherSite?.close()]);
  });

  async function open(url: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 820 } });
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  async function openWidget(page: Page) {
    await page.locator('.pqa-launcher').click();
    await page.locator('.pqa-widget-panel .pqa-input').waitFor();
  }

  const askInWidget = (page: Page, question: string) => askInChat(page, question, '.pqa-widget-panel');

  it('opens from its button on an allowed origin, answers with citations, and keeps the conversation in the tab', async () => {
    const page = await open(`${allowedSite.origin}/plain.html`);
    const problems = watchProblems(page);
    const launcher = page.locator('.pqa-launcher');
    await launcher.waitFor();
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.evaluate((node) => getComputedStyle(node).backgroundColor)).toBe('rgb(11, 110, 79)');
    await openWidget(page);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('.pqa-widget-panel .pqa-title').textContent()).toBe('质量政策问答');

    const answer = await askInWidget(page, '天津提升食品质量水平由哪个部门牵头?');
    expect(await answer.locator('.pqa-answer-text').textContent()).toContain('牵头单位是市工业和信息化局');
    await answer.locator('button.pqa-chip[data-n="1"]').click();
    expect(await page.locator('.pqa-widget-panel .pqa-unit-lead').textContent()).toBe('市工业和信息化局牵头');
    await page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'widget-answer.png') });
    expect(await accessibilityViolations(page, 'policy-qa-widget')).toEqual([]);

    // Escape closes the source, a second Escape the panel, and focus returns to the button.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.locator('.pqa-widget-panel').waitFor({ state: 'hidden' });
    expect(await launcher.evaluate((node) => (node.getRootNode() as ShadowRoot).activeElement === node)).toBe(true);

    await page.reload();
    await openWidget(page);
    expect(await page.locator('.pqa-widget-panel .pqa-question').count()).toBe(1);
    // Its header links the full chat (a new tab on the server) and closes the panel.
    expect(await page.locator('.pqa-widget-panel [data-action="full-page"]').getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    expect(await page.locator('.pqa-widget-panel [data-action="full-page"]').getAttribute('target')).toBe('_blank');
    await page.locator('.pqa-widget-panel [data-action="close"]').click();
    await page.locator('.pqa-widget-panel').waitFor({ state: 'hidden' });
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(problems.list).toEqual([]);
  });

  it('keeps its look under a hostile host stylesheet', async () => {
    const styles = async (url: string) => {
      const page = await open(url);
      await openWidget(page);
      await askInWidget(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
      const probe = ['.pqa-launcher', '.pqa-widget-panel', '.pqa-title', '.pqa-input', '.pqa-send', '.pqa-answer', '.pqa-answer-text', '.pqa-chip', '.pqa-button'];
      const seen: Record<string, unknown> = {};
      for (const selector of probe) {
        seen[selector] = await page.locator(selector).first().evaluate((node) => {
          const style = getComputedStyle(node);
          const box = node.getBoundingClientRect();
          return {
            font: `${style.fontFamily} ${style.fontSize} ${style.lineHeight} ${style.letterSpacing} ${style.textTransform}`,
            colors: `${style.color} ${style.backgroundColor}`,
            box: `${style.margin} ${style.padding} ${style.borderWidth} ${style.display} ${style.boxSizing}`,
            size: `${Math.round(box.width)}x${Math.round(box.height)}`,
          };
        });
      }
      const host = await page.locator('policy-qa-widget').evaluate((node) => {
        const style = getComputedStyle(node);
        return `${style.display} ${style.opacity} ${style.transform} ${style.position}`;
      });
      return { page, seen, host };
    };
    const plain = await styles(`${allowedSite.origin}/plain.html`);
    const hostile = await styles(`${allowedSite.origin}/hostile.html`);
    // The hostile sheet does reach the page itself...
    expect(await hostile.page.locator('body > h1').evaluate((node) => getComputedStyle(node).color)).toBe('rgb(238, 0, 0)');
    // ...but not the widget.
    expect(hostile.seen).toEqual(plain.seen);
    expect(hostile.host).toBe('block 1 none fixed');
    await hostile.page.screenshot({ path: join(SCREENSHOT_DIRECTORY, 'widget-hostile-page.png') });
  });

  it('leaves the host page as it was: its styles, its globals', async () => {
    const snapshot = async (url: string) => {
      const page = await open(url);
      await page.waitForLoadState('load');
      await page.waitForTimeout(100);
      return page.evaluate(() => ({
        styles: ['body', 'h1', 'p.intro', 'button.host'].map((selector) => {
          const style = getComputedStyle(document.querySelector(selector)!);
          return `${selector}: ${style.fontFamily} ${style.fontSize} ${style.color} ${style.backgroundColor} ${style.margin} ${style.padding}`;
        }),
        documentSheets: document.styleSheets.length,
        globals: Object.keys(window).sort(),
      }));
    };
    const without = await snapshot(`${allowedSite.origin}/bare.html`);
    const withWidget = await snapshot(`${allowedSite.origin}/plain.html`);
    expect(withWidget).toEqual(without);
  });

  it('is refused on a page whose origin is not allowed, and says so', async () => {
    const page = await open(`${otherSite.origin}/plain.html`);
    await page.locator('.pqa-launcher').click();
    const notice = page.locator('.pqa-widget-refused');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('此页面未获准使用政策问答助手');
    const direct = await page.evaluate(async (api) => {
      try {
        const response = await fetch(`${api}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: '牵头单位?' }] }) });
        return `status ${response.status}`;
      } catch (error) {
        return `refused: ${(error as Error).name}`;
      }
    }, server.url);
    expect(direct).toBe('refused: TypeError');
  });

  it('tells the user politely when the per-client limit is reached, and offers to try again', async () => {
    const page = await open(`${allowedSite.origin}/limited.html`);
    await openWidget(page);
    const first = await askInWidget(page, '天津提升食品质量水平由哪个部门牵头?');
    expect(await first.locator('.pqa-answer-text').textContent()).toContain('市工业和信息化局');
    const second = await askInWidget(page, '汕尾到2025年制造业产品质量合格率目标是多少?');
    expect(await second.getAttribute('class')).toContain('pqa-failed');
    expect(await second.locator('.pqa-answer-text').textContent()).toMatch(/^提问太频繁了，请 \d+ 秒后再试。$/u);
    expect(await second.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
  });

  it('runs as an iframe on allowed origins only', async () => {
    const allowed = await open(`${allowedSite.origin}/framed.html`);
    const frame = allowed.frameLocator('#qa');
    await frame.locator('.pqa-input').waitFor();
    expect(await frame.locator('.pqa-title').textContent()).toBe('Policy QA');
    await frame.locator('.pqa-input').fill('Which bureau leads dairy safety in Tianjin?');
    await frame.locator('.pqa-input').press('Enter');
    await frame.locator('.pqa-answer[aria-busy="false"]').waitFor();
    expect(await frame.locator('.pqa-answer-text').textContent()).toContain('lead unit is 市工业和信息化局');

    const refused = await open(`${otherSite.origin}/framed.html`);
    await refused.waitForLoadState('load');
    const framed = refused.frames().find((candidate) => candidate !== refused.mainFrame());
    expect(framed).toBeDefined();
    expect(await framed!.locator('.pqa').count()).toBe(0);
  });
});
