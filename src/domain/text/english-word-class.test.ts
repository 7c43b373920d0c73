import { describe, expect, it } from 'vitest';
import { englishBaseForms, englishSentenceWords, isEnglishAdjective, isEnglishFunctionWord } from './english-word-class.ts';

describe('isEnglishFunctionWord', () => {
  it('knows prepositions, conjunctions and determiners the stopword list lacks', () => {
    for (const word of ['across', 'within', 'throughout', 'via', 'toward', 'whether', 'both', 'those']) expect(isEnglishFunctionWord(word), word).toBe(true);
  });

  it('keeps nouns, verbs, adjectives and acronyms, which may be topics', () => {
    for (const word of ['dairy', 'lead', 'draft', 'final', 'BIM', 'quality', 'set']) expect(isEnglishFunctionWord(word), word).toBe(false);
  });

  it('tells adjectives only from words that are also nouns or verbs', () => {
    for (const word of ['electric', 'smart', 'special']) expect(isEnglishAdjective(word), word).toBe(true);
    for (const word of ['fund', 'chain', 'quality', 'across']) expect(isEnglishAdjective(word), word).toBe(false);
  });
});

describe('englishBaseForms', () => {
  it('gives the infinitive of an irregular verb and the singular of an irregular noun', () => {
    expect(englishBaseForms('built')).toContain('build');
    expect(englishBaseForms('sold')).toContain('sell');
    expect(englishBaseForms('children')).toContain('child');
    expect(englishBaseForms('quality')).toEqual([]);
  });
});

describe('englishSentenceWords', () => {
  it('takes the verbs of the sentence and the measure after "how", not its nouns', () => {
    const { asking } = englishSentenceWords('How far out does the vision go, and who spearheads it?');
    for (const word of ['far', 'go', 'spearheads']) expect(asking.has(word), word).toBe(true);
    expect(asking.has('vision')).toBe(false);
  });

  it('takes the words the sentence uses as nouns, in one tagging with the verbs', () => {
    const { nouns } = englishSentenceWords("What's the fine for testing agencies that issue false reports?");
    expect(nouns.has('fine')).toBe(true);
    expect(englishSentenceWords('fine chemicals quality').nouns.has('fine')).toBe(false);
  });

  it('tags a fragment set off by a dash or colon on its own, so that its first noun is no imperative verb', () => {
    const words = englishSentenceWords('pet food quality - do these documents have any requirement?');
    expect(words.asking.has('pet')).toBe(false);
    expect(words.nouns.has('pet')).toBe(true);
    expect(englishSentenceWords('shanwei: who leads pet food quality supervision').asking.has('leads')).toBe(true);
  });
});
