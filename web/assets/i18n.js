// @ts-check
/** UI text in the two languages staff use. The answers follow the question's language, not these. */

/** @typedef {'zh' | 'en'} UiLanguage */

const messages = {
  zh: {
    title: '政策问答',
    subtitle: '质量政策文件问答 · 答案均引用条款原文',
    scopeLabel: '文件范围',
    scopeAll: '全部文件',
    scopeClear: '清除范围，在全部文件中提问',
    scopeDocuments: (/** @type {number} */ count) => `${count} 份文件`,
    scopeConflict: (/** @type {string} */ names) => `问题提到的 ${names} 不在当前范围内，以上只按当前范围回答。`,
    askEverywhere: '在全部文件中提问',
    newConversation: '新对话',
    locale: 'zh-CN',
    history: '历史对话',
    fullPage: '全屏打开',
    closeChat: '关闭政策问答',
    exportMenu: '导出',
    print: '打印',
    exportMarkdown: '导出 Markdown',
    exportWord: '导出 Word',
    exportFailed: '导出失败，请稍后再试。',
    historyHeading: '历史对话',
    historyLoading: '正在读取历史对话…',
    historyEmpty: '还没有历史对话。',
    historyFailed: '未能读取或修改历史对话，请稍后再试。',
    rename: '重命名',
    save: '保存',
    deleteConversation: '删除',
    confirmDelete: (/** @type {string} */ title) => `删除对话“${title}”？删除后无法恢复。`,
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    inputLabel: '输入问题',
    inputPlaceholder: '请输入问题，例如：天津提升食品质量水平由哪个部门牵头?',
    send: '发送',
    stop: '停止',
    emptyHeading: '可以这样问',
    emptyIntro: '针对收录的质量政策文件提问，回答会标注所依据的条款。',
    examples: ['天津提升食品质量水平由哪个部门牵头?', '汕尾到2025年制造业产品质量合格率目标是多少?', '国家方案对老年用品和儿童用品有什么要求?', '津质量发〔2023〕3号是哪个单位发布的?'],
    you: '我',
    assistant: '助手',
    thinking: '正在检索条款…',
    composing: (/** @type {number} */ clauses) => `已找到 ${clauses} 条相关条款，正在组织回答…`,
    queued: (/** @type {string} */ question) => `已排队，当前回答完成后发送：${question}`,
    notCovered: '文件未涉及',
    relatedHeading: '可能相关的条款',
    sourcesHeading: '依据条款',
    suggestionsHeading: '接着可以问',
    copy: '复制回答',
    copied: '已复制',
    helpful: '有帮助',
    notHelpful: '没有帮助',
    commentLabel: '补充说明（可选）',
    commentPlaceholder: '哪里不对或缺了什么?',
    sendFeedback: '提交反馈',
    feedbackThanks: '感谢反馈',
    feedbackFailed: '反馈未能提交，请稍后再试',
    sourcePanel: '条款原文',
    closeSource: '关闭',
    showOriginal: '查看原文',
    fullText: '查看全文',
    showSimplified: '显示简体',
    page: (/** @type {number} */ page) => `第 ${page} 页`,
    previousSource: '上一条',
    nextSource: '下一条',
    sourceCounter: (/** @type {number} */ index, /** @type {number} */ total) => `第 ${index} / ${total} 条`,
    units: '责任单位',
    leadUnit: '牵头',
    counterparts: '对应条款',
    counterpart: (/** @type {'implements' | 'implemented-by' | 'corresponds'} */ relation, /** @type {boolean} */ national, /** @type {string} */ place) =>
      relation === 'implements' ? `落实${national ? '国家方案 ' : ''}${place}` : relation === 'implemented-by' ? `由 ${place} 落实` : `对应${national ? '国家方案 ' : ''}${place}`,
    openUnitHint: '查看该单位在各文件中的全部任务',
    unitTasks: (/** @type {number} */ lead, /** @type {number} */ co) => `牵头 ${lead} 项 · 参与 ${co} 项`,
    unitRoleLead: '牵头',
    unitRoleCo: '参与',
    backToClause: '返回条款',
    unitLoading: '正在读取该单位的任务…',
    unitFailed: '未能读取该单位的任务，请稍后再试。',
    docNumberMissing: '无文号',
    draft: '征求意见稿',
    citationLabel: (/** @type {number} */ n, /** @type {string} */ title) => `查看依据 ${n}：${title}`,
    rateLimited: (/** @type {number} */ seconds) => `提问太频繁了，请 ${seconds} 秒后再试。`,
    refused: '此页面未获准使用政策问答助手。请联系管理员把本站点加入允许列表。',
    unreachable: '暂时无法连接政策问答服务，请检查网络后重试。',
    serverError: '回答未能完成，请重新提问。',
    conversationLost: '之前的对话已失效，已为你开始新的对话，请重新提问。',
    invalidQuestion: (/** @type {string} */ detail) => `问题未能提交：${detail}`,
    retry: '重试',
  },
  en: {
    title: 'Policy QA',
    subtitle: 'Questions on quality-policy documents, answered from their clauses',
    scopeLabel: 'Documents',
    scopeAll: 'All documents',
    scopeClear: 'Clear the scope and ask across all documents',
    scopeDocuments: (/** @type {number} */ count) => `${count} document${count === 1 ? '' : 's'}`,
    scopeConflict: (/** @type {string} */ names) => `The question names ${names}, which is outside the current scope; this answer keeps to the scope.`,
    askEverywhere: 'Ask across all documents',
    newConversation: 'New conversation',
    locale: 'en-GB',
    history: 'History',
    fullPage: 'Full page',
    closeChat: 'Close Policy QA',
    exportMenu: 'Export',
    print: 'Print',
    exportMarkdown: 'Markdown',
    exportWord: 'Word (.docx)',
    exportFailed: 'The export failed; please try again later.',
    historyHeading: 'Earlier conversations',
    historyLoading: 'Reading earlier conversations…',
    historyEmpty: 'No earlier conversations yet.',
    historyFailed: 'The conversation list could not be read or changed; please try again later.',
    rename: 'Rename',
    save: 'Save',
    deleteConversation: 'Delete',
    confirmDelete: (/** @type {string} */ title) => `Delete the conversation “${title}”? This cannot be undone.`,
    switchLanguage: '中文',
    switchLanguageLabel: '切换到中文',
    inputLabel: 'Your question',
    inputPlaceholder: 'Ask a question, e.g. which bureau leads dairy safety in Tianjin?',
    send: 'Send',
    stop: 'Stop',
    emptyHeading: 'Try asking',
    emptyIntro: 'Ask about the quality-policy documents in the library; every answer cites the clauses it relies on.',
    examples: ['Which bureau leads dairy safety in Tianjin?', 'What is Shanwei\'s 2025 target for the manufacturing product pass rate?', 'What does the national plan say about products for the elderly and children?', 'Who issued 津质量发〔2023〕3号?'],
    you: 'You',
    assistant: 'Assistant',
    thinking: 'Searching the clauses…',
    composing: (/** @type {number} */ clauses) => `Found ${clauses} relevant clauses; writing the answer…`,
    queued: (/** @type {string} */ question) => `Queued, sent when the current answer is done: ${question}`,
    notCovered: 'Not covered by the documents',
    relatedHeading: 'Clauses that may be related',
    sourcesHeading: 'Sources',
    suggestionsHeading: 'You could ask next',
    copy: 'Copy answer',
    copied: 'Copied',
    helpful: 'Helpful',
    notHelpful: 'Not helpful',
    commentLabel: 'Comment (optional)',
    commentPlaceholder: 'What was wrong or missing?',
    sendFeedback: 'Send feedback',
    feedbackThanks: 'Thank you for the feedback',
    feedbackFailed: 'The feedback could not be sent; please try again later',
    sourcePanel: 'Clause text',
    closeSource: 'Close',
    showOriginal: 'Original script',
    fullText: 'Full document',
    showSimplified: 'Simplified',
    page: (/** @type {number} */ page) => `page ${page}`,
    previousSource: 'Previous',
    nextSource: 'Next',
    sourceCounter: (/** @type {number} */ index, /** @type {number} */ total) => `${index} of ${total}`,
    units: 'Responsible units',
    leadUnit: 'lead',
    counterparts: 'Corresponding clauses',
    counterpart: (/** @type {'implements' | 'implemented-by' | 'corresponds'} */ relation, /** @type {boolean} */ national, /** @type {string} */ place) =>
      relation === 'implements' ? `Implements ${national ? 'the national plan, ' : ''}${place}` : relation === 'implemented-by' ? `Implemented by ${place}` : `Corresponds to ${national ? 'the national plan, ' : ''}${place}`,
    openUnitHint: 'Shows every task of this unit in each document',
    unitTasks: (/** @type {number} */ lead, /** @type {number} */ co) => `leads ${lead} · shares ${co}`,
    unitRoleLead: 'lead',
    unitRoleCo: 'shared',
    backToClause: 'Back to the clause',
    unitLoading: 'Reading the tasks of this unit…',
    unitFailed: 'The tasks of this unit could not be read; please try again later.',
    docNumberMissing: 'no document number',
    draft: 'draft for comment',
    citationLabel: (/** @type {number} */ n, /** @type {string} */ title) => `Show source ${n}: ${title}`,
    rateLimited: (/** @type {number} */ seconds) => `That was a lot of questions at once. Please wait ${seconds} seconds and ask again.`,
    refused: 'This page is not allowed to use the policy assistant. Ask your administrator to add this site to the allowed list.',
    unreachable: 'The policy assistant cannot be reached right now. Check the connection and try again.',
    serverError: 'The answer could not be completed. Please ask again.',
    conversationLost: 'The earlier conversation has expired, so a new one was started. Please ask again.',
    invalidQuestion: (/** @type {string} */ detail) => `The question was not sent: ${detail}`,
    retry: 'Try again',
  },
};

/** @typedef {typeof messages.zh} UiText */

/** @param {UiLanguage} language @returns {UiText} */
export function uiText(language) {
  return messages[language];
}

/**
 * The first of: an explicit choice (data-lang, ?lang=, a saved switch), then the browser's languages.
 * @param {(string | null | undefined)[]} explicitChoices
 * @param {readonly string[]} browserLanguages
 * @returns {UiLanguage}
 */
export function chooseLanguage(explicitChoices, browserLanguages) {
  for (const choice of explicitChoices) {
    const language = asUiLanguage(choice);
    if (language) return language;
  }
  for (const tag of browserLanguages) {
    const language = asUiLanguage(tag);
    if (language) return language;
  }
  return 'zh';
}

/** @param {string | null | undefined} tag @returns {UiLanguage | undefined} */
function asUiLanguage(tag) {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/u)[0];
  if (primary === 'zh') return 'zh';
  if (primary === 'en') return 'en';
  return undefined;
}
