// @ts-check
import { answerNodes, citationTitle, clauseLabel, plainAnswer } from './answer-view.js';
import { element, icon, replaceChildren } from './dom.js';

/**
 * One exchange: the question, then the answer as it streams in, its sources, and the actions on
 * it (copy, thumbs up/down with a comment). A "not covered" answer gets its own look and offers the
 * related clauses instead of sources.
 *
 * @typedef {import('./chat-client.js').Citation} Citation
 * @typedef {import('./chat-client.js').ChatReply} ChatReply
 * @typedef {import('./chat-client.js').ChatClient} ChatClient
 * @typedef {import('./i18n.js').UiText} UiText
 * @typedef {import('./source-panel.js').SourcePanel} SourcePanel
 */

/** @param {string} question @param {UiText} t */
export function questionView(question, t) {
  return element('div', { class: 'pqa-turn pqa-question' }, [element('span', { class: 'pqa-visually-hidden' }, [`${t.you}: `]), element('p', { class: 'pqa-bubble' }, [question])]);
}

/**
 * @param {{ t: UiText, client: ChatClient, sources: SourcePanel, onSuggest?: (question: string) => void,
 *   onAskEverywhere?: (question: string) => void, onRate?: (messageId: string, rating: 'up' | 'down') => void }} context
 */
export function answerView({ t, client, sources, onSuggest, onAskEverywhere, onRate }) {
  // A div: a comparison's table cannot sit inside a paragraph.
  const text = element('div', { class: 'pqa-answer-text' }, [element('span', { class: 'pqa-thinking' }, [t.thinking])]);
  const badge = element('p', { class: 'pqa-not-covered-badge', hidden: true }, [t.notCovered]);
  const extras = element('div', { class: 'pqa-answer-extras' });
  const container = element('article', { class: 'pqa-turn pqa-answer', 'aria-busy': 'true' }, [
    element('span', { class: 'pqa-visually-hidden' }, [`${t.assistant}: `]),
    badge,
    text,
    extras,
  ]);
  let streamed = '';

  /** @param {Citation[]} citations @returns {(citation: Citation, chip: HTMLElement) => void} */
  const opener = (citations) => (citation, chip) => sources.open(citations, citation, chip);

  return {
    element: container,
    /** Retrieval is done; the answer is being worded. @param {{ clauses: number }} step */
    retrieved(step) {
      const thinking = text.querySelector('.pqa-thinking');
      if (thinking) thinking.textContent = t.composing(step.clauses);
    },
    /** @param {string} delta */
    appendText(delta) {
      streamed += delta;
      replaceChildren(text, answerNodes(streamed, null, () => {}, t.citationLabel));
    },
    /** @param {ChatReply} reply @param {'up' | 'down'} [rating] the thumb given before (a reload keeps it) */
    finish(reply, rating) {
      container.setAttribute('aria-busy', 'false');
      container.dataset.messageId = reply.messageId;
      const citations = new Map(reply.citations.map((citation) => [citation.n, citation]));
      replaceChildren(text, answerNodes(reply.answer, citations, opener(reply.citations), t.citationLabel));
      if (reply.notFound) {
        container.classList.add('pqa-not-covered');
        badge.hidden = false;
      }
      const listed = reply.notFound ? reply.related : reply.citations;
      const conflict = reply.scopeConflict?.documents ?? [];
      replaceChildren(extras, [
        conflict.length > 0 && element('div', { class: 'pqa-scope-warning', role: 'note' }, [
          t.scopeConflict(conflict.map((document) => document.docNumber ?? document.title).join('、')),
          onAskEverywhere && container.dataset.question && element('button', { type: 'button', class: 'pqa-button pqa-ask-everywhere', onclick: () => onAskEverywhere(container.dataset.question ?? '') }, [t.askEverywhere]),
        ]),
        listed.length > 0 && element('h2', { class: 'pqa-list-heading' }, [reply.notFound ? t.relatedHeading : t.sourcesHeading]),
        listed.length > 0 && sourceList(listed, opener(listed)),
        actions(reply, t, client, text, rating, onRate),
        onSuggest && (reply.suggestions ?? []).length > 0 && suggestionList(reply.suggestions ?? [], t, onSuggest),
        // On paper the cited clauses are printed under the answer (the source panel is not).
        reply.citations.length > 0 && element('div', { class: 'pqa-print-sources' }, reply.citations.map((citation) => element('div', { class: 'pqa-print-source' }, [
          element('p', { class: 'pqa-print-source-title' }, [`[${citation.n}] ${citationTitle(citation)}`]),
          element('p', { class: 'pqa-print-source-text' }, [citation.textSimplified ?? citation.text]),
        ]))),
      ]);
    },
    /** @param {string} message @param {(() => void) | undefined} retry */
    fail(message, retry) {
      container.setAttribute('aria-busy', 'false');
      container.classList.add('pqa-failed');
      replaceChildren(text, [message]);
      replaceChildren(extras, [retry && element('button', { type: 'button', class: 'pqa-button', onclick: () => retry() }, [t.retry])]);
    },
  };
}

