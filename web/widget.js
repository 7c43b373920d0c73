// @ts-check
/**
 * The embeddable assistant. One tag on an intranet page:
 *   <script src="https://HOST/widget.js" data-title="…" data-lang="zh" data-color="#1f5fbf"
 *           data-position="right" data-documents="tj-2023-3,tj-2014-22" defer></script>
 * adds a floating button that opens the chat. Everything lives in a shadow root on one host
 * element, so the page's CSS cannot restyle the widget and the widget's CSS cannot touch the page.
 * The chat itself is loaded from HOST on first open; HOST refuses pages whose origin it does not
 * allow, and then the panel says so.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const data = script.dataset;
  const language = pickLanguage(data.lang);
  const position = data.position === 'left' ? 'left' : 'right';
  const documentIds = (data.documents ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  // The few words needed before the chat loads; the refusal cannot come from i18n.js, since a
  // refused origin cannot load it.
  const labels = {
    zh: { name: '政策问答', refused: '此页面未获准使用政策问答助手。请联系管理员把本站点加入允许列表。' },
    en: { name: 'Policy QA', refused: 'This page is not allowed to use the policy assistant. Ask your administrator to add this site to the allowed list.' },
  }[language];

  const host = document.createElement('policy-qa-widget');
  // Inline !important declarations outrank any page rule, even `* { … !important }`; `all: initial`
  // also stops the page's inherited fonts and colours from reaching into the shadow root.
  const hostStyle = {
    all: 'initial', position: 'fixed', bottom: '20px', [position]: '20px', 'z-index': '2147483000', display: 'block',
    width: 'auto', height: 'auto', margin: '0', padding: '0', border: '0', background: 'transparent', transform: 'none', opacity: '1', visibility: 'visible',
  };
  for (const [property, value] of Object.entries(hostStyle)) host.style.setProperty(property, value, 'important');
  const shadow = host.attachShadow({ mode: 'open' });

  /** @param {string} name */
  const stylesheet = (name) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${origin}/assets/${name}`;
    shadow.appendChild(link);
    return new Promise((resolve) => {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', resolve, { once: true });
    });
  };
  // The button's styles come at once; the chat's only when someone opens it.
  const buttonStyles = stylesheet('widget.css');

  const frame = document.createElement('div');
  frame.className = `pqa-widget pqa-widget-${position}`;
  frame.hidden = true;
  if (data.color && CSS.supports('color', data.color)) frame.style.setProperty('--pqa-accent', data.color);
  const panel = document.createElement('div');
  panel.className = 'pqa-widget-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', data.title || labels.name);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'pqa-launcher';
  // Its name is its visible caption; aria-expanded says whether the panel is open.
  launcher.setAttribute('aria-expanded', 'false');
  const icon = document.createElement('span');
  icon.className = 'pqa-launcher-icon';
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '?';
  const caption = document.createElement('span');
  caption.className = 'pqa-launcher-caption';
  caption.textContent = data.title || labels.name;
  launcher.append(icon, caption);
  frame.append(panel, launcher);
  shadow.appendChild(frame);

  /** @type {Promise<{ focus(): void }> | null} */
  let chat = null;
  /** @type {Promise<unknown> | null} */
  let chatStyles = null;
  function loadChat() {
    chat ??= Promise.all([import(`${origin}/assets/chat-view.js`), import(`${origin}/assets/chat-client.js`), (chatStyles ??= stylesheet('chat.css'))]).then(
      ([view, client]) =>
        view.mountChat(panel, {
          client: client.createChatClient(origin),
          language,
          compact: true,
          storageKey: `policy-qa-widget:${origin}:${documentIds.join(',') || 'all'}`,
          // The widget's header closes it and opens the full chat (same scope) in a new tab.
          onClose: () => {
            setOpen(false);
            launcher.focus();
          },
          fullPageUrl: `${origin}/${documentIds.length > 0 ? `?documents=${documentIds.map(encodeURIComponent).join(',')}` : ''}`,
          ...(data.title ? { title: data.title } : {}),
          ...(documentIds.length > 0 ? { documentIds } : {}),
        }),
      (error) => {
        // The server sends the chat only to allowed origins; a refused import lands here.
        const notice = document.createElement('p');
        notice.className = 'pqa-widget-refused';
        notice.setAttribute('role', 'alert');
        notice.textContent = labels.refused;
        panel.replaceChildren(notice);
        chat = null;
        throw error;
      },
    );
    return chat;
  }

  /** @param {boolean} open */
  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    frame.classList.toggle('pqa-widget-open', open);
    if (open) loadChat().then((mounted) => mounted.focus(), () => {});
  }
  launcher.addEventListener('click', () => setOpen(launcher.getAttribute('aria-expanded') !== 'true'));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      setOpen(false);
      launcher.focus();
    }
  });

  // Shown only once its styles apply, so the page never sees an unstyled button flash.
  buttonStyles.then(() => {
    frame.hidden = false;
  });
  (document.body ?? document.documentElement).appendChild(host);

  /** @param {string | undefined} preferred @returns {'zh' | 'en'} */
  function pickLanguage(preferred) {
    for (const tag of [preferred, ...(navigator.languages ?? [navigator.language])]) {
      const primary = (tag ?? '').toLowerCase().split(/[-_]/u)[0];
      if (primary === 'zh' || primary === 'en') return primary;
    }
    return 'zh';
  }
})();
