import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { keepComposingKeysForTheInputMethod } from './ime';
import { i18nProvider, startingLocale } from './providers/i18nProvider';

keepComposingKeysForTheInputMethod();

// English is loaded before the first paint for those who read it, so nobody sees a flash of Chinese.
const ready = startingLocale() === 'en' ? i18nProvider.changeLocale('en') : Promise.resolve();

ready.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
