/**
 * Index terms by number, append-only. The lexical index, the token cache and the corpus vocabulary
 * all speak in these numbers, so a term's text is held once, and a table kept across library
 * changes (with the token cache) lets an unchanged passage be added again without being cut again.
 * A term of a removed document keeps its number: numbers are never reused, so an index built
 * before a change still reads its own numbers right while the next one is being built.
 */
export class TermTable {
  private readonly ids = new Map<string, number>();
  private readonly texts: string[] = [];

  get size(): number {
    return this.texts.length;
  }

  /** The term's number, given one when new. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(term, id);
      this.texts.push(term);
    }
    return id;
  }

  /** The term's number, or undefined when no passage ever had it. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  text(id: number): string {
    return this.texts[id]!;
  }
}
