// @ts-check
import { createChatClient } from './chat-client.js';
import { mountChat } from './chat-view.js';
import { chooseLanguage } from './i18n.js';
import { readStored, writeStored } from './storage.js';

/**
 * Starts the chat on / and on /embed (the iframe form). Query parameters let an embedding page set
 * the language, the title and the documents in scope: /embed?lang=en&documents=tj-2023-3,tj-2014-22
 */
const LANGUAGE_KEY = 'policy-qa:language';
const root = document.getElementById('chat');
if (root) {
  const parameters = new URLSearchParams(location.search);
  // One page serves both addresses; the iframe form is the compact chat with its own conversation.
  const embedded = location.pathname.replace(/\/+$/u, '').endsWith('/embed');
  const documentIds = parameters.get('documents')?.split(',').map((id) => id.trim()).filter(Boolean);
  const language = chooseLanguage([parameters.get('lang'), readStored(LANGUAGE_KEY)], navigator.languages ?? [navigator.language]);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  mountChat(root, {
    client: createChatClient(''),
    language,
    // Each embed scope keeps its own conversation (two iframes of one intranet with different scopes).
    storageKey: embedded ? `policy-qa:embed-conversation:${documentIds?.join(',') ?? 'all'}` : 'policy-qa:conversation',
    compact: embedded,
    ...(parameters.get('title') ? { title: parameters.get('title') ?? undefined } : {}),
    ...(documentIds && documentIds.length > 0 ? { documentIds } : {}),
    onLanguageChange: (next) => {
      document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
      writeStored(LANGUAGE_KEY, next);
    },
  }).focus();
}
