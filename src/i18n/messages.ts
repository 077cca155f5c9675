/**
 * The wording of findings and file problems, and the i18next set-up, without any language's resources: the page
 * loads only the language it shows (zh-CN with the page, English when chosen); the command line and tests load
 * both through ./index.
 */
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import type { Finding } from '../rules/finding';
import type { FileProblem } from '../model/draftFile';

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

/** Parameters named `somethingKey` hold an i18n key; they are translated and passed as `something`. */
function translateParams(t: TFunction, params: Record<string, string | number> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string') out[name.slice(0, -3)] = t(value);
    else out[name] = value;
  }
  return out;
}

/**
 * Messages per finding and translation function (one per language): a finding that did not change between
 * two keystrokes is not worded again.
 */
const messages = new WeakMap<object, WeakMap<TFunction, string>>();

export function findingMessage(t: TFunction, finding: Pick<Finding, 'message'>): string {
  let byT = messages.get(finding.message);
  if (!byT) messages.set(finding.message, (byT = new WeakMap()));
  let text = byT.get(t);
  if (text === undefined) {
    text = t(finding.message.key, translateParams(t, finding.message.params));
    byT.set(t, text);
  }
  return text;
}

export function fileProblemMessage(t: TFunction, problem: FileProblem): string {
  return t(problem.key, translateParams(t, problem.params));
}
