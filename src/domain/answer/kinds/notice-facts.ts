import { normalizeText } from '../../corpus/text-normalizer.ts';
import type { DocumentFactView } from '../../ports/clause-store.ts';
import type { DocumentAsk } from '../../question/question-frame.ts';
import type { AnswerText } from '../answer-text.ts';
import { verdictLine } from './kind-support.ts';

/**
 * The facts a notice states about itself, read at ingest with their evidence lines
 * (corpus/metadata-extractor.ts): to whom it is addressed (主送), what it implements (依据/落实《…》),
 * who approved it (经国务院同意), and a draft's contact for comments. Each answer line cites the
 * passage that states the value when retrieval returned it.
 */
export interface NoticeWording {
  /** Opening of a line about the document: 津质量发〔2023〕3号 / The Tianjin 2023 plan. */
  reference: string;
  referenceStart: string;
  english: boolean;
  text: AnswerText;
  /** The citation marker of the passage stating a value, or ''. */
  cite: (value: string) => string;
  /** The document's passages retrieval returned (normalised), where a fact's sentence is read again. */
  passages?: readonly string[];
  /** The question asks yes or no (was it approved by the State Council?): the line opens with the verdict. */
  yesNo?: boolean;
}

export function noticeLines(slots: readonly string[], facts: DocumentFactView[], wording: NoticeWording, contactAsked: ContactAsked): void {
  const { reference, referenceStart, english, text, cite, passages = [] } = wording;
  const values = (field: string) => [...new Set(facts.filter((fact) => fact.field === field).map((fact) => fact.value))];
  if (slots.includes('addressees')) {
    const addressees = values('addressees');
    text.line(
      addressees.length === 0
        ? english ? `${referenceStart} names no addressees.` : `${reference}没有列出主送单位。`
        : english
          ? `${referenceStart} is addressed to ${addressees.map((value) => `${text.corpus(value)}${cite(value)}`).join('; ')}.`
          : `${reference}的主送单位是${addressees.map((value) => `${text.corpus(value)}${cite(value)}`).join('；')}。`,
    );
  }
  if (slots.includes('basis')) {
    const basis = values('basis');
    // Who issued it, where the evidence line says (按照市场监管总局等十八部门印发的《…》).
    const issued = (value: string) => {
      const by = issuerBefore(value, passages);
      return by ? (english ? ` (issued by ${text.corpus(by)})` : `（${text.corpus(by)}印发）`) : '';
    };
    text.line(
      basis.length === 0
        ? english ? `${referenceStart} names no document it implements.` : `${reference}没有写明依据或落实的文件。`
        : english
          ? `${referenceStart} implements ${basis.map((value) => `${text.corpus(value)}${issued(value)}${cite(value.replace(/^《|》.*$/gu, ''))}`).join(' and ')}.`
          : `${reference}依据和落实的文件是${basis.map((value) => `${text.corpus(value)}${issued(value)}${cite(value.replace(/^《|》.*$/gu, ''))}`).join('、')}。`,
    );
  }
  if (slots.includes('approval')) {
    const approval = values('approval');
    // Was it approved by the State Council? The verdict first.
    if (wording.yesNo) text.line(verdictLine(approval.length > 0, english, ['是。', '否。']));
    text.line(
      approval.length === 0
        ? english ? `${referenceStart} states no approval.` : `${reference}没有写明经谁同意。`
        : english
          ? `${referenceStart} was issued with the approval of ${text.corpus(approval.join('、'))} (“${text.corpus(`经${approval[0]}同意`)}”)${cite(`经${approval[0]}同意`)}.`
          : `${reference}经${text.corpus(approval.join('、'))}同意${cite(`经${approval[0]}同意`)}后印发。`,
    );
  }
  if (slots.includes('contact')) {
    const phone = values('contactPhone');
    const email = values('contactEmail');
    const address = values('contactAddress');
    const fax = values('contactFax');
    const deadline = values('commentDeadline').map(chineseDate)[0];
    const parts: string[] = [];
    // The channels asked, or all where none is (or where the notice gives none of those asked: 能传真吗? No, and these it gives).
    const givesAsked = CONTACT_CHANNELS.some(({ kind, field }) => contactAsked[kind] && values(field).length > 0);
    const wanted = (kind: keyof ContactAsked) => (givesAsked ? contactAsked[kind] : true);
    if (wanted('phone') && phone.length > 0) parts.push(english ? `phone ${text.corpus(phone.join(', '))}` : `联系电话${text.corpus(phone.join('、'))}`);
    if (wanted('email') && email.length > 0) parts.push(english ? `e-mail ${text.corpus(email.join(', '))}` : `电子邮箱${text.corpus(email.join('、'))}`);
    if (wanted('fax') && fax.length > 0) parts.push(english ? `fax ${text.corpus(fax.join(', '))}` : `传真${text.corpus(fax.join('、'))}`);
    if (wanted('address') && address.length > 0) parts.push(english ? `postal address ${text.corpus(address.join('; '))}` : `地址${text.corpus(address.join('；'))}`);
    if (parts.length === 0) {
      text.line(english ? `${referenceStart} gives no contact for comments.` : `${reference}没有写明反馈意见的联系方式。`);
      return;
    }
    // How comments are sent is said in the notice's own sentence (有关意见请于…前以邮寄、电子邮件等方式书面反馈我局): quoted and cited.
    const sentence = passages.flatMap((passage) => passage.match(/[^。；!?！？]*(?:反馈|报送|提出)[^。；!?！？]*[。；]?/gu) ?? []).find((each) => /意见|建议/u.test(each) && /方式|形式|邮寄|邮件|传真/u.test(each));
    const how = sentence ? cite(sentence.slice(0, 12)) || cite('反馈') : cite('反馈');
    const channels = sentence ? CONTACT_CHANNELS.filter(({ pattern }) => pattern.test(sentence)) : [];
    // E-mail all right? The verdict on the channel asked, from the notice's sentence and the contacts it gives.
    const askedChannels = CONTACT_CHANNELS.filter(({ kind }) => contactAsked[kind]);
    if (wording.yesNo && askedChannels.length > 0) {
      const offered = askedChannels.every(({ kind, field }) => channels.some((channel) => channel.kind === kind) || values(field).length > 0);
      text.line(verdictLine(offered, english, ['可以。', '不可以。']));
    }
    const shown = sentence?.replace(/[。；]$/u, '');
    const quoted = shown ? (english ? ` (“${text.corpus(shown)}”)` : `：“${text.corpus(shown)}”`) : '';
    const by = channels.length > 0 ? ` by ${channels.map(({ english: name }) => name).join(' or ')}` : '';
    text.line(
      english
        ? `Comments on ${reference} go in writing${by}${deadline ? ` until ${text.corpus(deadline)}` : ''}${how}${quoted}: ${parts.join('; ')}.`
        : `${reference}的意见${deadline ? `截止${text.corpus(deadline)}` : ''}${how}${quoted}；${parts.join('；')}。`,
    );
  }
}

