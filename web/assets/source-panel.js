// @ts-check
import { clauseLabel, clauseTextNodes } from './answer-view.js';
import { element, replaceChildren } from './dom.js';

/**
 * The clause behind a citation: document, 文号, section and clause, the full text with the quoted
 * sentence marked, the responsible units with the lead marked, and stepping between the citations
 * of one answer. Escape closes it and focus returns to the chip that opened it.
 *
 * @typedef {import('./chat-client.js').Citation} Citation
 * @typedef {import('./i18n.js').UiText} UiText
 */

/** @param {() => UiText} text */
export function createSourcePanel(text) {
  const heading = element('h2', { class: 'pqa-source-title', tabindex: '-1' });
  const counter = element('span', { class: 'pqa-source-counter', 'aria-live': 'polite' });
  const previous = element('button', { type: 'button', class: 'pqa-button pqa-quiet' });
  const next = element('button', { type: 'button', class: 'pqa-button pqa-quiet' });
  const close = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-source-close' });
  const body = element('div', { class: 'pqa-source-body' });
  const panel = element('section', { class: 'pqa-source', hidden: true, role: 'dialog', 'aria-modal': 'false' }, [
    element('div', { class: 'pqa-source-bar' }, [counter, previous, next, close]),
    heading,
    body,
  ]);

  /** @type {Citation[]} */
  let citations = [];
  let index = 0;
  /** @type {HTMLElement | null} */
  let returnFocusTo = null;

  function show() {
    const t = text();
    const citation = citations[index];
    if (!citation) return;
    panel.setAttribute('aria-label', t.sourcePanel);
    heading.textContent = citation.docTitle;
    counter.textContent = citations.length > 1 ? t.sourceCounter(index + 1, citations.length) : '';
    previous.textContent = t.previousSource;
    next.textContent = t.nextSource;
    close.textContent = t.closeSource;
    close.setAttribute('aria-label', t.closeSource);
    previous.disabled = index === 0;
    next.disabled = index >= citations.length - 1;
    previous.hidden = next.hidden = citations.length < 2;
    const label = clauseLabel(citation);
    replaceChildren(body, [
      element('p', { class: 'pqa-source-meta' }, [
        element('span', { class: 'pqa-source-number' }, [citation.docNumber ?? t.docNumberMissing]),
        citation.docStatus === 'draft' && element('span', { class: 'pqa-badge pqa-badge-draft' }, [t.draft]),
        label && element('span', { class: 'pqa-source-clause' }, [label]),
        citation.heading && element('span', { class: 'pqa-source-heading' }, [citation.heading]),
      ]),
      element('p', { class: 'pqa-source-text' }, clauseTextNodes(citation.text, citation.quote)),
      citation.units.length > 0 && element('h3', { class: 'pqa-source-subheading' }, [t.units]),
      citation.units.length > 0 &&
        element(
          'ul',
          { class: 'pqa-units' },
          citation.units.map((unit) =>
            element('li', { class: unit.role === 'lead' ? 'pqa-unit pqa-unit-lead' : 'pqa-unit', title: unit.nameEn ?? undefined }, [
              unit.name,
              unit.role === 'lead' && element('span', { class: 'pqa-badge' }, [t.leadUnit]),
            ]),
          ),
        ),
    ]);
    panel.dataset.clauseId = citation.clauseId;
  }

  previous.addEventListener('click', () => {
    if (index > 0) {
      index -= 1;
      show();
    }
  });
  next.addEventListener('click', () => {
    if (index < citations.length - 1) {
      index += 1;
      show();
    }
  });
  close.addEventListener('click', () => hide());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      hide();
    }
  });

  function hide() {
    if (panel.hidden) return;
    panel.hidden = true;
    returnFocusTo?.focus();
    returnFocusTo = null;
  }

  return {
    element: panel,
    /**
     * @param {Citation[]} all the answer's citations, in order
     * @param {Citation} chosen
     * @param {HTMLElement} opener focus returns here on close
     */
    open(all, chosen, opener) {
      citations = all;
      index = Math.max(0, all.findIndex((citation) => citation.clauseId === chosen.clauseId && citation.n === chosen.n));
      returnFocusTo = opener;
      panel.hidden = false;
      show();
      heading.focus();
    },
    hide,
    /** Re-labels the open panel after a language switch. */
    refresh() {
      if (!panel.hidden) show();
    },
  };
}

/** @typedef {ReturnType<typeof createSourcePanel>} SourcePanel */
