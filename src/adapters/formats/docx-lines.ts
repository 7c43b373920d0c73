import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { formatChineseNumeral } from '../../domain/corpus/chinese-numerals.ts';

/**
 * A DOCX as lines, through mammoth: one per paragraph, heading, list item and table cell. Word and
 * WPS can number headings and clauses automatically (a list style): the numerals are then not in
 * the text, and mammoth knows only that a paragraph is numbered, at which level. The numerals are
 * put back in its document model before the HTML is made, in the 公文 order of levels (GB/T 9704:
 * 一、 (一) 1. (1)), deeper levels restarting under each higher item as Word does by default;
 * `numbered` says it happened, so the admin is told to check the preview.
 */
const require = createRequire(import.meta.url);
// mammoth's own document model, to add a run of text to a paragraph (mammoth.transforms maps over it).
const documents = require('mammoth/lib/documents') as { run(children: unknown[]): unknown; text(value: string): unknown };

const MARKERS: ((index: number) => string)[] = [
  (index) => `${formatChineseNumeral(index)}、`,
  (index) => `（${formatChineseNumeral(index)}）`,
  (index) => `${index}.`,
  (index) => `（${index}）`,
];

interface MammothParagraph {
  type: 'paragraph';
  children: unknown[];
  numbering?: { level: string; isOrdered: boolean } | null;
}

/** A transformDocument for mammoth: each automatically numbered paragraph gets its numeral as text. */
export function numberingRestorer(): { transform: (document: { children: unknown[] }) => unknown; numbered: () => boolean } {
  const counters: number[] = [];
  let numbered = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const element = node as { type?: string; children?: unknown[] };
    if (element.type === 'paragraph') {
      const paragraph = element as MammothParagraph;
      if (paragraph.numbering?.isOrdered) {
        const level = Math.max(0, Number(paragraph.numbering.level) || 0);
        counters[level] = (counters[level] ?? 0) + 1;
        counters.length = level + 1;
        paragraph.children.unshift(documents.run([documents.text(MARKERS[Math.min(level, MARKERS.length - 1)]!(counters[level]!))]));
        numbered = true;
      }
      return;
    }
    for (const child of element.children ?? []) visit(child);
  };
  return {
    transform: (document) => {
      visit(document);
      return document;
    },
    numbered: () => numbered,
  };
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TD', 'TH']);

/** The text lines of mammoth's HTML, in document order; a list item's own text, not its nested list's. */
export function htmlLines(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const lines: string[] = [];
  const walk = (node: Element) => {
    for (const child of [...node.children]) {
      if (child.tagName === 'LI') {
        const own = [...child.childNodes].filter((each) => !(each.nodeType === 1 && ['OL', 'UL'].includes((each as Element).tagName))).map((each) => each.textContent ?? '').join('').trim();
        if (own !== '') lines.push(own);
        for (const nested of [...child.children].filter((each) => each.tagName === 'OL' || each.tagName === 'UL')) walk(nested);
      } else if (BLOCKS.has(child.tagName) && child.querySelector('p, li') === null) {
        const text = (child.textContent ?? '').trim();
        if (text !== '') lines.push(text);
      } else {
        walk(child);
      }
    }
  };
  walk(document.body);
  return lines;
}