// The ways a notice invites comments, by the words it uses and the contact line that gives each, with what staff ask them as.
export const CONTACT_CHANNELS: { kind: keyof ContactAsked; field: string; pattern: RegExp; english: string }[] = [
  { kind: 'address', field: 'contactAddress', pattern: /邮寄|信函|寄送/u, english: 'post' },
  { kind: 'email', field: 'contactEmail', pattern: /电子邮件|电子邮箱|邮箱/u, english: 'e-mail' },
  { kind: 'phone', field: 'contactPhone', pattern: /电话/u, english: 'phone' },
  { kind: 'fax', field: 'contactFax', pattern: /传真/u, english: 'fax' },
];

type ContactAsked = DocumentAsk['channels'];


/** 2023-10-26 → 2023年10月26日, as notices and signature blocks write dates. */
export function chineseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/** The bodies a passage says issued a document, written just before its title (市场监管总局等十八部门印发的《…》). */
function issuerBefore(value: string, passages: readonly string[]): string | undefined {
  const title = normalizeText(value).match(/^《[^》]+》/u)?.[0];
  if (!title) return undefined;
  for (const passage of passages) {
    const at = passage.indexOf(title);
    if (at < 0) continue;
    const by = /([\p{Script=Han}、]{2,30}?)(?:联合)?(?:印发|发布|制定)的\s*$/u.exec(passage.slice(Math.max(0, at - 40), at))?.[1];
    if (by) return by.replace(/^(?:按照|根据|依据|落实|贯彻)/u, '');
  }
  return undefined;
}
