/**
 * How published reports number their headings and table rows: `1.` `1．` `1、`, `（1）` `(1)` `（一）`, `①`, `一、`.
 * The marks are written once here and used to read a row label's number, to tell where a table row starts, and
 * to find the sub-headings of the narrative.
 */
const ARABIC = String.raw`(\d+)[.．、]`;
const PARENTHESISED = String.raw`[（(]\s*([\d一二三四五六七八九十]+)\s*[）)]`;
const CIRCLED = '[①-⑳]';
const CHINESE = '([一二三四五六七八九十]+)、';
/** `（一）`: a Chinese numeral in full-width parentheses, how a report numbers its sub-headings. */
const CHINESE_PARENTHESISED = '（[一二三四五六七八九十]+）';
const NUMBERING = new RegExp(`^(?:${ARABIC}|${PARENTHESISED}|${CHINESE})`);

/** A row label's own number as the format writes it (`1.`, `（二）`, `三、`): the mark and the number in it. */
export function leadingNumber(label: string): { mark: string; number: string } | null {
  const m = NUMBERING.exec(label);
  return m ? { mark: m[0], number: m[1] ?? m[2] ?? m[3] ?? '' } : null;
}

/** A line that starts with any numbering a report prints, circled numbers included. */
export const STARTS_NUMBERED = new RegExp(`^(?:${ARABIC}|${PARENTHESISED}|${CIRCLED}|${CHINESE})`);

/** A narrative heading's numbering: `（一）`, `一、` or `1.` (a parenthesised Arabic number is an item, not a heading). */
export const HEADING_NUMBERED = new RegExp(`^(?:${CHINESE_PARENTHESISED}|${CHINESE}|${ARABIC})`);

/** The numbering of section 一's sub-headings, under which its topics are written: `（一）` or `1.`. */
export const SUBHEADING_NUMBERED = new RegExp(`^(?:${CHINESE_PARENTHESISED}|${ARABIC})`);

/** The circled numbers ① to ⑳, which stand for 1 to 20. */
export const CIRCLED_NUMBERS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
