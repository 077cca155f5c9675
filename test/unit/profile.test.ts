/**
 * A made-up province's profile added as one file (test/fixtures/profiles/cs-2021.json: the 2021 format with a
 * 行政检查 row in 第二十条第（六）项, its region 测试省 and the words that mark it) drives the draft the form edits,
 * the checks, the renderers and the importer, with no change to any of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS, formatById, knownRegions, pickFormat, registerFormat } from '../../src/format/registry';
import { blankDraft } from '../../src/model/draft';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { check } from '../../src/rules/engine';
import { buildReport } from '../../src/render/model';
import { renderText } from '../../src/render/text';
import { renderHtml } from '../../src/render/html';
import { importReport } from '../../src/import/importer';
import { flatCells } from '../../src/import/score';

const profile = registerFormat(JSON.parse(readFileSync(new URL('../fixtures/profiles/cs-2021.json', import.meta.url), 'utf8')));

function filledDraft() {
  const draft = blankDraft(profile, { reportYear: 2024, agencyName: '测试省示例市交通运输局', agencyKind: 'department', region: 'ceshi' });
  draft.totals = 'as-printed';
  for (const cell of profile.cells) {
    const [t, r, c] = cell.split('/') as [string, string, string];
    draft.cells[t]![r]![c] = '0';
  }
  draft.cells.art20_6!.inspection!.decisions = '37';
  draft.publicationDate = '2025-01-20';
  return draft;
}

describe('a province’s profile added as one file', () => {
  it('is a format of its region: picked for its year and region, listed among the regions', () => {
    expect(formatById('cs-2021')).toBe(profile);
    expect(pickFormat(2024, 'ceshi')).toBe(profile);
    expect(pickFormat(2024, 'national').id).toBe('gb-2021');
    expect(knownRegions()).toContain('ceshi');
  });

  it('gives the form its cells, and the draft file keeps them', () => {
    const draft = filledDraft();
    expect(profile.cells).toContain('art20_6/inspection/decisions');
    const back = readDraftText(draftToJson(draft));
    expect(back.ok && back.draft.cells.art20_6!.inspection!.decisions).toBe('37');
  });

  it('is checked by the relations it carries', () => {
    const draft = filledDraft();
    expect(check(profile, draft).filter((f) => f.severity === 'error')).toEqual([]);
    draft.cells.requests!.A1!.NP = '5';
    expect(check(profile, draft).some((f) => f.severity === 'error' && f.cells.includes('requests/A1/NP'))).toBe(true);
  });

  it('is rendered with its own row', () => {
    const doc = buildReport(profile, filledDraft());
    expect(renderText(doc)).toMatch(/行政检查\s+37/);
    expect(renderHtml(doc)).toContain('行政检查');
  });

  it('is recognised by the importer from a report of its region, every cell read back', () => {
    const draft = filledDraft();
    const r = importReport(renderText(buildReport(profile, draft)));
    if (!r.ok) throw new Error(r.problem.key);
    expect(r.draft.formatId).toBe('cs-2021');
    expect(r.draft.agency.region).toBe('ceshi');
    expect(flatCells(r.draft)).toEqual(flatCells(draft));
  });
});

describe('the page and the renderers hold no knowledge of a format', () => {
  /** Every source file of the page and the renderers, as text. */
  const sources = ['src/app', 'src/render'].flatMap((dir) =>
    readdirSync(new URL(`../../${dir}/`, import.meta.url))
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => ({
        file: `${dir}/${f}`,
        // CSS class names are the page's own words, even where one reads like an id (a list of problems, the fees fieldset).
        text: readFileSync(new URL(`../../${dir}/${f}`, import.meta.url), 'utf8').replace(/className="[^"]*"/g, ''),
      })),
  );
  /** Words of the app's own data that a format may also use as a key: a cell kind's type and the draft's fee fields. */
  const ownWords = new Set(['count', 'amount', 'notices', 'collected']);
  const ids = new Set<string>();
  for (const format of FORMATS) {
    for (const s of format.definition.sections) {
      ids.add(s.id);
      for (const tp of s.topics ?? []) ids.add(tp.id);
    }
    for (const table of format.tables) {
      ids.add(table.id);
      for (const row of table.rows) ids.add(row.key);
      for (const column of table.columns) ids.add(column.key);
    }
  }

  it('names no section, topic, table, row or column of any format as a literal or a path', () => {
    expect(sources.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { file, text } of sources) {
      for (const id of [...ids].filter((x) => !ownWords.has(x))) {
        const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        // A quoted literal ('requests', "B7") or a segment of a draft path (sections.general.text).
        const pattern = new RegExp(`['"\`]${escaped}['"\`]|sections\\.${escaped}\\b|cells\\.${escaped}\\b`);
        if (pattern.test(text)) found.push(`${file}: ${id}`);
      }
    }
    expect(found).toEqual([]);
  });
});
