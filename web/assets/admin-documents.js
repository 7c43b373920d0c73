// @ts-check
import { element, replaceChildren } from './dom.js';

/**
 * The library section of /admin: the documents with their sources, and a file's way in: choose,
 * preview (the parsed structure, nothing stored), confirm; or replace a document, or remove one.
 * @typedef {ReturnType<typeof import('./admin-client.js').createAdminClient>} AdminClient
 */

const FORMAT_NAMES = { pdf: 'PDF', docx: 'DOCX', html: 'HTML', txt: 'TXT' };

/** @param {HTMLElement} root @param {AdminClient} client */
export function mountDocuments(root, client) {
  const fileInput = element('input', { type: 'file', id: 'adm-file', accept: '.pdf,.docx,.html,.htm,.txt', class: 'adm-file' });
  const replacesSelect = element('select', { id: 'adm-replaces', class: 'adm-replaces' });
  const previewButton = element('button', { type: 'button', class: 'adm-preview-button', onclick: () => void runPreview() }, ['预览']);
  const confirmButton = element('button', { type: 'button', class: 'adm-primary adm-confirm', disabled: true, onclick: () => void runAdd() }, ['确认入库']);
  const progress = element('progress', { max: '1', value: '0', hidden: true, class: 'adm-progress', 'aria-label': '上传进度' });
  const status = element('p', { class: 'adm-status', role: 'status', 'aria-live': 'polite' });
  const preview = element('div', { class: 'adm-preview', hidden: true });
  const list = element('tbody', { class: 'adm-documents' });
  /** @type {File | undefined} */
  let previewed;

  fileInput.addEventListener('change', () => {
    previewed = undefined;
    confirmButton.disabled = true;
    preview.hidden = true;
    say('');
  });
  replacesSelect.addEventListener('change', () => {
    previewed = undefined;
    confirmButton.disabled = true;
  });

  replaceChildren(root, [
    element('section', { class: 'adm-section', 'aria-labelledby': 'adm-upload-title' }, [
      element('h2', { id: 'adm-upload-title' }, ['上传文件']),
      element('p', { class: 'adm-muted' }, ['支持 PDF（须有文字层）、DOCX、政府网站网页（HTML）和 TXT。先预览解析结果，确认后入库，入库后即可提问。']),
      element('div', { class: 'adm-row' }, [
        element('label', { for: 'adm-file' }, ['文件']), fileInput,
        element('label', { for: 'adm-replaces' }, ['替换']), replacesSelect,
        previewButton, confirmButton, progress,
      ]),
      status,
      preview,
    ]),
    element('section', { class: 'adm-section', 'aria-labelledby': 'adm-library-title' }, [
      element('h2', { id: 'adm-library-title' }, ['文件库']),
      element('table', {}, [
        element('thead', {}, [element('tr', {}, ['标题', '文号', '条款', '来源', '操作'].map((name) => element('th', { scope: 'col' }, [name])))]),
        list,
      ]),
    ]),
  ]);

  /** @param {string} text @param {'ok' | 'error'} [tone] */
  function say(text, tone) {
    status.textContent = text;
    if (tone) status.dataset['tone'] = tone;
    else delete status.dataset['tone'];
  }

  function chosenFile() {
    const file = fileInput.files?.[0];
    if (!file) say('请先选择一个文件。', 'error');
    return file;
  }

  /** @param {boolean} busy */
  function setBusy(busy) {
    previewButton.disabled = busy;
    confirmButton.disabled = busy || previewed === undefined;
    progress.hidden = !busy;
    if (busy) progress.value = 0;
  }

  async function runPreview() {
    const file = chosenFile();
    if (!file) return;
    setBusy(true);
    say('正在上传并解析…');
    try {
      const view = await client.preview(file, replacesSelect.value || undefined, (fraction) => (progress.value = fraction));
      previewed = file;
      showPreview(preview, view);
      say(`解析完成：${view.clauseCount} 条条款。请核对后点击“确认入库”。`, 'ok');
    } catch (error) {
      previewed = undefined;
      preview.hidden = true;
      say(messageOf(error), 'error');
    } finally {
      setBusy(false);
    }
  }

  async function runAdd() {
    const file = previewed;
    if (!file) return;
    setBusy(true);
    say('正在入库…');
    try {
      const result = await client.add(file, replacesSelect.value || undefined, (fraction) => (progress.value = fraction));
      previewed = undefined;
      const how = result.mergedInto ? `已作为《${result.document.title}》的另一来源合并` : result.replaced ? `已替换 ${result.replaced}` : '已入库';
      fileInput.value = '';
      replacesSelect.value = '';
      // The list first, then the message: whoever reads "已入库" finds the document listed.
      await refresh();
      say(`${how}：${result.clauseCount} 条条款，${result.units.length} 个责任单位。现在可以提问了。`, 'ok');
    } catch (error) {
      say(messageOf(error), 'error');
    } finally {
      setBusy(false);
    }
  }

  /** @param {{ id: string, title: string }} document */
  async function runRemove(document) {
    if (!window.confirm(`从文件库删除《${document.title}》？删除后不再检索其条款；已有对话保留引用原文。`)) return;
    try {
      await client.remove(document.id);
      await refresh();
      say(`已删除《${document.title}》。`, 'ok');
    } catch (error) {
      say(messageOf(error), 'error');
    }
  }

  async function refresh() {
    const documents = await client.listDocuments();
    replaceChildren(replacesSelect, [
      element('option', { value: '' }, ['（新增，不替换）']),
      ...documents.map((/** @type {any} */ document) => element('option', { value: document.id }, [`${document.docNumber ?? document.id} ${document.titleSimplified}`])),
    ]);
    replaceChildren(list, documents.map((/** @type {any} */ document) => element('tr', { 'data-document-id': document.id }, [
      element('td', {}, [document.titleSimplified]),
      element('td', {}, [document.docNumber ?? '—']),
      element('td', {}, [String(document.clauseCount)]),
      element('td', {}, document.sources.map((/** @type {any} */ source) => element('div', { class: 'adm-muted' }, [sourceLine(source)]))),
      element('td', {}, [
        element('div', { class: 'adm-row' }, [
          element('button', { type: 'button', class: 'adm-replace', onclick: () => { replacesSelect.value = document.id; fileInput.focus(); say(`选择新文件以替换《${document.titleSimplified}》，然后预览。`); } }, ['替换']),
          element('button', { type: 'button', class: 'adm-danger adm-remove', onclick: () => void runRemove(document) }, ['删除']),
        ]),
      ]),
    ])));
  }

  return { refresh };
}

