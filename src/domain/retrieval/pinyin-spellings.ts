import { pinyin } from 'pinyin-pro';

/**
 * The corpus's words by how English writes a Chinese name: toneless pinyin, syllables joined (海河 →
 * haihe, 鲁班 → luban, 小站 → xiaozhan). An English question names a programme, a prize or a local product
 * by its pinyin (the Haihe craftsmen, the Luban Award), which no dictionary translates. Built on first use:
 * an English question with a word no dictionary knows is the only one that needs it.
 */
export class PinyinSpellings {
  private bySpelling?: Map<string, string[]>;

  /** @param words the corpus's words (any; only those of two to four Han characters are spelt) */
  constructor(private readonly words: () => Iterable<string>) {}

  /** The corpus words spelt so, in the order given; empty when none is. */
  wordsSpelled(latin: string): readonly string[] {
    return this.table().get(latin.toLowerCase()) ?? [];
  }

  private table(): Map<string, string[]> {
    if (this.bySpelling) return this.bySpelling;
    const table = new Map<string, string[]>();
    for (const word of this.words()) {
      if (!/^\p{Script=Han}{2,4}$/u.test(word)) continue;
      const spelling = pinyin(word, { toneType: 'none', type: 'array' }).join('').replaceAll('ü', 'u').toLowerCase();
      if (!/^[a-z]+$/u.test(spelling)) continue;
      const same = table.get(spelling);
      if (same) same.push(word);
      else table.set(spelling, [word]);
    }
    this.bySpelling = table;
    return table;
  }
}
