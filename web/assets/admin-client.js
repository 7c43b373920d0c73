// @ts-check
/**
 * The admin page's side of /api/admin: every request carries the admin's bearer token, which lives in
 * this tab's sessionStorage only (gone when the tab closes, never sent anywhere but this origin).
 * Uploads go through XMLHttpRequest because fetch reports no upload progress.
 */

const TOKEN_KEY = 'policy-qa:admin-token';

export class AdminApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.name = 'AdminApiError';
    this.status = status;
    this.code = code;
  }
}

export function savedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** @param {string} token */
export function saveToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the token lasts as long as the page.
  }
}

/** @param {() => string} token */
export function createAdminClient(token) {
  /** @param {string} method @param {string} path */
  async function request(method, path) {
    let response;
    try {
      response = await fetch(path, { method, headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' }, credentials: 'omit' });
    } catch (error) {
      throw new AdminApiError(0, 'unreachable', '无法连接服务器，请检查网络后重试。');
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  /**
   * @param {'/api/admin/documents' | '/api/admin/documents/preview'} path
   * @param {File} file @param {string | undefined} replaces
   * @param {(fraction: number) => void} onProgress
   * @returns {Promise<any>}
   */
  function upload(path, file, replaces, onProgress) {
    return new Promise((resolve, reject) => {
      const form = new FormData();
      form.append('file', file);
      if (replaces) form.append('replaces', replaces);
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.setRequestHeader('Authorization', `Bearer ${token()}`);
      xhr.responseType = 'json';
      xhr.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      xhr.addEventListener('load', () => {
        const body = xhr.response;
        if (xhr.status >= 200 && xhr.status < 300) resolve(body);
        else reject(new AdminApiError(xhr.status, body?.error?.code ?? 'error', body?.error?.message ?? `HTTP ${xhr.status}`));
      });
      xhr.addEventListener('error', () => reject(new AdminApiError(0, 'unreachable', '上传中断，请检查网络后重试。')));
      xhr.send(form);
    });
  }

  return {
    /** Checks the token against the server: a 401 means it is wrong. */
    async verify() {
      await request('GET', '/api/admin/feedback?limit=1');
    },
    async listDocuments() {
      const response = await request('GET', '/api/documents');
      return (await response.json()).documents;
    },
    /** @param {File} file @param {string | undefined} replaces @param {(fraction: number) => void} onProgress */
    preview: (file, replaces, onProgress) => upload('/api/admin/documents/preview', file, replaces, onProgress),
    /** @param {File} file @param {string | undefined} replaces @param {(fraction: number) => void} onProgress */
    add: (file, replaces, onProgress) => upload('/api/admin/documents', file, replaces, onProgress),
    /** @param {string} id */
    async remove(id) {
      await request('DELETE', `/api/admin/documents/${encodeURIComponent(id)}`);
    },
    /** @param {{ rating?: string, offset?: number, limit?: number }} query */
    async listFeedback(query) {
      const parameters = new URLSearchParams();
      if (query.rating) parameters.set('rating', query.rating);
      parameters.set('offset', String(query.offset ?? 0));
      parameters.set('limit', String(query.limit ?? 20));
      const response = await request('GET', `/api/admin/feedback?${parameters}`);
      return response.json();
    },
    /** @param {string | undefined} rating @returns {Promise<Blob>} */
    async feedbackCsv(rating) {
      const response = await request('GET', `/api/admin/feedback?format=csv${rating ? `&rating=${rating}` : ''}`);
      return response.blob();
    },
  };
}

/** @param {Response} response */
async function errorOf(response) {
  try {
    const body = await response.json();
    return new AdminApiError(response.status, body?.error?.code ?? 'error', body?.error?.message ?? `HTTP ${response.status}`);
  } catch {
    return new AdminApiError(response.status, 'error', `HTTP ${response.status}`);
  }
}
