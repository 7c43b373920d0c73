import { pinyin } from 'pinyin-pro';

/**
 * Frame words as people type them with a pinyin input method: the wrong character of the right sound
 * (谁牵投 for 谁牵头, 负则 for 负责), and a filler between the asker and the verb (是谁在管, 由谁来负责).
 * A window of the question that differs from a cue in one character of the same sound is read as the cue,
 * unless the window is a word of its own (前头, 千头 are words; 牵投 is none). Question words are never the
 * character replaced: 那家 and 水管 are what people mean when they write them, not 哪家 and 谁管.
 */
export interface CueTypoRepair {
  repaired: string;
  /** The windows read as cues, as written → as read (牵投 → 牵头). */
  repairs: { written: string; read: string }[];
}

// Characters of question words, whose same-sound neighbours (那, 水, 己) are ordinary words.
const QUESTION_CHARACTERS = new Set([...'哪谁几多什啥何么咋怎']);
// 谁在管, 谁来负责: the filler between the asker and the verb does not change what is asked; nor does the
// aspect particle before a question word (印发给了哪些单位, 牵头了哪些).
const FILLER_AFTER_WHO = /谁(?:在|来|去)(?=\p{Script=Han})/gu;
const ASPECT_BEFORE_QUESTION_WORD = /了(?=哪|谁|什么|多少|几|啥)/gu;

export class CueTypoReader {
  private readonly byLength = new Map<number, string[]>();
  /** Each cue under each of its characters masked (牵头 under ·头 and 牵·): a window one character off finds it in one look-up. */
  private readonly masked = new Map<string, string[]>();
  private readonly readings = new Map<string, Set<string>>();
  /** Cues by their first character: only those whose first character the question holds can stand in it. */
  private readonly byFirst = new Map<string, string[]>();

  /**
   * @param cues the Chinese frame words (question-cues.json)
   * @param isWord whether a stretch is a word of its own in general language or the corpus
   */
  constructor(cues: Iterable<string>, private readonly isWord: (text: string) => boolean) {
    for (const cue of new Set(cues)) {
      const length = [...cue].length;
      if (length < 2 || !/^\p{Script=Han}+$/u.test(cue)) continue;
      this.byLength.set(length, [...(this.byLength.get(length) ?? []), cue]);
      const characters = [...cue];
      this.byFirst.set(characters[0]!, [...(this.byFirst.get(characters[0]!) ?? []), cue]);
      characters.forEach((_character, at) => {
        const key = maskedAt(characters, at);
        this.masked.set(key, [...(this.masked.get(key) ?? []), cue]);
      });
    }
  }

  repair(text: string): CueTypoRepair {
    const repairs: CueTypoRepair['repairs'] = [];
    let repaired = text.replace(FILLER_AFTER_WHO, '谁').replace(ASPECT_BEFORE_QUESTION_WORD, '');
    const characters = [...repaired];
    // Where a cue stands as written (什么时候), no window across it is another cue mistyped (什么时 for 什么事).
    const written = new Array<boolean>(characters.length).fill(false);
    for (const first of new Set(characters)) {
      for (const cue of this.byFirst.get(first) ?? []) {
        const length = [...cue].length;
        for (let at = repaired.indexOf(cue); at >= 0; at = repaired.indexOf(cue, at + 1)) {
          const start = [...repaired.slice(0, at)].length;
          written.fill(true, start, start + length);
        }
      }
    }
    for (const length of this.byLength.keys()) {
      for (let start = 0; start + length <= characters.length; start += 1) {
        if (written.slice(start, start + length).some(Boolean)) continue;
        const window = characters.slice(start, start + length);
        if (!window.every((character) => /\p{Script=Han}/u.test(character))) continue;
        const typed = window.join('');
        const candidates = window.flatMap((_character, at) => this.masked.get(maskedAt(window, at)) ?? []);
        const cue = candidates.find((candidate) => this.isSoundAlike(typed, candidate));
        if (!cue || this.isWord(typed)) continue;
        repairs.push({ written: typed, read: cue });
        characters.splice(start, length, ...cue);
      }
    }
    if (repairs.length > 0) repaired = characters.join('');
    return { repaired, repairs };
  }

  /** One character differs, not a question word's, and it sounds as the cue's does (tones aside). */
  private isSoundAlike(written: string, cue: string): boolean {
    const left = [...written];
    const right = [...cue];
    let differing = -1;
    for (let index = 0; index < left.length; index += 1) {
      if (left[index] === right[index]) continue;
      if (differing >= 0) return false;
      differing = index;
    }
    if (differing < 0 || QUESTION_CHARACTERS.has(right[differing]!)) return false;
    const ours = this.readingsOf(left[differing]!);
    return [...this.readingsOf(right[differing]!)].some((reading) => ours.has(reading));
  }

  private readingsOf(character: string): Set<string> {
    let found = this.readings.get(character);
    if (!found) {
      found = new Set(pinyin(character, { toneType: 'none', multiple: true, type: 'array' }));
      this.readings.set(character, found);
    }
    return found;
  }
}

function maskedAt(characters: string[], at: number): string {
  return characters.map((character, index) => (index === at ? '\u0000' : character)).join('');
}