/** @param {any} source */
function sourceLine(source) {
  const format = FORMAT_NAMES[/** @type {keyof typeof FORMAT_NAMES} */ (source.format)] ?? source.format;
  if (source.origin === 'upload') return `${source.fileName} · ${format} · ${formatTime(source.addedAt)} 由 ${source.addedBy ?? '管理员'} 上传`;
  return `${source.fileName} · ${format} · 种子文件`;
}

/** @param {string | null} iso */
function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
}

/** @param {unknown} error */
export function messageOf(error) {
  if (error && typeof error === 'object' && 'status' in error && error.status === 401) return '管理口令无效或已失效，请重新输入。';
  return error instanceof Error ? error.message : String(error);
}

/** @param {HTMLElement} container @param {any} view */
function showPreview(container, view) {
  const { document } = view;
  const facts = [
    ['标题', document.titleSimplified], ['文号', document.docNumber ?? '（未识别）'], ['发文单位', document.issuer ?? '（未识别）'],
    ['日期', document.date ?? '（未识别）'], ['地区', document.region], ['状态', document.status === 'draft' ? '征求意见稿' : '现行'],
  ];
  const notes = [
    view.mergedInto ? `此文件与文件库中的 ${view.mergedInto} 是同一文件（文号或正文相同），将作为它的另一来源合并，不会新增文件。` : null,
    view.replaced ? `确认后将替换 ${view.replaced}。` : null,
  ].filter(Boolean);
  replaceChildren(container, [
    element('h3', {}, ['解析结果']),
    element('dl', {}, facts.flatMap(([name, value]) => [element('dt', {}, [name]), element('dd', {}, [value])])),
    ...notes.map((note) => element('p', { class: 'adm-note' }, [note])),
    view.warnings.length > 0 ? element('ul', { class: 'adm-warnings', 'aria-label': '提示' }, view.warnings.map((/** @type {string} */ warning) => element('li', {}, [warning]))) : null,
    element('h3', {}, [`章节（${view.sections.length}）`]),
    element('p', {}, [view.sections.map((/** @type {any} */ section) => `${section.numeral}、${section.heading}`).join('　')]),
    element('h3', {}, [`条款（${view.clauseCount}）`]),
    element('div', { class: 'adm-clauses' }, [
      element('table', {}, [
        element('thead', {}, [element('tr', {}, ['条款', '标题', '责任单位（加粗为牵头）', '页'].map((name) => element('th', { scope: 'col' }, [name])))]),
        element('tbody', {}, view.clauses.map((/** @type {any} */ clause) => element('tr', {}, [
          element('td', {}, [`${clause.section ?? ''}${clause.clause ? `(${clause.clause})` : ''}`]),
          element('td', {}, [clause.heading ?? '']),
          element('td', { class: 'adm-units' }, clause.units.flatMap((/** @type {any} */ unit, /** @type {number} */ index) => [
            index > 0 ? '、' : null,
            element('span', { class: unit.role === 'lead' ? 'adm-lead' : 'adm-co' }, [unit.name]),
          ])),
          element('td', {}, [clause.page === null ? '' : String(clause.page)]),
        ]))),
      ]),
    ]),
  ]);
  container.hidden = false;
}
