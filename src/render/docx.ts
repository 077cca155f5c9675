/**
 * The report as a DOCX in the official document layout (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in
 * 2号 方正小标宋简体, body in 3号 仿宋_GB2312 on exact 28.95 pt lines (22 a page) squeezed to 28 characters a
 * line, headings 一、黑体 （一）楷体 1.bold 仿宋, page numbers `— N —` in 4号 宋体 (odd right, even left), tables
 * with the official merged headers at fixed widths filling the text block, header rows repeated on every page,
 * rows that do not split, and the signature placed by 7.3.5.1. Numbers follow ../shared/spec/docx-layout.md.
 *
 * Every face, size and spacing is declared once, in a named paragraph style (Title, Heading 1–3 with outline
 * levels so Word's navigation pane lists the sections, Body Text, Table Text, Signature, Footer); runs carry only
 * their text. Loaded only when the clerk exports: the docx library stays out of the first page load.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { DocCell, DocTable, ReportDocument } from './model';
import { displayWidth } from './text';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { addDraftPart } from './docxDraft';
import { FACES, fontTableXml, type Face } from './docxFonts';
import { withoutForbidden } from './xmlChars';

const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right; // 8845 twips = 156 mm
const LINE = 579; // exact 28.95 pt: 22 lines fill the 225 mm text block
const CHAR_SPACING = -6; // -0.3 pt a character: 28 characters a line
const CHAR = 320 + CHAR_SPACING; // one 3号 character as laid out, in twips
const TABLE_LINE = 300; // exact 15 pt in table cells

/** Run fonts: Latin in Times New Roman, Chinese in the face; `hint` asks Word to treat ambiguous characters as Chinese. */
const fontOf = (face: Face, latin = 'Times New Roman') => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia: face, hint: 'eastAsia' as const });
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
const BODY_INDENT = { firstLineChars: 200, firstLine: 2 * CHAR };

/** The style ids the document uses; each is declared once below. */
const STYLE = {
  title: 'Title',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' },
  body: 'BodyText',
  table: 'TableText',
  signature: 'Signature',
  footer: 'Footer',
} as const;
const HEADING_FACES = { 1: FACES.heiti, 2: FACES.kaiti, 3: FACES.fangsong } as const;

const headingStyle = (level: 1 | 2 | 3) => ({
  basedOn: STYLE.body,
  next: STYLE.body,
  quickFormat: true,
  paragraph: { keepNext: true, outlineLevel: level - 1 },
  run: { font: fontOf(HEADING_FACES[level]), bold: level === 3 },
});

function styles() {
  return {
    default: {
      document: { run: { font: fontOf(FACES.fangsong), size: 32, language: LANGUAGE } },
      title: {
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact(700) },
        run: { font: fontOf(FACES.xiaobiaosong), size: 44 },
      },
      heading1: headingStyle(1),
      heading2: headingStyle(2),
      heading3: headingStyle(3),
    },
    paragraphStyles: [
      // LibreOffice reads the page's character size from Normal, not from the document defaults (spec P2).
      // Widow/orphan control is on unless written off (ECMA-376 §17.3.1.44): off, so every page holds 22 lines.
      {
        id: 'Normal',
        name: 'Normal',
        quickFormat: true,
        paragraph: { widowControl: false },
        run: { font: fontOf(FACES.fangsong), size: 32, language: LANGUAGE },
      },
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: BODY_INDENT, spacing: exact(LINE) },
        run: { characterSpacing: CHAR_SPACING },
      },
      {
        id: STYLE.table,
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact(TABLE_LINE) },
        run: { size: 21 },
      },
      {
        id: STYLE.signature,
        name: 'Signature',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.RIGHT, spacing: exact(LINE) },
        run: { characterSpacing: CHAR_SPACING },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
        run: { font: fontOf(FACES.songti, FACES.songti), size: 28 },
      },
    ],
  };
}

/**
 * Quotation marks, dashes, ellipses and the middle dot are "ambiguous" characters: Word draws them with the
 * Chinese face when the run hints East Asian, LibreOffice with the Latin one, and the lines then break
 * differently. A run of them gets the paragraph's Chinese face in every slot, so both draw them full-width.
 */
