/**
 * The one set of limits on what a draft holds. The draft schema checks them when a draft is opened or
 * restored, and the page applies the same numbers where input enters (maxLength on every field, the date and
 * year checked before they reach the draft), so the page can never hold a draft that its own restore or
 * "open" would refuse. Lengths are in UTF-16 code units, which is what `maxLength` and `string.length` count;
 * file sizes are in bytes, the way both the page and the command line measure a file.
 */
export const LIMITS = {
  /** One text field: a section's text or one topic of section 一 (a real report's longest is a few thousand). */
  text: 50_000,
  /** One table cell as typed (the cell's parser refuses anything longer than a number could be well before). */
  cell: 64,
  agencyName: 200,
  region: 50,
  /** The reason given when acknowledging a warning. */
  reason: 500,
  /** Acknowledged warnings kept in one draft. */
  acknowledgements: 500,
  /** Agencies listed in a draft that sums several. */
  aggregateOf: 2_000,
  /** Report years the formats cover. */
  firstYear: 2008,
  lastYear: 2100,
  /**
   * A draft file (JSON, or the DOCX that carries it). A draft at every limit above, written with the
   * characters JSON spells longest, stays under it (a test builds one for every format).
   */
  draftFileBytes: 16 * 1024 * 1024,
  /** A published report to import, in characters once decoded (far beyond any real report); its file may take 3 bytes a character. */
  importChars: 2_000_000,
} as const;

/** A report's file may take up to 3 bytes a character: refused before decoding past this. */
export const MAX_IMPORT_BYTES = LIMITS.importChars * 3;

/** A calendar date written YYYY-MM-DD with a four-digit year: what the draft stores as its publication date. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isReportYear(year: number): boolean {
  return Number.isInteger(year) && year >= LIMITS.firstYear && year <= LIMITS.lastYear;
}

/** Whether a draft's text is over the file limit in UTF-8 bytes (counted only when it could be). */
export function overDraftFileLimit(text: string): boolean {
  if (text.length * 3 <= LIMITS.draftFileBytes) return false;
  return new TextEncoder().encode(text).length > LIMITS.draftFileBytes;
}
