import type { CDPSession } from 'playwright-core';

/** Chinese as an input method types it (搜狗, 微软拼音): the pinyin composed letter by letter, a
 * candidate chosen with the input method's Enter (keyCode 229, not the app's), the characters
 * committed. Chromium's DevTools protocol drives the path a real input method does. */
export async function typeChinese(cdp: CDPSession, pinyin: string, chosen: string) {
  for (let i = 1; i <= pinyin.length; i++)
    await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
  await cdp.send('Input.imeSetComposition', {
    text: chosen,
    selectionStart: chosen.length,
    selectionEnd: chosen.length,
  });
  const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...enter });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter });
  await cdp.send('Input.insertText', { text: chosen });
}
