import { TermTable } from './term-table.ts';

/**
 * The tokens of each passage, kept across library changes so that a change re-tokenises only the
 * passages that changed: an upload of one document cuts that document's text, not the corpus's.
 * A kept passage is cut again when the segmenter has since learned a word its text contains (a new
 * unit name must become one token in old clauses too, as it is in questions).
 *
 * Kept small, because it lives as long as the server: each passage's fields as the numbers of its
 * terms in the cache's TermTable, sorted, gap-coded into one string of 16-bit units (about two
 * bytes a distinct term), keyed by passage id, with a hash of the text they were cut from. Token
 * arrays kept as strings took 13 KB a passage, 1.3 GB for 100,000 clauses.
 */
export interface GrowingVocabulary {
  /** How many words it has learned; grows, never shrinks. */
  readonly version: number;
  /** The words learned since that version, in order. */
  wordsSince(version: number): readonly string[];
}

interface Entry {
  /** textHash of what the fields were cut from: a changed passage under the same id misses. */
  hash: number;
  version: number;
  fields: string;
  /** The passage's text as coverage matches it (forMatching), made once: a library change reuses it rather than holding a second copy. */
  matching?: string;
}

export class PassageTokenCache {
  /** The numbers the kept fields are written in; the index built over the cache uses the same table. */
  readonly terms = new TermTable();
  private entries = new Map<string, Entry>();
  private used = new Set<string>();

  constructor(private readonly vocabulary: GrowingVocabulary) {}

  /**
   * The term numbers of each field of the passage `id`, whose fields are cut from `text`: kept ones
   * when the same text was cut before and no word learned since occurs in it, else `cut()`.
   */
  termIds(id: string, text: string, cut: () => number[][]): number[][] {
    this.used.add(id);
    const hash = textHash(text);
    const entry = this.entries.get(id);
    if (entry && entry.hash === hash && (entry.version === this.vocabulary.version || !this.vocabulary.wordsSince(entry.version).some((word) => text.includes(word)))) {
      entry.version = this.vocabulary.version;
      return decodeFields(entry.fields);
    }
    const fields = cut();
    this.entries.set(id, { hash, version: this.vocabulary.version, fields: encodeFields(fields) });
    return fields;
  }

  /** Each field's distinct terms and counts kept for the passage `id` by termIds(), read in place (an index built from the cache). */
  visitKept(id: string, visit: (field: number, term: number, count: number) => void): void {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`PassageTokenCache: nothing kept for ${id}; termIds() first`);
    visitEncodedFields(entry.fields, visit);
  }

  /** The passage's matching text, made by `make` the first time after its fields were (re)cut by termIds(). */
  matchingText(id: string, make: () => string): string {
    const entry = this.entries.get(id);
    if (!entry) return make();
    return (entry.matching ??= make());
  }

  /** After an index is built: forget passages it did not use (removed documents), so memory follows the corpus. */
  keepOnlyUsed(): void {
    for (const key of this.entries.keys()) if (!this.used.has(key)) this.entries.delete(key);
    this.used = new Set();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** 53 bits of hash (cyrb53): two different texts under one passage id collide about once in 10^15 changes. */
export function textHash(text: string): number {
  let first = 0xdeadbeef;
  let second = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    first = Math.imul(first ^ unit, 2654435761);
    second = Math.imul(second ^ unit, 1597334677);
  }
  first = Math.imul(first ^ (first >>> 16), 2246822507) ^ Math.imul(second ^ (second >>> 13), 3266489909);
  second = Math.imul(second ^ (second >>> 16), 2246822507) ^ Math.imul(first ^ (first >>> 13), 3266489909);
  return 4294967296 * (2097151 & second) + (first >>> 0);
}

/**
 * Per field: the number of distinct terms, then each term as the gap from the one before (sorted),
 * shifted left by one with the low bit set when a count follows. Numbers are written in 15-bit
 * groups, the high bit of a unit saying another group follows.
 */
export function encodeFields(fields: number[][]): string {
  const units: number[] = [];
  const write = (value: number) => {
    while (value >= 0x8000) {
      units.push(0x8000 | (value & 0x7fff));
      value = Math.floor(value / 0x8000);
    }
    units.push(value);
  };
  for (const ids of fields) {
    const counts = new Map<number, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const distinct = [...counts.keys()].sort((left, right) => left - right);
    write(distinct.length);
    let previous = 0;
    for (const id of distinct) {
      const count = counts.get(id)!;
      write((id - previous) * 2 + (count > 1 ? 1 : 0));
      if (count > 1) write(count);
      previous = id;
    }
  }
  let text = '';
  // In slices: a spread of a long passage's units would overflow the argument stack.
  for (let start = 0; start < units.length; start += 4096) text += String.fromCharCode(...units.slice(start, start + 4096));
  return text;
}

/** The fields encodeFields wrote, each term repeated as often as it occurred (sorted, not in text order). */
export function decodeFields(text: string): number[][] {
  const fields: number[][] = [];
  visitEncodedFields(text, (field, term, count) => {
    while (fields.length <= field) fields.push([]);
    for (let repeat = 0; repeat < count; repeat += 1) fields[field]!.push(term);
  }, (field) => {
    while (fields.length <= field) fields.push([]);
  });
  return fields;
}

/**
 * Each (field, distinct term, count) encodeFields wrote, in order, allocating nothing: what an index
 * built from the cache reads. `fieldStart` is called for every field, empty ones too.
 */
export function visitEncodedFields(text: string, visit: (field: number, term: number, count: number) => void, fieldStart: (field: number) => void = () => {}): void {
  let position = 0;
  const read = () => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const unit = text.charCodeAt(position);
      position += 1;
      value += (unit & 0x7fff) * scale;
      if (unit < 0x8000) return value;
      scale *= 0x8000;
    }
  };
  for (let field = 0; position < text.length; field += 1) {
    fieldStart(field);
    const distinct = read();
    let previous = 0;
    for (let term = 0; term < distinct; term += 1) {
      const coded = read();
      const id = previous + Math.floor(coded / 2);
      visit(field, id, coded % 2 === 1 ? read() : 1);
      previous = id;
    }
  }
}
