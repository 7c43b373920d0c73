// @ts-check
import { element } from './dom.js';

/** @typedef {import('./chat-client.js').Citation} Citation */

/**
 * Where a clause sits, as the document writes it: section 二 clause (二) → 二（二）.
 * @param {Pick<Citation, 'section' | 'clause'>} citation
 */
export function clauseLabel({ section, clause }) {
  if (section && clause) return `${section}（${clause}）`;
  return section ?? clause ?? '';
}

/** @param {Citation} citation */
export function citationTitle(citation) {
  const place = [citation.docNumber ?? citation.docTitle, clauseLabel(citation)].filter(Boolean).join(' ');
  return citation.heading ? `${place} ${citation.heading}` : place;
}

/**
 * The answer as text nodes with a chip for each [n]. While the answer streams the chips are inert
 * placeholders of the same size, so nothing moves when they become buttons at the end.
 * @param {string} text
 * @param {Map<number, Citation> | null} citations null while streaming
 * @param {(citation: Citation, chip: HTMLElement) => void} onChip
 * @param {(n: number, title: string) => string} label
 * @returns {Node[]}
 */
export function answerNodes(text, citations, onChip, label) {
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

/**
 * The clause text with the quoted sentence marked; the quote is located as text, never as markup.
 * @param {string} text
 * @param {string | undefined} quote
 * @returns {Node[]}
 */
export function clauseTextNodes(text, quote) {
  const at = quote ? text.indexOf(quote) : -1;
  if (!quote || at === -1) return [document.createTextNode(text)];
  return [
    document.createTextNode(text.slice(0, at)),
    element('mark', { class: 'pqa-quote' }, [quote]),
    document.createTextNode(text.slice(at + quote.length)),
  ];
}
