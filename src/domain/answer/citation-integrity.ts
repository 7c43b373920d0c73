/**
 * Every [n] an answer keeps must name a clause that retrieval returned. Backends that write free
 * text (LLMs) may invent numbers; those markers are removed and reported, never shown as sources.
 */
const MARKER = /\s?\[(\d+(?:\s*[,，、]\s*\d+)*)\]/gu;

export interface CheckedCitations {
  text: string;
  /** Numbers cited, in order of first appearance. */
  cited: number[];
  /** Numbers the text used that name no given clause. */
  removed: number[];
}

export function enforceCitations(text: string, valid: ReadonlySet<number>): CheckedCitations {
  const cited: number[] = [];
  const removed: number[] = [];
  const cleaned = text.replace(MARKER, (marker, list: string) => {
    const numbers = list.split(/[,，、]/u).map((part) => Number(part.trim()));
    const kept = numbers.filter((number) => valid.has(number));
    for (const number of numbers) {
      const bucket = valid.has(number) ? cited : removed;
      if (!bucket.includes(number)) bucket.push(number);
    }
    if (kept.length === 0) return '';
    const space = marker.startsWith(' ') ? ' ' : '';
    return `${space}${kept.map((number) => `[${number}]`).join('')}`;
  });
  return { text: cleaned, cited, removed };
}

// Longest marker held back while waiting for its closing bracket: [12, 13, 14].
const MAX_PENDING = 24;

/**
 * Filters streamed text so that an invented [n] never reaches the browser: text after an open
 * bracket is held until the bracket closes (or clearly is not a marker), then passed through
 * enforceCitations.
 */
export class CitationStreamFilter {
  private pending = '';

  constructor(private readonly valid: ReadonlySet<number>) {}

  push(delta: string): string {
    this.pending += delta;
    let output = '';
    while (this.pending !== '') {
      const open = this.pending.indexOf('[');
      if (open < 0) {
        output += this.pending;
        this.pending = '';
        break;
      }
      // Keep a space before the bracket with the marker: an invented marker takes it along.
      const holdFrom = open > 0 && this.pending[open - 1] === ' ' ? open - 1 : open;
      output += this.pending.slice(0, holdFrom);
      this.pending = this.pending.slice(holdFrom);
      const close = this.pending.indexOf(']');
      if (close < 0) {
        if (this.pending.length > MAX_PENDING || !/^ ?\[[\d,，、\s]*$/u.test(this.pending)) {
          // Not a citation marker: release it up to the next bracket.
          const next = this.pending.indexOf('[', this.pending.indexOf('[') + 1);
          const cut = next < 0 ? this.pending.length : next;
          output += this.pending.slice(0, cut);
          this.pending = this.pending.slice(cut);
          continue;
        }
        break;
      }
      output += enforceCitations(this.pending.slice(0, close + 1), this.valid).text;
      this.pending = this.pending.slice(close + 1);
    }
    return output;
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
