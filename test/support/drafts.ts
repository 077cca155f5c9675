/** Helpers for tests: seed fixtures and random drafts. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatById } from '../../src/format/registry';
import type { Format } from '../../src/format/format';
import { blankDraft, type Draft } from '../../src/model/draft';
import { readDraftText } from '../../src/model/draftFile';

export const SEEDS = ['000', '001', '002', '003', '004'] as const;

export function seedDraft(n: string): Draft {
  const r = readDraftText(readFileSync(new URL(`../fixtures/seeds/${n}.draft.json`, import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(`fixture ${n} does not load`);
  return r.draft;
}

export function seedPath(n: string): string {
  return new URL(`../fixtures/seeds/${n}.draft.json`, import.meta.url).pathname;
}

export const FORMAT_IDS = ['gb-2019', 'gb-2021', 'bj-2019'] as const;
export const format = (id: string): Format => formatById(id)!;

/**
 * A draft whose tables are fully filled and add up (every relation of spec §5 items 1–7 holds), with totals
 * written out as a printed report would have them.
 */
export function consistentDraft(f: Format, rand: () => number): Draft {
  const draft = blankDraft(f, { reportYear: f.definition.years.from, agencyName: '测试局' });
  draft.totals = 'as-printed';
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const req = f.table('requests');
  const parts = req.columns.filter((c) => c.key !== 'TOT').map((c) => c.key);
  const outcomes = req.rows.filter((r) => r.key.startsWith('B') && r.key !== 'B7').map((r) => r.key);
  const cells = draft.cells;
  for (const col of parts) {
    let handled = 0;
    for (const row of outcomes) {
      const v = int(30);
      cells.requests![row]![col] = String(v);
      handled += v;
    }
    cells.requests!.B7![col] = String(handled);
    const carried = int(10);
    cells.requests!.C![col] = String(carried);
    const previous = int(handled + carried);
    cells.requests!.A2![col] = String(previous);
    cells.requests!.A1![col] = String(handled + carried - previous);
  }
  for (const row of req.rows) {
    cells.requests![row.key]!.TOT = String(parts.reduce((s, c) => s + Number(cells.requests![row.key]![c]), 0));
  }
  for (const group of ['RV', 'LD', 'LR']) {
    const vals = ['KEEP', 'CORR', 'OTH', 'PEND'].map((k) => {
      const v = int(9);
      cells.review!.cases![`${group}_${k}`] = String(v);
      return v;
    });
    cells.review!.cases![`${group}_TOT`] = String(vals.reduce((a, b) => a + b, 0));
  }
  for (const t of f.tables.filter((t) => t.section === 'proactive')) {
    for (const r of t.rows) {
      for (const c of t.columns) {
        cells[t.id]![r.key]![c.key] = c.kind.type === 'amount' ? '12.5000' : c.kind.type === 'signed' ? '2' : '5';
      }
    }
  }
  // 对外公开总数量 covers 本年新公开数量 (a warning otherwise): keep the example tidy.
  return draft;
}

/** Values a clerk might leave in a cell: numbers, blanks, and things that do not parse. */
export const cellInput = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 60 }).map(String) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('-3', '+4', '1,092', 'abc', '2.5', '１２', '491.28', '7件') },
);
