/**
 * The tokens of each passage, kept across library changes so that a change re-tokenises only the
 * passages that changed: an upload of one document cuts that document's text, not the corpus's.
 * A kept passage is cut again when the segmenter has since learned a word its text contains (a new
 * unit name must become one token in old clauses too, as it is in questions).
 */
export interface GrowingVocabulary {
  /** How many words it has learned; grows, never shrinks. */
  readonly version: number;
  /** The words learned since that version, in order. */
  wordsSince(version: number): readonly string[];
}

interface Entry {
  fields: string[][];
  version: number;
}

export class PassageTokenCache {
  private entries = new Map<string, Entry>();
  private used = new Set<string>();

  constructor(private readonly vocabulary: GrowingVocabulary) {}

  /** The fields' tokens for a passage whose fields read `key`, cut by `cut` when not kept or stale. */
  tokens(key: string, cut: () => string[][]): string[][] {
    this.used.add(key);
    const entry = this.entries.get(key);
    if (entry && (entry.version === this.vocabulary.version || !this.vocabulary.wordsSince(entry.version).some((word) => key.includes(word)))) {
      entry.version = this.vocabulary.version;
      return entry.fields;
    }
    const fields = cut();
    this.entries.set(key, { fields, version: this.vocabulary.version });
    return fields;
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
