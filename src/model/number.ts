/**
 * Parsing what a clerk types into a table cell.
 *
 * A Chinese IME sends full-width digits (１２３) and punctuation (，－＋), published reports use thousands
 * separators (1,092 and 1，092) and units (12件, 491.28万元). All of these parse to one canonical text that the
 * draft stores, with a note of what was normalised so the page can say so. Anything else is refused with the
 * reason and a description of what the cell accepts; the caller names the cell.
 */
import type { CellKind } from '../format/definition';

/** What was changed on the way to the canonical value (each has an i18n key `normalized.<name>`). */
export type Normalization = 'fullWidth' | 'spaces' | 'thousands' | 'unit' | 'leadingZeros' | 'paddedDecimals';

/** Why an input was refused (each has an i18n key `invalid.<name>`). */
export type InputProblem = 'notANumber' | 'signNotAllowed' | 'notInteger' | 'tooManyDecimals' | 'badSeparators' | 'wrongUnit' | 'tooLong' | 'tooManyDigits';

export type ParsedCell = { ok: true; value: string; changes: Normalization[] } | { ok: false; problem: InputProblem };

const MAX_INPUT_LENGTH = 40;
/**
 * A count or change in a real report has a handful of digits; more than nine is a slip (a digit held down, a
 * pasted identifier). Refusing them keeps every sum of a table an exact integer in a JavaScript number.
 */
const MAX_COUNT_DIGITS = 9;
const COUNT_UNITS = ['件', '条', '项', '个', '次', '篇', '份'];

/** The i18n key describing what a cell of this kind accepts. */
export function acceptsKey(kind: CellKind): string {
  if (kind.type === 'amount') return kind.exactDecimals !== undefined ? 'accepts.amountExact' : 'accepts.amount';
  return `accepts.${kind.type}`;
}

export function parseCellInput(raw: string, kind: CellKind): ParsedCell {
  const changes = new Set<Normalization>();
  if (raw.length > MAX_INPUT_LENGTH) return { ok: false, problem: 'tooLong' };

  // NFKC folds full-width digits, signs, comma, period and the ideographic space to their ASCII forms.
  let s = raw.normalize('NFKC').replace(/\u2212/g, '-');
  if (s !== raw.normalize('NFC')) changes.add('fullWidth');
  s = s.trim();
  if (s === '') return { ok: true, value: '', changes: [] };
  if (/\s/.test(s)) {
    s = s.replace(/\s+/g, '');
    changes.add('spaces');
  }

  const units = kind.type === 'amount' ? ['万元'] : COUNT_UNITS;
  const unit = units.find((u) => s.endsWith(u));
  if (unit) {
    s = s.slice(0, -unit.length);
    changes.add('unit');
  } else if (/[元件条项个次篇份]$/.test(s) && /\d/.test(s)) {
    return { ok: false, problem: 'wrongUnit' };
  }

  const m = /^([+-]?)([\d,]+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, problem: 'notANumber' };
  const [, sign = '', intWithSeparators = '', fraction] = m;

  if (sign !== '' && kind.type !== 'signed') return { ok: false, problem: 'signNotAllowed' };
  let intPart = intWithSeparators;
  if (intPart.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+$/.test(intPart)) return { ok: false, problem: 'badSeparators' };
    intPart = intPart.replace(/,/g, '');
    changes.add('thousands');
  }
  const trimmedInt = intPart.replace(/^0+(?=\d)/, '');
  if (trimmedInt !== intPart) changes.add('leadingZeros');

  let frac = fraction ?? '';
  if (kind.type !== 'amount') {
    if (frac !== '') return { ok: false, problem: 'notInteger' };
    if (trimmedInt.length > MAX_COUNT_DIGITS) return { ok: false, problem: 'tooManyDigits' };
  } else {
    if (frac.length > kind.maxDecimals) return { ok: false, problem: 'tooManyDecimals' };
    if (kind.exactDecimals !== undefined && frac.length < kind.exactDecimals) {
      frac = frac.padEnd(kind.exactDecimals, '0');
      changes.add('paddedDecimals');
    }
  }

  const negative = sign === '-' && !/^0+$/.test(trimmedInt + frac);
  const value = `${negative ? '-' : ''}${trimmedInt}${frac !== '' ? `.${frac}` : ''}`;
  return { ok: true, value, changes: [...changes] };
}

const CANONICAL: Record<CellKind['type'], RegExp> = {
  count: /^(0|[1-9]\d{0,8})$/,
  signed: /^(0|-?[1-9]\d{0,8})$/,
  amount: /^(0|[1-9]\d{0,14})(\.\d{1,8})?$/,
};

/**
 * The numeric value of a stored cell, or null when the cell is blank or does not parse.
 * Counts and signed changes are exact integers; amounts are only ever summed for display.
 */
export function cellNumber(stored: string | undefined, kind: CellKind): number | null {
  if (stored === undefined || stored === '') return null;
  // What the draft stores is canonical; only text typed or imported otherwise needs the full parser.
  if (CANONICAL[kind.type].test(stored)) return Number(stored);
  const parsed = parseCellInput(stored, kind);
  if (!parsed.ok || parsed.value === '') return null;
  return Number(parsed.value);
}

/** How a stored value is printed in a report: signed changes carry an explicit + when positive. */
export function displayValue(stored: string, kind: CellKind): string {
  if (kind.type === 'signed' && /^[1-9]\d*$/.test(stored)) return `+${stored}`;
  return stored;
}

/** Exact sum of decimal texts (counts, signed changes, 万元 amounts with up to 8 decimals). */
export function sumDecimals(values: string[]): string {
  const scale = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length));
  let total = 0n;
  for (const v of values) {
    const negative = v.startsWith('-');
    const [int = '0', frac = ''] = v.replace(/^[+-]/, '').split('.');
    const scaled = BigInt(int + frac.padEnd(scale, '0'));
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? `.${digits.slice(-scale)}` : '';
  return `${negative ? '-' : ''}${int}${frac}`;
}
