/**
 * Importing a published report into a draft: plain text as found on websites and in PDFs, tab-separated and
 * pipe tables, pasted HTML, and DOCX. The year, format, agency and publication date are detected; the
 * narrative is split into the six sections; every table value is placed in its cell, totals kept as printed.
 * Nothing is guessed silently: the import report lists what was placed, what is missing and what could not be
 * placed, and every assumption made on the way.
 */
import type { AgencyKind, SectionId } from '../format/definition';
import { cellId, type CellId, type Format, type Table } from '../format/format';
import { cellLabel } from '../format/labels';
import { FORMATS, formatFitsYear, formatsVersion, pickFormat } from '../format/registry';
import { blankDraft, type Draft } from '../model/draft';
import { parseCellInput } from '../model/number';
import { findLabel, findLastLabel, foldString, foldWithout, type Folded } from './folded';
import { findRowLabel, labelParts } from './labelMatch';
import { HEADING_NUMBERED, SUBHEADING_NUMBERED } from './numbering';
import { inferRow } from './inferRow';
import { sourceToText, type SourceKind, UnknownEncoding } from './sources';
import { ZipTooLarge } from './zipParts';
import { EMPTY_MARK, isNumeric, isTableValue } from './tokens';
import { isPdf, MAX_PDF_PAGES, pdfTextItems, type PdfJs } from './pdfItems';
import { layoutLines, type LayoutKnowledge } from './pdfLayout';
import { columnLayoutItems, isColumnLayout } from './monospace';
import { LIMITS, MAX_IMPORT_BYTES } from '../model/limits';

export interface ImportMessage {
  key: string;
  params?: Record<string, string | number>;
}

export interface ImportReport {
  source: SourceKind;
  formatId: string;
  /** Table cells that received a value, of all the cells of the format. */
  placed: number;
  total: number;
  /** Cells left blank: the report prints no value for them (or the row could not be read). */
  missing: CellId[];
  /** Cells whose column the layout left open and the row's arithmetic decided (see inferRow). */
  inferred: CellId[];
  /** Where each table row was read: `table/row` → its line in the source's text (1-based) and, for a PDF, page. */
  sources: Record<string, { line: number; page: number | null }>;
  /** Values or rows that could not be placed, and parts that were not found. */
  problems: ImportMessage[];
  /** What was detected or assumed, for the clerk to confirm. */
  notes: ImportMessage[];
}

export type ImportResult = { ok: true; draft: Draft; report: ImportReport } | { ok: false; problem: ImportMessage };

/** Bigger than any real report; protects the page from a pasted novel. */
const MAX_IMPORT_CHARS = LIMITS.importChars;

const SECTION_ORDER: SectionId[] = ['general', 'proactive', 'requests', 'review', 'problems', 'other'];

/** Lines that are page furniture in extracted text: page numbers and the URL headers of printed web pages. */
function isFurniture(line: string): boolean {
  const t = line.trim();
  return /^[—\-－]\s*\d+\s*[—\-－]$/.test(t) || /^第\s*\d+\s*页(\s*共\s*\d+\s*页)?$/.test(t) || /^https?:\/\/\S+$/.test(t);
}

function allHeadings(section: SectionId): string[] {
  const set = new Set<string>();
  for (const f of FORMATS) {
    const s = f.sections.find((x) => x.id === section)!;
    set.add(s.heading);
    for (const v of s.headingVariants) set.add(v);
  }
  return [...set];
}

/**
 * What the importer works out from all formats (headings, row labels, the order formats are recognised in),
 * once, and again after a format is registered.
 */
interface Knowledge {
  headings: string[];
  labels: string[];
  recognitionOrder: Format[];
}
let knowledge: { version: number; value: Knowledge } | null = null;

