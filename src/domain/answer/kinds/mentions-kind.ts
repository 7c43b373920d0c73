import { POLICY } from '../../answer-policy.ts';
import { clauseHeadline, documentReferenceEn, documentReferenceZh } from '../clause-reference.ts';
import { writesPhrases } from '../../retrieval/phrase-match.ts';
import { isEnglish, topicQuote, type AnswerKind } from './kind-support.ts';

/**
 * Which documents speak of something (哪几份文件提到首席质量官? which documents mention cold chain?):
 * each document's clause that writes the question's phrases (中国品牌日, IPv6), or, when the question
 * writes none the corpus does, its best clause holding nearly all of the topic; every
 * mentioning document cited with the sentence, the others named as not mentioning it.
 */
export const mentionsKind: AnswerKind = {
  name: 'mentions',
  recordBased: true,
  applies: (frame) => frame.documentsAsked,
  evidence(context) {
    // Literally when the question writes phrases the corpus writes; else by how much of the topic the clause holds.
    const phrases = context.frame.topic.phrases;
    const words = context.frame.topic.words.map((word) => word.word);
    // Several names of one thing (直播带货 直播电商这种新业态): a clause writing one of the variants (names that open
    // alike), or one of the names while holding most of the topic, mentions it.
    const variant = (phrase: string) => phrases.some((other) => other !== phrase && [...phrase].length >= 3 && other.slice(0, 2) === phrase.slice(0, 2));
    const writesOne = (clause: (typeof context.clauses)[number]) =>
      phrases.length > 1 && phrases.some((phrase) => (variant(phrase) || clause.hit.coverage >= POLICY.mentionCoverage) && writesPhrases(clause.hit.clause, [phrase], words));
    const mentioning = context.clauses.filter((clause) => (phrases.length > 0 ? writesPhrases(clause.hit.clause, phrases, words) || writesOne(clause) : clause.hit.coverage >= POLICY.mentionCoverage));
    if (mentioning.length === 0) return { missing: 'document', ...(context.clauses[0] ? { nearest: context.clauses[0] } : {}), rule: 'mentions: no document holds the topic' };
    return { found: mentioning.map((clause) => ({ clause, quote: topicQuote(clause, context.groups) })), rule: `mentions: documents whose best clause holds at least ${POLICY.mentionCoverage} of the topic` };
  },
  compose(context, evidence, text) {
    const english = isEnglish(context);
    const phrases = context.frame.topic.phrases;
    // A phrase as the asker wrote it (IPv6, not ipv6) where the question holds it so.
    const asWritten = (phrase: string) => {
      const at = context.frame.original.toLowerCase().indexOf(phrase);
      return at < 0 ? phrase : context.frame.original.slice(at, at + phrase.length);
    };
    const topic = phrases.length > 0 ? joinedOverlaps(phrases.map(asWritten)).join(english ? ', ' : '、') : context.frame.topic.words.filter((word) => word.seen || word.specific).map((word) => word.written ?? word.word).join(english ? ' ' : '');
    const named = text.corpus(topic);
    text.line(english ? `${evidence.length} ${evidence.length === 1 ? 'document mentions' : 'documents mention'} “${named}”:` : `提到“${named}”的文件有${evidence.length}份：`);
    const quotes: Record<number, string> = {};
    for (const each of evidence) {
      text.line(`- ${clauseHeadline(each.clause, text, true)}${english ? ':' : '：'}“${text.corpus(each.quote)}”`);
      quotes[each.clause.n] = each.quote;
    }
    const cited = new Set(evidence.map((each) => each.clause.hit.document.id));
    const others = context.searchedDocuments.filter((document) => !cited.has(document.id));
    if (others.length > 0) {
      const names = others.map((document) => text.corpus(english ? documentReferenceEn(document) : documentReferenceZh(document)));
      text.line(english ? `Not mentioned in ${names.join('; ')}.` : `${names.join('、')}没有提到。`);
    }
    return { quotes };
  },
  missingText: { zh: '没有文件提到这一点。', en: 'No document mentions this.' },
};

/** Phrases that overlap as the question wrote them (住宅工程质量潜在 · 潜在缺陷保险) named as the one stretch they make. */
function joinedOverlaps(phrases: string[]): string[] {
  const joined: string[] = [];
  for (const phrase of phrases) {
    const last = joined.at(-1);
    const overlap = last === undefined ? 0 : longestOverlap(last, phrase);
    if (last !== undefined && overlap > 0) joined[joined.length - 1] = last + phrase.slice(overlap);
    else joined.push(phrase);
  }
  return joined;
}

function longestOverlap(left: string, right: string): number {
  for (let length = Math.min(left.length, right.length) - 1; length > 0; length -= 1) if (left.endsWith(right.slice(0, length))) return length;
  return 0;
}
