import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium, installed by .ci/run; the test tool never downloads a browser of its own.
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

export function chromiumPath(): string {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(`No Chromium found at ${CANDIDATES.join(', ')}. Install Debian's chromium package (apt-get install -y chromium); .ci/run does this.`);
  return found;
}

/**
 * Headless Chromium with the flags this sandbox needs: no sandbox as root, and no background
 * connections to Google's services, which the closed network would refuse over and over.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface PageProblems {
  /** Console errors (CSP refusals among them) and uncaught exceptions, in order. */
  list: string[];
}

/** Collects what a page reports as going wrong, so a test can require that nothing did. */
export function watchProblems(page: import('playwright-core').Page): PageProblems {
  const problems: PageProblems = { list: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.list.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  return problems;
}

/** Screenshots go to test-output/ (gitignored) for a person to look at; no test compares them. */
export const SCREENSHOT_DIRECTORY = new URL('../../test-output/screenshots/', import.meta.url).pathname;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Accessibility problems axe-core finds in the page (or under one selector), as "rule: help (n)".
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
export async function accessibilityViolations(page: import('playwright-core').Page, selector?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const context = selector ? JSON.stringify({ include: [[selector]] }) : 'document';
  return page.evaluate(`axe.run(${context}, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => \`\${violation.id}: \${violation.help} (\${violation.nodes.length})\`))`);
}

/**
 * Asks a question in the chat under `root` (the page itself, or the widget's panel): types it,
 * sends it with Enter as a user would, and waits until that answer is no longer busy.
 */
export async function askInChat(page: import('playwright-core').Page, question: string, root = ''): Promise<import('playwright-core').Locator> {
  const within = root === '' ? '' : `${root} `;
  const answers = page.locator(`${within}.pqa-answer`);
  const before = await answers.count();
  const input = page.locator(`${within}.pqa-input`);
  await input.fill(question);
  await input.press('Enter');
  const answer = answers.nth(before);
  await answer.and(page.locator('[aria-busy="false"]')).waitFor();
  return answer;
}
