import { detectScript } from '../corpus/text-normalizer.ts';
import type { QuestionLanguage } from './question-frame.ts';

// 津质量发〔2023〕3号 is written in Chinese in English questions too, so it does not count as Chinese text.
const DOCUMENT_NUMBER = /\p{Script=Han}{2,8}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号/gu;
// Chinese names quoted in an English question (“粤字号”, 信易贷) are names, not the question's language.
const QUOTED = /[“"「『(（][^”"」』)）]{1,12}[”"」』)）]/gu;

/** English when Latin words outnumber Han characters outside document numbers and quoted names. */
export function detectLanguage(question: string): QuestionLanguage {
  const withoutNames = question.replace(DOCUMENT_NUMBER, ' ');
  const latinWords = withoutNames.match(/[A-Za-z]{2,}/gu)?.length ?? 0;
  const han = withoutNames.replace(QUOTED, ' ').match(/\p{Script=Han}/gu)?.length ?? 0;
  if (latinWords > 0 && (han === 0 || latinWords > han)) return 'en';
  return detectScript(question) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}
