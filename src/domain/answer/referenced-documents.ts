import { normalizeText } from '../corpus/text-normalizer.ts';
import type { DocumentFactView, DocumentSummary } from '../ports/clause-store.ts';
import type { QuestionFrame } from '../question/question-frame.ts';

/**
 * A document the library's documents implement but the library does not hold (《广东省质量强省建设纲要》,
 * which Shanwei's draft implements): a question that asks what that document itself says
 * (广东省质量强省建设纲要要求…达到多少?) is not answered from the document that implements it.
 */
export interface ReferencedDocument {
  title: string;
  /** The library document that names it as what it implements. */
  implementedBy: DocumentSummary;
}

// The document asked about as the one that says something: its title, then what it requires or holds.
const SAYS_AFTER_TITLE = /^(?:要求|提出|规定|明确|里|中|对|关于|的目标|的要求|怎么说|说了)/u;

// A document's own record: its number, issuer, date.
const RECORD_SLOTS = new Set(['docNumber', 'issuer', 'issue-date', 'status', 'approval']);
// What a library document implements, where its comments go, to whom it is addressed: asked of the library document,
// they name a referenced document as the answer (落实的是《质量强国建设纲要》), not as the thing asked about.
const LIBRARY_DOCUMENT_SLOTS = new Set(['basis', 'contact', 'addressees']);

export function referencedDocumentAsked(frame: QuestionFrame, documents: readonly DocumentSummary[], facts: Record<string, DocumentFactView[]>): ReferencedDocument | undefined {
  if (LIBRARY_DOCUMENT_SLOTS.has(frame.slot)) return undefined;
  const recordAsked = RECORD_SLOTS.has(frame.slot);
  const question = normalizeText(frame.original).toLowerCase().replace(/[《》〈〉「」“”"'\s]/gu, '');
  // A library title is taken whole: 关于深入贯彻落实《广东省质量强省建设纲要》的实施意见 is not the outline it names.
  const held = documents.map((document) => bare(normalizeText(document.title ?? '').toLowerCase()));
  for (const document of documents) {
    for (const fact of facts[document.id] ?? []) {
      if (fact.field !== 'basis') continue;
      const core = titleCore(fact.value);
      if (core.length < 6 || held.includes(core)) continue;
      const at = question.indexOf(core);
      // Its own record (《质量强国建设纲要》是哪天印发的?) is asked of it wherever the title stands, when no library document is
      // named: a place inside the title (广东省 of 广东省质量强省建设纲要) names the outline, not the library's document of it.
      const namedOutside = frame.scope.named && frame.scope.cues.some((cue) => !core.includes(normalizeText(cue).toLowerCase()));
      const ownRecord = recordAsked && !namedOutside;
      if (at >= 0 && (ownRecord || SAYS_AFTER_TITLE.test(question.slice(at + core.length)))) return { title: `《${core}》`, implementedBy: document };
    }
  }
  return undefined;
}

/** 《国务院关于印发质量发展纲要(2011-2020年)的通知》(国发〔2012〕9号) → 质量发展纲要: the document's own name. */
function titleCore(title: string): string {
  const inner = normalizeText(title).toLowerCase().match(/《([^》]+)》/u)?.[1] ?? normalizeText(title).toLowerCase();
  return bare(inner.replace(/^.*?关于印发/u, '').replace(/的通知$/u, ''));
}

function bare(title: string): string {
  return title.replace(/[(（][^)）]*[)）]/gu, '').replace(/[《》〈〉<>\s]/gu, '');
}
