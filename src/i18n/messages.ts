/**
 * The wording of findings and file problems, and the i18next set-up, without any language's resources: the page
 * loads only the language it shows (zh-CN with the page, English when chosen); the command line and tests load
 * both through ./index.
 */
import i18next, { type i18n, type Resource } from 'i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(s: string): s is Language {
  return (LANGUAGES as readonly string[]).includes(s);
}

/** A separate, synchronously initialised instance over the resources given: no global state. */
export function createI18nWith(resources: Resource, lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    initAsync: false,
    // Messages are plain text; the UI renders them as text nodes, never as markup.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export { findingMessage, fileProblemMessage, labelOf, translateParams } from './wording';
