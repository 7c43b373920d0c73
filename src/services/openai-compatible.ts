import { citationLabel } from './citation-label.ts';
import type { CitationView } from './citation-views.ts';
import type { ChatReply } from './chat-service.ts';

/**
 * The assistant as an OpenAI chat model, for clients that already speak that protocol (Open WebUI,
 * LobeChat, Cherry Studio, Dify): one model for the whole library and one per document, the answer
 * text with a sources list any Markdown client renders, and the structured citations beside it.
 */
export const LIBRARY_MODEL = 'policy-qa';

export interface ModelEntry {
  id: string;
  object: 'model';
  created: number;
  owned_by: 'policy-qa';
  /** Ours: what the model answers from. */
  description: string;
}

export function modelList(documents: { id: string; titleSimplified: string; docNumber: string | null }[], created: number): ModelEntry[] {
  return [
    { id: LIBRARY_MODEL, object: 'model', created, owned_by: 'policy-qa', description: 'All documents of the library' },
    ...documents.map((document) => ({ id: `${LIBRARY_MODEL}:${document.id}`, object: 'model' as const, created, owned_by: 'policy-qa' as const, description: `${document.docNumber ?? document.titleSimplified} only` })),
  ];
}

/** The documents a model id scopes to: undefined for the library, null for an unknown model. */
export function documentsOfModel(model: string, known: ReadonlySet<string>): string[] | undefined | null {
  if (model === LIBRARY_MODEL) return undefined;
  const prefix = `${LIBRARY_MODEL}:`;
  if (!model.startsWith(prefix)) return null;
  const id = model.slice(prefix.length);
  return known.has(id) ? [id] : null;
}

/** The text of an OpenAI message: a string, or the text parts of a content array (images are not read). */
export function messageText(content: string | { type: string; text?: string }[] | null | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? []).filter((part) => part.type === 'text' && typeof part.text === 'string').map((part) => part.text).join('\n');
}

/** 来源 / Sources: 文号, clause and heading per cited clause, as a Markdown list. */
export function sourcesMarkdown(citations: CitationView[]): string {
  if (citations.length === 0) return '';
  const lines = citations.map((citation) => `${citation.n}. ${citationLabel({ ...citation, docTitle: citation.docTitleSimplified, heading: citation.headingSimplified ?? citation.heading }, 'short')}`);
  return `\n\n**来源 / Sources**\n${lines.join('\n')}`;
}

export interface CompletionExtras {
  /** The same objects as /api/chat's citations. */
  citations: CitationView[];
  policy_qa: { conversationId: string; messageId: string; notFound: boolean; notFoundReason: ChatReply['notFoundReason']; answerKind: string; backend: string; warnings: string[] };
}

export function completionExtras(reply: ChatReply): CompletionExtras {
  return {
    citations: reply.citations,
    policy_qa: {
      conversationId: reply.conversationId, messageId: reply.messageId, notFound: reply.notFound, notFoundReason: reply.notFoundReason,
      answerKind: reply.answerKind, backend: reply.backend, warnings: reply.warnings,
    },
  };
}

/** A rough token count for `usage` (clients show it; nothing is billed): one per CJK character, one per four other characters. */
export function roughTokens(text: string): number {
  const cjk = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}