/**
 * The answer as staff paste it into a report: the text, then each source with its document title,
 * 文号, clause and the quoted sentence.
 * @param {ChatReply} reply @param {UiText} t
 */
export function answerWithSources(reply, t) {
  const sources = reply.citations.map((citation) => {
    const title = citation.docTitleSimplified ?? citation.docTitle;
    // A title quoting another title nests it as Chinese does: 《关于落实〈纲要〉的意见》.
    const place = [`《${title.replace(/《/gu, '〈').replace(/》/gu, '〉')}》`, citation.docNumber, clauseLabel(citation), citation.headingSimplified ?? citation.heading].filter(Boolean).join(' ');
    const quote = citation.quoteSimplified ?? citation.quote;
    return `[${citation.n}] ${place}${quote ? `\n    “${quote}”` : ''}`;
  });
  const answer = plainAnswer(reply.answer);
  return sources.length > 0 ? `${answer}\n\n${t.sourcesHeading}：\n${sources.join('\n')}` : answer;
}

/** Questions to ask next, each one the library answers. @param {string[]} questions @param {UiText} t @param {(question: string) => void} onSuggest */
function suggestionList(questions, t, onSuggest) {
  return element('div', { class: 'pqa-suggestions' }, [
    element('h2', { class: 'pqa-list-heading' }, [t.suggestionsHeading]),
    element('ul', { class: 'pqa-suggestion-list' }, questions.map((question) =>
      element('li', {}, [element('button', { type: 'button', class: 'pqa-suggestion', onclick: () => onSuggest(question) }, [question])]),
    )),
  ]);
}

/** @param {Citation[]} citations @param {(citation: Citation, chip: HTMLElement) => void} open */
function sourceList(citations, open) {
  return element(
    'ol',
    { class: 'pqa-sources' },
    citations.map((citation) => {
      const button = element('button', { type: 'button', class: 'pqa-source-link', 'data-clause-id': citation.clauseId }, [
        element('span', { class: 'pqa-chip', 'aria-hidden': 'true' }, [String(citation.n)]),
        element('span', {}, [citationTitle(citation)]),
      ]);
      button.addEventListener('click', () => open(citation, button));
      return element('li', {}, [button]);
    }),
  );
}

/**
 * @param {ChatReply} reply @param {UiText} t @param {ChatClient} client @param {HTMLElement} answerText
 * @param {'up' | 'down' | undefined} given @param {((messageId: string, rating: 'up' | 'down') => void) | undefined} onRate
 */
function actions(reply, t, client, answerText, given, onRate) {
  const status = element('span', { class: 'pqa-status', role: 'status' });
  const copy = element('button', { type: 'button', class: 'pqa-button pqa-quiet', 'data-action': 'copy' }, [t.copy]);
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(answerWithSources(reply, t));
      status.textContent = t.copied;
    } catch {
      // No clipboard permission (an embedding page may deny it): select the text for Ctrl+C instead.
      getSelection()?.selectAllChildren(answerText);
    }
  });

  const comment = element('textarea', { class: 'pqa-comment', rows: 2, maxlength: 2000, placeholder: t.commentPlaceholder, 'aria-label': t.commentLabel });
  const sendComment = element('button', { type: 'button', class: 'pqa-button' }, [t.sendFeedback]);
  const commentForm = element('div', { class: 'pqa-comment-form', hidden: true }, [comment, sendComment]);
  /** @type {'up' | 'down' | null} */
  let rating = given ?? null;

  /** @param {string} [withComment] */
  async function send(withComment) {
    if (!rating) return;
    try {
      await client.sendFeedback({ messageId: reply.messageId, rating, ...(withComment ? { comment: withComment } : {}) });
      status.textContent = t.feedbackThanks;
      return true;
    } catch {
      status.textContent = t.feedbackFailed;
      return false;
    }
  }

  /** @param {'up' | 'down'} value @param {string} label */
  const thumb = (value, label) => {
    const button = element('button', { type: 'button', class: `pqa-button pqa-quiet pqa-thumb pqa-thumb-${value}`, 'aria-pressed': String(given === value), 'aria-label': label, title: label, 'data-rating': value }, [icon(value)]);
    button.addEventListener('click', async () => {
      rating = value;
      onRate?.(reply.messageId, value);
      for (const other of row.querySelectorAll('.pqa-thumb')) other.setAttribute('aria-pressed', String(other === button));
      commentForm.hidden = false;
      // The rating is stored at once; a comment, if one follows, updates it.
      await send();
    });
    return button;
  };
  sendComment.addEventListener('click', async () => {
    const value = comment.value.trim();
    if (value !== '' && (await send(value))) commentForm.hidden = true;
  });
  const row = element('div', { class: 'pqa-actions' }, [copy, thumb('up', t.helpful), thumb('down', t.notHelpful), status]);
  return element('div', {}, [row, commentForm]);
}
