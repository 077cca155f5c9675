/**
 * Positioned text (a PDF's text items, with page and coordinates) into the lines the importer reads: items on one
 * baseline become a line, items far apart on it become tab-separated cells, page furniture goes, and in a table
 * the wrapped pieces of a row's label are joined with the row's values and every value is put in its column by
 * position, so a blank cell stays a blank cell instead of shifting the values after it.
 */
import { isTableValue } from './tokens';
import { STARTS_NUMBERED } from './numbering';

export interface TextItem {
  page: number;
  /** Left edge and baseline from the top of the page, in points. */
  x: number;
  y: number;
  width: number;
  /** The font size: the item's height. */
  size: number;
  text: string;
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  cells: Cell[];
  /** The items as the source gave them: a header's narrow cells, which cells may join, stay apart here. */
  pieces: Cell[];
}

/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.45;
/**
 * A gap wider than this share of the font size separates two cells: a word space is about 0.25–0.3, two narrow
 * cells' padding about 0.8.
 */
const CELL_GAP = 0.6;

/**
 * Radical code points that some PDF writers (Chromium's printing among them) map their glyphs to instead of the
 * ideographs: the Kangxi radicals fold to ideographs by NFKC; those of the CJK Radicals Supplement that stand for
 * whole simplified characters are listed here.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⺮': '竹',
  '⺶': '羊',
  '⻁': '虎',
  '⻄': '西',
  '⻅': '见',
  '⻆': '角',
  '⻉': '贝',
  '⻋': '车',
  '⻐': '金',
  '⻑': '長',
  '⻓': '长',
  '⻔': '门',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

function ideographText(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}

function toLines(items: TextItem[]): Line[] {
  const visible = items.filter((i) => i.text.trim() !== '' && i.size > 0).map((i) => ({ ...i, text: ideographText(i.text) }));
  visible.sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: { page: number; y: number; size: number; items: TextItem[] }[] = [];
  for (const item of visible) {
    const line = lines.at(-1);
    // Compared with the smaller size, so that a heading and a table's small print just below it stay apart.
    const similarSize = line !== undefined && Math.max(item.size, line.size) <= 1.3 * Math.min(item.size, line.size);
    if (line && similarSize && line.page === item.page && Math.abs(item.y - line.y) < SAME_LINE * Math.min(item.size, line.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ page: item.page, y: item.y, size: item.size, items: [item] });
  }
  return lines.map((line) => {
    const sorted = [...line.items].sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    for (const item of sorted) {
      const last = cells.at(-1);
      const gap = last ? item.x - last.x1 : Infinity;
      if (last && gap < CELL_GAP * line.size) {
        last.text += gap > 0.2 * line.size && /[\dA-Za-z]$/.test(last.text) && /^[\dA-Za-z]/.test(item.text) ? ` ${item.text}` : item.text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else cells.push({ text: item.text, x0: item.x, x1: item.x + item.width });
    }
    for (const c of cells) c.text = c.text.trim();
    // Pieces: items closer than a word space joined (the glyphs of one word), nothing more.
    const pieces: Cell[] = [];
    for (const item of sorted) {
      const last = pieces.at(-1);
      if (last && item.x - last.x1 < 0.3 * line.size) {
        last.text += item.text;
        last.x1 = Math.max(last.x1, item.x + item.width);
      } else pieces.push({ text: item.text, x0: item.x, x1: item.x + item.width });
    }
    return { page: line.page, y: line.y, size: line.size, cells, pieces };
  });
}

/** Page numbers (— 3 —, 第3页 共9页, 3/9, a bare 3) alone on a line near the page's top or bottom edge. */
function isPageFurniture(line: Line, pageTop: number, pageBottom: number): boolean {
  if (line.cells.length !== 1) return false;
  const text = line.cells[0]!.text.replace(/\s+/g, '');
  const nearEdge = line.y - pageTop < 2 * line.size || pageBottom - line.y < 2 * line.size;
  return nearEdge && /^([—\-－]?\d+[—\-－]?|第\d+页(共\d+页)?|\d+\/\d+|https?:\/\/\S+)$/.test(text);
}

/** A row label's first piece: numbered (1. 1、 （1） ① 一、 （一）) or a table's top-level row. */
/** Where a table row starts: a numbered label, or a total. */
function startsRow(text: string): boolean {
  return STARTS_NUMBERED.test(text) || /^(总计|合计)/.test(text);
}

interface Row {
  label: string[];
  values: Cell[];
  page: number;
  /** The baseline of the row's first line. */
  y: number;
}

/** The centres of cells that stand in distinct columns, left to right (cells centred within a point are one column). */
function columnCentres(cells: Cell[]): number[] {
  const centres = cells.map((c) => (c.x0 + c.x1) / 2).sort((a, b) => a - b);
  const out: number[] = [];
  for (const c of centres) if (out.length === 0 || c - out.at(-1)! > 3) out.push(c);
  return out;
}

const isValueCell = (c: Cell) => isTableValue(c.text);

