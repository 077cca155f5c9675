/**
 * Plain text (UTF-8) of the report, for pasting into a website's editor or reading in a monospace view.
 * Paragraphs are indented by two ideographic spaces; tables are aligned by East Asian display width (a
 * Chinese character is two columns wide). Deterministic: the same draft always gives the same bytes.
 */
import type { DocCell, DocTable, ReportDocument } from './model';
import { displayWidth } from '../model/displayWidth';

export { displayWidth };

const padEnd = (s: string, width: number) => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
const padStart = (s: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(s))) + s;

/** Expands a grid with spans into a full matrix: every slot a cell covers holds its text; `origin` marks the top-left one. */
function matrix(rows: DocCell[][], width: number): { text: string; origin: boolean }[][] {
  const out: { text: string; origin: boolean }[][] = rows.map(() => Array.from({ length: width }, () => ({ text: '', origin: false })));
  const taken = rows.map(() => Array<boolean>(width).fill(false));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < width && taken[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (taken[r + dr]) taken[r + dr]![c + dc] = true;
          const slot = out[r + dr]?.[c + dc];
          if (slot) {
            slot.text = cell.text;
            slot.origin = dr === 0 && dc === 0;
          }
        }
      }
      c += cell.colSpan;
    }
  });
  return out;
}

/**
 * A table as aligned text. Label columns are joined into one (group labels printed once, on their first row,
 * indented by level); value columns are headed by their lowest header label, with the groups above joined
 * by `/` where several columns share a label (行政复议/结果维持). Tables wider than eight value columns
 * (section 四) are printed one column per line, which keeps the lines short.
 */
function tableText(table: DocTable): string[] {
  const head = matrix(table.header, table.width);
  const body = matrix(table.body, table.width);
  const valueCols = table.width - table.labelColumns;
  const columnNames = Array.from({ length: valueCols }, (_, j) => {
    const c = table.labelColumns + j;
    // The header texts above the column, top to bottom, once each (a cell spanning two rows counts once).
    return head.map((row) => row[c]!.text).filter((t, i, all) => t !== '' && t !== all[i - 1]);
  });
  const leafCounts = new Map<string, number>();
  for (const stack of columnNames) leafCounts.set(stack.at(-1)!, (leafCounts.get(stack.at(-1)!) ?? 0) + 1);
  const names = columnNames.map((stack) => ((leafCounts.get(stack.at(-1)!) ?? 0) > 1 ? stack.join('/') : stack.at(-1)!));
  const lines: string[] = [];
  if (table.caption) lines.push(table.caption);
  const labelText = table.labelColumns > 0 ? head[0]![0]!.text : '';
  // The format says whether the label column's header names the column (信息内容) or is a note on the table.
  const labelHeader = table.labelHeaderIsNote ? '' : labelText;
  if (labelText && table.labelHeaderIsNote) lines.push(labelText);

  if (valueCols > 8) {
    const labelWidth = Math.max(...names.map(displayWidth));
    body.forEach((row) => names.forEach((n, j) => lines.push(`${padEnd(n, labelWidth)}  ${row[table.labelColumns + j]!.text}`.trimEnd())));
    return lines;
  }

  // Row labels with their groups: a group's label is its own line the first time it appears.
  const rows: { label: string; values: string[] | null }[] = [];
  body.forEach((row) => {
    const labels = row.slice(0, table.labelColumns);
    const values = row.slice(table.labelColumns).map((s) => s.text);
    // The row's own label is the last label slot that starts a cell; the ones before it start groups.
    const own = labels.reduce((last, s, k) => (s.origin ? k : last), -1);
    labels.forEach((slot, k) => {
      if (!slot.origin) return;
      rows.push({ label: `${'  '.repeat(k)}${slot.text}`, values: k === own ? values : null });
    });
    if (table.labelColumns === 0) rows.push({ label: '', values });
  });
  const labelWidth = Math.max(displayWidth(labelHeader), ...rows.map((r) => displayWidth(r.label)));
  const widths = names.map((n, j) => Math.max(displayWidth(n), ...rows.map((r) => (r.values ? displayWidth(r.values[j] ?? '') : 0))));
  lines.push([padEnd(labelHeader, labelWidth), ...names.map((n, j) => padStart(n, widths[j]!))].join('  ').trimEnd());
  for (const r of rows) {
    if (r.values === null) lines.push(r.label);
    else lines.push([padEnd(r.label, labelWidth), ...r.values.map((v, j) => padStart(v, widths[j]!))].join('  ').trimEnd());
  }
  return lines;
}

const INDENT = '\u3000\u3000';

export function renderText(doc: ReportDocument): string {
  const out: string[] = [...doc.titleLines, ''];
  for (const block of doc.blocks) {
    if (block.type === 'heading') {
      if (block.level === 1) out.push('');
      out.push(block.text);
    } else if (block.type === 'paragraph') {
      out.push(INDENT + block.text);
    } else {
      out.push('', ...tableText(block.table), '');
    }
  }
  out.push('', doc.signature.agency, doc.signature.date);
  // One blank line at most between blocks, none at the end.
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
