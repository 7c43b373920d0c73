// @ts-check
import { clauseLabel, clauseTextNodes } from './answer-view.js';
import { element, replaceChildren } from './dom.js';
import { sidePanel } from './side-panel.js';
import { prefersOriginalScript, setPrefersOriginalScript } from './storage.js';

/**
 * The clause behind a citation: document, 文号, section and clause, the full text with the quoted
 * sentence marked, the responsible units with the lead marked, the clauses of other documents it
 * implements or that implement it (对应国家方案 二(一)), and stepping between the citations of one
 * answer. A unit opens the unit view: every clause that unit leads or shares, per document. Escape
 * closes the panel and focus returns to the chip that opened it.
 *
 * @typedef {import('./chat-client.js').Citation} Citation
 * @typedef {import('./chat-client.js').Counterpart} Counterpart
 * @typedef {import('./chat-client.js').UnitDetail} UnitDetail
 * @typedef {import('./i18n.js').UiText} UiText
 */

/**
 * @param {() => UiText} text
 * @param {(name: string) => Promise<UnitDetail[]>} findUnit
 * @param {(docId: string, clauseId: string) => string} documentUrl the document page at the clause
 */
export function createSourcePanel(text, findUnit, documentUrl) {
  const heading = element('h2', { class: 'pqa-source-title', tabindex: '-1' });
  const counter = element('span', { class: 'pqa-source-counter', 'aria-live': 'polite' });
  const previous = element('button', { type: 'button', class: 'pqa-button pqa-quiet' });
  const next = element('button', { type: 'button', class: 'pqa-button pqa-quiet' });
  const close = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-source-close' });
  const scriptToggle = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-script-toggle', 'aria-pressed': 'false' });
  const body = element('div', { class: 'pqa-source-body' });
  // The heading comes first, so a screen reader and the Tab order meet the clause before the buttons.
  const panel = element('section', { class: 'pqa-source', hidden: true, role: 'dialog', 'aria-modal': 'false' }, [
    heading,
    element('div', { class: 'pqa-source-bar' }, [counter, scriptToggle, previous, next, close]),
    body,
  ]);
  // Simplified for Simplified and English readers; the source's own script on request, remembered.
  let original = prefersOriginalScript();

  // Several panels may share a page (the chat page and a widget): the hint's id must be the panel's own.
  const unitHintId = `pqa-unit-hint-${Math.random().toString(36).slice(2, 10)}`;
  /** @type {Citation[]} */
  let citations = [];
  let index = 0;

  function show() {
    const t = text();
    const citation = citations[index];
    if (!citation) return;
    panel.setAttribute('aria-label', t.sourcePanel);
    const converted = citation.textSimplified !== undefined && citation.textSimplified !== citation.text;
    const shown = converted && !original
      ? { title: citation.docTitleSimplified ?? citation.docTitle, heading: citation.headingSimplified ?? citation.heading, text: citation.textSimplified ?? citation.text, quote: citation.quoteSimplified ?? citation.quote }
      : { title: citation.docTitle, heading: citation.heading, text: citation.text, quote: citation.quote };
    heading.textContent = shown.title;
    scriptToggle.hidden = !converted;
    scriptToggle.textContent = original ? t.showSimplified : t.showOriginal;
    scriptToggle.setAttribute('aria-pressed', String(original));
    counter.textContent = citations.length > 1 ? t.sourceCounter(index + 1, citations.length) : '';
    previous.textContent = t.previousSource;
    next.textContent = t.nextSource;
    close.textContent = t.closeSource;
    close.setAttribute('aria-label', t.closeSource);
    previous.disabled = index === 0;
    next.disabled = index >= citations.length - 1;
    previous.hidden = next.hidden = citations.length < 2;
    const label = clauseLabel(citation);
    const counterparts = citation.counterparts ?? [];
    delete panel.dataset.unit;
    replaceChildren(body, [
      element('p', { class: 'pqa-source-meta' }, [
        element('span', { class: 'pqa-source-number' }, [citation.docNumber ?? t.docNumberMissing]),
        citation.docStatus === 'draft' && element('span', { class: 'pqa-badge pqa-badge-draft' }, [t.draft]),
        label && element('span', { class: 'pqa-source-clause' }, [label]),
        shown.heading && element('span', { class: 'pqa-source-heading' }, [shown.heading]),
        citation.page ? element('span', { class: 'pqa-source-page' }, [t.page(citation.page)]) : null,
      ]),
      element('p', { class: 'pqa-source-text', lang: converted && original ? 'zh-TW' : undefined }, clauseTextNodes(shown.text, shown.quote)),
      element('p', { class: 'pqa-source-facts' }, [
        [citation.docIssuer, citation.docDate].filter(Boolean).join(' · '),
        ' ',
        element('a', { class: 'pqa-full-text', href: documentUrl(citation.docId, citation.clauseId), target: '_blank', rel: 'noopener' }, [t.fullText]),
      ]),
      citation.units.length > 0 && element('h3', { class: 'pqa-source-subheading' }, [t.units]),
      citation.units.length > 0 && element('span', { id: unitHintId, hidden: true }, [t.openUnitHint]),
      citation.units.length > 0 &&
        element(
          'ul',
          { class: 'pqa-units' },
          citation.units.map((unit) =>
            element('li', { class: unit.role === 'lead' ? 'pqa-unit pqa-unit-lead' : 'pqa-unit', title: unit.nameEn ?? undefined }, [
              element('button', { type: 'button', class: 'pqa-unit-button', 'aria-describedby': unitHintId, onclick: () => showUnit(unit.name, citation) }, [
                unit.name,
                unit.role === 'lead' && element('span', { class: 'pqa-badge' }, [t.leadUnit]),
              ]),
            ]),
          ),
        ),
      counterparts.length > 0 && element('h3', { class: 'pqa-source-subheading' }, [t.counterparts]),
      counterparts.length > 0 &&
        element('ul', { class: 'pqa-counterparts' }, counterparts.map((counterpart) =>
          element('li', { class: 'pqa-counterpart', 'data-clause-id': counterpart.clauseId }, [t.counterpart(counterpart.relation, counterpart.level === 'national', counterpartPlace(counterpart))]),
        )),
    ]);
    panel.dataset.clauseId = citation.clauseId;
  }

  /**
   * Every clause the unit leads or shares, per document, read from the units API; the unit of the
   * citation's document when two places have one of that name (市财政局).
   * @param {string} name @param {Citation} citation
   */
  async function showUnit(name, citation) {
    const t = text();
    const back = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-unit-back', onclick: () => { show(); heading.focus(); } }, [t.backToClause]);
    const status = element('p', { class: 'pqa-unit-status', role: 'status' }, [t.unitLoading]);
    heading.textContent = name;
    panel.dataset.unit = name;
    replaceChildren(body, [back, status]);
    heading.focus();
    let units;
    try {
      units = await findUnit(name);
    } catch {
      status.textContent = t.unitFailed;
      return;
    }
    if (panel.dataset.unit !== name) return;
    const unit = units.find((each) => each.documents.some((document) => document.docId === citation.docId)) ?? units[0];
    if (!unit) {
      status.textContent = t.unitFailed;
      return;
    }
    replaceChildren(body, [
      back,
      unit.nameEn && element('p', { class: 'pqa-source-meta' }, [unit.nameEn]),
      ...unit.documents.flatMap((document) => [
        element('h3', { class: 'pqa-source-subheading' }, [`${document.docNumber ?? document.docTitle} · ${t.unitTasks(document.lead, document.co)}`]),
        element('ul', { class: 'pqa-unit-clauses' }, document.clauses.map((clause) =>
          element('li', { class: clause.role === 'lead' ? 'pqa-unit-clause pqa-unit-clause-lead' : 'pqa-unit-clause', 'data-clause-id': clause.clauseId }, [
            [clauseLabel(clause), clause.heading].filter(Boolean).join(' '),
            ' ',
            element('span', { class: clause.role === 'lead' ? 'pqa-badge' : 'pqa-badge pqa-badge-quiet' }, [clause.role === 'lead' ? t.unitRoleLead : t.unitRoleCo]),
          ]),
        )),
      ]),
    ]);
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
  scriptToggle.addEventListener('click', () => {
    original = !original;
    setPrefersOriginalScript(original);
    show();
    scriptToggle.focus();
  });
  const side = sidePanel(panel, close);
  const hide = side.hide;

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
      show();
      side.show(opener, heading);
    },
    hide,
    /** Re-labels the open panel after a language switch. */
    refresh() {
      if (!panel.hidden) show();
    },
  };
}

/** @param {Counterpart} counterpart */
function counterpartPlace(counterpart) {
  const label = clauseLabel(counterpart);
  const heading = counterpart.headingSimplified ?? counterpart.heading;
  return [counterpart.docNumber ?? counterpart.docTitle, label, heading && `「${heading}」`].filter(Boolean).join(' ');
}

/** @typedef {ReturnType<typeof createSourcePanel>} SourcePanel */
