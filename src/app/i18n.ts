/** The app's i18next instance: zh-CN by default, the clerk's choice remembered in the browser. */
import { initReactI18next } from 'react-i18next';
import { createI18n, isLanguage, type Language } from '../i18n';

const STORAGE_KEY = 'nianbao.language';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY) ?? '';
    return isLanguage(saved) ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const appI18n = createI18n(storedLanguage());
appI18n.use(initReactI18next);
document.documentElement.lang = appI18n.language;

export function switchLanguage(lang: Language): void {
  void appI18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A browser that refuses storage still switches; the choice is just not remembered.
  }
}