const AMBIGUOUS = /([“”‘’—…·]+)/;

function runs(text: string, face: Face): TextRun[] {
  // split() with a capturing group alternates: plain text at even indexes, the ambiguous runs at odd ones.
  return text
    .split(AMBIGUOUS)
    .flatMap((part, i) =>
      part === '' ? [] : [i % 2 === 1 ? new TextRun({ text: part, font: { ascii: face, hAnsi: face, cs: face, eastAsia: face } }) : new TextRun(part)],
    );
}

/** A paragraph; `keepNext` keeps it on the page of the one after it. */
function paragraph(style: string, text: string, face: Face, keepNext = false): Paragraph {
  return new Paragraph({ style, ...(keepNext ? { keepNext } : {}), children: runs(text, face) });
}

function blankLine(line = LINE, keepNext = false): Paragraph {
  return new Paragraph({ style: STYLE.body, spacing: exact(line), ...(keepNext ? { keepNext } : {}), children: [] });
}

/**
 * The gap Word and LibreOffice put between Chinese characters and digits or Latin letters (autoSpaceDN/DE, on
 * by default). LibreOffice cannot turn it off (its DOCX import ignores both settings), so the signature counts
 * it instead: 3.5 pt at 3号, as LibreOffice lays out `2021年2月5日`.
 */
const SCRIPT_GAP = 70;

/** Laid-out width in twips of a line of 3号 text: a Chinese character 16 pt, a digit or Latin letter 8 pt, each squeezed. */
function lineWidth(s: string): number {
  const chars = [...s];
  const alnum = (c: string | undefined) => c !== undefined && /[0-9A-Za-z]/.test(c);
  const wide = (c: string | undefined) => c !== undefined && displayWidth(c) === 2;
  return chars.reduce((w, c, i) => {
    const prev = chars[i - 1];
    const gap = (wide(prev) && alnum(c)) || (alnum(prev) && wide(c)) ? SCRIPT_GAP : 0;
    return w + displayWidth(c) * 160 + CHAR_SPACING + gap;
  }, 0);
}

/** GB/T 9704 7.3.5.1: the date 右空四字, the agency centred over it (or 右空二字 when the name is long). */
function signature(agency: string, date: string): Paragraph[] {
  const a = lineWidth(agency);
  const d = lineWidth(date);
  let dateRight = 4 * CHAR;
  let agencyRight = dateRight + (d - a) / 2;
  if (agencyRight < 2 * CHAR) {
    agencyRight = 2 * CHAR;
    dateRight = agencyRight + (a - d) / 2;
  }
  const line = (text: string, right: number, keepNext: boolean) =>
    new Paragraph({ style: STYLE.signature, indent: { right: Math.round(right) }, ...(keepNext ? { keepNext } : {}), children: runs(text, FACES.fangsong) });
  return [line(agency, agencyRight, true), line(date, dateRight, false)];
}

function pageNumberFooter(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        children: [new TextRun('— '), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' —')],
      }),
    ],
  });
}

/** Splits `total` twips into parts proportional to `weights`, summing exactly to `total`. */
function distribute(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % widths.length, rest--) widths[i]!++;
  return widths;
}

