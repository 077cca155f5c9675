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
