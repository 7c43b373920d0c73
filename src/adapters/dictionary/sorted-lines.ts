/**
 * A dictionary file kept as loaded: lines "key<TAB>value", sorted as JavaScript compares strings,
 * found by bisection over the line starts. Nothing is parsed into maps at start-up, so a file of a
 * few megabytes costs about its own size in memory (the reverse of CC-CEDICT held as maps of maps
 * took ten times that, and parsing its source left more behind).
 */
export class SortedLines {
  private readonly lineStarts: Uint32Array;

  constructor(private readonly text: string) {
    const starts = text === '' ? [] : [0];
    for (let index = text.indexOf('\n'); index >= 0 && index < text.length - 1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    this.lineStarts = Uint32Array.from(starts);
  }

  get size(): number {
    return this.lineStarts.length;
  }

  /** The value of the line whose key is `key`, or undefined. */
  find(key: string): string | undefined {
    if (key === '') return undefined;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = this.lineStarts[middle]!;
      const order = this.compareKeyAt(start, key);
      if (order === 0) {
        const valueStart = start + key.length + 1;
        const end = this.text.indexOf('\n', valueStart);
        return this.text.slice(valueStart, end < 0 ? undefined : end);
      }
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  /** How the key of the line at `start` compares with `key` (as JavaScript compares strings), read in place: no slice per step. */
  private compareKeyAt(start: number, key: string): number {
    for (let offset = 0; ; offset += 1) {
      const unit = this.text.charCodeAt(start + offset);
      const lineEnded = unit === 9 || Number.isNaN(unit);
      if (offset === key.length) return lineEnded ? 0 : 1;
      if (lineEnded) return -1;
      const wanted = key.charCodeAt(offset);
      if (unit !== wanted) return unit - wanted;
    }
  }
}

/** Lines "key<TAB>value" for the entries, sorted as SortedLines searches them, with a final newline. */
export function sortedLinesText(entries: Iterable<[key: string, value: string]>): string {
  const lines = [...entries].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)).map(([key, value]) => `${key}\t${value}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