function formatKnowledge(): Knowledge {
  if (knowledge?.version !== formatsVersion()) {
    knowledge = {
      version: formatsVersion(),
      value: {
        headings: SECTION_ORDER.flatMap((id) => allHeadings(id).map(foldString)),
        // Every row label, numbering dropped and folded: what a wrapped label's pieces must add up to.
        labels: [
          ...new Set(
            FORMATS.flatMap((f) => f.tables.flatMap((t) => t.rows.flatMap((r) => [labelParts(r.label).core, labelParts(r.label).shortCore]))).map(foldString),
          ),
        ].filter((l) => l !== ''),
        // The most specific first: newer formats before older ones, a regional profile before its national format.
        recognitionOrder: [...FORMATS].sort(
          (a, b) => b.definition.years.from - a.definition.years.from || Number(b.definition.profileOf !== null) - Number(a.definition.profileOf !== null),
        ),
      },
    };
  }
  return knowledge.value;
}

/** A line that is one of the six sections' headings (a few characters more allowed, as findSections does). */
function isSectionHeading(line: string): boolean {
  const f = foldString(line);
  return formatKnowledge().headings.some((h) => f.startsWith(h) && f.length <= h.length + 4);
}

export const LAYOUT_KNOWLEDGE: LayoutKnowledge = {
  isHeading: isSectionHeading,
  continuesLabel: (label, piece) => {
    const joined = foldString(label + piece);
    const core = foldString(labelParts(joined).core);
    return formatKnowledge().labels.some((known) => known.startsWith(core) || known.startsWith(joined));
  },
};

/** Where each section starts: the index of its heading line (found in order), or -1. */
function findSections(lines: string[]): Record<SectionId, number> {
  const at = {} as Record<SectionId, number>;
  let from = 0;
  for (const id of SECTION_ORDER) {
    const headings = allHeadings(id).map(foldString);
    const i = lines.findIndex((l, k) => k >= from && headings.some((h) => foldString(l).startsWith(h) && foldString(l).length <= h.length + 4));
    at[id] = i;
    if (i >= 0) from = i + 1;
  }
  return at;
}

/**
 * The format whose marker words the report's text holds (its format file says which: a group of words all
 * present), the most specific first. Without markers, the format of the report's year and region.
 */
function detectFormat(folded: string, year: number | null, region: string): { format: Format; reason: string; markers?: string } {
  for (const format of formatKnowledge().recognitionOrder) {
    const group = format.definition.recognition.markers.find((words) => words.every((w) => folded.includes(foldString(w))));
    if (group) return { format, reason: 'markers', markers: group.join('、') };
  }
  return { format: pickFormat(year ?? new Date().getFullYear() - 1, region), reason: 'year' };
}

/** The region an agency's name places it in, by the agency prefixes of the regional profiles (北京市…). */
function regionOf(agency: string): string {
  return FORMATS.find((f) => f.definition.recognition.agencyPrefixes.some((p) => agency.startsWith(p)))?.definition.region ?? 'national';
}

function agencyKindOf(name: string): { kind: AgencyKind; name: string; assumed: boolean } {
  if (/人民政府$/.test(name)) return { kind: 'government', name, assumed: false };
  if (/(街道办事处|街道|乡|镇)$/.test(name)) return { kind: 'township', name, assumed: false };
  if (/(局|委员会|委|厅|办公室|办|中心|院|署|部|处|所)$/.test(name)) return { kind: 'department', name, assumed: false };
  // A report titled by a place (2020年北京市丰台区政府信息公开工作年度报告) is its government's report.
  if (/[省市区县旗州盟]$/.test(name)) return { kind: 'government', name: `${name}人民政府`, assumed: true };
  return { kind: 'other', name, assumed: true };
}

