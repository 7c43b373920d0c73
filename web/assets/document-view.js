// @ts-check
import { clauseLabel } from './answer-view.js';
import { element, replaceChildren } from './dom.js';
import { prefersOriginalScript, setPrefersOriginalScript } from './storage.js';

/**
 * One document's full text: its facts, its structure as navigation (sections, each clause), every
 * passage in order, each clause with an anchor (#2.2) and its responsibility list (lead marked), a
 * search within the document, and the script toggle (Simplified by default, the original on request).
 */

/** @param {HTMLElement} root @param {any} detail the GET /api/documents/:id body */
export function documentView(root, detail) {
  let original = prefersOriginalScript();
  const converted = [...detail.clauses, ...detail.passages].some((passage) => passage.textSimplified !== passage.text);
  const text = element('div', { class: 'doc-text' });
  const contents = element('nav', { class: 'doc-contents', 'aria-label': '目录' });
  const search = element('input', { type: 'search', id: 'doc-search', class: 'doc-search-input', placeholder: '在本文件中搜索' });
  const status = element('p', { class: 'doc-status', role: 'status', 'aria-live': 'polite' });
  const toggle = element('button', { type: 'button', class: 'doc-script-toggle', hidden: !converted, 'aria-pressed': String(original) });
  toggle.addEventListener('click', () => {
    original = !original;
    setPrefersOriginalScript(original);
    render();
  });
  search.addEventListener('input', () => filter());

  const passages = [...detail.clauses.map((/** @type {any} */ clause) => ({ ...clause, kind: 'clause' })), ...detail.passages].sort((left, right) => left.position - right.position);

  function render() {
    toggle.textContent = original ? '显示简体' : '查看原文';
    toggle.setAttribute('aria-pressed', String(original));
    /** @param {{ text: string, textSimplified?: string }} passage */
    const shown = (passage) => (original ? passage.text : passage.textSimplified ?? passage.text);
    const sections = new Map(detail.sections.map((/** @type {any} */ section) => [section.numeral, original ? section.heading : section.headingSimplified ?? section.heading]));
    /** @type {Node[]} */
    const nodes = [];
    let section = null;
    for (const passage of passages) {
      if (passage.section && passage.section !== section && sections.has(passage.section)) {
        section = passage.section;
        nodes.push(element('h2', { id: `section-${section}` }, [`${section}、${sections.get(section)}`]));
      }
      if (passage.kind !== 'clause') {
        nodes.push(element('p', { class: `doc-passage doc-${passage.kind}`, id: anchorOf(passage.id), 'data-search': searchable(passage) }, [shown(passage)]));
        continue;
      }
      nodes.push(element('article', { class: 'doc-clause', id: anchorOf(passage.id), tabindex: '-1', 'data-search': searchable(passage) }, [
        element('p', { class: 'doc-passage' }, [element('span', { class: 'doc-clause-label' }, [clauseLabel(passage)]), shown(passage)]),
        passage.units.length > 0 && element('p', { class: 'doc-units' }, [
          '责任单位：',
          ...passage.units.flatMap((/** @type {any} */ unit, /** @type {number} */ index) => [index > 0 ? '、' : null, element('span', { class: unit.role === 'lead' ? 'doc-lead' : undefined }, [unit.name, unit.role === 'lead' ? '（牵头）' : ''])]),
        ]),
      ]));
    }
    replaceChildren(text, nodes);
    replaceChildren(contents, [element('ol', {}, detail.sections.map((/** @type {any} */ each) => element('li', {}, [
      element('a', { href: `#section-${each.numeral}` }, [`${each.numeral}、${sections.get(each.numeral)}`]),
      element('ol', {}, detail.clauses.filter((/** @type {any} */ clause) => clause.section === each.numeral).map((/** @type {any} */ clause) =>
        element('li', {}, [element('a', { href: `#${anchorOf(clause.id)}` }, [`(${clause.clause ?? ''})${(original ? clause.heading : clause.headingSimplified ?? clause.heading) ?? ''}`])]),
      )),
    ])))]);
    filter();
  }

  /** Clauses and passages that do not hold the search words are hidden; the count is announced. */
  function filter() {
    const query = search.value.trim().toLowerCase();
    let hits = 0;
    for (const node of /** @type {NodeListOf<HTMLElement>} */ (text.querySelectorAll('[data-search]'))) {
      const hit = query === '' || (node.dataset['search'] ?? '').includes(query);
      node.hidden = !hit;
      node.classList.toggle('doc-hit', query !== '' && hit);
      if (hit && query !== '') hits += 1;
    }
    for (const heading of text.querySelectorAll('h2')) /** @type {HTMLElement} */ (heading).hidden = query !== '';
    status.textContent = query === '' ? '' : hits === 0 ? `没有找到“${search.value.trim()}”。` : `找到 ${hits} 处“${search.value.trim()}”。`;
  }

  const facts = [detail.docNumber, detail.issuer, detail.date].filter(Boolean).join(' · ');
  replaceChildren(root, [
    element('div', { class: 'doc-bar' }, [element('a', { href: '/documents' }, ['文件库']), element('a', { href: '/' }, ['返回问答']), toggle]),
    element('h1', {}, [detail.titleSimplified, detail.status === 'draft' ? element('span', { class: 'doc-badge' }, ['征求意见稿']) : null]),
    element('p', { class: 'doc-meta' }, [facts]),
    element('div', { class: 'doc-search' }, [element('label', { for: 'doc-search' }, ['搜索']), search]),
    status,
    element('div', { class: 'doc-layout' }, [contents, text]),
  ]);
  render();
}

/** tj-2023-3:2.2 → 2.2: the anchor the source panel links to. @param {string} id */
export function anchorOf(id) {
  return id.slice(id.indexOf(':') + 1);
}

/** @param {any} passage */
function searchable(passage) {
  return `${passage.text}\n${passage.textSimplified ?? ''}\n${(passage.units ?? []).map((/** @type {any} */ unit) => unit.name).join(' ')}`.toLowerCase();
}
