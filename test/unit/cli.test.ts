import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { seedPath } from '../support/drafts';

const run = runCli;

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

describe('check', () => {
  it('groups findings by section, one line each, and exits 1 on errors', async () => {
    const r = await run('check', seedPath('002'));
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      '报告信息',
      '  错误  发布日期 2020-01-08 早于统计期结束（2020 年 12 月 31 日）：2020 年度报告最早应于 2021-01-01 发布。  (date.before-period-end)',
      '一、总体情况',
      '  警告  “一、总体情况”中出现“我厅”（……政府信息公开条例》，我厅重新完善了信息公开制……），与本机关“二七区科学技术局”的称谓不符，可能沿用了其他机关的报告。  (text.self-reference)',
      '四、政府信息公开行政复议、行政诉讼情况',
      '  提示  四、政府信息公开行政复议、行政诉讼情况：有 5 个单元格未填（「行政复议/结果维持」、「行政复议/结果纠正」、「行政复议/其他结果」、「行政复议/尚未审结」、「行政复议/总计」）。空白不等于 0，涉及这些单元格的勾稽关系暂时无法核对。  (cells.blank)',
      '共 1 个错误，1 个警告，1 个提示。',
    ]);
  });

  it('exits 0 when there is no error, and speaks English when asked', async () => {
    const r = await run('check', seedPath('004'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Report details\n  Warning  The publication date 2021-02-05 is after the statutory deadline 2021-01-31');
    expect(r.out).toContain('Errors: 0, warnings: 2, hints: 0.');
  });

  it('--json prints the findings and the summary', async () => {
    const r = await run('check', seedPath('003'), '--json');
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ errors: 0, warnings: 0, hints: 2, acknowledged: 0 });
    expect(json.findings[1]).toEqual({
      rule: 'cells.blank',
      severity: 'hint',
      section: 'requests',
      cells: ['requests/C/SCI'],
      expected: null,
      actual: null,
      difference: null,
      message:
        '三、收到和处理政府信息公开申请情况：有 1 个单元格未填（「四、结转下年度继续办理」「科研机构」）。空白不等于 0，涉及这些单元格的勾稽关系暂时无法核对。',
    });
  });

  it('--previous runs the cross-year checks', async () => {
    const next = JSON.parse(execFileSync('cat', [seedPath('001')], { encoding: 'utf8' }));
    next.reportYear = 2021;
    next.cells.requests.A2 = { ...next.cells.requests.C, NP: '90', TOT: '91' };
    const file = join(tmp, 'next.json');
    writeFileSync(file, JSON.stringify(next));
    const r = await run('check', file, '--previous', seedPath('001'), '--json');
    const carry = JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'requests.carry-over');
    expect(carry.map((f: { cells: string[] }) => f.cells)).toEqual([
      ['requests/A2/NP', 'previous:requests/C/NP'],
      ['requests/A2/TOT', 'previous:requests/C/TOT'],
    ]);
  });

  it('exits 2 with a message for a missing, damaged or invalid file', async () => {
    expect(await run('check', join(tmp, 'nope.json'))).toMatchObject({ code: 2, err: expect.stringContaining('无法读取') });
    const damaged = join(tmp, 'damaged.json');
    writeFileSync(damaged, '{"schemaVersion": 2, "formatId": "gb-2021", "agen');
    expect(await run('check', damaged)).toMatchObject({ code: 2, err: expect.stringContaining('不是有效的 JSON 格式') });
    const wrong = join(tmp, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ schemaVersion: 2, formatId: 'gb-2021', agency: { name: 'x', kind: 'ministry', region: '' } }));
    const r = await run('check', wrong, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a valid report draft:');
    expect(r.err).toContain('Agency kind: value not allowed.');
  });

  it('exits 2 with the usage for an unknown command or option', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    expect(await run('check', seedPath('000'), '--colour')).toMatchObject({ code: 2, err: expect.stringContaining('未知选项：--colour') });
  });
});

describe('cells', () => {
  it('lists every cell as a JSON line with printed labels, blank as ""', async () => {
    const lines = (await run('cells', seedPath('003'))).out.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6 + 9 + 6 + 2 + 2 + 161 + 15);
    expect(lines).toContainEqual({
      section: '三、收到和处理政府信息公开申请情况',
      table: '三、收到和处理政府信息公开申请情况',
      row: '四、结转下年度继续办理',
      column: '科研机构',
      value: '',
    });
    expect(lines).toContainEqual({
      section: '三、收到和处理政府信息公开申请情况',
      table: '三、收到和处理政府信息公开申请情况',
      row: '三、本年度办理结果/（四）无法提供/1.本机关不掌握相关政府信息',
      column: '自然人',
      value: '1',
    });
    expect(lines).toContainEqual({
      section: '二、主动公开政府信息情况',
      table: '第二十条第（五）项',
      row: '其他对外管理服务事项/行政检查',
      column: '本年增/减',
      value: '0',
    });
    expect(lines).toContainEqual({
      section: '二、主动公开政府信息情况',
      table: '第二十条第（九）项',
      row: '政府集中采购',
      column: '采购总金额（万元，保留四位小数）',
      value: '491.2800',
    });
  });

  it('--csv writes a spreadsheet Excel and WPS open with the Chinese intact', async () => {
    const csv = (await run('cells', seedPath('001'), '--csv')).out;
    expect(csv.startsWith('\uFEFF部分,表,行,列,值\r\n')).toBe(true);
    expect(csv).toContain('\r\n三、收到和处理政府信息公开申请情况,三、收到和处理政府信息公开申请情况,一、本年新收政府信息公开申请数量,总计,956\r\n');
    expect(csv.split('\r\n')).toHaveLength(1 + 6 + 9 + 6 + 2 + 2 + 161 + 15);
  });
});

describe('the npm script', () => {
  it('runs as documented: npm run --silent cli -- check … with exit codes', async () => {
    const ok = spawnSync('npm', ['run', '--silent', 'cli', '--', 'check', seedPath('000'), '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.errors).toBe(0);
    const bad = spawnSync('npm', ['run', '--silent', 'cli', '--', 'check', seedPath('002')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
  }, 30_000);
});

describe('render', () => {
  it('writes report.docx, report.txt and report.html, the text matching its golden file', async () => {
    const dir = join(tmp, 'render-001');
    const r = await run('render', seedPath('001'), '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已生成《北京市丰台区人民政府2020年政府信息公开工作年度报告》');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(readFileSync(new URL('../golden/001.txt', import.meta.url), 'utf8'));
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<title>北京市丰台区人民政府2020年政府信息公开工作年度报告</title>');
    expect(readFileSync(join(dir, 'report.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('writes only what is asked for', async () => {
    const dir = join(tmp, 'render-txt');
    expect((await run('render', seedPath('002'), '--out', dir, '--txt')).code).toBe(0);
    expect(existsSync(join(dir, 'report.txt'))).toBe(true);
    expect(existsSync(join(dir, 'report.docx'))).toBe(false);
  });

  it('exits 2 with a message for a bad draft', async () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"schemaVersion": 2}');
    const r = await run('render', bad, '--out', join(tmp, 'never'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是有效的年报草稿');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});