/** The title before the first section: agency and report year. */
function parseTitle(lines: string[], end: number): { agency: string; year: number | null } {
  const titleLines: string[] = [];
  for (const line of lines.slice(0, end < 0 ? 8 : end)) {
    const t = line.trim();
    if (t === '') continue;
    if (/^(依据|根据|按照|本报告|现公布)/.test(t) || [...t].length > 40) break;
    titleLines.push(t);
  }
  const title = titleLines.join('').replace(/\s+/g, '');
  const m = /^(.*?)(\d{4})年度?(.*?)(?:政府信息公开(?:工作)?年度报告|政府信息公开工作报告)/.exec(title);
  if (!m) return { agency: '', year: null };
  const agency = (m[1] || m[3] || '').replace(/政府信息公开$/, '').trim();
  return { agency, year: Number(m[2]) };
}

/** The values of one table row, from the text between its label and the next row's label. */
function rowValues(segment: string, n: number, labelled: boolean): { values: string[]; note?: ImportMessage } | { values: null; found: string[] } {
  const tokens: { text: string; line: number }[] = [];
  const lines = segment.split('\n');
  lines.forEach((line, li) => {
    for (const field of line.split(/[\t ]+/)) if (isNumeric(field)) tokens.push({ text: field.trim(), line: li });
  });
  if (tokens.length === n) return { values: tokens.map((t) => t.text) };
  const oneLine = tokens.length > 0 && tokens.every((t) => t.line === tokens[0]!.line);
  if (tokens.length > n) {
    // Tab-separated rows sometimes carry a stray value in a merged label cell: the values are the last ones.
    if (oneLine && tokens.length - n <= 2 && lines[tokens[0]!.line]!.includes('\t')) {
      return {
        values: tokens.slice(-n).map((t) => t.text),
        note: {
          key: 'import.strayValues',
          params: {
            count: tokens.length - n,
            values: tokens
              .slice(0, tokens.length - n)
              .map((t) => t.text)
              .join(' '),
          },
        },
      };
    }
    return { values: null, found: tokens.map((t) => t.text) };
  }
  if (oneLine) {
    const line = lines[tokens[0]!.line]!;
    if (line.includes('\t')) {
      // Tab-separated: empty fields next to the values are blank cells.
      const fields = line.split('\t').map((f) => f.trim());
      const first = fields.findIndex(isNumeric);
      let last = fields.length - 1;
      while (!isNumeric(fields[last]!)) last--;
      let slice = fields.slice(first, last + 1);
      const need = n - slice.length;
      // On the label's own line the first field is the rest of the label's cell, never a blank value cell.
      const firstCell = labelled && tokens[0]!.line === 0 ? 1 : 0;
      if (need > 0 && first - need >= firstCell && fields.slice(first - need, first).every((f) => f === '' || EMPTY_MARK.test(f)))
        slice = [...fields.slice(first - need, first), ...slice];
      else if (
        need > 0 &&
        fields.slice(last + 1, last + 1 + need).length === need &&
        fields.slice(last + 1, last + 1 + need).every((f) => f === '' || EMPTY_MARK.test(f))
      )
        slice = [...slice, ...fields.slice(last + 1, last + 1 + need)];
      if (slice.length === n && slice.every((f) => f === '' || EMPTY_MARK.test(f) || isNumeric(f))) {
        return {
          values: slice.map((f) => (isNumeric(f) ? f : '')),
          note: { key: 'import.blankCells', params: { count: slice.filter((f) => !isNumeric(f)).length } },
        };
      }
    } else {
      // Space-separated (text extracted from a PDF): a double space stands for a blank cell.
      const parts = line.trim().split(' ');
      const first = parts.findIndex(isNumeric);
      let last = parts.length - 1;
      while (!isNumeric(parts[last]!)) last--;
      const slice = parts.slice(first, last + 1);
      if (slice.length === n && slice.every((p) => p === '' || isNumeric(p))) {
        return { values: slice, note: { key: 'import.blankCells', params: { count: slice.filter((p) => p === '').length } } };
      }
    }
  }
  return { values: null, found: tokens.map((t) => t.text) };
}

/**
 * A one-row table printed one column a line (行政复议/结果维持  37), as plain-text renderings do: each column's
 * label, found in order, is followed on its line by its value.
 */
