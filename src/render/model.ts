/**
 * The report as one document model: title lines, preamble, headings, paragraphs, tables as grids with row and
 * column spans, and the signature. DOCX, plain text and HTML are all rendered from this model, so they
 * cannot drift apart. The fixed wording comes from templates/report/report.json.
 */
import wording from '../../templates/report/report.json';
import type { Format, Table } from '../format/format';
import { tableLayout } from '../format/grid';
import type { Draft } from '../model/draft';
import { displayValue } from '../model/number';
import { fillTemplate } from '../model/template';
import { chineseDate } from './date';

export type Align = 'left' | 'center';

export interface DocCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** A header or label cell (th); values are plain cells. */
  header: boolean;
  align: Align;
}

export interface DocTable {
  id: string;
  /** 第二十条第（一）项, printed as the table's first row; null for the tables of sections 三 and 四. */
  caption: string | null;
  /** Number of grid columns. */
  width: number;
  labelColumns: number;
  /** The label column's header is a note on the table rather than the column's name (see the format file). */
  labelHeaderIsNote: boolean;
  /** Rows of the header grid (repeated on every page). */
  header: DocCell[][];
  body: DocCell[][];
}

export type Block = { type: 'heading'; level: 1 | 2 | 3; text: string } | { type: 'paragraph'; text: string } | { type: 'table'; table: DocTable };

export interface ReportDocument {
  /** `{agency}{year}年政府信息公开工作年度报告`: also the file name. */
  title: string;
  titleLines: string[];
  blocks: Block[];
  signature: { agency: string; date: string };
}

function fill(template: string, values: Record<string, string | number>): string {
  return fillTemplate(template, values).text;
}

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The report's title, used for file names too. */
function reportTitle(draft: Draft): string {
  return fill(wording.title, { agency: draft.agency.name.trim(), year: draft.reportYear });
}

/**
 * A clerk's text becomes paragraphs, one per line. A short line that starts like a sub-heading and does not end
 * a sentence (（一）主要问题, 1.信息公开队伍建设) is kept as a heading of the next level.
 */
function textBlocks(text: string, level: 2 | 3): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const short = [...line].length <= 30 && !/[。；：！？]$/.test(line);
    if (short && /^（[一二三四五六七八九十]+）/.test(line)) blocks.push({ type: 'heading', level, text: line });
    else if (short && /^\d+[.．]\S/.test(line)) blocks.push({ type: 'heading', level: 3, text: line });
    else blocks.push({ type: 'paragraph', text: line });
  }
  return blocks;
}

function tableModel(table: Table, draft: Draft): DocTable {
  const layout = tableLayout(table);
  const header: DocCell[][] = layout.header.map((row) =>
    row.map((c) => ({ text: c.type === 'header' ? c.text : '', rowSpan: c.rowSpan, colSpan: c.colSpan, header: true, align: 'center' as Align })),
  );
  // The long note of section 三 reads better aligned left, as printed.
  for (const row of header) for (const c of row) if ([...c.text].length > 20) c.align = 'left';
  const body: DocCell[][] = layout.body.map((row) =>
    row.map((c) => {
      if (c.type === 'value') {
        const stored = draft.cells[table.id]?.[c.rowKey]?.[c.columnKey] ?? '';
        return { text: displayValue(stored, table.columnIndex.get(c.columnKey)!.kind), rowSpan: 1, colSpan: 1, header: false, align: 'center' as Align };
      }
      // Group labels spanning many rows are centred, row labels are read from the left.
      const text = c.type === 'label' ? c.text : '';
      return { text, rowSpan: c.rowSpan, colSpan: c.colSpan, header: true, align: (c.rowSpan > 1 ? 'center' : 'left') as Align };
    }),
  );
  return {
    id: table.id,
    caption: table.caption,
    width: layout.width,
    labelColumns: table.labelColumns,
    labelHeaderIsNote: table.labelHeaderIsNote,
    header,
    body,
  };
}

export function buildReport(format: Format, draft: Draft): ReportDocument {
  const agency = draft.agency.name.trim();
  const year = draft.reportYear;
  const titleLines = wording.titleLines.map((l) => fill(l, { agency, year })).filter((l) => l.trim() !== '');
  const blocks: Block[] = wording.preamble.map((p) => ({ type: 'paragraph', text: fill(p, { year }) }));

  for (const section of format.sections) {
    blocks.push({ type: 'heading', level: 1, text: section.heading });
    const s = draft.sections[section.id];
    blocks.push(...textBlocks(s.text, 2));
    // A topic left empty prints nothing rather than a bare heading (the checks point at it instead).
    const topics = (section.topics ?? []).filter((t) => (s.topics?.[t.id] ?? '').trim() !== '');
    topics.forEach((t, i) => {
      const text = s.topics?.[t.id] ?? '';
      blocks.push({ type: 'heading', level: 2, text: fill(wording.topicHeading, { number: CN_NUMBERS[i] ?? String(i + 1), label: t.label }) });
      blocks.push(...textBlocks(text, 3));
    });
    for (const tableId of section.tables ?? []) blocks.push({ type: 'table', table: tableModel(format.table(tableId), draft) });
  }

  return {
    title: reportTitle(draft),
    titleLines,
    blocks,
    signature: { agency: agency || wording.unnamedAgency, date: chineseDate(draft.publicationDate, year) },
  };
}
