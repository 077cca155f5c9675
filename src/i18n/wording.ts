/**
 * Messages in words: a finding, a file problem, any message whose parameters name other keys. Types only from
 * i18next, so a part of the page loaded later (the review desk) can word findings without pulling i18next in.
 */
import type { TFunction } from 'i18next';
import type { Finding } from '../rules/finding';
import type { FileProblem } from '../model/draftFile';

/** Parameters named `somethingKey` hold an i18n key; they are translated and passed as `something`. */
export function translateParams(t: TFunction, params: Record<string, string | number> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (name.endsWith('Key') && typeof value === 'string') out[name.slice(0, -3)] = t(value);
    else out[name] = value;
  }
  return out;
}

/** What a cache of wording is kept by: the language a translation function is fixed to, else the function. */
function languageOf(t: TFunction): unknown {
  return (t as TFunction & { lng?: string }).lng ?? t;
}

/**
 * Messages per finding and language: a finding that did not change between two keystrokes is not worded
 * again, and one worded for the summary is not worded again for each cell it marks. React components each get
 * a translation function of their own, so the language a function is fixed to is the key, not the function.
 */
const messages = new WeakMap<object, Map<unknown, string>>();

export function findingMessage(t: TFunction, finding: Pick<Finding, 'message'>): string {
  let byLanguage = messages.get(finding.message);
  if (!byLanguage) messages.set(finding.message, (byLanguage = new Map()));
  const language = languageOf(t);
  let text = byLanguage.get(language);
  if (text === undefined) {
    text = worded(t, language, finding.message.key, translateParams(t, finding.message.params));
    byLanguage.set(language, text);
  }
  return text;
}

/**
 * A message's wording as pieces around its parameters, worked out by i18next once per language, key and
 * parameter names (each parameter given as a marker that is found again in the text): a finding's numbers
 * change with each keystroke, and filling in the pieces takes a hundredth of a call of t(). A message counted
 * in words (a `count`, which picks the plural's wording) is left to t().
 */
const templates = new Map<string, readonly string[]>();
const MARK = '\u0000';

function worded(t: TFunction, language: unknown, key: string, params: Record<string, string | number>): string {
  const names = Object.keys(params);
  if (names.includes('count') || typeof language !== 'string') return t(key, params);
  const id = `${language}\u0000${key}\u0000${names.join('\u0000')}`;
  let pieces = templates.get(id);
  if (!pieces) {
    // Pieces alternate: text, the index of a parameter, text, … (the text as i18next puts it together).
    pieces = t(key, Object.fromEntries(names.map((n, i) => [n, `${MARK}${i}${MARK}`]))).split(MARK);
    templates.set(id, pieces);
  }
  let text = '';
  for (let i = 0; i < pieces.length; i++) text += i % 2 === 0 ? pieces[i] : String(params[names[Number(pieces[i])]!]);
  return text;
}

export function fileProblemMessage(t: TFunction, problem: FileProblem): string {
  return t(problem.key, translateParams(t, problem.params));
}

/**
 * A label of the page (a severity, a count in words), worked out once per language and parameters: a call of
 * i18next's t() takes tens of microseconds, and a keystroke that makes a finding come or go redraws several
 * (the summary's title and its new line, the navigation's counts).
 */
const labels = new Map<unknown, Map<string, string>>();

export function labelOf(t: TFunction, key: string, params?: Record<string, string | number>): string {
  const language = languageOf(t);
  let byKey = labels.get(language);
  if (!byKey) labels.set(language, (byKey = new Map()));
  const id = params === undefined ? key : `${key}\u0000${JSON.stringify(params)}`;
  let text = byKey.get(id);
  if (text === undefined) {
    text = params === undefined ? t(key) : t(key, params);
    byKey.set(id, text);
  }
  return text;
}
