import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatById, pickFormat } from '../../src/format/registry';
import { loadFormat, FormatError, type Format } from '../../src/format/format';
import gb2019 from '../../templates/formats/gb-2019.json';

const spec = readFileSync(new URL('../../../shared/spec/report-format.md', import.meta.url), 'utf8');
const seedFiles: Record<string, string[]> = {
  'gb-2019': ['002_6174a1d212494950.txt', '004_1552932f4d23b490.txt'],
  'bj-2019': ['000_a19f20bb992460a5.txt', '001_4ec32009cce65549.txt', '003_12624315990b42fd.txt'],
  'gb-2021': [],
};
const seedText = (file: string) => readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8');

/** Every label a format prints: headings, captions, header cells, row and column labels and groups. */
function tableLabels(format: Format): string[] {
  const labels = new Set<string>();
  for (const t of format.tables) {
    if (t.caption) labels.add(t.caption);
    for (const row of t.header) for (const cell of row) labels.add(cell.text);
    for (const c of t.columns) [...(c.group ?? []), c.label].forEach((l) => labels.add(l));
    for (const r of t.rows) [...(r.group ?? []), r.label].forEach((l) => labels.add(l));
  }
  labels.delete('');
  return [...labels];
}

describe('format definitions', () => {
  it('loads the three formats the project ships', () => {
    expect(FORMATS.map((f) => f.id).sort()).toEqual(['bj-2019', 'gb-2019', 'gb-2021']);
  });

  it.each(FORMATS.map((f) => [f.id, f] as const))('%s: every table and section label is in the specification, to the character', (_id, format) => {
    const missing = tableLabels(format).filter((l) => !spec.includes(l));
    const headings = format.sections.flatMap((s) => [s.heading, ...s.headingVariants]).filter((h) => !spec.includes(h));
    expect([...missing, ...headings]).toEqual([]);
  });

  it.each(FORMATS.map((f) => [f.id, f] as const))('%s: every guidance topic of section 一 is in the specification', (_id, format) => {
    // The specification writes one 2019 topic as `依申请公开（办理）情况`: both readings are the same topic.
    const specText = spec.replace('依申请公开（办理）情况', '依申请公开情况');
    const topics = format.sections[0]!.topics!.map((t) => t.label);
    expect(topics.filter((l) => !specText.includes(l))).toEqual([]);
  });

  // Seeds are printed reports: spacing and the width of brackets vary, the characters do not.
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const knownVariants: Record<string, string[]> = {
    // Seed 002 prints 社会组织 for 社会公益组织, and breaks 5.属于三类内部事务信息 across two table cells.
    '002_6174a1d212494950.txt': ['社会公益组织', '5.属于三类内部事务信息'],
  };
  for (const format of FORMATS) {
    for (const file of seedFiles[format.id] ?? []) {
      it(`${format.id}: every table label is found in seed ${file.slice(0, 3)}`, () => {
        const text = fold(seedText(file));
        const missing = tableLabels(format).filter((l) => !text.includes(fold(l)));
        expect(missing.sort()).toEqual([...(knownVariants[file] ?? [])].sort());
        const headings = format.sections.filter((s) => ![s.heading, ...s.headingVariants].some((h) => text.includes(fold(h))));
        expect(headings.map((s) => s.heading)).toEqual([]);
      });
    }
  }

  it.each(FORMATS.map((f) => [f.id, f] as const))('%s: header grids fill their width exactly and end in the column labels', (_id, format) => {
    for (const t of format.tables) {
      const width = t.labelColumns + t.columns.length;
      const height = t.header.length;
      const grid: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(width).fill(null));
      t.header.forEach((row, r) => {
        let c = 0;
        for (const cell of row) {
          while (c < width && grid[r]![c] !== null) c++;
          for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
            for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
              expect(grid[r + dr]?.[c + dc], `${t.id}: overlap or overflow at ${r + dr},${c + dc}`).toBe(null);
              grid[r + dr]![c + dc] = cell.text;
            }
          }
          c += cell.colSpan ?? 1;
        }
      });
      for (const row of grid)
        expect(
          row.every((x) => x !== null),
          `${t.id}: hole in header`,
        ).toBe(true);
      // The lowest header cell above each data column is that column's label.
      const bottom = grid[height - 1]!.slice(t.labelColumns);
      expect(bottom).toEqual(t.columns.map((c) => c.label));
    }
  });

  it('section 三 has 23 rows in 2019 and 25 in 2021, with （六）其他处理 split in three in 2021', () => {
    const rows2019 = formatById('gb-2019')!
      .table('requests')
      .rows.map((r) => r.key);
    const rows2021 = formatById('gb-2021')!
      .table('requests')
      .rows.map((r) => r.key);
    expect(rows2019).toHaveLength(23);
    expect(rows2021).toHaveLength(25);
    expect(rows2021.filter((k) => k.startsWith('B6.'))).toEqual(['B6.1', 'B6.2', 'B6.3']);
    expect(formatById('gb-2021')!.table('requests').rowIndex.get('B6.2')!.label).toBe(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
  });

  it('knows the cell kinds: signed 本年增/减, 万元 with four decimals in Beijing', () => {
    expect(formatById('gb-2019')!.kindOf('art20_5/licensing/change')).toEqual({ type: 'signed' });
    expect(formatById('bj-2019')!.kindOf('art20_9/procurement/amount')).toMatchObject({ type: 'amount', unit: '万元', exactDecimals: 4 });
    expect(formatById('gb-2021')!.kindOf('art20_8/fees/amount')).toMatchObject({ type: 'amount', unit: '万元', maxDecimals: 4 });
    expect(formatById('gb-2021')!.kindOf('requests/A1/NP')).toEqual({ type: 'count' });
  });

  it('marks the totals: the 总计 column and row of section 三 and the three 总计 of section 四', () => {
    const f = formatById('gb-2021')!;
    expect(f.isTotal('requests/B3.4/TOT')).toBe(true);
    expect(f.isTotal('requests/B7/LAW')).toBe(true);
    expect(f.isTotal('requests/C/TOT')).toBe(true);
    expect(f.isTotal('requests/C/NP')).toBe(false);
    expect(['RV_TOT', 'LD_TOT', 'LR_TOT'].every((c) => f.isTotal(`review/cases/${c}`))).toBe(true);
    expect(f.isTotal('review/cases/LR_KEEP')).toBe(false);
    expect([...f.totals.keys()]).toHaveLength(25 + 7 + 3 - 1);
  });

  it('picks the format by year and region', () => {
    expect(pickFormat(2020).id).toBe('gb-2019');
    expect(pickFormat(2019, 'beijing').id).toBe('bj-2019');
    expect(pickFormat(2021, 'beijing').id).toBe('gb-2021');
    expect(pickFormat(2025).id).toBe('gb-2021');
    expect(pickFormat(2017).id).toBe('gb-2019');
  });

  it('refuses a definition that names a cell it does not have', () => {
    const broken = structuredClone(gb2019) as typeof gb2019;
    broken.relations[0]!.rhs = ['NP', 'NOPE'];
    expect(() => loadFormat(broken)).toThrow(FormatError);
    expect(() => loadFormat({ ...gb2019, sections: [] })).toThrow(/sections/);
  });
});