function columnPerLine(table: Table, text: string): { values: string[] } | null {
  const lines = text.split('\n');
  let line = 0;
  const values: string[] = [];
  for (const column of table.columns) {
    const needle = foldString(column.label);
    while (line < lines.length && !foldString(lines[line]!).includes(needle)) line++;
    if (line >= lines.length) return null;
    const rest = lines[line]!.slice(lines[line]!.lastIndexOf(column.label.slice(-1)) + 1).trim();
    if (rest !== '' && !isNumeric(rest)) return null;
    values.push(rest);
    line++;
  }
  return values.some((v) => v !== '') ? { values } : null;
}

/** The first line in [from, to) of tab-separated fields that are all values or blanks, as many as the table's columns. */
function valuesOnlyLine(region: string, regionStart: number, from: number, to: number, columns: number): { start: number; end: number } | null {
  let at = from - regionStart;
  while (at < to - regionStart) {
    const lineEnd = region.indexOf('\n', at);
    const end = lineEnd < 0 ? region.length : lineEnd;
    const fields = region.slice(at, end).split('\t');
    // An empty first field is a label cell only where the line has one field too many for the columns.
    if (fields.length === columns + 1 && fields[0]!.trim() === '') fields.shift();
    const values = fields.filter((f) => isNumeric(f));
    if (values.length > 0 && fields.length === columns && fields.every((f) => f.trim() === '' || isNumeric(f) || EMPTY_MARK.test(f.trim()))) {
      return { start: regionStart + at, end: regionStart + at };
    }
    if (lineEnd < 0) break;
    at = lineEnd + 1;
  }
  return null;
}

