// @ts-check
/**
 * What the chat's side panels (the source, the history) share: opened from a control, closed by
 * its close button or Escape (which goes no further, so the widget stays open), focus returned to
 * the control that opened it.
 * @param {HTMLElement} panel @param {HTMLElement} close
 */
export function sidePanel(panel, close) {
  /** @type {HTMLElement | null} */
  let returnFocusTo = null;
  const hide = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    returnFocusTo?.focus();
    returnFocusTo = null;
  };
  close.addEventListener('click', () => hide());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      hide();
    }
  });
  return {
    /** @param {HTMLElement} opener focus returns here on close @param {HTMLElement} focusFirst */
    show(opener, focusFirst) {
      returnFocusTo = opener;
      panel.hidden = false;
      focusFirst.focus();
    },
    hide,
  };
}
