// @ts-check
import { createAdminClient, saveToken, savedToken } from './admin-client.js';
import { mountDocuments } from './admin-documents.js';
import { mountFeedback } from './admin-feedback.js';
import { element, replaceChildren } from './dom.js';

/**
 * /admin: asks for the admin token (kept in this tab only), checks it with the server, then shows
 * the library and the feedback. A token the server refuses brings the form back.
 */
const root = document.getElementById('admin');
if (root) {
  let token = savedToken();
  const client = createAdminClient(() => token);
  const signIn = () => showTokenForm(root, async (entered) => {
    token = entered;
    return start();
  });
  const start = async () => {
    try {
      await client.verify();
    } catch (error) {
      token = '';
      saveToken('');
      signIn();
      return error && typeof error === 'object' && 'status' in error && error.status === 401 ? '口令不正确。' : '无法连接服务器，请稍后再试。';
    }
    saveToken(token);
    const documents = element('div', { class: 'adm-documents-root' });
    const feedback = element('div', { class: 'adm-feedback-root' });
    replaceChildren(root, [
      element('div', { class: 'adm-row' }, [
        element('h1', {}, ['文件库管理']),
        element('a', { href: '/' }, ['返回问答']),
        element('button', { type: 'button', class: 'adm-sign-out', onclick: () => { token = ''; saveToken(''); signIn(); } }, ['退出']),
      ]),
      documents,
      feedback,
    ]);
    await Promise.all([mountDocuments(documents, client).refresh(), mountFeedback(feedback, client).refresh()]);
    return null;
  };
  if (token) void start();
  else signIn();
}

/**
 * @param {HTMLElement} root
 * @param {(token: string) => Promise<string | null>} onToken resolves to an error message, or null once signed in
 */
function showTokenForm(root, onToken) {
  const input = element('input', { type: 'password', id: 'adm-token', autocomplete: 'current-password', class: 'adm-token' });
  const status = element('p', { class: 'adm-status', role: 'alert' });
  const submit = async () => {
    if (!input.value.trim()) return;
    const problem = await onToken(input.value.trim());
    // A refused token renders the form afresh: the message goes into the new one.
    const shown = root.querySelector('.adm-status');
    if (problem && shown) shown.textContent = problem;
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') void submit();
  });
  replaceChildren(root, [
    element('h1', {}, ['文件库管理']),
    element('section', { class: 'adm-section' }, [
      element('p', {}, ['请输入管理口令（服务器的 ADMIN_TOKEN）。口令只保存在本标签页，关闭即清除。']),
      element('div', { class: 'adm-row' }, [
        element('label', { for: 'adm-token' }, ['管理口令']), input,
        element('button', { type: 'button', class: 'adm-primary adm-sign-in', onclick: () => void submit() }, ['进入']),
      ]),
      status,
    ]),
  ]);
  input.focus();
}
