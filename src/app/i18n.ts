/** The app's i18next instance: zh-CN by default, the clerk's choice remembered in the browser. */
import { initReactI18next } from 'react-i18next';
import { createI18nWith, isLanguage, type Language } from '../i18n/messages';
import zhCN from '../i18n/zh-CN.json';

const STORAGE_KEY = 'nianbao.language';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY) ?? '';
    return isLanguage(saved) ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

// Chinese comes with the page; English is loaded when the clerk chooses it.
export const appI18n = createI18nWith({ 'zh-CN': { translation: zhCN } }, 'zh-CN');
appI18n.use(initReactI18next);
document.documentElement.lang = 'zh-CN';

let importMessagesLoaded = false;

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' && !appI18n.hasResourceBundle('en', 'translation')) {
    appI18n.addResourceBundle('en', 'translation', (await import('../i18n/en.json')).default);
    if (importMessagesLoaded) appI18n.addResourceBundle('en', 'translation', (await import('../i18n/import.en.json')).default, true);
  }
}

/** The importer's messages (its report, its review), loaded with the importer: most visits never import. */
export async function loadImportMessages(): Promise<void> {
  if (importMessagesLoaded) return;
  appI18n.addResourceBundle('zh-CN', 'translation', (await import('../i18n/import.zh-CN.json')).default, true);
  if (appI18n.hasResourceBundle('en', 'translation')) appI18n.addResourceBundle('en', 'translation', (await import('../i18n/import.en.json')).default, true);
  importMessagesLoaded = true;
}

/** The language the clerk chose last time, loaded before the page is first drawn. */
export async function startLanguage(): Promise<void> {
  const lang = storedLanguage();
  if (lang === 'zh-CN') return;
  await loadLanguage(lang);
  await appI18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export async function switchLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang);
  await appI18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // A browser that refuses storage still switches; the choice is just not remembered.
  }
}
