/**
 * The narrative against the tables: figures the text quotes (共收到政府信息公开申请1,092件) must equal the table
 * (本年新收 956), and where they equal another figure the message says which (1,092 = 新收加上年结转). Also the
 * agency calling itself by another kind of body (a 局 writing 我厅, copied from a provincial 厅's report).
 */
import type { SectionId } from '../format/definition';
import type { Format } from '../format/format';
import { sectionFields, type Draft } from '../model/draft';
import { figureValue } from '../model/figureValue';
import { parseTextNumber, TEXT_NUMBER } from '../model/chineseNumber';
import type { Unit } from './unit';

type Result = ReturnType<Unit['run']>;

interface FigurePattern {
  id: string;
  re: RegExp;
  requires: string[];
  excludes: string[];
}

const patterns = new WeakMap<Format, FigurePattern[]>();

function figurePatterns(format: Format): FigurePattern[] {
  let list = patterns.get(format);
  if (!list) {
    // The word, up to 15 characters that do not end a clause or hold another number, then the figure and a unit.
    list = format.definition.figures
      .filter((f) => f.words.length > 0)
      .map((f) => ({
        id: f.id,
        re: new RegExp(`(?:${f.words.join('|')})([^。；;，,\\d０-９零〇一二两三四五六七八九十百千万]{0,15}?)(${TEXT_NUMBER})\\s*(?:件|起|个|宗)`, 'g'),
        requires: f.requires,
        excludes: f.excludes,
      }));
    patterns.set(format, list);
  }
  return list;
}

interface Quote {
  id: string;
  index: number;
  text: string;
  number: string;
}

/** The figures quoted in a text. Texts change far less often than cells, so the result is kept per text. */
const quoteCache = new Map<string, Quote[]>();

function quotesIn(format: Format, text: string): Quote[] {
  const key = `${format.id}\u0000${text}`;
  let quotes = quoteCache.get(key);
  if (quotes) return quotes;
  quotes = [];
  for (const { id, re, requires, excludes } of figurePatterns(format)) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      // What stands between the word and the number says what the number counts.
      const between = m[1]!;
      if (requires.length > 0 && !requires.some((w) => between.includes(w))) continue;
      if (excludes.some((w) => between.includes(w))) continue;
      quotes.push({ id, index: m.index, text: m[0], number: m[2]! });
    }
  }
  if (quoteCache.size > 200) quoteCache.clear();
  quoteCache.set(key, quotes);
  return quotes;
}

export function figureFindings(format: Format, draft: Draft, section: SectionId, heading: string): Result {
  const out: Result = [];
  const figures = format.definition.figures;
  const values = new Map<string, number | null>();
  const valueOf = (id: string): number | null => {
    if (!values.has(id)) values.set(id, figureValue(format, draft, figures.find((f) => f.id === id)!.cells));
    return values.get(id)!;
  };
  for (const { field, text } of sectionFields(format, draft, section)) {
    if (text === '') continue;
    for (const quote of quotesIn(format, text)) {
      const quoted = parseTextNumber(quote.number);
      const expected = valueOf(quote.id);
      if (quoted === null || expected === null || quoted === expected) continue;
      const figure = figures.find((f) => f.id === quote.id)!;
      const other = figures.find((f) => f.id !== quote.id && valueOf(f.id) === quoted);
      out.push({
        rule: 'text.figure-mismatch',
        key: `text.figure-mismatch@${field}#${quote.index}`,
        severity: 'warning',
        section,
        cells: [field, ...figure.cells],
        expected,
        actual: quoted,
        difference: quoted - expected,
        message: {
          key: other ? 'rule.figureMismatchOther' : 'rule.figureMismatch',
          params: { heading, quote: quote.text, quoted: quote.number, figure: figure.label, expected, other: other?.label ?? '' },
        },
      });
    }
  }
  return out;
}

/** What an agency calls itself: the last character of its name, a government by its level (我区, 我县). */
function selfWord(name: string): string | null {
  const n = name.replace(/人民政府$/, '');
  const last = [...n].at(-1);
  return last ?? null;
}

/** Words for bodies of a kind: a report that says 我厅 is a 厅's report. */
const BODY_WORDS = ['厅', '局', '委', '办', '署', '部'];

export function selfReferenceFindings(format: Format, draft: Draft, section: SectionId, heading: string): Result {
  const own = selfWord(draft.agency.name.trim());
  if (own === null) return [];
  const out: Result = [];
  for (const { field, text } of sectionFields(format, draft, section)) {
    for (const m of text.matchAll(/我(厅|局|委|办|署|部)/g)) {
      if (m[1] === own || !BODY_WORDS.includes(m[1]!)) continue;
      // 我局 in a 委员会's report and the like are told apart by the last character alone.
      if (own === '会' && m[1] === '委') continue;
      out.push({
        rule: 'text.self-reference',
        key: `text.self-reference@${field}#${m.index}`,
        severity: 'warning',
        section,
        cells: [field, 'agency.name'],
        expected: `我${own}`,
        actual: m[0],
        difference: null,
        message: {
          key: 'rule.selfReference',
          params: { heading, found: m[0], agency: draft.agency.name, excerpt: text.slice(Math.max(0, m.index - 10), m.index + 12).replace(/\s+/g, ' ') },
        },
      });
    }
  }
  return out;
}
