/**
 * The command line never hangs or crashes: devices and pipes are refused, every write error is a message and
 * exit 2; the same agency given twice to aggregate is said; and a report whose text holds characters XML
 * forbids still renders to a DOCX every part of which is valid, with the draft inside intact.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { draftToJson, readDraftText } from '../../src/model/draftFile';
import { extractDraft } from '../../src/render/docxDraft';
import { seedDraft, seedPath } from '../support/drafts';
import { checkDocxFiles } from '../support/ooxml';

const run = runCli;

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-cli-robust-'));

describe('the command line never hangs or crashes', () => {
  it('refuses a device and a FIFO at once, with exit 2', async () => {
    const dev = await run('check', '/dev/zero');
    expect(dev).toMatchObject({ code: 2 });
    expect(dev.err).toContain('/dev/zero 不是普通文件');
    const fifo = join(tmp, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = await run('import', fifo, '-o', join(tmp, 'x.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是普通文件');
  }, 5_000);

  it('turns every write error into a message and exit 2, never a stack trace', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const asDir = await run('render', seedPath('001'), '--out', file);
    expect(asDir.code).toBe(2);
    expect(asDir.err).toMatch(/^无法写入 .*a-file：(EEXIST|ENOTDIR)$/);
    const missing = await run('next', seedPath('001'), '-o', join(tmp, 'no', 'such', 'dir', 'n.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^无法写入 .*n\.json：ENOENT$/);
    const underFile = await run('migrate', seedPath('001'), '--to', 'gb-2021', '-o', join(file, 'x.json'));
    expect(underFile.code).toBe(2);
    expect(underFile.err).toMatch(/ENOTDIR/);
  });

  it('aggregate says when the same agency is given twice', async () => {
    const r = await run('aggregate', seedPath('004'), seedPath('004'), '-o', join(tmp, 'sum.json'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('注意：“忻州市科学技术局”出现了不止一次');
  });
});

describe('outputs always valid', () => {
  it('leaves characters XML forbids out of the DOCX and HTML, says so, and keeps them in the draft inside', async () => {
    const draft = seedDraft('001');
    const odd = '控制\u0001\u0008字符\uFFFE\uFFFF非字符\uFDD0孤\uD800代理\u0085C1';
    draft.agency.name = `丰台\u0007区`;
    draft.sections.problems.text = odd;
    const file = join(tmp, 'odd.json');
    writeFileSync(file, draftToJson(draft));
    const out = join(tmp, 'odd');
    const r = await run('render', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('文中有 10 个无法写入文档的字符');
    const bytes = new Uint8Array(readFileSync(join(out, 'report.docx')));
    const result = (await checkDocxFiles({ odd: bytes })).odd!;
    expect(result.schemaErrors).toEqual([]);
    expect(result.packageErrors).toEqual([]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('控制字符非字符孤代理C1');
    expect(html).not.toMatch(/[\u0001\u0007\u0008\uFFFE\uFFFF\uFDD0\u0085]/);
    const back = extractDraft(bytes);
    expect(back.ok).toBe(true);
    const reopened = back.ok ? readDraftText(back.json) : null;
    expect(reopened?.ok && reopened.draft).toEqual(draft);
  });
});
