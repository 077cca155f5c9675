import { describe, expect, it } from 'vitest';
import { tableLayout, type LayoutCell } from '../../src/format/grid';
import { cellAccessibleName } from '../../src/format/labels';
import { FORMATS } from '../../src/format/registry';
import { format } from '../support/drafts';

/** Places spanned cells on a grid and returns it, failing on overlaps and holes. */
function place(rows: LayoutCell[][], width: number): string[][] {
  const grid: string[][] = rows.map(() => Array<string>(width).fill(''));
  const taken = rows.map(() => Array<boolean>(width).fill(false));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (taken[r + dr]![c + dc] !== false) throw new Error(`overlap at ${r + dr},${c + dc}`);
          taken[r + dr]![c + dc] = true;
          grid[r + dr]![c + dc] = cell.type === 'value' ? cell.cell : cell.text;
        }
      }
      c += cell.colSpan;
    }
  });
  if (taken.some((row) => row.some((x) => !x))) throw new Error('hole in the grid');
  return grid;
}

describe('table layout', () => {
  it.each(FORMATS.flatMap((f) => f.tables.map((t) => [`${f.id} ${t.id}`, t] as const)))('%s: body and header tile the grid', (_n, table) => {
    const layout = tableLayout(table);
    expect(() => place(layout.header, layout.width)).not.toThrow();
    expect(() => place(layout.body, layout.width)).not.toThrow();
  });

  it('merges 三、本年度办理结果 over its rows and （三）不予公开 over its eight', () => {
    const layout = tableLayout(format('gb-2021').table('requests'));
    const grid = place(layout.body, layout.width);
    expect(grid.filter((r) => r[0] === '三、本年度办理结果')).toHaveLength(22);
    expect(grid.filter((r) => r[1] === '（三）不予公开')).toHaveLength(8);
    expect(grid[0]!.slice(0, 3)).toEqual(['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量', '一、本年新收政府信息公开申请数量']);
    expect(grid[2]!.slice(0, 4)).toEqual(['三、本年度办理结果', '（一）予以公开', '（一）予以公开', 'requests/B1/NP']);
  });

  it('names input cells by row then column, as printed', () => {
    const t = format('gb-2021').table('requests');
    expect(cellAccessibleName(t, 'A1', 'NP')).toBe('一、本年新收政府信息公开申请数量 自然人');
    expect(cellAccessibleName(t, 'B3.1', 'BIZ')).toBe('（三）不予公开 1.属于国家秘密 商业企业');
    const review = format('gb-2021').table('review');
    expect(cellAccessibleName(review, 'cases', 'LR_KEEP')).toBe('行政诉讼 复议后起诉 结果维持');
    expect(cellAccessibleName(review, 'cases', 'RV_TOT')).toBe('行政复议 总计');
    expect(cellAccessibleName(format('bj-2019').table('art20_5'), 'inspection', 'change')).toBe('行政检查 本年增/减');
  });

  it('gives every input of a format a distinct name', () => {
    for (const f of FORMATS) {
      for (const t of f.tables) {
        const names = t.rows.flatMap((r) => t.columns.map((c) => cellAccessibleName(t, r.key, c.key)));
        expect(new Set(names).size, `${f.id} ${t.id}`).toBe(names.length);
      }
    }
  });
});
