/**
 * npm run size:web
 * What a browser transfers for the chat page and for the widget, measured in headless Chromium
 * against the real server (compressed bodies plus headers, as they cross the wire, cold cache):
 *   - the chat page at /, until the empty chat is ready;
 *   - widget.js on an intranet page, before anyone opens it;
 *   - what opening the widget adds (the chat modules and styles).
 */
import type { Page, Request } from 'playwright-core';
import { printTable } from '../eval/report-table.ts';
import { launchChromium } from '../src/test-support/browser.ts';
import { startHostSite, startTestServer } from '../src/test-support/web-test-server.ts';

// A stand-in intranet page on its own origin, which the server allows to embed the widget.
const intranet = await startHostSite((path) =>
  path === '/index.html' ? { body: `<!doctype html><title>内网</title><link rel="icon" href="data:,"><h1>内网</h1><script src="${server.url}/widget.js" data-lang="zh" defer></script>` } : undefined,
);
const server = await startTestServer({ EMBED_ALLOWED_ORIGINS: intranet.origin });
const browser = await launchChromium();

async function transferred(page: Page, action: () => Promise<void>): Promise<{ requests: number; bytes: number; files: string[] }> {
  const seen: Request[] = [];
  const listener = (request: Request) => {
    if (request.url().startsWith(server.url) && !request.url().includes('/api/chat')) seen.push(request);
  };
  page.on('requestfinished', listener);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', listener);
  let bytes = 0;
  for (const request of seen) {
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return { requests: seen.length, bytes, files: seen.map((request) => new URL(request.url()).pathname) };
}

try {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const chatPage = await context.newPage();
  const page = await transferred(chatPage, async () => {
    await chatPage.goto(`${server.url}/`);
    await chatPage.locator('.pqa-scope').waitFor();
  });

  const hostPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  const widget = await transferred(hostPage, async () => {
    await hostPage.goto(`${intranet.origin}/index.html`);
    await hostPage.locator('.pqa-launcher').waitFor();
  });
  const opened = await transferred(hostPage, async () => {
    await hostPage.locator('.pqa-launcher').click();
    await hostPage.locator('.pqa-widget-panel .pqa-input').waitFor();
  });

  const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);
  printTable(
    ['what', 'requests', 'KiB on the wire'],
    [
      ['chat page / (ready to ask)', String(page.requests), kilobytes(page.bytes)],
      ['widget.js on a host page (closed)', String(widget.requests), kilobytes(widget.bytes)],
      ['opening the widget adds', String(opened.requests), kilobytes(opened.bytes)],
    ],
  );
  console.log(`\nchat page files: ${page.files.join(' ')}`);
  console.log(`widget files on open: ${opened.files.join(' ')}`);
} finally {
  await browser.close();
  await server.close();
  await intranet.close();
}
