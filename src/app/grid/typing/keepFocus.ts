/**
 * Glide focuses its canvas a frame after a click (and when its editor closes). The cell
 * editor, which holds the keyboard, takes the focus straight back (see SchemaGrid's onFocus),
 * but the focus passing through the canvas ends an input method's composition begun in that
 * frame, leaving the pinyin typed so far as text ("j教授"). So while the cell editor has the
 * keyboard, the canvas does not take it; otherwise it does, as Glide expects.
 */
export function keepFocus(canvas: HTMLElement, held: () => boolean) {
  if (canvas.dataset.focusKept) return;
  canvas.dataset.focusKept = 'true';
  canvas.focus = (options?: FocusOptions) => {
    if (!held()) HTMLElement.prototype.focus.call(canvas, options);
  };
}
