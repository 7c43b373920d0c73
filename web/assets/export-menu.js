// @ts-check
import { element } from './dom.js';

/**
 * The header's export menu: print the conversation (the print styles put the cited clauses under
 * each answer), or download it as Markdown or Word from the server, for the reports staff write.
 * @typedef {import('./chat-client.js').ChatClient} ChatClient
 * @typedef {import('./i18n.js').UiText} UiText
 */

/**
 * @param {UiText} text
 * @param {{ client: ChatClient, conversationId: () => string | undefined, fileName: () => string, onFailed: () => void }} options
 */
export function exportMenu(text, { client, conversationId, fileName, onFailed }) {
  const item = (/** @type {string} */ label, /** @type {string} */ action, /** @type {() => void} */ run) =>
    element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-export-item', 'data-export': action, onclick: () => { menu.open = false; run(); } }, [label]);
  const menu = element('details', { class: 'pqa-export' }, [
    element('summary', { class: 'pqa-button pqa-quiet' }, [text.exportMenu]),
    element('div', { class: 'pqa-export-items' }, [
      item(text.print, 'print', () => window.print()),
      item(text.exportMarkdown, 'md', () => void download('md')),
      item(text.exportWord, 'docx', () => void download('docx')),
    ]),
  ]);

  /** @param {'md' | 'docx'} format */
  async function download(format) {
    const id = conversationId();
    if (!id) return;
    try {
      const blob = await client.exportConversation(id, format);
      const url = URL.createObjectURL(blob);
      const link = element('a', { href: url, download: `${fileName()}.${format}`, hidden: true });
      menu.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      onFailed();
    }
  }
  return menu;
}
