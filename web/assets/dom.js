// @ts-check
/**
 * The one way the UI makes elements. Text is always set as text nodes, never parsed as HTML, so a
 * clause or a model reply holding <script> shows as those characters (the page's CSP also forbids
 * HTML sinks through Trusted Types).
 */

/**
 * @typedef {Record<string, string | number | boolean | null | undefined | EventListener>} Attributes
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes] on* keys add listeners; other keys become attributes ("class", "aria-…")
 * @param {Child[]} [children]
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (typeof value !== 'function') node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** @param {Node} parent @param {Child[]} children */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** @param {Node} parent @param {Child[]} children */
export function replaceChildren(parent, children) {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

const ICON_PATHS = {
  // Thumbs up and down, drawn as strokes so they follow the text colour; no emoji font needed.
  up: 'M7 10v11H3V10h4zm0 0 4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.4 8A2 2 0 0 1 18.1 21H7',
  down: 'M17 14V3h4v11h-4zm0 0-4 8a3 3 0 0 1-3-3v-4H4.5a2 2 0 0 1-2-2.3l1.4-8A2 2 0 0 1 5.9 3H17',
};

/** @param {keyof typeof ICON_PATHS} name */
export function icon(name) {
  const namespace = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(namespace, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'pqa-icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(namespace, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.appendChild(path);
  return svg;
}
