/**
 * Linear-time scanning of markup (HTML pages, a DOCX's XML): lazy regular expressions such as
 * `<!--[\s\S]*?-->` rescan the rest of the input at every unclosed opening and take quadratic time on hostile
 * input (a page of `<!--` without `-->` froze the importer for minutes). These walk the input once.
 */

/**
 * The spans from each opening (`open`, a global expression) to its closing (`closeOf` the opening's match),
 * scanning forward only; an opening without its closing ends the scan (`unclosed` says where it started).
 */
export function spans(haystack: string, open: RegExp, closeOf: (m: RegExpExecArray) => string): { spans: [number, number][]; unclosed: number } {
  const found: [number, number][] = [];
  let at = 0;
  for (;;) {
    open.lastIndex = at;
    const m = open.exec(haystack);
    if (!m) return { spans: found, unclosed: -1 };
    const close = closeOf(m);
    const end = close === '' ? m.index + m[0].length : haystack.indexOf(close, m.index + m[0].length);
    if (end < 0) return { spans: found, unclosed: m.index };
    const stop = close === '' ? end : end + close.length;
    found.push([m.index, stop]);
    at = stop;
  }
}

/**
 * The text with every span removed; an unclosed opening removes the rest (as a browser would hide it). The
 * spans are found in `haystack` (the text, or a copy of the same length, such as one with ASCII lowered).
 */
export function removeSpans(text: string, open: RegExp, closeOf: (m: RegExpExecArray) => string, haystack = text): string {
  const { spans: found, unclosed } = spans(haystack, open, closeOf);
  let out = '';
  let at = 0;
  for (const [from, to] of found) {
    out += text.slice(at, from);
    at = to;
  }
  return out + (unclosed >= 0 ? text.slice(at, unclosed) : text.slice(at));
}

/**
 * The text with each tag (`<…>`) replaced by what `replace` makes of it and each run of text by what `text`
 * makes of it; a `<` that no `>` follows is kept as text.
 */
export function mapTags(source: string, replace: (tag: string) => string, text: (run: string) => string = (run) => run): string {
  let out = '';
  let at = 0;
  for (;;) {
    const lt = source.indexOf('<', at);
    if (lt < 0) return out + text(source.slice(at));
    out += text(source.slice(at, lt));
    const gt = source.indexOf('>', lt + 1);
    if (gt < 0) return out + text(source.slice(lt));
    out += replace(source.slice(lt, gt + 1));
    at = gt + 1;
  }
}
