// @ts-check
import { element } from './dom.js';

/** @typedef {import('./chat-client.js').Citation} Citation */

/**
 * Where a clause sits, as the document writes it: section 二 clause (二) → 二（二）.
 * @param {Pick<Citation, 'section' | 'clause'>} citation
 */
export function clauseLabel({ section, clause }) {
  // As answers write it, half-width: 二(二), the same in the answer, the sources, the panel and exports.
  if (section && clause) return `${section}(${clause})`;
  return section ?? clause ?? '';
}

/** @param {Citation} citation @param {boolean} [original] as the source writes it, not in Simplified */
export function citationTitle(citation, original = false) {
  const heading = original ? citation.heading : citation.headingSimplified ?? citation.heading;
  const place = [citation.docNumber ?? (original ? citation.docTitle : citation.docTitleSimplified ?? citation.docTitle), clauseLabel(citation)].filter(Boolean).join(' ');
  return heading ? `${place} ${heading}` : place;
}

/**
 * The answer as text nodes with a chip for each [n] and the key value (**…**) in bold. While the
 * answer streams the chips are inert placeholders of the same size, so nothing moves when they
 * become buttons at the end.
 * @param {string} text
 * @param {Map<number, Citation> | null} citations null while streaming
 * @param {(citation: Citation, chip: HTMLElement) => void} onChip
 * @param {(n: number, title: string) => string} label
 * @returns {Node[]}
 */
export function answerNodes(text, citations, onChip, label) {
  /** @type {Node[]} */
  const nodes = [];
  // A comparison's Markdown table (lines that start and end with |) becomes a table; the rest is text.
  const blocks = text.split(/((?:^|\n)(?:\|[^\n]*\|(?:\n|$))+)/u);
  for (const block of blocks) {
    if (block === '') continue;
    const rows = block.split('\n').filter((line) => /^\|.*\|$/u.test(line));
    if (rows.length >= 2) nodes.push(tableNode(rows, citations, onChip, label));
    else nodes.push(...inlineNodes(block, citations, onChip, label));
  }
  return nodes;
}

/**
 * @param {string[]} rows header, separator, body rows
 * @param {Map<number, Citation> | null} citations
 * @param {(citation: Citation, chip: HTMLElement) => void} onChip
 * @param {(n: number, title: string) => string} label
 */
function tableNode(rows, citations, onChip, label) {
  const cells = (/** @type {string} */ row) => row.slice(1, -1).split('|').map((cell) => cell.trim());
  const [head, ...rest] = rows;
  const body = rest.filter((row) => !/^\|[\s:|-]+\|$/u.test(row));
  return element('table', { class: 'pqa-compare' }, [
    element('thead', {}, [element('tr', {}, cells(head ?? '').map((cell) => element('th', { scope: 'col' }, [cell])))]),
    element('tbody', {}, body.map((row) => element('tr', {}, cells(row).map((cell) => element('td', {}, inlineNodes(cell, citations, onChip, label)))))),
  ]);
}

/**
 * @param {string} text
 * @param {Map<number, Citation> | null} citations
 * @param {(citation: Citation, chip: HTMLElement) => void} onChip
 * @param {(n: number, title: string) => string} label
 * @returns {Node[]}
 */
function inlineNodes(text, citations, onChip, label) {
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\*\*([^*\n]+)\*\*/gu)) {
    if (match.index > last) nodes.push(...chipNodes(text.slice(last, match.index), citations, onChip, label));
    nodes.push(element('strong', { class: 'pqa-key' }, chipNodes(match[1] ?? '', citations, onChip, label)));
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(...chipNodes(text.slice(last), citations, onChip, label));
  return nodes;
}

/**
 * @param {string} text
 * @param {Map<number, Citation> | null} citations
 * @param {(citation: Citation, chip: HTMLElement) => void} onChip
 * @param {(n: number, title: string) => string} label
 * @returns {Node[]}
 */
function chipNodes(text, citations, onChip, label) {
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(/\[(\d{1,2})\]/gu)) {
    const n = Number(match[1]);
    const citation = citations?.get(n);
    if (citations && !citation) continue;
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    if (citation) {
      const chip = element('button', { type: 'button', class: 'pqa-chip', 'aria-label': label(n, citationTitle(citation)), 'data-n': n }, [String(n)]);
      chip.addEventListener('click', () => onChip(citation, chip));
      nodes.push(chip);
    } else {
      nodes.push(element('span', { class: 'pqa-chip pqa-chip-pending', 'aria-hidden': 'true' }, [String(n)]));
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** The answer as plain text for copying: the emphasis marks dropped (a table stays a Markdown table). @param {string} text */
export function plainAnswer(text) {
  return text.replace(/\*\*([^*\n]+)\*\*/gu, '$1');
}

/**
 * The clause text with the quoted sentences marked (a quote may join sentences that are not next to
 * each other); the quote is located as text, never as markup.
 * @param {string} text
 * @param {string | undefined} quote
 * @returns {Node[]}
 */
export function clauseTextNodes(text, quote) {
  if (!quote) return [document.createTextNode(text)];
  /** @type {[number, number][]} */
  const ranges = [];
  let from = 0;
  for (const sentence of quote.match(/[^。！？!?]+[。！？!?]*/gu) ?? []) {
    const at = text.indexOf(sentence, from);
    if (at < 0) continue;
    const previous = ranges.at(-1);
    if (previous && previous[1] === at) previous[1] = at + sentence.length;
    else ranges.push([at, at + sentence.length]);
    from = at + sentence.length;
  }
  if (ranges.length === 0) return [document.createTextNode(text)];
  /** @type {Node[]} */
  const nodes = [];
  let last = 0;
  for (const [start, end] of ranges) {
    if (start > last) nodes.push(document.createTextNode(text.slice(last, start)));
    nodes.push(element('mark', { class: 'pqa-quote' }, [text.slice(start, end)]));
    last = end;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}
