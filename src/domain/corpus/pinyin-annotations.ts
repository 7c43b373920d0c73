/**
 * Some republished pages carry ruby annotations flattened into the text: 關(guān)于, 會(huì )議.
 * An annotation is a parenthesised pinyin syllable directly after a Han character; real
 * parentheticals in policy text always contain Han characters or digits, so they never match.
 */
const PINYIN_LETTER = "[a-zü\u0101\u00e1\u01ce\u00e0\u0113\u00e9\u011b\u00e8\u012b\u00ed\u01d0\u00ec\u014d\u00f3\u01d2\u00f2\u016b\u00fa\u01d4\u00f9\u01d6\u01d8\u01da\u01dc\u0144\u0148\u01f9\u1e3f\u0300-\u036f]";
const ANNOTATION = new RegExp(`(?<=\\p{Script=Han})[(（]${PINYIN_LETTER}{1,7}\\s?[)）]`, 'gu');

export function stripPinyinAnnotations(text: string): { text: string; removed: number } {
  let removed = 0;
  const stripped = text.replace(ANNOTATION, () => {
    removed += 1;
    return '';
  });
  return { text: stripped, removed };
}

export function hasPinyinAnnotation(text: string): boolean {
  ANNOTATION.lastIndex = 0;
  const found = ANNOTATION.test(text);
  ANNOTATION.lastIndex = 0;
  return found;
}
