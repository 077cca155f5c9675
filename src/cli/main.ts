/**
 * The command line over the same modules as the app:
 *   check DRAFT.json [--previous LAST.json] [--json] [--lang zh-CN|en]   exit 0 no error, 1 errors, 2 unreadable
 *   cells DRAFT.json [--csv]                                            every table cell, one per line
 *   render DRAFT.json --out DIR [--docx] [--txt] [--html]               the report files (all three by default)
 *   import FILE -o DRAFT.json                                           a published report into a draft
 *                                                                       (exit 0 all placed, 3 some not, 2 unreadable)
 *   review FILE_OR_DIR… [--csv OUT.csv] [--xlsx OUT.xlsx] [--json]    many reports checked at once (exit 0 no error,
 *                                                                       1 errors, 2 nothing could be read)
 *   import-score DIR                                                    the corpus's documents imported against their expected cells
 *   aggregate A.json B.json … -o TOTAL.json                             several agencies' drafts summed
 *   next DRAFT.json -o NEXT.json                                        next year's draft from this one
 *   migrate DRAFT.json --to FORMAT -o OUT.json                          a draft moved to another format
 */
import { closeSync, constants as fsConstants, fstatSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TFunction } from 'i18next';
import { formatById } from '../format/registry';
import { cellRows, csvText } from '../model/cellRows';
import type { Draft } from '../model/draft';
import { draftToJson, MAX_DRAFT_FILE_BYTES, readDraftText } from '../model/draftFile';
import { buildReport } from '../render/model';
import { renderText } from '../render/text';
import { renderHtml } from '../render/html';
import { renderDocx } from '../render/docx';
import { forbiddenInReport } from '../render/xmlChars';
import { decodeText } from '../model/encoding';
import { importComplete, importDocument } from '../import/importer';
import { loadPdfJsNode } from '../import/pdfjsNode';
import { isExact, scoreImport } from '../import/score';
import { corpusDocuments, EXPECTED_SUFFIX } from '../import/corpus';
import { readForReview, reviewReports, type ReadReport } from '../review/desk';
import { deskNotes, deskTotalText, reportRow } from '../review/table';
import { deskCsv, deskXlsx } from '../review/exports';
import { LIMITS, MAX_IMPORT_BYTES } from '../model/limits';
import { importProblemText, importReportText } from '../import/reportText';
import { aggregateDrafts } from '../model/aggregate';
import { hasNextYear, nextYearDraft } from '../model/nextYear';
import { migrateDraft } from '../model/formatChange';
import { cellLabel } from '../format/labels';
import { check } from '../rules/engine';
import { summarize, type Finding } from '../rules/finding';
import { createI18n, fileProblemMessage, findingMessage, isLanguage, type Language } from '../i18n';

interface Options {
  positional: string[];
  previous?: string;
  out?: string;
  to?: string;
  json: boolean;
  csv: boolean;
  /** review: where to write the findings table as CSV and as XLSX. */
  csvOut?: string;
  xlsxOut?: string;
  outputs: Set<'docx' | 'txt' | 'html'>;
  lang: Language;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const opts: Options = { positional: [], json: false, csv: false, outputs: new Set(), lang: 'zh-CN' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') opts.json = true;
    else if (arg === '--csv') {
      opts.csv = true;
      if (argv[i + 1]?.toLowerCase().endsWith('.csv')) opts.csvOut = argv[++i];
    } else if (arg === '--xlsx') opts.xlsxOut = argv[++i];
    else if (arg === '--previous') opts.previous = argv[++i];
    else if (arg === '--out' || arg === '-o') opts.out = argv[++i];
    else if (arg === '--to') opts.to = argv[++i];
    else if (arg === '--docx' || arg === '--txt' || arg === '--html') opts.outputs.add(arg.slice(2) as 'docx');
    else if (arg === '--lang') {
      const lang = argv[++i] ?? '';
      if (!isLanguage(lang)) throw new UsageError(arg);
      opts.lang = lang;
    } else if (arg.startsWith('--')) throw new UsageError(arg);
    else opts.positional.push(arg);
  }
  return opts;
}

