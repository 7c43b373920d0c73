import { extractText, getDocumentProxy } from 'unpdf';
import type { ReadResult } from '../../domain/ports/document-reader.ts';

/**
 * A PDF's text layer through pdf.js (unpdf), page by page, laid out again as the parser expects:
 * running headers and footers and page numbers dropped, lines the layout broke rejoined, 〔〕 and
 * full-width punctuation kept as they are. Each line keeps its page, so a clause can cite it.
 */
const TERMINAL = /[。；：！？.!?:;）)】」”]$/u;
const STRUCTURAL = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百]+[章条节]|\d+[.、．]|附件)/u;
const PAGE_NUMBER = /^([-—－–~\s]*\d{1,4}[-—－–~\s]*|第\s*\d+\s*页(\s*[/／共]\s*\d+\s*页?)?|\d+\s*\/\s*\d+)$/u;
// A line this close to the longest line of its page was broken by the page width, not by the author.
const FULL_LINE = 0.85;
// Fewer visible characters than this per page: the pages are pictures (a scan), not text.
const SCAN_CHARACTERS_PER_PAGE = 20;

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  let pages: string[];
  try {
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    const document = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(document, { mergePages: false });
    pages = text as string[];
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') return { ok: false, code: 'encrypted', reason: '文件已加密（需要密码才能打开）。请提供未加密的PDF或DOCX。(The PDF is password-protected: upload an unencrypted PDF or a DOCX.)' };
    return { ok: false, code: 'unreadable', reason: `无法读取这个PDF：${(error as Error).message}。(The PDF could not be read.)` };
  }
  const visible = pages.join('').replace(/\s/gu, '').length;
  if (pages.length === 0 || visible < SCAN_CHARACTERS_PER_PAGE * pages.length) {
    return { ok: false, code: 'scanned_pdf', reason: '这是扫描件，没有文字层，请提供可复制文字的PDF或DOCX。(The PDF is a scan with no text layer: upload a PDF with selectable text, or a DOCX.)' };
  }
  const pageLines = pages.map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  const running = runningLines(pageLines);
  const lines: { text: string; page: number; full: boolean }[] = [];
  pageLines.forEach((page, pageIndex) => {
    const body = page.filter((line, index) => !PAGE_NUMBER.test(line) && !((index < 2 || index >= page.length - 2) && running.has(line)));
    const longest = Math.max(0, ...body.map((line) => [...line].length));
    body.forEach((line) => {
      const previous = lines.at(-1);
      if (previous && continues(previous.text, line, previous.full)) {
        previous.text += line;
        previous.full = [...line].length >= longest * FULL_LINE;
      } else {
        lines.push({ text: line, page: pageIndex + 1, full: [...line].length >= longest * FULL_LINE });
      }
    });
  });
  return {
    ok: true,
    read: { format: 'pdf', text: lines.map((line) => line.text).join('\n'), linePages: lines.map((line) => line.page), warnings: [] },
  };
}

/** A line continues the one before when that one ran to the page width without ending a sentence. */
function continues(previous: string, line: string, previousWasFull: boolean): boolean {
  return previousWasFull && !TERMINAL.test(previous) && !STRUCTURAL.test(line);
}

/** Lines that open or close at least half of the pages (two or more): running headers and footers. */
function runningLines(pages: string[][]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set([...page.slice(0, 2), ...page.slice(-2)])) counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2 && count >= pages.length / 2).map(([line]) => line));
}
