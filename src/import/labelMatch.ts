/**
 * Finding a row's label of the format in a published report, as real reports print it: numbered `1.`, `1、`,
 * `（1）` or `①`; with the parenthetical dropped (`（二）部分公开` for the full label); with pieces of a
 * neighbouring cell's text between its characters (a PDF line that runs through a narrow merged cell); or
 * broken off. Every strategy works on the label alone, so any format's rows are found the same way.
 */
import { findLabel, foldedIndex, foldString, type Folded } from './folded';
import { CIRCLED_NUMBERS, leadingNumber } from './numbering';

export type LabelMatchKind = 'exact' | 'variant' | 'scattered' | 'prefix';

export interface LabelMatch {
  start: number;
  end: number;
  kind: LabelMatchKind;
  /** The printed text that was taken for the label, where it is not the label itself. */
  found?: string;
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The label's numbering and the rest, with a trailing parenthetical (an explanation, not the name) dropped. */
export function labelParts(label: string): { numbering: string; number: string; core: string; shortCore: string } {
  const m = leadingNumber(label);
  const numbering = m?.mark ?? '';
  const number = m?.number ?? '';
  const core = label.slice(numbering.length);
  const shortCore = core.replace(/[（(][^（()）]*[）)]$/, '');
  return { numbering, number, core, shortCore };
}

/** Every way a number is printed before a row label. */
function numberingVariants(number: string): string[] {
  if (number === '') return [''];
  const arabic = /^\d+$/.test(number) ? Number(number) : CHINESE_DIGITS.indexOf(number);
  const variants = new Set<string>();
  if (/^\d+$/.test(number)) {
    for (const v of [`${number}.`, `${number}、`, `(${number})`, `${number})`]) variants.add(v);
    if (arabic >= 1 && arabic <= 20) variants.add(CIRCLED_NUMBERS[arabic - 1]!);
  } else {
    for (const v of [`(${number})`, `${number}、`, `(${number})、`]) variants.add(v);
    if (arabic > 0) variants.add(`${arabic}.`);
  }
  return [...variants].map(foldString);
}

function within(m: { start: number; end: number } | null, to: number): m is { start: number; end: number } {
  return m !== null && m.end <= to;
}

function firstOf(folded: Folded, needles: string[], from: number, to: number): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const needle of needles) {
    const m = findLabel(folded, needle, from);
    if (within(m, to) && (best === null || m.start < best.start)) best = m;
  }
  return best;
}

/**
 * The label's characters in order with foreign ones between them (at most three quarters as many as the label
 * has, none inside its first three characters), as when a narrow merged cell's text runs through it line by line.
 */
function scattered(folded: Folded, needle: string, from: number, to: number): { start: number; end: number } | null {
  const chars = [...needle];
  if (chars.length < 4) return null;
  const slack = Math.max(3, Math.ceil((chars.length * 3) / 4));
  const head = chars.slice(0, 3).join('');
  const text = folded.text;
  let at = text.indexOf(head, foldedIndex(folded, from));
  while (at >= 0 && folded.origin[at]! < to) {
    let i = at + head.length;
    let k = 3;
    let extra = 0;
    while (k < chars.length && i < text.length && extra <= slack) {
      if (text.startsWith(chars[k]!, i)) k++;
      else extra++;
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    if (k === chars.length && extra <= slack) {
      const end = folded.origin[i - 1]! + 1;
      if (end <= to) return { start: folded.origin[at]!, end };
    }
    at = text.indexOf(head, at + 1);
  }
  return null;
}

/** Finds a row's label in the original range [from, to) of the folded text. */
export function findRowLabel(folded: Folded, label: string, from: number, to: number): LabelMatch | null {
  const exact = findLabel(folded, label, from);
  if (within(exact, to)) return { ...exact, kind: 'exact' };
  const { number, core, shortCore } = labelParts(label);
  const cores = [...new Set([core, shortCore].map(foldString))].filter((c) => c !== '');
  const numbered = numberingVariants(number).flatMap((n) => cores.map((c) => n + c));
  const variant = firstOf(folded, numbered, from, to);
  if (variant) return { ...variant, kind: 'variant' };
  // Without its number: only a core long enough not to be mistaken for another row's.
  const bare = firstOf(
    folded,
    cores.filter((c) => [...c].length >= 5),
    from,
    to,
  );
  if (bare) return { ...bare, kind: 'variant' };
  for (const needle of [foldString(label), ...numbered, ...cores]) {
    const m = scattered(folded, needle, from, to);
    if (m) return { ...m, kind: 'scattered' };
  }
  // A label broken off (5.属于三类内部事务信 | 息): a long enough beginning of it.
  const chars = [...label];
  for (let len = chars.length - 1; len >= Math.max(6, Math.ceil(chars.length * 0.6)); len--) {
    const found = chars.slice(0, len).join('');
    const m = findLabel(folded, found, from);
    if (within(m, to)) return { ...m, kind: 'prefix', found };
  }
  return null;
}
