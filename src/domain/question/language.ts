import { detectScript } from '../corpus/text-normalizer.ts';
import type { QuestionLanguage } from './question-frame.ts';

// 津质量发〔2023〕3号 is written in Chinese in English questions too, so it does not count as Chinese text.
const DOCUMENT_NUMBER = /\p{Script=Han}{2,8}\s*[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*\d{1,4}\s*号/gu;
// Chinese names quoted in an English question (“粤字号”, 信易贷) are names, not the question's language.
const QUOTED = /[“"「『(（][^”"」』)）]{1,12}[”"」』)）]/gu;
// A Chinese question asks in Chinese: a run holding a question word or particle is the question, not a name in it.
const CHINESE_ASKING = /[谁哪吗嗎呢么麼几幾]|什么|什麼|多少|是否|有没有|有沒有|怎样|怎樣/u;

/**
 * English when Latin words outnumber Han characters outside document numbers and quoted names, or
 * when the Han text is a few names set into an English sentence (is 税务总局 in it too? which clauses
 * does 市住房城乡建设局 lead): at least two English words per run of Han characters, and no run that asks.
 */
export function detectLanguage(question: string): QuestionLanguage {
  const withoutNames = question.replace(DOCUMENT_NUMBER, ' ');
  const latinWords = withoutNames.match(/[A-Za-z]{2,}/gu)?.length ?? 0;
  const unquoted = withoutNames.replace(QUOTED, ' ');
  const han = unquoted.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (latinWords > 0 && (han === 0 || latinWords > han)) return 'en';
  const runs = unquoted.match(/\p{Script=Han}+/gu) ?? [];
  if (latinWords >= 3 && latinWords >= 2 * runs.length && !runs.some((run) => CHINESE_ASKING.test(run))) return 'en';
  return detectScript(question) === 'traditional' ? 'zh-Hant' : 'zh-Hans';
}
