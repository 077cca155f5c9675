/**
 * The report as a DOCX in the official document layout (GB/T 9704-2012): A4, margins 37/35/28/26 mm, title in
 * 2号 方正小标宋简体, body in 3号 仿宋_GB2312 on exact 28.95 pt lines (22 a page) squeezed to 28 characters a
 * line, headings 一、黑体 （一）楷体 1.bold 仿宋, page numbers `— N —` in 4号 宋体 (odd right, even left), tables
 * with the official merged headers at fixed widths filling the text block, header rows repeated on every page,
 * rows that do not split, and the signature placed by 7.3.5.1. Numbers follow ../shared/spec/docx-layout.md.
 * Loaded only when the clerk exports: the docx library stays out of the first page load.
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
  WidthType,
} from 'docx';
import type { DocCell, DocTable, ReportDocument } from './model';
import { embedDraft } from './docxDraft';

const PAGE_W = 11906;
const PAGE_H = 16838;
const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const TEXT_W = PAGE_W - MARGIN.left - MARGIN.right; // 8845 twips = 156 mm
const LINE = 579; // exact 28.95 pt: 22 lines fill the 225 mm text block
const CHAR_SPACING = -6; // -0.3 pt a character: 28 characters a line
const CHAR = 320 + CHAR_SPACING; // one 3号 character as laid out, in twips
const TABLE_LINE = 300; // exact 15 pt in table cells

const font = (eastAsia: string, latin = 'Times New Roman') => ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' as const });
const FANGSONG = font('仿宋_GB2312');
const HEITI = font('黑体');
const KAITI = font('楷体_GB2312');
const XIAOBIAOSONG = font('方正小标宋简体');
const SONGTI = font('宋体', '宋体');
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function titleLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(700),
    children: [new TextRun({ text, font: XIAOBIAOSONG, size: 44, language: LANGUAGE })],
  });
}

function bodyParagraph(text: string, f = FANGSONG, bold = false, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
    indent: { firstLineChars: 200, firstLine: 2 * CHAR },
    spacing: exact(LINE),
    children: [new TextRun({ text, font: f, size: 32, bold, characterSpacing: CHAR_SPACING, language: LANGUAGE })],
  });
}

const HEADING_FONTS = { 1: HEITI, 2: KAITI, 3: FANGSONG } as const;

function blankLine(line = LINE): Paragraph {
  return new Paragraph({ spacing: exact(line), children: [] });
}

/** Width of a string in 字: CJK characters one, digits and Latin half. */
function wide(s: string): number {
  return [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
}

/** GB/T 9704 7.3.5.1: the date 右空四字, the agency centred over it (or 右空二字 when the name is long). */
function signature(agency: string, date: string): Paragraph[] {
  const o = wide(agency);
  const d = wide(date);
  let dateRight = 4;
  let agencyRight = dateRight + (d - o) / 2;
  if (agencyRight < 2) {
    agencyRight = 2;
    dateRight = agencyRight + (o - d) / 2;
  }
  const line = (text: string, right: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(right * CHAR) },
      spacing: exact(LINE),
      children: [new TextRun({ text, font: FANGSONG, size: 32, characterSpacing: CHAR_SPACING, language: LANGUAGE })],
    });
  return [line(agency, agencyRight), line(date, dateRight)];
}

function pageNumberFooter(odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: 280 } : { left: 280 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({ text: '— ', font: SONGTI, size: 28 }),
          new TextRun({ children: [PageNumber.CURRENT], font: SONGTI, size: 28 }),
          new TextRun({ text: ' —', font: SONGTI, size: 28 }),
        ],
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
export function columnWidths(table: DocTable): number[] {
  const values = table.width - table.labelColumns;
  const labels = table.labelColumns === 3 ? [600, 900, 2105] : table.labelColumns === 2 ? [1500, 1345] : table.labelColumns === 1 ? [values >= 3 ? 2845 : values === 2 ? 3845 : 4422] : [];
  const labelTotal = labels.reduce((a, b) => a + b, 0);
  return [...labels, ...distribute(TEXT_W - labelTotal, Array<number>(values).fill(1))];
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableCell(cell: DocCell): TableCell {
  return new TableCell({
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    children: [
      new Paragraph({
        alignment: cell.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: exact(TABLE_LINE),
        children: [new TextRun({ text: cell.text, font: FANGSONG, size: 21, language: LANGUAGE })],
      }),
    ],
  });
}

function docTable(table: DocTable): Table {
  const headerRows: TableRow[] = [];
  if (table.caption) {
    headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: [tableCell({ text: table.caption, rowSpan: 1, colSpan: table.width, header: true, align: 'center' })] }));
  }
  for (const row of table.header) headerRows.push(new TableRow({ tableHeader: true, cantSplit: true, children: row.map(tableCell) }));
  const bodyRows = table.body.map(
    (row) => new TableRow({ cantSplit: true, height: { value: 400, rule: HeightRule.ATLEAST }, children: row.map(tableCell) }),
  );
  return new Table({
    width: { size: TEXT_W, type: WidthType.DXA },
    columnWidths: columnWidths(table),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: [...headerRows, ...bodyRows],
  });
}

export function docxDocument(doc: ReportDocument): Document {
  const children: (Paragraph | Table)[] = [...doc.titleLines.map(titleLine), blankLine()];
  for (const block of doc.blocks) {
    if (block.type === 'heading') children.push(bodyParagraph(block.text, HEADING_FONTS[block.level], block.level === 3, true));
    else if (block.type === 'paragraph') children.push(bodyParagraph(block.text));
    else {
      children.push(docTable(block.table));
      // A paragraph after every table keeps consecutive tables apart (Word would join them) and leaves air.
      children.push(blankLine(TABLE_LINE));
    }
  }
  children.push(blankLine(), ...signature(doc.signature.agency, doc.signature.date));
  return new Document({
    title: doc.title,
    creator: doc.signature.agency,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: FANGSONG, size: 32 } } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: FANGSONG, size: 32 } }],
    },
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
  const bytes = await Packer.pack(docxDocument(doc), 'uint8array');
  return draftJson === undefined ? bytes : embedDraft(bytes, draftJson);
}
