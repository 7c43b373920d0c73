import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, watchProblems, type PageProblems } from './browser.ts';
import { startTestServer, type TestServer } from './web-test-server.ts';

/**
 * What each browser test file sets up: the real server and Debian's Chromium for the file's tests,
 * both closed after them, and the chat page opened in a fresh context, ready to ask.
 */
export interface BrowserSuite {
  readonly server: TestServer;
  readonly browser: Browser;
  openChat(options?: BrowserContextOptions): Promise<{ page: Page; problems: PageProblems }>;
}

export function browserSuite(environment: Record<string, string> = {}): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(environment), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
    async openChat(options = {}) {
      const context = await suite.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 }, ...options });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${suite.server.url}/`);
      await page.locator('.pqa-input').waitFor();
      return { page, problems };
    },
  };
  return suite;
}
