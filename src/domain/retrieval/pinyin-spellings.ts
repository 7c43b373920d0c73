import { pinyin } from 'pinyin-pro';

/**
 * The corpus's words by how English writes a Chinese name: toneless pinyin, syllables joined (海河 →
 * haihe, 鲁班 → luban, 小站 → xiaozhan). An English question names a programme, a prize or a local product
 * by its pinyin (the Haihe craftsmen, the Luban Award), which no dictionary translates. Built with the
 * index it belongs to (about a tenth of a second on the seeds), so that no question waits for it.
 */
export class PinyinSpellings {
  private readonly bySpelling = new Map<string, string[]>();

  /** @param words the corpus's words (any; only those of two to four Han characters are spelt) */
  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!/^\p{Script=Han}{2,4}$/u.test(word)) continue;
      const spelling = pinyin(word, { toneType: 'none', type: 'array' }).join('').replaceAll('ü', 'u').toLowerCase();
      if (!/^[a-z]+$/u.test(spelling)) continue;
      const same = this.bySpelling.get(spelling);
      if (same) same.push(word);
      else this.bySpelling.set(spelling, [word]);
    }
  }

  /** The corpus words spelt so, in the order given; empty when none is. */
  wordsSpelled(latin: string): readonly string[] {
    return this.bySpelling.get(latin.toLowerCase()) ?? [];
  }
}
