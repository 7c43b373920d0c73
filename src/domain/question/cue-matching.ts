/**
 * How cue phrases are found in a normalised, lower-cased question: Chinese cues anywhere, English
 * cues (Latin letters, digits, spaces) only as whole words, so that "lead" is not found in "leader".
 */
export function escapePattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

export function isLatin(cue: string): boolean {
  return /^[a-z0-9 .'’-]+$/u.test(cue);
}

const patterns = new Map<string, RegExp>();

export function cuePattern(cue: string): RegExp {
  let pattern = patterns.get(cue);
  if (!pattern) {
    const escaped = escapePattern(cue);
    // An English cue's words may stand apart where a place or a document's name was taken out between them
    // (which Tianjin departments → which  departments).
    pattern = isLatin(cue) ? new RegExp(`(?<![a-z0-9-])${escaped.replace(/ /gu, '\\s+')}(?![a-z0-9-])`, 'gu') : new RegExp(escaped, 'gu');
    patterns.set(cue, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

export function matchesCue(text: string, cue: string): boolean {
  const pattern = cuePattern(cue);
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}
