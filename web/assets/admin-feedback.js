// @ts-check
import { element, replaceChildren } from './dom.js';
import { messageOf } from './admin-documents.js';

/**
 * The feedback section of /admin: each rated answer with its question, the answer, the clauses it
 * cited and the comment; filtered by rating, read a page at a time, exported as CSV.
 * @typedef {ReturnType<typeof import('./admin-client.js').createAdminClient>} AdminClient
 */

const PAGE = 20;

/** @param {HTMLElement} root @param {AdminClient} client */
export function mountFeedback(root, client) {
  const filter = element('select', { id: 'adm-rating', class: 'adm-rating-filter' }, [
    element('option', { value: '' }, ['全部']), element('option', { value: 'down' }, ['没有帮助']), element('option', { value: 'up' }, ['有帮助']),
  ]);
  const exportButton = element('button', { type: 'button', class: 'adm-export', onclick: () => void exportCsv() }, ['导出 CSV']);
  const moreButton = element('button', { type: 'button', class: 'adm-more', hidden: true, onclick: () => void load(false) }, ['加载更多']);
  const summary = element('p', { class: 'adm-muted adm-feedback-summary', role: 'status', 'aria-live': 'polite' });
  const rows = element('tbody', { class: 'adm-feedback' });
  let offset = 0;
  filter.addEventListener('change', () => void load(true));

  replaceChildren(root, [
    element('section', { class: 'adm-section', 'aria-labelledby': 'adm-feedback-title' }, [
      element('h2', { id: 'adm-feedback-title' }, ['用户反馈']),
      element('div', { class: 'adm-row' }, [element('label', { for: 'adm-rating' }, ['评价']), filter, exportButton]),
      summary,
      element('table', {}, [
        element('thead', {}, [element('tr', {}, ['时间', '评价', '问题', '回答', '依据条款', '说明'].map((name) => element('th', { scope: 'col' }, [name])))]),
        rows,
      ]),
      moreButton,
    ]),
  ]);

  /** @param {boolean} fromStart */
  async function load(fromStart) {
    if (fromStart) {
      offset = 0;
      replaceChildren(rows, []);
    }
    try {
      const page = await client.listFeedback({ rating: filter.value || undefined, offset, limit: PAGE });
      for (const entry of page.entries) rows.appendChild(feedbackRow(entry));
      offset += page.entries.length;
      summary.textContent = page.total === 0 ? '还没有反馈。' : `共 ${page.total} 条，已显示 ${offset} 条。`;
      moreButton.hidden = page.next === null;
    } catch (error) {
      summary.textContent = messageOf(error);
    }
  }

  async function exportCsv() {
    try {
      const blob = await client.feedbackCsv(filter.value || undefined);
      const url = URL.createObjectURL(blob);
      const link = element('a', { href: url, download: `feedback${filter.value ? `-${filter.value}` : ''}.csv`, hidden: true });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      summary.textContent = messageOf(error);
    }
  }

  return { refresh: () => load(true) };
}

/** @param {any} entry */
function feedbackRow(entry) {
  return element('tr', { 'data-message-id': entry.messageId }, [
    element('td', { class: 'adm-muted' }, [new Date(entry.ratedAt).toLocaleString('zh-CN', { hour12: false })]),
    element('td', { class: entry.rating === 'up' ? 'adm-rating-up' : 'adm-rating-down' }, [entry.rating === 'up' ? '有帮助' : '没有帮助']),
    element('td', { class: 'adm-feedback-text' }, [entry.question]),
    element('td', { class: 'adm-feedback-text' }, [entry.answer]),
    element('td', {}, entry.citations.map((/** @type {any} */ citation) => element('div', {}, [citationLabel(citation)]))),
    element('td', { class: 'adm-feedback-text' }, [entry.comment ?? '']),
  ]);
}

/** @param {any} citation */
function citationLabel(citation) {
  const snapshot = citation.snapshot;
  if (!snapshot) return citation.clauseId;
  return [snapshot.docNumber ?? snapshot.docTitle, `${snapshot.section ?? ''}${snapshot.clause ? `(${snapshot.clause})` : ''}`, snapshot.heading ?? ''].filter(Boolean).join(' ');
}
