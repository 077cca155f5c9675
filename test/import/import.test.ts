import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importComplete, importReport } from '../../src/import/importer';
import { importReportText } from '../../src/import/reportText';
import { check } from '../../src/rules/engine';
import { buildReport } from '../../src/render/model';
import { renderDocx } from '../../src/render/docx';
import { renderHtml } from '../../src/render/html';
import { renderText } from '../../src/render/text';
import { formatById } from '../../src/format/registry';
import { readDraftText } from '../../src/model/draftFile';
import type { Draft } from '../../src/model/draft';
import { createI18n } from '../../src/i18n';
import { seedDraft } from '../support/drafts';

const SEED_FILES: Record<string, string> = {
  '000': '000_a19f20bb992460a5.txt',
  '001': '001_4ec32009cce65549.txt',
  '002': '002_6174a1d212494950.txt',
  '003': '003_12624315990b42fd.txt',
  '004': '004_1552932f4d23b490.txt',
};
const seedText = (n: string) => readFileSync(new URL(`../../../shared/seeds/${SEED_FILES[n]}`, import.meta.url), 'utf8');
const full2021 = (): Draft => {
  const r = readDraftText(readFileSync(new URL('../fixtures/full-2021.draft.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error('fixture');
  return r.draft;
};
const t = createI18n('zh-CN').t;

function imported(input: string | Uint8Array) {
  const r = importReport(input);
  if (!r.ok) throw new Error(`import failed: ${r.problem.key}`);
  return r;
}

describe('importing the published seeds', () => {
  it.each(Object.keys(SEED_FILES))('seed %s: every table value equals the fixture; agency, year, format and date detected', (n) => {
    const { draft, report } = imported(seedText(n));
    const fixture = seedDraft(n);
    expect(draft.cells).toEqual(fixture.cells);
    expect(draft.formatId).toBe(fixture.formatId);
    expect(draft.agency).toEqual(fixture.agency);
    expect(draft.reportYear).toBe(2020);
    expect(draft.publicationDate).toBe(fixture.publicationDate);
    expect(draft.totals).toBe('as-printed');
    expect(report.problems).toEqual([]);
    expect(draft.sections.problems.text.length).toBeGreaterThan(50);
    expect(draft.sections.other.text).toBe(fixture.sections.other.text);
  });

  it('reports what is missing: seed 003’s 结转 value and seed 002’s 行政复议 cells', () => {
    const r3 = imported(seedText('003')).report;
    expect(r3.missing).toEqual(['requests/C/SCI']);
    expect(importComplete(r3)).toBe(false);
    const r2 = imported(seedText('002')).report;
    expect(r2.missing).toEqual(['review/cases/RV_KEEP', 'review/cases/RV_CORR', 'review/cases/RV_OTH', 'review/cases/RV_PEND', 'review/cases/RV_TOT']);
    const text = importReportText(t, r2);
    expect(text.summary).toBe('已填入 193 / 198 个单元格。');
    expect(text.notes).toContain('“（六）其他处理”一行多出 1 个数值（0），按各值靠右对齐取最后几个。');
    // The label broken by its own values (5.属于三类内部事务信 | 0 … | 息) reads whole: no note, values placed.
    expect(text.notes.filter((n) => n.includes('5.属于三类内部事务信'))).toEqual([]);
    expect(imported(seedText('002')).draft.cells.requests!['B3.5']).toEqual(seedDraft('002').cells.requests!['B3.5']);
    expect(text.missing).toContain('「行政复议/结果维持」');
    expect(importComplete(imported(seedText('001')).report)).toBe(true);
  });

  it('splits the narrative into the six sections and section 一 into its topics where the sub-headings allow', () => {
    const d = imported(seedText('001')).draft;
    expect(d.sections.general.topics!.onRequest).toContain('共收到政府信息公开申请1,092件');
    expect(d.sections.general.topics!.assessment).toContain('2020年丰台区无责任追究情况');
    expect(d.sections.problems.text.startsWith('（一）主要问题')).toBe(true);
    const d3 = imported(seedText('003')).draft;
    // A PDF's broken lines are joined again; its page-header URLs are gone.
    expect(d3.sections.general.text).toContain('根据《政府信息公开条例》第二十条、第二十一条内容，我局 2020年全年主动公开信息 48条；');
    expect(d3.sections.general.text).not.toContain('https://');
    expect(d3.sections.other.text).toContain('网址为 http://www.bjxch.gov.cn/。');
  });

  it('gives each seed its known findings after import', () => {
    const rules = (n: string) => {
      const d = imported(seedText(n)).draft;
      return check(formatById(d.formatId)!, d).map((f) => `${f.severity}:${f.rule}`);
    };
    expect(rules('001')).toContain('warning:text.figure-mismatch');
    expect(rules('002')).toEqual(expect.arrayContaining(['error:date.before-period-end', 'warning:text.self-reference', 'hint:cells.blank']));
    expect(rules('003')).toContain('hint:cells.blank');
    expect(rules('004')).toContain('warning:date.after-deadline');
    expect(rules('000').filter((r) => r.startsWith('error'))).toEqual([]);
  });
});

describe('importing other sources', () => {
  it.each([
    ['seed 000', () => seedDraft('000')],
    ['seed 002', () => seedDraft('002')],
    ['the full 2021 report', full2021],
  ])('the DOCX the app renders for %s gives back its table values without the embedded draft', async (_n, load) => {
    const draft = load();
    const bytes = await renderDocx(buildReport(formatById(draft.formatId)!, draft));
    const { draft: back, report } = imported(bytes);
    expect(report.source).toBe('docx');
    expect(back.cells).toEqual(draft.cells);
    expect(back.agency.name).toBe(draft.agency.name);
    expect(back.publicationDate).toBe(draft.publicationDate);
  });

  it('reads HTML pasted from a website and the plain text the app writes', () => {
    const draft = full2021();
    const doc = buildReport(formatById(draft.formatId)!, draft);
    const fromHtml = imported(renderHtml(doc));
    expect(fromHtml.report.source).toBe('html');
    expect(fromHtml.draft.cells).toEqual(draft.cells);
    expect(fromHtml.draft.sections.other.text).toBe(draft.sections.other.text);
    expect(imported(renderText(doc)).draft.cells).toEqual(draft.cells);
  });

  it('reads pipe tables copied from a web page', () => {
    const piped = seedText('002')
      .split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n');
    expect(piped).toContain('| 规章 | 0 | 0 | 0 |');
    expect(imported(piped).draft.cells).toEqual(seedDraft('002').cells);
  });

  it('refuses a file too large to be a report before reading it, saying so', () => {
    const r = importReport('一、总体情况\n'.repeat(700_000));
    expect(r).toEqual({ ok: false, problem: { key: 'import.tooLarge' } });
    expect(t('import.tooLarge')).toBe('文件过大，不像一份年度报告。');
  });

  it('refuses what is not an annual report, and never throws on hostile input', () => {
    expect(importReport('hello world')).toEqual({ ok: false, problem: { key: 'import.noSections' } });
    const zipNotDocx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(importReport(zipNotDocx)).toMatchObject({ ok: false, problem: { key: 'import.unreadable' } });
    for (const hostile of [
      '一、总体情况\n二、主动公开政府信息情况\n第二十条第（一）项\n规章 1 2 3 4 5 6 7 8',
      '<table><tr><td>三、收到和处理政府信息公开申请情况</td></tr></table>&#xFFFFFFF;',
      '一、总体情况' + '\u0000'.repeat(100),
    ]) {
      const r = importReport(hostile);
      expect(typeof r.ok).toBe('boolean');
    }
  });
});
