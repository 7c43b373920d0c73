import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ReadResult } from '../../domain/ports/document-reader.ts';

/**
 * A government-portal page: Readability (over linkedom's DOM) keeps the article and drops the
 * navigation, share buttons and footer; the article's blocks become lines, which the usual
 * boilerplate cleanup then reads like any seed text.
 */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, td, pre, blockquote, div';

export async function readHtml(bytes: Uint8Array): Promise<ReadResult> {
  const html = decodeHtml(bytes);
  const { document } = parseHTML(html);
  const title = document.querySelector('h1')?.textContent?.trim() ?? '';
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (!article?.content) return { ok: false, code: 'empty', reason: '这个网页里找不到正文。(The page holds no article text.)' };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const lines: string[] = [];
  for (const block of content.querySelectorAll(BLOCKS)) {
    // A block holding other blocks is read through them.
    if (block.querySelector(BLOCKS)) continue;
    const text = (block.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text !== '') lines.push(text);
  }
  // Readability may keep the headline apart from the content: the title comes first either way.
  const headline = title || article.title?.trim() || '';
  if (headline && !lines.slice(0, 3).some((line) => line.includes(headline))) lines.unshift(headline);
  if (lines.length === 0) return { ok: false, code: 'empty', reason: '这个网页里找不到正文。(The page holds no article text.)' };
  return { ok: true, read: { format: 'html', text: lines.join('\n'), warnings: [] } };
}

/** UTF-8, or the GB18030 family a <meta charset> names. */
function decodeHtml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset=["']?([a-z0-9_-]+)/iu.exec(head)?.[1]?.toLowerCase();
  const encoding = charset && /^(gb2312|gbk|gb18030)$/u.test(charset) ? 'gb18030' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}
