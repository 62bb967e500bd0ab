import englishMessages from 'ra-language-english';
import { en } from './en';

/** react-admin's English and the app's own, loaded only when someone switches to English. */
export const english = { ...englishMessages, ...en };
