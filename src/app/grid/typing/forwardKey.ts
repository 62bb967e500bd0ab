/**
 * Keys the cell editor does not keep (arrows, Tab, Enter, Delete, Ctrl+D …) handed to Glide
 * Data Grid as if pressed on its canvas, so its keyboard (moving, selecting, filling, opening
 * an editor) works unchanged while the focus sits in an editable element that takes what an
 * input method composes. Glide reads `key`, the modifiers and, for letters, `keyCode`.
 */
export function forwardKey(canvas: Element | null | undefined, event: KeyboardEvent | React.KeyboardEvent): boolean {
  if (!canvas) return false;
  const { key, code, ctrlKey, shiftKey, altKey, metaKey, keyCode } = event;
  const copy = new KeyboardEvent('keydown', {
    key,
    code,
    ctrlKey,
    shiftKey,
    altKey,
    metaKey,
    bubbles: true,
    cancelable: true,
  });
  Object.defineProperty(copy, 'keyCode', { get: () => keyCode });
  Object.defineProperty(copy, 'which', { get: () => keyCode });
  // Glide calls preventDefault on the keys it acts on: those are handled
  return !canvas.dispatchEvent(copy);
}

/** A key (by name) pressed on the grid, for moves the catcher decides itself (Enter commits, then down). */
export function pressOnGrid(canvas: Element | null | undefined, key: string, shiftKey = false) {
  const keyCodes: Record<string, number> = { ArrowDown: 40, ArrowUp: 38, ArrowLeft: 37, ArrowRight: 39, Tab: 9 };
  forwardKey(canvas, {
    key,
    code: key,
    ctrlKey: false,
    shiftKey,
    altKey: false,
    metaKey: false,
    keyCode: keyCodes[key] ?? 0,
  } as KeyboardEvent);
}
