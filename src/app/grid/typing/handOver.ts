/** A key pressed while the grid's editor was opening, to be pressed again in it. */
export type KeptKey = Pick<KeyboardEventInit, 'key' | 'code' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/** Whether an element is an editor of the grid's (Glide's overlay, in #portal) that takes text. */
export const isGridEditor = (element: Element | null): element is HTMLInputElement | HTMLTextAreaElement =>
  (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) &&
  !!document.getElementById('portal')?.contains(element);

/**
 * Gives the grid's editor, once it has the keyboard, what was typed while it opened (its code
 * loads on the first use, so on a fresh page it takes a moment): the text replaces the
 * selection as typing there would have (it opens with its value selected), then Enter, Tab
 * or Esc follow, each once the editor has taken in what came before.
 */
export function handOver(editor: HTMLInputElement | HTMLTextAreaElement, text: string, keys: KeptKey[]) {
  // after the editor's own focus code (which selects its value) has run
  queueMicrotask(async () => {
    if (text) {
      const end = editor.value.length;
      editor.setRangeText(text, editor.selectionStart ?? end, editor.selectionEnd ?? end, 'end');
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (const key of keys) {
      await new Promise((next) => setTimeout(next));
      editor.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true }));
    }
  });
}
