/** How ECDICT's rows are read: which entries are common enough to keep, and the Chinese renderings of one. */
export interface EcdictRow {
  word: string;
  translation: string;
  frq: string;
  bnc: string;
  collins: string;
  oxford: string;
  tag: string;
}

// Words ranked in the first 50,000 of either frequency list, or marked by a learner's dictionary or exam list.
const RANK = 50_000;
const RENDERINGS = 6;

export function isCommonEntry(row: EcdictRow): boolean {
  const ranked = (value: string) => Number(value) > 0 && Number(value) <= RANK;
  return ranked(row.frq) || ranked(row.bnc) || row.collins.trim() !== '' || row.oxford.trim() !== '' || row.tag.trim() !== '';
}

/**
 * "n. 车站, 站, 局\nvt. 安置\n[计] 站" → 车站, 安置: each line without its part of speech and field
 * label, split at commas and semicolons, bracketed notes dropped, adjectival 的 cut (海面的 → 海面);
 * renderings of two to six Han characters only (a single character says too little on its own).
 * The web-sourced "[网络]" line is left out.
 */
export function renderingsOf(translation: string): string[] {
  const renderings: string[] = [];
  for (const raw of translation.split(/\\n|\n/u)) {
    let line = raw.trim();
    if (line.startsWith('[网络]')) continue;
    line = line.replace(/^[a-z]+\.\s*/u, '').replace(/^\[[^\]]*\]\s*/u, '').replace(/[（(][^）)]*[）)]/gu, '');
    for (const part of line.split(/[,;，；、]/u)) {
      const rendering = part.trim().replace(/的$/u, '');
      if (/^\p{Script=Han}{2,6}$/u.test(rendering) && !renderings.includes(rendering)) renderings.push(rendering);
    }
  }
  return renderings.slice(0, RENDERINGS);
}
