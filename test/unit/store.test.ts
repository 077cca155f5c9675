import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../src/format/registry';
import { readDraftText } from '../../src/model/draftFile';
import { cellValue } from '../../src/model/draft';
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
  const topics = [topic.cell(typed), topic.cell(rowTotal), topic.section(section), topic.draft];

  it('tells the cells at once and the summary, navigation and autosave once, after the frame', () => {
    const waiting: (() => void)[] = [];
    const store = new DraftStore(fullDraft(), (work) => waiting.push(work));
    const calls = listen(store, topics);
    const before = Number(cellValue(store.draft, typed));

    store.setCell(typed, String(before + 1));
    expect(calls[topic.cell(typed)]).toBe(1);
    expect(calls[topic.cell(rowTotal)]).toBe(1);
    // The row no longer adds up to the report's other figures: the section's findings changed, but the
    // summary is told only when the page runs the waiting work.
    expect(store.sectionFindings(section).length).toBeGreaterThan(0);
    expect(calls[topic.section(section)]).toBe(0);
    expect(calls[topic.draft]).toBe(0);
    expect(waiting).toHaveLength(1);

    // A second keystroke before the frame: its cells are told, the waiting work is not asked for twice.
    store.setCell(typed, String(before + 2));
    expect(calls[topic.cell(typed)]).toBe(2);
    expect(waiting).toHaveLength(1);

    waiting.shift()!();
    expect(calls[topic.section(section)]).toBe(1);
    expect(calls[topic.draft]).toBe(1);
    // What is told later is the store as it is then, with the last keystroke in it.
    expect(cellValue(store.draft, typed)).toBe(String(before + 2));

    store.setCell(typed, String(before + 3));
    expect(waiting).toHaveLength(1);
  });

  it('tells everything at once when no page waits for a frame', () => {
    const store = new DraftStore(fullDraft());
    const calls = listen(store, topics);
    store.setCell(typed, String(Number(cellValue(store.draft, typed)) + 1));
    expect(calls).toEqual({ [topic.cell(typed)]: 1, [topic.cell(rowTotal)]: 1, [topic.section(section)]: 1, [topic.draft]: 1 });
  });

  it('tells a paste and other changes at once, even while a keystroke waits', () => {
    const waiting: (() => void)[] = [];
    const store = new DraftStore(fullDraft(), (work) => waiting.push(work));
    const calls = listen(store, topics);
    store.setCells([[typed, '1']]);
    expect(calls[topic.draft]).toBe(1);
    expect(waiting).toHaveLength(0);
    store.setCell(typed, '2');
    store.update((d) => ({ ...d, agency: { ...d.agency, name: `${d.agency.name}局` } }), 'agency.name');
    expect(calls[topic.draft]).toBe(2);
    waiting.shift()!();
    expect(calls[topic.draft]).toBe(3);
  });
});
