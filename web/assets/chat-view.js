// @ts-check
import { describeFailure, scopeGroups } from './chat-support.js';
import { readStored, writeStored } from './storage.js';
import { exportMenu } from './export-menu.js';
import { conversationFromStored, createConversationState } from './conversation-state.js';
import { createHistoryPanel } from './history-panel.js';
import { element, replaceChildren } from './dom.js';
import { uiText } from './i18n.js';
import { answerView, questionView } from './message-view.js';
import { createSourcePanel } from './source-panel.js';

/**
 * The chat, mounted into any element: the page at /, the iframe at /embed and the widget's shadow
 * root all use it. It owns everything inside `root` and nothing outside it.
 *
 * @typedef {import('./chat-client.js').ChatClient} ChatClient
 * @typedef {import('./chat-client.js').DocumentSummary} DocumentSummary
 * @typedef {import('./i18n.js').UiLanguage} UiLanguage
 * @typedef {{ client: ChatClient, language: UiLanguage, storageKey: string, title?: string,
 *   documentIds?: string[], compact?: boolean, channel?: string, onLanguageChange?: (language: UiLanguage) => void,
 *   onClose?: () => void, fullPageUrl?: string }} ChatOptions
 */

/** @param {HTMLElement} root @param {ChatOptions} options */
export function mountChat(root, options) {
  const { client, storageKey } = options;
  let language = options.language;
  const t = () => uiText(language);
  const state = createConversationState(storageKey);
  const sources = createSourcePanel(t, (name) => client.findUnit(name), (docId, clauseId) => client.documentUrl(docId, clauseId));
  // The page's conversations and each embed's (by its scope) are listed apart.
  const channel = options.channel ?? (options.compact ? `embed:${(options.documentIds ?? []).join(',') || 'all'}` : 'page');
  const history = createHistoryPanel({
    text: t, client, channel, currentId: () => state.conversation.conversationId,
    onOpen: (id) => void openConversation(id),
    onDeleted: (id) => {
      if (state.conversation.conversationId !== id) return;
      state.forget(id);
      renderAll();
    },
  });
  /** @type {DocumentSummary[]} */
  let documents = [];
  const scopeKey = `${storageKey}:scope`;
  let scope = readStored(scopeKey) ?? 'all';
  /** @type {AbortController | null} */
  let inFlight = null;

  const log = element('div', { class: 'pqa-log', role: 'log', 'aria-live': 'polite', tabindex: '0' });
  const input = element('textarea', { class: 'pqa-input', rows: 2, maxlength: 2000, name: 'question' });
  const sendButton = element('button', { type: 'submit', class: 'pqa-button pqa-primary pqa-send' });
  const queueStatus = element('p', { class: 'pqa-queue-status', role: 'status', 'aria-live': 'polite' });
  const scopeChip = element('div', { class: 'pqa-scope-chip-row' });
  const form = element('form', { class: 'pqa-form' }, [scopeChip, input, sendButton, queueStatus]);
  /** A question sent while an answer is still running: it goes as soon as that one is done. */
  let queued = '';
  const header = element('header', { class: 'pqa-header' });
  const shell = element('div', { class: options.compact ? 'pqa pqa-compact' : 'pqa' }, [header, element('div', { class: 'pqa-body' }, [log, sources.element, history.element]), form]);
  replaceChildren(root, [shell]);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The button reads 停止 while an answer runs: only a click on it stops that answer.
    if (inFlight && event.submitter === sendButton) {
      inFlight.abort();
      return;
    }
    send();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter starts a new line; an IME composition's Enter only confirms the characters.
    // During an answer Enter queues the question instead of stopping the answer.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });

  function send() {
    const question = input.value.trim();
    if (question === '') return;
    if (!inFlight) {
      void ask(question);
      return;
    }
    queued = question;
    input.value = '';
    queueStatus.textContent = t().queued(question);
  }
  shell.addEventListener('keydown', (event) => {
    // Escape closes the open source (or the history) first; only then may an enclosing panel (the widget) close.
    if (event.key === 'Escape' && (!sources.element.hidden || history.isOpen)) {
      event.stopPropagation();
      sources.hide();
      history.hide();
    }
  });
  // One side panel at a time: a source opened from an answer closes the history.
  log.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.pqa-chip, .pqa-source-link')) history.hide();
  });

  function renderHeader() {
    const text = t();
    const scopeSelect = element('select', { class: 'pqa-scope', 'aria-label': text.scopeLabel, onchange: (event) => setScope(/** @type {HTMLSelectElement} */ (event.target).value) }, [
      element('option', { value: 'all' }, [text.scopeAll]),
      ...scopeGroups(documents).map((group) => element('option', { value: group.code, selected: group.code === scope }, [language === 'zh' ? group.label : group.labelEn])),
    ]);
    replaceChildren(header, [
      element('div', { class: 'pqa-heading' }, [element('h1', { class: 'pqa-title' }, [options.title ?? text.title]), !options.compact && element('p', { class: 'pqa-subtitle' }, [text.subtitle])]),
      element('div', { class: 'pqa-tools' }, [
        !options.documentIds && documents.length > 0 && scopeSelect,
        element('button', { type: 'button', class: 'pqa-button pqa-quiet', lang: language === 'zh' ? 'en' : 'zh', 'aria-label': text.switchLanguageLabel, 'data-action': 'language', onclick: () => switchLanguage() }, [text.switchLanguage]),
        state.conversation.conversationId && exportMenu(text, {
          client, conversationId: () => state.conversation.conversationId, fileName: () => (state.conversation.turns[0]?.question ?? 'conversation').slice(0, 40),
          onFailed: () => (queueStatus.textContent = t().exportFailed),
        }),
        element('button', { type: 'button', class: 'pqa-button pqa-quiet', 'data-action': 'history', onclick: (event) => { sources.hide(); void history.open(/** @type {HTMLElement} */ (event.currentTarget)); } }, [text.history]),
        element('button', { type: 'button', class: 'pqa-button pqa-quiet', 'data-action': 'new', onclick: () => newConversation() }, [text.newConversation]),
        options.fullPageUrl && element('a', { class: 'pqa-button pqa-quiet', 'data-action': 'full-page', href: options.fullPageUrl, target: '_blank', rel: 'noopener' }, [text.fullPage]),
        options.onClose && element('button', { type: 'button', class: 'pqa-button pqa-quiet', 'data-action': 'close', 'aria-label': text.closeChat, onclick: () => options.onClose?.() }, ['×']),
      ]),
    ]);
  }

  /** @param {string} next */
  function setScope(next) {
    scope = next;
    writeStored(scopeKey, next === 'all' ? null : next);
    renderScopeChip();
  }

  /** The active scope, always in sight above the input: a page scope can be cleared, an embed's is fixed. */
  function renderScopeChip() {
    const text = t();
    const label = options.documentIds
      ? text.scopeDocuments(options.documentIds.length)
      : scope === 'all' ? null : scopeGroups(documents).find((group) => group.code === scope)?.[language === 'zh' ? 'label' : 'labelEn'] ?? null;
    replaceChildren(scopeChip, label === null ? [] : [
      element('span', { class: 'pqa-scope-chip' }, [
        `${text.scopeLabel}：${label}`,
        !options.documentIds && element('button', { type: 'button', class: 'pqa-scope-clear', 'aria-label': text.scopeClear, title: text.scopeClear, onclick: () => { setScope('all'); renderHeader(); input.focus(); } }, ['×']),
      ]),
    ]);
  }

  function renderAll() {
    const text = t();
    shell.setAttribute('lang', language === 'zh' ? 'zh-CN' : 'en');
    input.placeholder = text.inputPlaceholder;
    input.setAttribute('aria-label', text.inputLabel);
    sendButton.textContent = inFlight ? text.stop : text.send;
    log.setAttribute('aria-label', text.title);
    renderHeader();
    renderScopeChip();
    const turns = state.conversation.turns;
    if (turns.length === 0) {
      replaceChildren(log, [emptyState()]);
    } else {
      replaceChildren(log, []);
      for (const turn of turns) {
        log.appendChild(questionView(turn.question, text));
        const view = answerView({ t: text, client, sources, onSuggest: (next) => suggest(next), onAskEverywhere: (again) => void ask(again, { everywhere: true }), onRate });
        view.element.dataset.question = turn.question;
        if (turn.reply) view.finish(turn.reply, turn.rating);
        log.appendChild(view.element);
      }
    }
    sources.refresh();
  }

  function emptyState() {
    const text = t();
    return element('div', { class: 'pqa-empty' }, [
      element('h2', { class: 'pqa-empty-heading' }, [text.emptyHeading]),
      element('p', { class: 'pqa-empty-intro' }, [text.emptyIntro]),
      element(
        'ul',
        { class: 'pqa-examples' },
        text.examples.map((example) => element('li', {}, [element('button', { type: 'button', class: 'pqa-example', onclick: () => suggest(example) }, [example])])),
      ),
    ]);
  }

  /** @param {string} question @param {{ everywhere?: boolean }} [how] everywhere: without the scope, once */
  async function ask(question, how = {}) {
    if (inFlight) return;
    const text = t();
    log.querySelector('.pqa-empty')?.remove();
    input.value = '';
    log.appendChild(questionView(question, text));
    const view = answerView({ t: text, client, sources, onSuggest: (next) => suggest(next), onAskEverywhere: (again) => void ask(again, { everywhere: true }), onRate });
    view.element.dataset.question = question;
    log.appendChild(view.element);
    scrollToEnd();
    const controller = new AbortController();
    inFlight = controller;
    sendButton.textContent = text.stop;
    const documentIds = how.everywhere ? undefined : options.documentIds ?? documentsIn(scope);
    const { conversationId } = state.conversation;
    try {
      const reply = await client.ask(
        { messages: state.messagesFor(question), channel, ...(conversationId ? { conversationId } : {}), ...(documentIds ? { documentIds } : {}) },
        { onRetrieved: (step) => view.retrieved(step), onText: (delta) => { view.appendText(delta); scrollToEnd(); } },
        controller.signal,
      );
      view.finish(reply);
      const first = !state.conversation.conversationId;
      state.record(question, reply);
      if (first) renderHeader();
    } catch (error) {
      const failure = describeFailure(error, text);
      if (failure.startOver) state.reset();
      view.fail(failure.message, failure.retry ? () => { view.element.previousElementSibling?.remove(); view.element.remove(); void ask(question); } : undefined);
    } finally {
      inFlight = null;
      sendButton.textContent = t().send;
      scrollToEnd();
    }
    if (queued !== '') {
      const next = queued;
      queued = '';
      queueStatus.textContent = '';
      void ask(next);
    }
  }

  /** @param {string} messageId @param {'up' | 'down'} rating */
  function onRate(messageId, rating) {
    state.rate(messageId, rating);
  }

  /** A conversation from the history list, read back from the server, replaces the one on screen. @param {string} id */
  async function openConversation(id) {
    inFlight?.abort();
    try {
      state.replace(conversationFromStored(id, await client.loadConversation(id)));
    } catch {
      return;
    }
    sources.hide();
    renderAll();
    scrollToEnd();
    input.focus();
  }

  /** A suggested question: asked now, or queued behind the running answer; focus stays in the input. @param {string} question */
  function suggest(question) {
    input.value = question;
    send();
    input.focus();
  }

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function switchLanguage() {
    if (inFlight) return;
    language = language === 'zh' ? 'en' : 'zh';
    options.onLanguageChange?.(language);
    renderAll();
  }

  function newConversation() {
    queued = '';
    queueStatus.textContent = '';
    inFlight?.abort();
    state.reset();
    sources.hide();
    renderAll();
    input.focus();
  }

  /** @param {string} code @returns {string[] | undefined} */
  function documentsIn(code) {
    if (code === 'all') return undefined;
    return documents.filter((document) => document.regionCode === code).map((document) => document.id);
  }

  renderAll();
  if (!options.documentIds) {
    // The scope selector appears once the library is known; the chat works before that.
    client.listDocuments().then(
      (listed) => {
        documents = listed;
        // A remembered scope the library no longer has falls back to all documents.
        if (scope !== 'all' && !listed.some((document) => document.regionCode === scope)) setScope('all');
        renderHeader();
        renderScopeChip();
      },
      () => {},
    );
  }

  return {
    ask,
    /** @param {UiLanguage} next */
    setLanguage(next) {
      if (next !== language) switchLanguage();
    },
    focus: () => input.focus(),
  };
}
