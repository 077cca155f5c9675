/**
 * The importer against random and hostile text, and the renderers against any valid draft: an import report or
 * a clear refusal, never a crash; every valid draft renders to all three outputs, and its text survives the DOCX
 * round trip exactly (XML-special characters, emoji, line breaks, a paragraph as long as a text field may be).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importReport } from '../../src/import/importer';
import { buildReport } from '../../src/render/model';
import { renderText } from '../../src/render/text';
import { renderHtml } from '../../src/render/html';
import { renderDocx } from '../../src/render/docx';
import { extractDraft } from '../../src/render/docxDraft';
import { draftToJson, readDraftJson, readDraftText } from '../../src/model/draftFile';
import { blankDraft, type Draft } from '../../src/model/draft';
import { LIMITS } from '../../src/model/limits';
import { SECTION_IDS } from '../../src/format/definition';
import { format, FORMAT_IDS, cellInput } from '../support/drafts';

const seedFiles = ['000_a19f20bb992460a5', '001_4ec32009cce65549', '002_6174a1d212494950', '003_12624315990b42fd', '004_1552932f4d23b490'];
const seedLines = seedFiles.flatMap((f) => readFileSync(new URL(`../../../shared/seeds/${f}.txt`, import.meta.url), 'utf8').split('\n'));

/** Text a clerk might write, and text meant to break things. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    ']]>',
    '&amp;&lt;',
    '"\'<>&',
    '😀🏛️👩‍👩‍👧',
    '\u0000\u0001\u0008',
    '\r\n\t',
    '第二十条第（一）项',
    '一、总体情况',
    '\uFFFE\uFEFF',
    'a\u0300\u0301',
  ),
);

const hostileReport = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.array(fc.constantFrom(...seedLines), { maxLength: 300 }).map((lines) => lines.join('\n')),
  fc.tuple(fc.array(fc.constantFrom(...seedLines), { maxLength: 200 }), fc.array(nastyText, { maxLength: 20 })).map(([a, b]) => [...a, ...b].sort().join('\n')),
  fc
    .array(
      fc.constantFrom(
        '<table>',
        '<tr>',
        '<td>',
        '</td>',
        '</tr>',
        '</table>',
        '三、收到和处理政府信息公开申请情况',
        '0',
        '1,092',
        '&#x1F600;',
        '&#99999999;',
        '<p>',
      ),
      { maxLength: 400 },
    )
    .map((a) => a.join('')),
  fc.uint8Array({ maxLength: 400 }).map((u) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...u])),
);

describe('the importer against random and hostile text', () => {
  it('ends with an import report or a refusal, and any draft it makes is valid', () => {
    fc.assert(
      fc.property(hostileReport, (input) => {
        const r = importReport(input as string | Uint8Array);
        if (!r.ok) {
          expect(r.problem.key).toMatch(/^import\./);
          return;
        }
        expect(r.report.placed + r.report.missing.length).toBe(r.report.total);
        expect(readDraftJson(JSON.parse(draftToJson(r.draft))).ok).toBe(true);
      }),
      { numRuns: 1500 },
    );
  }, 120_000);
});

const validDraft: fc.Arbitrary<Draft> = fc
  .tuple(
    fc.constantFrom(...FORMAT_IDS),
    fc.boolean(),
    fc.array(cellInput, { minLength: 200, maxLength: 200 }),
    fc.array(nastyText, { minLength: 12, maxLength: 12 }),
    fc.constantFrom('government', 'department', 'township', 'other') as fc.Arbitrary<'government'>,
  )
  .map(([id, authored, values, texts, kind]) => {
    const f = format(id);
    const d = blankDraft(f, {
      reportYear: f.definition.years.from + 1 > (f.definition.years.to ?? 9999) ? f.definition.years.from : f.definition.years.from + 1,
      agencyName: texts[0]!,
      agencyKind: kind,
    });
    d.totals = authored ? 'computed' : 'as-printed';
    f.cells.forEach((cell, i) => {
      const [t, r, c] = cell.split('/') as [string, string, string];
      d.cells[t]![r]![c] = values[i % values.length]!;
    });
    SECTION_IDS.forEach((s, i) => (d.sections[s].text = `${texts[i + 1]}\n${texts[(i + 5) % 12]}`));
    for (const [i, topic] of Object.keys(d.sections.general.topics ?? {}).entries()) d.sections.general.topics![topic] = texts[(i + 3) % 12]!;
    d.publicationDate = '2026-01-20';
    // What a file of this draft would load as (totals of an authored draft follow their parts).
    const loaded = readDraftText(draftToJson(d));
    if (!loaded.ok) throw new Error('generated an invalid draft');
    return loaded.draft;
  });

describe('rendering any valid draft', () => {
  it('gives all three outputs, and the DOCX round trip returns the draft exactly', async () => {
    await fc.assert(
      fc.asyncProperty(validDraft, async (draft) => {
        const doc = buildReport(format(draft.formatId), draft);
        expect(renderText(doc).length).toBeGreaterThan(0);
        const html = renderHtml(doc);
        expect(html).not.toContain('<script>');
        const json = draftToJson(draft);
        const bytes = await renderDocx(doc, json);
        const back = extractDraft(bytes);
        // The same JSON value (U+FFFE and U+FFFF, which XML cannot hold, travel as \u escapes).
        expect(back.ok && JSON.parse(back.json)).toEqual(JSON.parse(json));
        const reopened = back.ok ? readDraftText(back.json) : null;
        expect(reopened?.ok && reopened.draft).toEqual(draft);
      }),
      { numRuns: 60 },
    );
  }, 180_000);

  it('keeps a paragraph at the text limit, XML specials, emoji and line breaks through the DOCX round trip', async () => {
    const f = format('gb-2021');
    const d = blankDraft(f, { reportYear: 2025, agencyName: '示例局 <&> "🏛️"' });
    d.sections.problems.text = `${'长'.repeat(25_000)}<&>"'😀${'段'.repeat(24_993)}`;
    d.sections.other.text = '一行\n二行\r\n\n]]></w:t><w:t>注入\t制表';
    expect(d.sections.problems.text.length).toBe(LIMITS.text);
    const json = draftToJson(d);
    const bytes = await renderDocx(buildReport(f, d), json);
    const back = extractDraft(bytes);
    expect(back.ok && back.json).toBe(json);
    const reopened = back.ok && readDraftText(back.json);
    expect(reopened && reopened.ok && reopened.draft.sections.problems.text).toBe(d.sections.problems.text);
    expect(reopened && reopened.ok && reopened.draft.sections.other.text).toBe(d.sections.other.text);
  });
});