/** Fixed column widths filling the text block: label columns wide enough for the printed labels. */
function columnWidths(table: DocTable): number[] {
  const values = table.width - table.labelColumns;
  const labels =
    table.labelColumns === 3
      ? [600, 900, 2105]
      : table.labelColumns === 2
        ? [1500, 1345]
        : table.labelColumns === 1
          ? [values >= 3 ? 2845 : values === 2 ? 3845 : 4422]
          : [];
  const labelTotal = labels.reduce((a, b) => a + b, 0);
  return [...labels, ...distribute(TEXT_W - labelTotal, Array<number>(values).fill(1))];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

type Placed = { cell: DocCell; column: number; merge?: 'restart' | 'continue' };

/**
 * Each row's cells with their grid column, and the cells a row span covers written out as continue cells. The
 * model lists a merged cell once (as HTML does); Word wants a cell in every row it crosses. Writing the continue
 * cells here, rather than letting the library insert them, gives them the table's paragraph style: an unstyled
 * one would carry 16 pt type and could make its row taller than the table's lines.
 */
function placeCells(rows: DocCell[][], width: number): Placed[][] {
  /** For each grid column, the cell spanning down over it and the last row it covers. */
  const covered = new Map<number, { until: number; cell: DocCell }>();
  return rows.map((row, r) => {
    const placed: Placed[] = [];
    let column = 0;
    const takeCovered = () => {
      for (let span = covered.get(column); column < width && span && span.until >= r; span = covered.get(column)) {
        const origin = span.cell;
        placed.push({ cell: { ...origin, text: '', rowSpan: 1 }, column, merge: 'continue' });
        column += origin.colSpan;
      }
    };
    for (const cell of row) {
      takeCovered();
      placed.push({ cell, column, ...(cell.rowSpan > 1 ? { merge: 'restart' as const } : {}) });
      if (cell.rowSpan > 1) covered.set(column, { until: r + cell.rowSpan - 1, cell });
      column += cell.colSpan;
    }
    takeCovered();
    return placed;
  });
}

function tableCell({ cell, merge }: Placed): TableCell {
  return new TableCell({
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(merge ? { verticalMerge: merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    children: [
      new Paragraph({
        style: STYLE.table,
        ...(cell.align === 'left' ? { alignment: AlignmentType.LEFT } : {}),
        children: cell.text === '' ? [] : runs(cell.text, FACES.fangsong),
      }),
    ],
  });
}

function docTable(table: DocTable): Table {
  const caption: DocCell[][] = table.caption ? [[{ text: table.caption, rowSpan: 1, colSpan: table.width, header: true, align: 'center' }]] : [];
  const headerCount = caption.length + table.header.length;
  const rows = placeCells([...caption, ...table.header, ...table.body], table.width).map((cells, r) =>
    r < headerCount
      ? new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(tableCell) })
      : new TableRow({ cantSplit: true, height: { value: 400, rule: HeightRule.ATLEAST }, children: cells.map(tableCell) }),
  );
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: columnWidths(table),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows,
  });
}

function docxDocument(doc: ReportDocument): Document {
  const children: (Paragraph | Table)[] = [...doc.titleLines.map((l) => paragraph(STYLE.title, l, FACES.xiaobiaosong)), blankLine()];
  for (const [i, block] of doc.blocks.entries()) {
    if (block.type === 'heading') children.push(paragraph(STYLE.heading[block.level], block.text, HEADING_FACES[block.level]));
    // The last paragraph goes with the signature: a page holding the signature alone is the mark of a bad
    // layout (GB/T 9704 7.3.5 has the signature follow the text; a page break there leaves it orphaned).
    else if (block.type === 'paragraph') children.push(paragraph(STYLE.body, block.text, FACES.fangsong, i === doc.blocks.length - 1));
    else {
      children.push(docTable(block.table));
      // A paragraph after every table keeps consecutive tables apart (Word would join them) and leaves air.
      children.push(blankLine(TABLE_LINE));
    }
  }
  children.push(blankLine(LINE, true), ...signature(doc.signature.agency, doc.signature.date));
  return new Document({
    title: doc.title,
    creator: doc.signature.agency,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            margin: { ...MARGIN, header: 850, footer: 1417, gutter: 0 },
            pageNumbers: { start: 1 },
          },
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false) },
        children,
      },
    ],
  });
}

/** The DOCX bytes, with the draft's JSON embedded when given (so "Open draft" can restore it). */
export async function renderDocx(doc: ReportDocument, draftJson?: string): Promise<Uint8Array> {
  // Characters XML forbids would make Word refuse the file: they are left out (the draft inside keeps them).
  const files = unzipSync(await Packer.pack(docxDocument(withoutForbidden(doc)), 'uint8array'));
  // The library writes an empty font table; ours names every face with its stand-in.
  files['word/fontTable.xml'] = strToU8(fontTableXml());
  if (draftJson !== undefined) addDraftPart(files, draftJson);
  return zipSync(files, { level: 6 });
}
