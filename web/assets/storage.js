// @ts-check
/**
 * localStorage that may be missing (private windows, sandboxed frames, a full quota): reads give
 * null, writes are dropped, and the page keeps working for as long as it is open. Also the one
 * preference several pages share: whether a reader wants documents in their original script.
 */

/** @param {string} key */
export function readStored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** @param {string} key @param {string | null} value null removes it */
export function writeStored(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Without storage the value lasts for this page.
  }
}

const ORIGINAL_SCRIPT_KEY = 'policy-qa:original-script';

/** The source panel and the document pages show Simplified unless the reader asked for the original. */
export function prefersOriginalScript() {
  return readStored(ORIGINAL_SCRIPT_KEY) === 'true';
}

/** @param {boolean} original */
export function setPrefersOriginalScript(original) {
  writeStored(ORIGINAL_SCRIPT_KEY, String(original));
}