function placeTable(
  format: Format,
  table: Table,
  region: string,
  folded: Folded,
  regionStart: number,
  draft: Draft,
  report: ImportReport,
  locate: (offset: number) => { line: number; page: number | null },
): void {
  const regionEnd = regionStart + region.length;
  const columns = table.columns.length;
  let cursor = regionStart;
  if (table.caption) {
    const cap = findLabel(folded, table.caption, cursor);
    if (!cap || cap.end > regionEnd) {
      report.problems.push({ key: 'import.tableNotFound', params: { table: table.caption } });
      return;
    }
    cursor = cap.end;
  }
  // The table ends where the next table's caption starts.
  const sectionTables = format.tables.filter((t) => t.section === table.section);
  const next = sectionTables[sectionTables.indexOf(table) + 1];
  const nextCaption = next?.caption ? findLabel(folded, next.caption, cursor) : null;
  const tableEnd = nextCaption && nextCaption.start < regionEnd ? nextCaption.start : regionEnd;

  const anchors: { row: string; start: number; end: number }[] = [];
  if (table.labelColumns === 0) {
    // Section 四 has one unlabelled row: its values follow the last header label.
    const lastHeader = table.header.at(-1)!.at(-1)!.text;
    // Or, where the header's words are broken over lines (总 | 计), the line that holds the row's values alone.
    const m = findLastLabel(folded, lastHeader, cursor, tableEnd) ?? valuesOnlyLine(region, regionStart, cursor, tableEnd, columns);
    if (!m) {
      report.problems.push({ key: 'import.tableNotFound', params: { table: format.sections.find((s) => s.id === table.section)!.heading } });
      return;
    }
    anchors.push({ row: table.rows[0]!.key, start: m.start, end: m.end });
  } else {
    table.rows.forEach((row, i) => {
      // A row's label lies before the next row's (rows are printed in the format's order).
      const nextRow = table.rows[i + 1];
      const nextAt = nextRow ? findRowLabel(folded, nextRow.label, cursor, tableEnd) : null;
      const limit = nextAt && (nextAt.kind === 'exact' || nextAt.kind === 'variant') ? nextAt.start : tableEnd;
      const m = findRowLabel(folded, row.label, cursor, limit) ?? findRowLabel(folded, row.label, cursor, tableEnd);
      if (m?.kind === 'prefix') report.notes.push({ key: 'import.labelPartial', params: { row: row.label, found: m.found! } });
      if (m?.kind === 'scattered')
        report.notes.push({
          key: 'import.labelScattered',
          params: {
            row: row.label,
            found: region
              .slice(m.start - regionStart, m.end - regionStart)
              .split(/\s+/)
              .filter((t) => !isTableValue(t))
              .join(''),
          },
        });
      if (!m) {
        report.problems.push({
          key: 'import.rowNotFound',
          params: { row: row.label, table: table.caption ?? format.sections.find((s) => s.id === table.section)!.heading },
        });
        return;
      }
      anchors.push({ row: row.key, start: m.start, end: m.end });
      cursor = m.end;
    });
  }
  const text = (from: number, to: number) => region.slice(from - regionStart, to - regionStart);
  anchors.forEach((a, i) => {
    report.sources[`${table.id}/${a.row}`] = locate(a.start - regionStart);
    // From the label's start: a wrapped label may stand around its values (value tokens are not label text).
    const segment = text(table.labelColumns === 0 ? a.end : a.start, anchors[i + 1]?.start ?? tableEnd);
    let result = rowValues(segment, columns, table.labelColumns > 0);
    if (result.values === null && table.labelColumns === 0) {
      const transposed = columnPerLine(table, text(regionStart + (table.caption ? 0 : 0), tableEnd));
      if (transposed) {
        result = transposed;
        report.notes.push({ key: 'import.columnPerLine' });
      }
    }
    const rowName = table.rowIndex.get(a.row)!.label || format.sections.find((s) => s.id === table.section)!.heading;
    if (result.values === null && result.found.length > 0) {
      const inferred = inferRow(format, table, a.row, result.found);
      if (inferred.ok) {
        result = { values: inferred.values, note: { key: 'import.inferredRow', params: { found: result.found.length, expected: columns } } };
        for (const [j, v] of inferred.values.entries()) if (v !== '') report.inferred.push(cellId(table.id, a.row, table.columns[j]!.key));
      } else {
        report.problems.push({
          key: 'import.rowUnreadable',
          params: { row: rowName, found: result.found.length, expected: columns, values: result.found.join(' '), whyKey: `import.why.${inferred.reason}` },
        });
        return;
      }
    }
    if (result.values === null) {
      report.problems.push({
        key: 'import.rowUnreadable',
        params: { row: rowName, found: result.found.length, expected: columns, values: result.found.join(' '), whyKey: 'import.why.none' },
      });
      return;
    }
    if (result.note && (result.note.key !== 'import.blankCells' || Number(result.note.params?.count) > 0)) {
      report.notes.push({ key: result.note.key, params: { ...result.note.params, row: rowName } });
    }
    result.values.forEach((raw, j) => {
      const column = table.columns[j]!;
      if (raw === '') return;
      const cell = cellId(table.id, a.row, column.key);
      if (column.kind.type === 'amount') {
        const amount = printedAmount(raw);
        if (amount) {
          // An amount is kept as printed: any decimals, its unit named for the clerk (a 元 figure in a 万元
          // column is not converted here; the note says so).
          draft.cells[table.id]![a.row]![column.key] = amount.value;
          const unit = column.kind.unit;
          if (amount.unit !== null && amount.unit !== unit) {
            report.notes.push({
              key: unit ? 'import.amountOtherUnit' : 'import.amountUnit',
              params: { cell: cellLabel(format, cell), value: raw, unit: amount.unit, expected: unit ?? '' },
            });
          }
          if (amount.decimals > column.kind.maxDecimals)
            report.notes.push({ key: 'import.amountDecimals', params: { cell: cellLabel(format, cell), value: raw, decimals: column.kind.maxDecimals } });
          return;
        }
      }
      const parsed = parseCellInput(raw, column.kind);
      if (!parsed.ok) {
        report.problems.push({ key: 'import.valueUnreadable', params: { cell: cellLabel(format, cell), value: raw, problemKey: `invalid.${parsed.problem}` } });
        return;
      }
      draft.cells[table.id]![a.row]![column.key] = parsed.value;
    });
  });
}

