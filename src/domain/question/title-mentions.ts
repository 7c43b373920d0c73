import { normalizeText } from '../corpus/text-normalizer.ts';

/**
 * A document named by a stretch of its own title, unquoted, as staff name documents they know by
 * title (天津那份加强质量工作的意见, 国家那份进一步提高产品、工程和服务质量的行动方案): the longest stretch
 * the question shares with each title, when it is long and stands as a name, that is, holds or is
 * followed by the kind of document (方案, 意见). A document a title itself names (《广东省质量强省建设纲要》)
 * is another document and is not matched.
 */
const PUNCTUATION = /[\s、，,。.()（）〈〉「」『』“”"'\-—–]/u;
// The shortest stretch that names a document rather than a topic (加强质量工作的意见 is 9).
const MIN_SHARED = 8;
const KIND = /(?:行动方案|实施方案|实施意见|方案|意见|通知|纲要)/u;
const KIND_AFTER = new RegExp(`^[\\s的]{0,2}${KIND.source}`, 'u');

export interface TitleMention {
  documentIds: string[];
  /** The question with the title stretch (and the kind of document after it) taken out. */
  rest: string;
}

export class TitleMentions {
  private readonly keys: { id: string; key: string }[];

  constructor(documents: { id: string; title?: string | null }[]) {
    // 《…》 inside a title names the document it implements: a separator, never matched.
    this.keys = documents.map((document) => ({ id: document.id, key: [...normalizeText(document.title ?? '').toLowerCase().replace(/《[^》]*》/gu, '|')].filter((character) => !PUNCTUATION.test(character)).join('') }));
  }

  find(text: string): TitleMention {
    // The question without punctuation, each character with its place in the text.
    const positions: number[] = [];
    let key = '';
    for (let index = 0; index < text.length; index += 1) {
      if (PUNCTUATION.test(text[index]!)) continue;
      positions.push(index);
      key += text[index]!;
    }
    const found = this.keys.map(({ id, key: title }) => ({ id, ...longestShared(key, title) }));
    const longest = Math.max(0, ...found.map((each) => each.length));
    if (longest < MIN_SHARED) return { documentIds: [], rest: text };
    const named = found.filter((each) => each.length >= longest - 1 && each.length >= MIN_SHARED).filter((each) => {
      const stretch = key.slice(each.start, each.start + each.length);
      const after = text.slice(positions[each.start + each.length - 1]! + 1);
      return KIND.test(stretch) || KIND_AFTER.test(after);
    });
    if (named.length === 0) return { documentIds: [], rest: text };
    const start = Math.min(...named.map((each) => positions[each.start]!));
    let end = Math.max(...named.map((each) => positions[each.start + each.length - 1]! + 1));
    end += KIND_AFTER.exec(text.slice(end))?.[0].length ?? 0;
    return { documentIds: named.map((each) => each.id), rest: `${text.slice(0, start)} ${text.slice(end)}` };
  }
}

/** The longest common substring of two short strings: where it starts in the first, and its length. */
function longestShared(text: string, title: string): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let previous = new Uint16Array(title.length + 1);
  for (let row = 1; row <= text.length; row += 1) {
    const current = new Uint16Array(title.length + 1);
    for (let column = 1; column <= title.length; column += 1) {
      if (text[row - 1] !== title[column - 1] || title[column - 1] === '|') continue;
      current[column] = previous[column - 1]! + 1;
      if (current[column]! > best.length) best = { start: row - current[column]!, length: current[column]! };
    }
    previous = current;
  }
  return best;
}
