/**
 * Numbers as the narrative writes them: 1,092 and 1，092, full-width digits, Chinese numerals (一百零二, 两千,
 * 十二), and 万 as a multiplier (1.2万, 三万五千).
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number written with Chinese numerals below 一亿, or null if the text is not one. */
function parseChineseNumerals(s: string): number | null {
  if (s === '' || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      section += (digit ?? 1) * UNITS[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Any number as written in running text, or null. */
export function parseTextNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').replace(/\s+/g, '');
  const wan = /^(.*?)万$/.exec(s);
  if (wan && /^\d+(\.\d+)?$/.test(wan[1]!)) return Math.round(Number(wan[1]) * 10000);
  if (/^\d{1,3}(,\d{3})+$/.test(s) || /^\d+$/.test(s)) return Number(s.replace(/,/g, ''));
  return parseChineseNumerals(s);
}

/** What a number in text looks like: Arabic (with separators) or Chinese numerals, possibly with 万. */
export const TEXT_NUMBER = String.raw`(?:[\d０-９]{1,3}(?:[,，][\d０-９]{3})+|[\d０-９]+(?:[.．][\d０-９]+)?万?|[零〇一二两三四五六七八九十百千万]+)`;