/** An amount as printed (24252.311082, 73802895.90元, 3.5万元): its digits, decimals and unit; null if not one. */
function printedAmount(raw: string): { value: string; decimals: number; unit: string | null } | null {
  const m = /^([\d,，]+)(?:[.．](\d{1,8}))?\s*(万元|元)?$/.exec(raw.normalize('NFKC').trim());
  if (!m) return null;
  const int = m[1]!.replace(/[,，]/g, '').replace(/^0+(?=\d)/, '');
  if (int.length > 15) return null;
  return { value: m[2] ? `${int}.${m[2]}` : int, decimals: m[2]?.length ?? 0, unit: m[3] ?? null };
}

/** Narrative lines: page furniture dropped, lines a PDF broke inside a sentence joined again. */

function narrative(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    // Word's bookmark markers ([bookmark: _GoBack]) survive some text exports.
    const line = raw
      .replace(/\[bookmark: [^\]]*\]/g, '')
      .replace(/\t+/g, ' ')
      .trim();
    if (line === '' || isFurniture(line)) continue;
    const prev = out.at(-1);
    const prevIsHeading = prev !== undefined && HEADING_NUMBERED.test(prev) && [...prev].length <= 40 && !/[。；：]/.test(prev);
    const wrapped = prev !== undefined && !prevIsHeading && [...prev].length >= 20 && !/[。；：！？”」）)]$/.test(prev) && !HEADING_NUMBERED.test(line);
    if (wrapped) out[out.length - 1] = prev + line;
    else out.push(line);
  }
  return out;
}

/** Section 一 by guidance topic, where its sub-headings name the topics one to one; else as one text. */
function splitGeneral(format: Format, lines: string[], draft: Draft, report: ImportReport): void {
  const isSubheading = (l: string) => SUBHEADING_NUMBERED.test(l) && [...l].length <= 40 && !/[。；]/.test(l);
  const heads = lines.map((l, i) => [i, l] as const).filter(([, l]) => isSubheading(l));
  const topics = format.sections[0]!.topics ?? [];
  // Each sub-heading to the first topic whose heading words it holds (the format file lists them).
  const mapped = heads.map(([, l]) => topics.find((t) => t.headingWords.some((w) => l.includes(w)))?.id);
  const distinct = new Set(mapped);
  const oneToOne = heads.length > 0 && mapped.every((m) => m !== undefined && topics.some((t) => t.id === m)) && distinct.size === mapped.length;
  if (!oneToOne) {
    draft.sections.general.text = lines.join('\n');
    if (heads.length > 0) report.notes.push({ key: 'import.topicsKept' });
    return;
  }
  draft.sections.general.text = lines.slice(0, heads[0]![0]).join('\n');
  heads.forEach(([i], k) => {
    const end = heads[k + 1]?.[0] ?? lines.length;
    draft.sections.general.topics![mapped[k]!] = lines.slice(i + 1, end).join('\n');
  });
}

/** The stages of an import, reported as it goes (the page shows them while a worker reads). */
export type ImportStage = 'decoding' | 'sections' | 'tables' | 'texts';