class ReadFailure extends Error {}

/**
 * A file's bytes, refusing what is not a regular file (a device, a FIFO, a directory: they can be endless or
 * block forever) and reading at most `limit` bytes, however the file changes while it is read.
 */
function readBounded(path: string, limit: number, t: TFunction, tooLarge: () => string): Buffer {
  let fd: number | undefined;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) throw new ReadFailure(t('cli.notAFile', { file: path }));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new ReadFailure(tooLarge());
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof ReadFailure) throw e;
    throw new ReadFailure(t('cli.cannotRead', { file: path, detail: (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e)) }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes an output file; a missing folder, a read-only file or a folder in the way is a message and exit 2. */
function writeOutput(path: string, data: string | Uint8Array, t: TFunction): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new ReadFailure(t('cli.cannotWrite', { file: path, detail: (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e)) }));
  }
}

function loadDraft(path: string, t: TFunction): { draft: Draft; migratedFrom?: number } {
  const bytes = readBounded(
    path,
    MAX_DRAFT_FILE_BYTES,
    t,
    () =>
      t('cli.invalidDraft', { file: path }) + '\n  ' + fileProblemMessage(t, { key: 'file.tooLarge', params: { limitMb: MAX_DRAFT_FILE_BYTES / 1024 / 1024 } }),
  );
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new ReadFailure([t('cli.invalidDraft', { file: path }), `  ${fileProblemMessage(t, { key: 'file.unknownEncoding' })}`].join('\n'));
  const text = decoded.text;
  const result = readDraftText(text);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${fileProblemMessage(t, p)}`);
    throw new ReadFailure([t('cli.invalidDraft', { file: path }), ...lines].join('\n'));
  }
  return result.migratedFrom !== undefined ? { draft: result.draft, migratedFrom: result.migratedFrom } : { draft: result.draft };
}

function sectionTitle(t: TFunction, draft: Draft, section: Finding['section']): string {
  if (section === 'meta') return t('section.meta');
  return formatById(draft.formatId)?.sections.find((s) => s.id === section)?.heading ?? section;
}

function runCheck(opts: Options, t: TFunction, out: (s: string) => void): number {
  const [file] = opts.positional;
  if (!file) throw new UsageError('');
  const { draft } = loadDraft(file, t);
  const previous = opts.previous ? loadDraft(opts.previous, t).draft : undefined;
  const format = formatById(draft.formatId)!;
  const findings = check(format, draft, previous);
  const summary = summarize(findings);

  if (opts.json) {
    out(
      JSON.stringify({
        findings: findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          section: f.section,
          cells: f.cells,
          expected: f.expected,
          actual: f.actual,
          difference: f.difference,
          message: findingMessage(t, f),
          ...(f.acknowledged !== undefined ? { acknowledged: f.acknowledged } : {}),
        })),
        summary: { errors: summary.errors, warnings: summary.warnings, hints: summary.hints, acknowledged: summary.acknowledged },
      }),
    );
  } else {
    let current: string | null = null;
    for (const f of findings) {
      if (f.section !== current) {
        current = f.section;
        out(sectionTitle(t, draft, f.section));
      }
      const ack = f.acknowledged !== undefined ? `  [${t('cli.acknowledged', { reason: f.acknowledged })}]` : '';
      out(`  ${t(`severity.${f.severity}`)}  ${findingMessage(t, f)}  (${f.rule})${ack}`);
    }
    if (findings.length === 0) out(t('cli.noFindings'));
    out(t('cli.summary', { ...summary }));
    if (summary.acknowledged > 0) out(t('cli.acknowledgedCount', { count: summary.acknowledged }));
  }
  return summary.errors > 0 ? 1 : 0;
}

function runCells(opts: Options, t: TFunction, out: (s: string) => void): number {
  const [file] = opts.positional;
  if (!file) throw new UsageError('');
  const { draft } = loadDraft(file, t);
  const rows = cellRows(formatById(draft.formatId)!, draft);
  if (opts.csv) out(csvText([['部分', '表', '行', '列', '值'], ...rows.map((r) => [r.section, r.table, r.row, r.column, r.value])]));
  else for (const { section, table, row, column, value } of rows) out(JSON.stringify({ section, table, row, column, value }));
  return 0;
}

async function runRender(opts: Options, t: TFunction, out: (s: string) => void): Promise<number> {
  const [file] = opts.positional;
  if (!file || !opts.out) throw new UsageError('');
  const { draft } = loadDraft(file, t);
  const doc = buildReport(formatById(draft.formatId)!, draft);
  const wanted = opts.outputs.size > 0 ? opts.outputs : new Set(['docx', 'txt', 'html'] as const);
  try {
    mkdirSync(opts.out, { recursive: true });
  } catch (e) {
    throw new ReadFailure(t('cli.cannotWrite', { file: opts.out, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
  }
  const written: string[] = [];
  if (wanted.has('docx')) {
    writeOutput(join(opts.out, 'report.docx'), await renderDocx(doc, draftToJson(draft)), t);
    written.push('report.docx');
  }
  if (wanted.has('txt')) {
    writeOutput(join(opts.out, 'report.txt'), renderText(doc), t);
    written.push('report.txt');
  }
  if (wanted.has('html')) {
    writeOutput(join(opts.out, 'report.html'), renderHtml(doc), t);
    written.push('report.html');
  }
  out(t('cli.rendered', { title: doc.title, files: written.map((w) => join(opts.out!, w)).join(', ') }));
  const removed = wanted.has('docx') || wanted.has('html') ? forbiddenInReport(doc) : 0;
  if (removed > 0) out(t('cli.removedChars', { count: removed }));
  return 0;
}

async function runImport(opts: Options, t: TFunction, out: (s: string) => void): Promise<number> {
  const [file] = opts.positional;
  if (!file || !opts.out) throw new UsageError('');
  const bytes = new Uint8Array(readBounded(file, MAX_IMPORT_BYTES, t, () => t('import.tooLarge')));
  const result = await importDocument(bytes, loadPdfJsNode);
  if (!result.ok) throw new ReadFailure(`${t('cli.cannotRead', { file, detail: '' })}${importProblemText(t, result.problem)}`);
  writeOutput(opts.out, draftToJson(result.draft), t);
  const text = importReportText(t, result.report);
  out(t('cli.imported', { file, out: opts.out }));
  out(text.summary);
  if (text.notes.length > 0) out([t('import.notes'), ...text.notes.map((n) => `  ${n}`)].join('\n'));
  if (text.problems.length > 0) out([t('import.problems'), ...text.problems.map((n) => `  ${n}`)].join('\n'));
  if (text.missing) out(text.missing);
  if (text.inferred) out(text.inferred);
  return importComplete(result.report) ? 0 : 3;
}

/** Every document of a corpus directory that has its expected cells beside it (NAME.expected.json), imported and scored. */
async function runImportScore(opts: Options, t: TFunction, out: (s: string) => void): Promise<number> {
  const [dir] = opts.positional;
  if (!dir) throw new UsageError('');
  const documents = corpusDocuments(dir);
  if (documents.length === 0) throw new ReadFailure(t('score.empty', { dir }));
  let exact = 0;
  let right = 0;
  let total = 0;
  for (const { file, expected } of documents) {
    const result = await importDocument(new Uint8Array(readBounded(file, MAX_IMPORT_BYTES, t, () => t('import.tooLarge'))), loadPdfJsNode);
    const score = result.ok ? scoreImport(expected, result.draft) : { formatRight: false, right: 0, total: Object.keys(expected.cells).length, wrong: [] };
    if (isExact(score)) exact++;
    right += score.right;
    total += score.total;
    const detail = score.wrong
      .slice(0, 3)
      .map((w) => `${w.cell} ${JSON.stringify(w.expected)}→${JSON.stringify(w.found)}`)
      .join('; ');
    out(
      `${isExact(score) ? '✓' : '✗'} ${basename(file)}  ${score.right}/${score.total}${result.ok ? '' : ` ${importProblemText(t, result.problem)}`}${detail ? `  ${detail}` : ''}`,
    );
  }
  out(
    t('score.summary', {
      exact,
      reports: documents.length,
      reportShare: ((100 * exact) / documents.length).toFixed(1),
      right,
      total,
      cellShare: ((100 * right) / total).toFixed(2),
    }),
  );
  return exact === documents.length ? 0 : 1;
}

/** The files of the arguments, folders read through (hidden files and folders left out), in name order. */
function reviewFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (!statSync(path).isDirectory()) return void files.push(path);
    for (const name of readdirSync(path).sort()) if (!name.startsWith('.') && !name.endsWith(EXPECTED_SUFFIX)) walk(join(path, name));
  };
  for (const p of paths) walk(p);
  return files;
}

/** Many agencies' reports checked at once: the table, the notes across them, the totals; CSV, XLSX, JSON. */
async function runReview(opts: Options, t: TFunction, out: (s: string) => void): Promise<number> {
  if (opts.positional.length === 0) throw new UsageError('');
  const read: ReadReport[] = [];
  for (const file of reviewFiles(opts.positional)) {
    try {
      const bytes = new Uint8Array(readBounded(file, MAX_IMPORT_BYTES, t, () => t('import.tooLarge')));
      read.push(await readForReview(basename(file), bytes, loadPdfJsNode));
    } catch (e) {
      read.push({ ok: false, name: basename(file), problem: { key: 'import.unreadable', params: { detail: e instanceof Error ? e.message : String(e) } } });
    }
  }
  const desk = reviewReports(read);
  if (opts.json) {
    out(
      JSON.stringify(
        {
          reports: desk.reports.map((r) => ({
            ...reportRow(t, r),
            findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, section: f.section, cells: f.cells, message: findingMessage(t, f) })),
          })),
          notes: deskNotes(t, desk),
        },
        null,
        1,
      ),
    );
  } else {
    for (const r of desk.reports) {
      const row = reportRow(t, r);
      out(
        `${r.summary.errors > 0 ? '✗' : '✓'} ${row.agency || row.file}  ${row.year}  ${row.format}  ${row.date || '—'}  ${row.readAs}  ${t('desk.column.errors')} ${row.errors}  ${t('desk.column.warnings')} ${row.warnings}  ${row.quality}${row.worst ? `\n    ${row.worst}` : ''}  [${row.file}]`,
      );
    }
    for (const note of deskNotes(t, desk)) out(note);
    for (const total of desk.totals) out(deskTotalText(t, total));
    out(
      t('desk.summary', {
        count: desk.reports.length,
        withErrors: desk.reports.filter((r) => r.summary.errors > 0).length,
        unreadable: desk.unreadable.length,
      }),
    );
  }
  if (opts.csvOut) writeOutput(opts.csvOut, deskCsv(t, desk), t);
  if (opts.xlsxOut) writeOutput(opts.xlsxOut, await deskXlsx(t, desk), t);
  if (desk.reports.length === 0) {
    out(t('desk.nothingRead'));
    return 2;
  }
  return desk.reports.some((r) => r.summary.errors > 0) ? 1 : 0;
}

function runAggregate(opts: Options, t: TFunction, out: (s: string) => void): number {
  if (opts.positional.length === 0 || !opts.out) throw new UsageError('');
  const drafts = opts.positional.map((f) => loadDraft(f, t).draft);
  const result = aggregateDrafts(drafts);
  if (!result.ok) throw new ReadFailure(t(result.problem.key, result.problem.params ?? {}));
  writeOutput(opts.out, draftToJson(result.draft), t);
  // The same agency twice is most often the same file given twice, or two versions of one report: summed twice.
  const seen = new Map<string, string[]>();
  drafts.forEach((d, i) => seen.set(d.agency.name.trim(), [...(seen.get(d.agency.name.trim()) ?? []), opts.positional[i]!]));
  for (const [agency, files] of seen) if (files.length > 1) out(t('aggregate.duplicateAgency', { agency: agency || '（未命名）', files: files.join('、') }));
  const format = formatById(result.report.formatId)!;
  out(t('aggregate.done', { count: result.report.included.length, out: opts.out, format: format.definition.name }));
  out(t('aggregate.included', { list: result.report.included.join('、') }));
  for (const p of result.report.partial.slice(0, 20)) out(`  ${t('aggregate.partial', { cell: cellLabel(format, p.cell), list: p.blankIn.join('、') })}`);
  if (result.report.partial.length > 20) out(`  ${t('aggregate.more', { count: result.report.partial.length - 20 })}`);
  for (const u of result.report.unreadable) out(`  ${t('aggregate.unreadable', { cell: cellLabel(format, u.cell), agency: u.agency, value: u.value })}`);
  return 0;
}

function runNext(opts: Options, t: TFunction, out: (s: string) => void): number {
  const [file] = opts.positional;
  if (!file || !opts.out) throw new UsageError('');
  const { draft } = loadDraft(file, t);
  if (!hasNextYear(draft)) throw new ReadFailure(t('next.noNextYear', { year: draft.reportYear, last: LIMITS.lastYear }));
  const next = nextYearDraft(formatById(draft.formatId)!, draft);
  writeOutput(opts.out, draftToJson(next.draft), t);
  out(t('next.done', { year: next.draft.reportYear, format: next.format.definition.name, out: opts.out }));
  return 0;
}

function runMigrate(opts: Options, t: TFunction, out: (s: string) => void): number {
  const [file] = opts.positional;
  const to = opts.to ? formatById(opts.to) : undefined;
  if (!file || !opts.out || !to) throw new UsageError(opts.to && !to ? opts.to : '');
  const { draft } = loadDraft(file, t);
  const from = formatById(draft.formatId)!;
  const { draft: moved, report } = migrateDraft(draft, from, to);
  writeOutput(opts.out, draftToJson(moved), t);
  out(t('cli.migrateDone', { from: from.definition.name, to: to.definition.name, out: opts.out, mapped: report.mapped.length }));
  const moves = report.mapped.filter((m) => m.from !== m.to);
  if (moves.length > 0) out([t('migrate.moved'), ...moves.map((m) => `  ${cellLabel(from, m.from)} → ${cellLabel(to, m.to)}`)].join('\n'));
  if (report.noCounterpart.length > 0)
    out(
      [
        t('migrate.noCounterpart', { count: report.noCounterpart.length }),
        ...report.noCounterpart.map((c) => `  ${cellLabel(from, c)}：${draft.cells[c.split('/')[0]!]![c.split('/')[1]!]![c.split('/')[2]!]}`),
      ].join('\n'),
    );
  if (report.leftBlank.length > 0)
    out([t('migrate.leftBlank', { count: report.leftBlank.length }), ...report.leftBlank.map((c) => `  ${cellLabel(to, c)}`)].join('\n'));
  return 0;
}

export async function main(
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => process.stderr.write(s + '\n'),
): Promise<number> {
  const langIndex = argv.indexOf('--lang');
  const langArg = langIndex >= 0 ? (argv[langIndex + 1] ?? '') : '';
  const t = createI18n(isLanguage(langArg) ? langArg : 'zh-CN').t;
  const [command, ...rest] = argv;
  try {
    const opts = parseArgs(rest);
    if (command === 'check') return runCheck(opts, t, out);
    if (command === 'cells') return runCells(opts, t, out);
    if (command === 'render') return await runRender(opts, t, out);
    if (command === 'import') return await runImport(opts, t, out);
    if (command === 'import-score') return await runImportScore(opts, t, out);
    if (command === 'review') return await runReview(opts, t, out);
    if (command === 'aggregate') return runAggregate(opts, t, out);
    if (command === 'next') return runNext(opts, t, out);
    if (command === 'migrate') return runMigrate(opts, t, out);
    err(t('cli.usage'));
    return 2;
  } catch (e) {
    if (e instanceof ReadFailure) {
      err(e.message);
      return 2;
    }
    if (e instanceof UsageError) {
      if (e.message) err(t('cli.unknownOption', { option: e.message }));
      err(t('cli.usage'));
      return 2;
    }
    throw e;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  // `… | head` closes the pipe early; that is the reader's choice, not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
