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

/** Messages of parts most visits never use, loaded with them: the importer's report, the review desk, combining drafts. */
const PART_MESSAGES = {
  import: { 'zh-CN': () => import('../i18n/import.zh-CN.json'), en: () => import('../i18n/import.en.json') },
  desk: { 'zh-CN': () => import('../i18n/desk.zh-CN.json'), en: () => import('../i18n/desk.en.json') },
  aggregate: { 'zh-CN': () => import('../i18n/aggregate.zh-CN.json'), en: () => import('../i18n/aggregate.en.json') },
} as const;
type Part = keyof typeof PART_MESSAGES;
const loadedParts = new Set<Part>();

async function addPart(part: Part, lang: Language): Promise<void> {
  appI18n.addResourceBundle(lang, 'translation', (await PART_MESSAGES[part][lang]()).default, true);
}

async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' && !appI18n.hasResourceBundle('en', 'translation')) {
    appI18n.addResourceBundle('en', 'translation', (await import('../i18n/en.json')).default);
    for (const part of loadedParts) await addPart(part, 'en');
  }
}

/** The messages of a part of the page (the importer, the review desk), loaded when it is first used. */
export async function loadPartMessages(...parts: Part[]): Promise<void> {
  for (const part of parts) {
    if (loadedParts.has(part)) continue;
    await addPart(part, 'zh-CN');
    if (appI18n.hasResourceBundle('en', 'translation')) await addPart(part, 'en');
    loadedParts.add(part);
  }
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
