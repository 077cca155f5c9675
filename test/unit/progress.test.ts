import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatById } from '../../src/format/registry';
import { readDraftText } from '../../src/model/draftFile';
import { blankDraft, setCell } from '../../src/model/draft';
import { progressMemo } from '../../src/app/progress';

const gb2021 = formatById('gb-2021')!;
const requests = gb2021.table('requests');
const part = requests.section;

function fullDraft() {
  const read = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!read.ok) throw new Error('fixture does not load');
  return read.draft;
}

describe("a part's progress", () => {
  it('counts the cells a clerk fills, not the computed totals, and follows a cleared cell', () => {
    const progress = progressMemo();
    const draft = fullDraft();
    expect(draft.totals).toBe('computed');
    const cells = requests.rows.flatMap((r) => requests.columns.map((c) => `requests/${r.key}/${c.key}`));
    const typed = cells.filter((cell) => !gb2021.isTotal(cell));
    expect(typed.length).toBeLessThan(cells.length);
    expect(progress(gb2021, draft, part)).toEqual({ filled: typed.length, total: typed.length, status: 'complete' });
    const cleared = setCell(draft, 'requests/A1/NP', '');
    expect(progress(gb2021, cleared, part)).toEqual({ filled: typed.length - 1, total: typed.length, status: 'inProgress' });
  });

  it('counts the totals too in a draft whose totals are as printed (one read from a published report)', () => {
    const draft = { ...blankDraft(gb2021, { reportYear: 2024, agencyName: '某某局' }), totals: 'as-printed' as const };
    const cells = requests.rows.length * requests.columns.length;
    expect(progressMemo()(gb2021, draft, part)).toEqual({ filled: 0, total: cells, status: 'untouched' });
  });
});
