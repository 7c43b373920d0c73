// @ts-check
import { element, replaceChildren } from './dom.js';
import { documentView } from './document-view.js';

/**
 * /documents: the library (title, 文号, issuer, date, status, clause count); /documents/:id: one
 * document's full text (see document-view.js). Chinese UI; the text in the reader's script.
 */
const root = document.getElementById('documents');
if (root) {
  const match = /^\/documents\/([A-Za-z0-9-]{1,80})\/?$/u.exec(location.pathname);
  void (match ? showDocument(root, match[1] ?? '') : showLibrary(root));
}

/** @param {HTMLElement} root */
async function showLibrary(root) {
  const documents = await fetchJson('/api/documents').then((body) => body?.documents ?? null);
  if (!documents) {
    replaceChildren(root, [element('p', { role: 'alert' }, ['文件库暂时无法读取，请稍后再试。'])]);
    return;
  }
  document.title = '文件库 · 政策问答';
  replaceChildren(root, [
    element('div', { class: 'doc-bar' }, [element('h1', {}, ['文件库']), element('a', { href: '/' }, ['返回问答'])]),
    element('table', { class: 'doc-list' }, [
      element('thead', {}, [element('tr', {}, ['文件', '文号', '发文单位', '日期', '状态', '条款'].map((name) => element('th', { scope: 'col' }, [name])))]),
      element('tbody', {}, documents.map((/** @type {any} */ item) => element('tr', { 'data-document-id': item.id }, [
        element('td', {}, [element('a', { href: `/documents/${item.id}` }, [item.titleSimplified])]),
        element('td', {}, [item.docNumber ?? '—']),
        element('td', {}, [item.issuer ?? '—']),
        element('td', {}, [item.date ?? '—']),
        element('td', {}, [item.status === 'draft' ? '征求意见稿' : '现行']),
        element('td', {}, [String(item.clauseCount)]),
      ]))),
    ]),
  ]);
}

/** @param {HTMLElement} root @param {string} id */
async function showDocument(root, id) {
  const detail = await fetchJson(`/api/documents/${encodeURIComponent(id)}`);
  if (!detail) {
    replaceChildren(root, [element('p', { role: 'alert' }, ['没有这份文件。']), element('a', { href: '/documents' }, ['查看文件库'])]);
    return;
  }
  document.title = `${detail.titleSimplified} · 政策问答`;
  documentView(root, detail);
  // The anchor (/documents/tj-2023-3#2.2) names a clause that exists only now.
  const anchor = decodeURIComponent(location.hash.slice(1));
  if (anchor) {
    const target = document.getElementById(anchor);
    if (target) {
      // :target was decided before the clause existed: mark it ourselves.
      target.classList.add('doc-target');
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    }
  }
}

/** @param {string} path */
async function fetchJson(path) {
  try {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    return response.ok ? response.json() : null;
  } catch {
    return null;
  }
}
