/** i18next set-up shared by the app and the command line, and the wording of findings and file problems. */
import type { i18n } from 'i18next';
import zhCN from './zh-CN.json';
import en from './en.json';
// The command line's own messages stay out of the page's bundle.
import cliZhCN from './cli.zh-CN.json';
import cliEn from './cli.en.json';
// The importer's messages: the page loads them with the importer.
import importZhCN from './import.zh-CN.json';
import importEn from './import.en.json';
// The review desk's messages: the page loads them with the desk.
import deskZhCN from './desk.zh-CN.json';
import deskEn from './desk.en.json';
// Combining drafts: the page loads its messages when the clerk first combines drafts.
import aggregateZhCN from './aggregate.zh-CN.json';
import aggregateEn from './aggregate.en.json';
import { createI18nWith, type Language } from './messages';

export * from './messages';

export const resources = {
  'zh-CN': { translation: { ...zhCN, ...cliZhCN, ...importZhCN, ...deskZhCN, ...aggregateZhCN } },
  en: { translation: { ...en, ...cliEn, ...importEn, ...deskEn, ...aggregateEn } },
} as const;

/** An instance holding both languages (the command line, tests). */
export function createI18n(lng: Language = 'zh-CN'): i18n {
  return createI18nWith(resources, lng);
}
