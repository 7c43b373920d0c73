import { describe, expect, it } from 'vitest';
import { isEnglishFunctionWord } from './english-word-class.ts';

describe('isEnglishFunctionWord', () => {
  it('knows prepositions, conjunctions and determiners the stopword list lacks', () => {
    for (const word of ['across', 'within', 'throughout', 'via', 'toward', 'whether', 'both', 'those']) expect(isEnglishFunctionWord(word), word).toBe(true);
  });

  it('keeps nouns, verbs, adjectives and acronyms, which may be topics', () => {
    for (const word of ['dairy', 'lead', 'draft', 'final', 'BIM', 'quality', 'set']) expect(isEnglishFunctionWord(word), word).toBe(false);
  });
});