export function importReport(input: string | Uint8Array, onStage: (stage: ImportStage) => void = () => undefined): ImportResult {
  onStage('decoding');
  let text: string;
  let source: SourceKind;
  let encoding: string | null;
  try {
    if ((typeof input === 'string' ? input.length : input.byteLength) > MAX_IMPORT_BYTES) return { ok: false, problem: { key: 'import.tooLarge' } };
    if (typeof input !== 'string' && isPdf(input)) return { ok: false, problem: { key: 'import.pdfNeedsReader' } };
    ({ text, kind: source, encoding } = sourceToText(input, isSectionHeading));
  } catch (e) {
    if (e instanceof UnknownEncoding) return { ok: false, problem: { key: 'import.unknownEncoding' } };
    if (e instanceof ZipTooLarge) return { ok: false, problem: { key: 'import.tooLarge' } };
    return { ok: false, problem: { key: 'import.unreadable', params: { detail: e instanceof Error ? e.message : String(e) } } };
  }
  // Text laid out in columns with spaces (a PDF's text as pdftotext -layout gives it): read by position.
  if (source === 'text' && isColumnLayout(text)) {
    const laid = layoutLines(columnLayoutItems(text), LAYOUT_KNOWLEDGE);
    return importText(laid.lines.join('\n'), source, encoding, onStage, laid.pages);
  }
  return importText(text, source, encoding, onStage);
}

/**
 * Any report, PDF files included: a PDF's text is read with the PDF.js module `loadPdfJs` gives (loaded only
 * when a PDF comes), its lines and table cells rebuilt from the positions of its text, then read as any text.
 */
export async function importDocument(
  input: string | Uint8Array,
  loadPdfJs: () => Promise<PdfJs>,
  onStage: (stage: ImportStage) => void = () => undefined,
): Promise<ImportResult> {
  if (typeof input === 'string' || !isPdf(input)) return importReport(input, onStage);
  onStage('decoding');
  if (input.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: { key: 'import.tooLarge' } };
  let read;
  try {
    read = await pdfTextItems(input, await loadPdfJs());
  } catch (e) {
    return { ok: false, problem: { key: 'import.pdfUnreadable', params: { detail: e instanceof Error ? e.message : String(e) } } };
  }
  if (read.items.length === 0) return { ok: false, problem: { key: 'import.pdfNoText' } };
  const laid = layoutLines(read.items, LAYOUT_KNOWLEDGE);
  const result = importText(laid.lines.join('\n'), 'pdf', null, onStage, laid.pages);
  if (result.ok && read.truncated) result.report.problems.push({ key: 'import.pdfTruncated', params: { pages: read.pages, read: MAX_PDF_PAGES } });
  return result;
}

