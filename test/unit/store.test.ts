import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../src/format/registry';
import { readDraftText } from '../../src/model/draftFile';
import { cellValue, effectiveNumber } from '../../src/model/draft';
import { DraftStore, topic } from '../../src/app/store';

const gb2021 = formatById('gb-2021')!;
const section = gb2021.table('requests').section;

function fullDraft() {
  const read = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error('fixture does not load');
  return read.draft;
}

/** Counts the calls of a listener per topic. */
function listen(store: DraftStore, topics: string[]): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const key of topics) {
    calls[key] = 0;
    store.subscribe(key, () => calls[key]!++);
  }
  return calls;
}

describe('the draft store while the clerk types', () => {
  const typed = 'requests/A1/NP';
  const rowTotal = 'requests/A1/TOT';
  const untouched = 'requests/A1/BIZ';
  const topics = [topic.cell(typed), topic.cell(rowTotal), topic.cell(untouched), topic.section(section), topic.draft];

  it('tells the typed cell, its total, its section and the autosave once each, and no other cell', () => {
    const store = new DraftStore(fullDraft());
    const calls = listen(store, topics);
    const before = Number(cellValue(store.draft, typed));
    store.setCell(typed, String(before + 1));
    // The row no longer adds up to the report's other figures: the section's findings changed.
    expect(store.sectionFindings(section).length).toBeGreaterThan(0);
    expect(calls).toEqual({ [topic.cell(typed)]: 1, [topic.cell(rowTotal)]: 1, [topic.cell(untouched)]: 0, [topic.section(section)]: 1, [topic.draft]: 1 });
    expect(store.totalText(rowTotal)).toBe(String(Number(cellValue(fullDraft(), rowTotal)) + 1));
  });

  it('keeps a finding that says the same as the same object, so its cells are not told again', () => {
    const store = new DraftStore(fullDraft());
    const before = Number(cellValue(store.draft, typed));
    store.setCell(typed, String(before + 1));
    const findings = store.findingsFor(rowTotal);
    const calls = listen(store, topics);
    // The same value typed again changes nothing; another cell of the draft, outside section 三, neither.
    store.setCell(typed, String(before + 1));
    store.update((d) => ({ ...d, agency: { ...d.agency, name: `${d.agency.name}局` } }), 'agency.name');
    expect(store.findingsFor(rowTotal)).toBe(findings);
    expect(calls[topic.cell(rowTotal)]).toBe(0);
    expect(calls[topic.section(section)]).toBe(0);
    expect(calls[topic.draft]).toBe(1);
  });
});

describe('totals handed on from one keystroke to the next', () => {
  it('are what the draft adds up to afresh, after keystrokes all over the tables', () => {
    const store = new DraftStore(fullDraft());
    const cells = gb2021.tables.flatMap((t) =>
      t.rows.flatMap((r) => t.columns.map((c) => `${t.id}/${r.key}/${c.key}`).filter((cell) => !gb2021.isTotal(cell))),
    );
    // A fixed sequence of cells and values, blanks included (a blank total is a blank sum).
    for (let i = 0; i < 400; i++) {
      const cell = cells[(i * 37) % cells.length]!;
      store.setCell(cell, i % 23 === 0 ? '' : String((i * 7) % 50));
      if (i % 50 !== 49) continue;
      // A copy has no totals remembered: each one is added up from its parts.
      const fresh = structuredClone(store.draft);
      for (const total of gb2021.totals.keys()) expect(effectiveNumber(gb2021, store.draft, total), total).toBe(effectiveNumber(gb2021, fresh, total));
    }
    expect(store.totalText('requests/A1/TOT')).toBe(String(effectiveNumber(gb2021, structuredClone(store.draft), 'requests/A1/TOT') ?? ''));
  });
});