/** The cells after the last piece of label text: the values of a table row (empty when the line is prose). */
function splitLine(line: Line): { label: Cell[]; values: Cell[] } {
  let k = line.cells.length;
  while (k > 0 && isValueCell(line.cells[k - 1]!)) k--;
  return { label: line.cells.slice(0, k), values: line.cells.slice(k) };
}

/**
 * The columns of a row's values, in order, that fit the columns' centres best once the row as a whole may be
 * shifted (text laid out with spaces shifts a line by the width of its label): the order-keeping choice of
 * columns with the least distance after the best shift. Rows have at most a few dozen columns.
 */
function bestColumns(xs: number[], centres: number[]): number[] {
  let best: number[] = [];
  let bestError = Infinity;
  const chosen: number[] = [];
  const visit = (i: number, from: number) => {
    if (i === xs.length) {
      const shifts = chosen.map((c, k) => xs[k]! - centres[c]!).sort((a, b) => a - b);
      const shift = shifts[Math.floor(shifts.length / 2)]!;
      const error = chosen.reduce((e, c, k) => e + Math.abs(xs[k]! - centres[c]! - shift), 0) + Math.abs(shift) * 0.01;
      if (error < bestError) {
        bestError = error;
        best = [...chosen];
      }
      return;
    }
    for (let c = from; c <= centres.length - (xs.length - i); c++) {
      chosen.push(c);
      visit(i + 1, c + 1);
      chosen.pop();
    }
  };
  visit(0, 0);
  return best;
}

/**
 * Column centres of a block of rows: those of the rows with the most values. A row with fewer values has each
 * put in the nearest column, in order; the columns it does not reach are its blank cells.
 */
function placeByColumn(rows: Row[], headerCentres: number[], previousCentres: number[]): { placed: string[][]; centres: number[] } {
  let widest = Math.max(0, ...rows.map((r) => r.values.length));
  const full = rows.filter((r) => r.values.length === widest);
  let centres = Array.from({ length: widest }, (_, j) => {
    const xs = full.map((r) => (r.values[j]!.x0 + r.values[j]!.x1) / 2).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  });
  const centreOf = (v: Cell) => (v.x0 + v.x1) / 2;
  const fits = (cs: number[]) => rows.every((r) => r.values.every((v) => cs.some((c) => Math.abs(c - centreOf(v)) <= Math.max(6, v.x1 - v.x0))));
  if (previousCentres.length > widest && fits(previousCentres)) {
    // The rest of a table broken by a page (its header repeated): the columns of the part before it.
    centres = previousCentres;
    widest = centres.length;
  } else if (rows.every((r) => r.label.join('') === '') && headerCentres.length > widest) {
    // Rows of values alone (section 四's one row) have no fuller row to learn from: their header's columns tell.
    centres = headerCentres;
    widest = centres.length;
  } else if (rows.length === 1 && rows[0]!.label.join('') === '' && widest >= 3) {
    // Or the row's own rhythm: equally wide columns, where a gap twice the usual holds a blank cell.
    const xs = rows[0]!.values.map(centreOf);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    const step = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    const multiples = gaps.map((g) => g / step);
    if (step > 0 && multiples.every((m) => Math.abs(m - Math.round(m)) < 0.15) && multiples.some((m) => Math.round(m) > 1)) {
      centres = [xs[0]!];
      for (const g of gaps) for (let k = 0; k < Math.round(g / step); k++) centres.push(centres.at(-1)! + step);
      widest = centres.length;
    }
  }
  const placed = rows.map((row) => {
    if (row.values.length === widest) return row.values.map((v) => v.text);
    const out: string[] = Array.from({ length: widest }, () => '');
    const columns = bestColumns(row.values.map(centreOf), centres);
    row.values.forEach((v, i) => (out[columns[i]!] = v.text));
    return out;
  });
  return { placed, centres };
}

/** A line of text only is prose, not a piece of a table, when it says so by its size, its place or its words. */
function proseLines(parsed: { line: Line; values: Cell[]; whole: string }[], isHeading: (text: string) => boolean): boolean[] {
  const valueRows = parsed.map((p) => p.values.length > 0);
  return parsed.map((p, i) => {
    if (valueRows[i]) return false;
    if (isHeading(p.whole)) return true;
    const near = [];
    // A table's rows stand within a few lines of one another, on this page or across its break.
    for (let k = Math.max(0, i - 6); k <= Math.min(parsed.length - 1, i + 6); k++)
      if (valueRows[k] && Math.abs(parsed[k]!.line.page - p.line.page) <= 1) near.push(parsed[k]!.line.size);
    if (near.length === 0) return true;
    // Body text set larger than the table's figures.
    return p.line.size > 1.2 * Math.max(...near);
  });
}

/**
 * The lines of a PDF as text: prose lines as they are (cells joined by a space), table rows as
 * `label<TAB>value<TAB>…` with a blank field for a cell printed empty. `isHeading` tells a section heading.
 */
