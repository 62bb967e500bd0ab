/**
 * The keys an input method uses while composing (搜狗, 微软拼音, 微信输入法: Enter to take the
 * letters as typed, Esc to drop them, the arrows and digits to pick a candidate) belong to the
 * input method. Browsers still report them as keydown events, marked `isComposing` (or with
 * keyCode 229, which Safari also sends just after a composition ends). Stopped here, on the way
 * down, they never reach the app's handlers: no grid editor, picker, form or search box saves,
 * cancels or moves on the Enter that chose a candidate. What the input method commits arrives
 * as input, as always.
 */
export function keepComposingKeysForTheInputMethod(target: Window = window) {
  const stop = (event: KeyboardEvent) => {
    if (event.isComposing || event.keyCode === 229) event.stopPropagation();
  };
  target.addEventListener('keydown', stop, true);
  target.addEventListener('keyup', stop, true);
  return () => {
    target.removeEventListener('keydown', stop, true);
    target.removeEventListener('keyup', stop, true);
  };
}
