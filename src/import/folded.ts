/**
 * Matching printed labels in extracted text: spacing differs (labels broken across lines, `总 计`), brackets
 * come full- or half-width, and the 、/， inside long labels varies. Folding removes all of that while keeping,
 * for every folded character, where it came from, so a match can be cut out of the original text.
 */
export interface Folded {
  text: string;
  /** Index in the original text of each folded character. */
  origin: number[];
}

function foldChar(ch: string): string {
  const n = ch.normalize('NFKC');
  return n.replace(/\s+/g, '').replace(/[,、]/g, '、').replace(/[“”"]/g, '"');
}

/**
 * The folded text without the whitespace-separated tokens that `skip` names (a table's values), origins kept:
 * a row label broken by its own values (`规范性 23 21 50 文件`, a wrapped cell whose values stand on its first
 * line) reads whole again.
 */
export function foldWithout(original: string, skip: (token: string) => boolean): Folded {
  let text = '';
  const origin: number[] = [];
  const separator = /[\t \n]+/g;
  let at = 0;
  const take = (from: number, to: number) => {
    const token = original.slice(from, to);
    if (token === '' || skip(token)) return;
    let i = from;
    for (const ch of token) {
      for (const c of foldChar(ch)) {
        text += c;
        origin.push(i);
      }
      i += ch.length;
    }
  };
  for (const m of original.matchAll(separator)) {
    take(at, m.index);
    at = m.index + m[0].length;
  }
  take(at, original.length);
  return { text, origin };
}

export function fold(original: string): Folded {
  return foldWithout(original, () => false);
}

/** Index into the folded text of the first folded character at or after original index `from`. */
export function foldedIndex(folded: Folded, from: number): number {
  let lo = 0;
  let hi = folded.origin.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (folded.origin[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function foldString(s: string): string {
  return fold(s).text;
}

/** Finds `label` in the folded text from original index `from`: the original [start, end) of the match. */
export function findLabel(folded: Folded, label: string, from = 0): { start: number; end: number } | null {
  const needle = foldString(label);
  if (needle === '') return null;
  const at = folded.text.indexOf(needle, foldedIndex(folded, from));
  if (at < 0) return null;
  const last = at + needle.length - 1;
  return { start: folded.origin[at]!, end: folded.origin[last]! + 1 };
}

/** The last match of `label` in the original range [from, to). */
export function findLastLabel(folded: Folded, label: string, from: number, to: number): { start: number; end: number } | null {
  let found: { start: number; end: number } | null = null;
  let cursor = from;
  for (;;) {
    const m = findLabel(folded, label, cursor);
    if (!m || m.end > to) return found;
    found = m;
    cursor = m.end;
  }
}