export interface LayoutKnowledge {
  /** A section heading of the report. */
  isHeading(text: string): boolean;
  /** Whether `piece`, read after a row's `label`, is the rest of that label (else it begins the next row's). */
  continuesLabel(label: string, piece: string): boolean;
}

/** Without a format's labels: a numbered label is continued, an unnumbered one is the next row's. */
const NO_KNOWLEDGE: LayoutKnowledge = { isHeading: () => false, continuesLabel: (label) => startsRow(label) };

export function layoutText(items: TextItem[], knowledge: LayoutKnowledge = NO_KNOWLEDGE): string {
  return layoutLines(items, knowledge).lines.join('\n');
}

/** The lines of layoutText, each with the page it stands on. */
export function layoutLines(items: TextItem[], knowledge: LayoutKnowledge = NO_KNOWLEDGE): { lines: string[]; pages: number[] } {
  const isHeading = (text: string) => knowledge.isHeading(text);
  const lines = toLines(items);
  const pages = new Map<number, { top: number; bottom: number }>();
  for (const l of lines) {
    const p = pages.get(l.page) ?? { top: l.y, bottom: l.y };
    pages.set(l.page, { top: Math.min(p.top, l.y), bottom: Math.max(p.bottom, l.y) });
  }
  const content = lines.filter((l) => !isPageFurniture(l, pages.get(l.page)!.top, pages.get(l.page)!.bottom));
  const parsed = content.map((line) => ({
    line,
    ...splitLine(line),
    whole: line.cells
      .map((c) => c.text)
      .join('')
      .replace(/\s+/g, ''),
  }));
  const prose = proseLines(parsed, isHeading);

  const out: string[] = [];
  const outPages: number[] = [];
  const emit = (line: string, page: number) => {
    out.push(line);
    outPages.push(page);
  };
  let block: Row[] = [];
  let current: Row | null = null;
  const flushRow = () => {
    if (current) block.push(current);
    current = null;
  };
  // The cells of the text lines just above the block's first row: the leaf cells of its header.
  let headerCells: { y: number; size: number; cells: Cell[] }[] = [];
  let previousCentres: number[] = [];
  const flushBlock = () => {
    flushRow();
    const first = block[0];
    if (!first) return;
    const leaves = headerCells.filter((h) => h.y < first.y && first.y - h.y < 3.5 * h.size).flatMap((h) => h.cells);
    const { placed, centres } = placeByColumn(block, columnCentres(leaves), previousCentres);
    if (centres.length > 0) previousCentres = centres;
    headerCells = [];
    // A row of values alone is written without a label field, so no blank cell is read before its first value.
    block.forEach((row, i) =>
      emit((row.label.length > 0 && row.label.join('') !== '' ? [row.label.join(''), ...placed[i]!] : placed[i]!).join('\t'), row.page),
    );
    block = [];
  };
  // Lines of text only seen so far (a table's header among them): at the top of a page, the header a table
  // repeats there is recognised by them and skipped.
  const textLines = new Set<string>();
  let page = 0;
  let pageTop = false;
  parsed.forEach(({ line, label, values, whole }, i) => {
    if (line.page !== page) {
      page = line.page;
      pageTop = true;
    }
    if (pageTop && values.length === 0 && textLines.has(whole)) return;
    pageTop = false;
    const labelText = label.map((c) => c.text);
    if (values.length === 0 && [...whole].length <= 40) textLines.add(whole);
    if (prose[i]) {
      flushBlock();
      headerCells = [];
      previousCentres = [];
      emit(labelText.join(' '), line.page);
      return;
    }
    if (values.length === 0) {
      if (line.page === page) headerCells.push({ y: line.y, size: line.size, cells: line.pieces });
      // A header line (several cells), or a piece of a table row's label.
      if (label.length >= 2) {
        flushBlock();
        emit(labelText.join('\t'), line.page);
        return;
      }
      const text = labelText.join('');
      if (current && !startsRow(text)) {
        (current as Row).label.push(text);
        return;
      }
      const last = block.at(-1);
      if (!current && last && !startsRow(text)) {
        // A label piece after a row with values: the end of a numbered label whose values stood on its first
        // line (cells aligned to the top), or else the start of the next, unnumbered, row's label.
        if (knowledge.continuesLabel(last.label.join(''), text)) last.label.push(text);
        else current = { label: [text], values: [], page: line.page, y: line.y };
        return;
      }
      flushRow();
      current = { label: [text], values: [], page: line.page, y: line.y };
      return;
    }
    const text = labelText.join('');
    if (current && (current as Row).values.length === 0 && (text === '' || !startsRow(text))) {
      // The values of a row whose label began on an earlier line.
      if (text !== '') (current as Row).label.push(text);
      (current as Row).values = values;
      flushRow();
      return;
    }
    flushRow();
    current = { label: labelText, values, page: line.page, y: line.y };
    flushRow();
  });
  flushBlock();
  return { lines: out, pages: outPages };
}
