import { findResponsibilityAnnotation } from '../corpus/responsibility-parser.ts';
import { normalizeText } from '../corpus/text-normalizer.ts';

/** The texts of a passage as the lexical path indexes and scans them (lexical-retriever.ts). */

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Text as words are looked for in it: normalised, lower case, and with the bracketed alternatives of
 * official drafting opened up (制(修)订 reads as 制修订 too, the way it is meant: 制订 and 修订).
 */
export function forMatching(text: string): string {
  return withAlternatives(normalizeText(text).toLowerCase());
}

export function withAlternatives(normalized: string): string {
  const opened = normalized.replace(/(?<=\p{Script=Han})\((\p{Script=Han}{1,2})\)(?=\p{Script=Han})/gu, '$1');
  return opened === normalized ? normalized : `${normalized}\n${opened}`;
}

/** The responsibility annotation is indexed as the units field; in the body it would only add noise. */
export function withoutResponsibility(normalizedText: string): string {
  const annotation = findResponsibilityAnnotation(normalizedText);
  return annotation ? normalizedText.slice(0, annotation.start) : normalizedText;
}