/** `pages`: the page of each line of `text`, where the source has pages (a PDF). */
function importText(
  text: string,
  source: SourceKind,
  encoding: string | null,
  onStage: (stage: ImportStage) => void,
  pages: number[] | null = null,
): ImportResult {
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, problem: { key: 'import.tooLarge' } };
  onStage('sections');
  // Each kept line's number in the text (page furniture dropped), so a row can say where it was read.
  const kept = text
    .split('\n')
    .map((l, i) => [l, i] as const)
    .filter(([l]) => !isFurniture(l));
  const lines = kept.map(([l]) => l);
  const lineNumbers = kept.map(([, i]) => i);
  const sections = findSections(lines);
  const found = SECTION_ORDER.filter((id) => sections[id] >= 0);
  if (found.length === 0) return { ok: false, problem: { key: 'import.noSections' } };

  const title = parseTitle(lines, sections.general);
  const who = agencyKindOf(title.agency);
  const all = foldString(lines.join('\n'));
  let region = regionOf(who.name);
  let { format, reason, markers } = detectFormat(all, title.year, region);
  // The agency's own region's profile of the format the markers found (a Beijing report whose 行政检查 row
  // the layout broke still reads in the Beijing profile).
  const profile = FORMATS.find((f) => f.definition.profileOf === format.id && f.definition.region === region);
  if (profile) ({ format, reason } = { format: profile, reason: 'regionProfile' });
  if (format.definition.region !== 'national') region = format.definition.region;
  const year = title.year ?? format.definition.years.from;

  const draft = blankDraft(format, { reportYear: year, agencyName: who.name, agencyKind: who.kind, region });
  draft.totals = 'as-printed';
  const report: ImportReport = {
    source,
    formatId: format.id,
    placed: 0,
    total: format.cells.length,
    missing: [],
    inferred: [],
    sources: {},
    problems: [],
    notes: [],
  };
  if (encoding !== null && encoding !== 'UTF-8') report.notes.push({ key: 'import.encoding', params: { encoding } });
  report.notes.push({ key: `import.format.${reason}`, params: { format: format.definition.name, markers: markers ?? '' } });
  // A later year's report printed on an older template: read as printed (nothing dropped), and said; the
  // checks report the wrong template as an error.
  if (title.year !== null && !formatFitsYear(format, title.year))
    report.notes.push({ key: 'import.templateOfOtherYears', params: { year: title.year, format: format.definition.name } });
  if (title.year === null) report.problems.push({ key: 'import.noYear', params: { year } });
  else report.notes.push({ key: 'import.year', params: { year } });
  if (who.name === '') report.problems.push({ key: 'import.noAgency' });
  else report.notes.push({ key: who.assumed ? 'import.agencyAssumed' : 'import.agency', params: { agency: who.name, kindKey: `agencyKind.${who.kind}` } });
  for (const id of SECTION_ORDER)
    if (sections[id] < 0) report.problems.push({ key: 'import.sectionNotFound', params: { heading: format.sections.find((s) => s.id === id)!.heading } });

  const rangeOf = (id: SectionId): [number, number] => {
    const start = sections[id];
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(id) + 1)
      .map((s) => sections[s])
      .filter((i) => i >= 0);
    return [start + 1, later.length > 0 ? Math.min(...later) : lines.length];
  };

  // The signature at the end: the agency's name and the date, taken off section 六.
  let otherEnd = sections.other >= 0 ? lines.length : -1;
  for (let i = lines.length - 1, seen = 0; i > sections.other && seen < 6; i--) {
    const t = lines[i]!.replace(/\s+/g, '');
    if (t === '') continue;
    seen++;
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
    if (m && draft.publicationDate === '') {
      draft.publicationDate = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
      otherEnd = i;
      report.notes.push({ key: 'import.date', params: { date: draft.publicationDate } });
    } else if (draft.publicationDate !== '' && (t === foldString(who.name) || t === foldString(title.agency))) {
      otherEnd = i;
      break;
    }
  }
  if (draft.publicationDate === '') report.notes.push({ key: 'import.noDate' });

  // Tables.
  onStage('tables');
  for (const id of ['proactive', 'requests', 'review'] as const) {
    if (sections[id] < 0) continue;
    const [from, to] = rangeOf(id);
    const regionText = lines.slice(from, to).join('\n');
    const folded = foldWithout(regionText, isTableValue);
    const locate = (offset: number) => {
      let line = from;
      for (let at = regionText.indexOf('\n'); at >= 0 && at < offset; at = regionText.indexOf('\n', at + 1)) line++;
      const original = lineNumbers[line] ?? 0;
      return { line: original + 1, page: pages?.[original] ?? null };
    };
    for (const table of format.tables.filter((t) => t.section === id)) placeTable(format, table, regionText, folded, 0, draft, report, locate);
  }

  // Narrative.
  onStage('texts');
  if (sections.general >= 0) splitGeneral(format, narrative(lines.slice(...rangeOf('general'))), draft, report);
  if (sections.problems >= 0) draft.sections.problems.text = narrative(lines.slice(...rangeOf('problems'))).join('\n');
  if (sections.other >= 0) draft.sections.other.text = narrative(lines.slice(sections.other + 1, otherEnd)).join('\n');

  for (const cell of format.cells) {
    const [t, r, c] = cell.split('/') as [string, string, string];
    if (draft.cells[t]![r]![c] !== '') report.placed++;
    else report.missing.push(cell);
  }
  return { ok: true, draft, report };
}

/** Whether everything was read: every cell placed and nothing left over. */
export function importComplete(report: ImportReport): boolean {
  return report.missing.length === 0 && report.problems.length === 0;
}
