// @ts-check
import { element, replaceChildren } from './dom.js';
import { sidePanel } from './side-panel.js';

/**
 * This browser's earlier conversations in this chat (the page, or one embed): open one, rename it,
 * delete it. The list is the server's, keyed by the browser's anonymous id; it opens beside the
 * conversation where the source panel does.
 *
 * @typedef {import('./chat-client.js').ChatClient} ChatClient
 * @typedef {import('./chat-client.js').ConversationSummary} ConversationSummary
 * @typedef {import('./i18n.js').UiText} UiText
 */

/**
 * @param {{ text: () => UiText, client: ChatClient, channel: string, currentId: () => string | undefined,
 *   onOpen: (id: string) => void, onDeleted: (id: string) => void }} options
 */
export function createHistoryPanel({ text, client, channel, currentId, onOpen, onDeleted }) {
  const heading = element('h2', { class: 'pqa-history-heading', tabindex: '-1' });
  const close = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-history-close' });
  const status = element('p', { class: 'pqa-history-status', role: 'status' });
  const list = element('ul', { class: 'pqa-history-list' });
  const panel = element('section', { class: 'pqa-history', hidden: true, role: 'dialog', 'aria-modal': 'false' }, [
    heading, element('div', { class: 'pqa-history-bar' }, [close]), status, list,
  ]);
  const side = sidePanel(panel, close);

  async function refresh() {
    const t = text();
    panel.setAttribute('aria-label', t.historyHeading);
    heading.textContent = t.historyHeading;
    close.textContent = t.closeSource;
    status.textContent = t.historyLoading;
    /** @type {ConversationSummary[]} */
    let conversations;
    try {
      conversations = await client.listConversations(channel);
    } catch {
      status.textContent = t.historyFailed;
      return;
    }
    status.textContent = conversations.length === 0 ? t.historyEmpty : '';
    replaceChildren(list, conversations.map((conversation) => item(conversation, t)));
  }

  /** @param {ConversationSummary} conversation @param {UiText} t */
  function item(conversation, t) {
    const open = element('button', { type: 'button', class: 'pqa-history-open', 'aria-current': conversation.id === currentId() ? 'true' : undefined, onclick: () => { side.hide(); onOpen(conversation.id); } }, [conversation.title]);
    const when = element('span', { class: 'pqa-history-when' }, [new Date(conversation.updatedAt).toLocaleString(t.locale, { dateStyle: 'short', timeStyle: 'short' })]);
    const row = element('li', { class: 'pqa-history-item', 'data-conversation-id': conversation.id }, [open, when]);
    const rename = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-history-rename', 'aria-label': `${t.rename}：${conversation.title}` }, [t.rename]);
    const remove = element('button', { type: 'button', class: 'pqa-button pqa-quiet pqa-history-delete', 'aria-label': `${t.deleteConversation}：${conversation.title}` }, [t.deleteConversation]);
    rename.addEventListener('click', () => {
      const input = element('input', { type: 'text', class: 'pqa-history-title', maxlength: 80, value: conversation.title, 'aria-label': t.rename });
      const save = async () => {
        const title = input.value.trim();
        if (title === '') return;
        try {
          await client.renameConversation(conversation.id, title);
          conversation.title = title;
        } catch {
          status.textContent = t.historyFailed;
        }
        row.replaceWith(item(conversation, t));
      };
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') void save();
      });
      replaceChildren(row, [input, element('button', { type: 'button', class: 'pqa-button pqa-history-save', onclick: () => void save() }, [t.save])]);
      input.focus();
      input.select();
    });
    remove.addEventListener('click', async () => {
      if (!window.confirm(t.confirmDelete(conversation.title))) return;
      try {
        await client.deleteConversation(conversation.id);
        row.remove();
        onDeleted(conversation.id);
        if (list.children.length === 0) status.textContent = t.historyEmpty;
      } catch {
        status.textContent = t.historyFailed;
      }
    });
    row.append(element('span', { class: 'pqa-history-actions' }, [rename, remove]));
    return row;
  }

  return {
    element: panel,
    /** @param {HTMLElement} opener */
    async open(opener) {
      side.show(opener, heading);
      await refresh();
    },
    hide: side.hide,
    get isOpen() {
      return !panel.hidden;
    },
  };
}
