/**
 * The review desk: many agencies' reports checked at once, as a 政务公开办 reviews its departments' reports
 * before they are published. Each file is read as what it is (a draft, a DOCX the app made, or a published
 * report through the importer, totals as printed), checked exactly as `check` checks it, and the set is read
 * across: the same agency twice, several years or formats, an agency against its own previous year, and the
 * totals of all. Pure: the command line and the page's worker both use it.
 */
import { formatById } from '../format/registry';
import type { Draft } from '../model/draft';
import { aggregateDrafts } from '../model/aggregate';
import { looksLikeJson, looksLikeZip, readDraftBytes } from '../model/draftBytes';
import { check } from '../rules/engine';
import { summarize, type Finding, type FindingSummary } from '../rules/finding';
import { importDocument, type ImportMessage } from '../import/importer';
import type { SourceKind } from '../import/sources';
import type { PdfJs } from '../import/pdfItems';
import { MAX_IMPORT_BYTES } from '../model/limits';

/** How a file was read: as the draft it holds, or as a published report through the importer. */
export type ReadAs = 'draft' | 'import';
export type FileKind = 'json' | 'docx' | SourceKind;

export interface ImportQuality {
  placed: number;
  inferred: number;
  missing: number;
  total: number;
}

/** One file read for review: its draft, or why it could not be read. */
export type ReadReport =
  | { ok: true; name: string; readAs: ReadAs; fileKind: FileKind; draft: Draft; quality: ImportQuality | null }
  | { ok: false; name: string; problem: ImportMessage };

export interface ReviewedReport {
  name: string;
  readAs: ReadAs;
  fileKind: FileKind;
  draft: Draft;
  quality: ImportQuality | null;
  findings: Finding[];
  summary: FindingSummary;
  /** The most serious open finding (the first in the canonical order among the most severe). */
  worst: Finding | null;
  /** Published after the deadline the format sets for the agency's kind. */
  late: boolean;
  /** Whether the agency's previous year was among the files (its cross-year checks ran). */
  withPrevious: boolean;
}

export type DeskNote =
  | { key: 'desk.sameAgency'; params: { agency: string; year: number; files: string } }
  | { key: 'desk.severalYears'; params: { years: string } }
  | { key: 'desk.severalFormats'; params: { formats: string } };

export interface DeskTotal {
  year: number;
  formatId: string;
  count: number;
  draft: Draft;
}

export interface Desk {
  reports: ReviewedReport[];
  unreadable: { name: string; problem: ImportMessage }[];
  notes: DeskNote[];
  totals: DeskTotal[];
}

/** Reads one file for review. A JSON draft or a DOCX holding its draft is taken as it is; anything else is imported. */
export async function readForReview(name: string, bytes: Uint8Array, loadPdfJs: () => Promise<PdfJs>): Promise<ReadReport> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, name, problem: { key: 'import.tooLarge' } };
  const zip = looksLikeZip(bytes);
  if (zip || looksLikeJson(bytes)) {
    const read = readDraftBytes(bytes);
    if (read.ok) return { ok: true, name, readAs: 'draft', fileKind: zip ? 'docx' : 'json', draft: read.draft, quality: null };
    // A DOCX without a draft inside is a published report; a JSON file that is no draft is neither.
    if (!zip) return { ok: false, name, problem: { key: 'desk.badDraft' } };
  }
  const result = await importDocument(bytes, loadPdfJs);
  if (!result.ok) return { ok: false, name, problem: result.problem };
  const r = result.report;
  return {
    ok: true,
    name,
    readAs: 'import',
    fileKind: r.source,
    draft: result.draft,
    quality: { placed: r.placed, inferred: r.inferred.length, missing: r.missing.length, total: r.total },
  };
}

const agencyKey = (d: Draft) => d.agency.name.replace(/\s+/g, '');
const SEVERITY_RANK = { error: 0, warning: 1, hint: 2 } as const;

function worstOf(findings: Finding[]): Finding | null {
  let worst: Finding | null = null;
  for (const f of findings) {
    if (f.acknowledged !== undefined) continue;
    if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst.severity]) worst = f;
  }
  return worst;
}

/** Checks every report read, with its previous year where that is among them, and reads the set across. */
export function reviewReports(read: ReadReport[]): Desk {
  const good = read.filter((r): r is Extract<ReadReport, { ok: true }> => r.ok);
  const unreadable = read.filter((r): r is Extract<ReadReport, { ok: false }> => !r.ok).map((r) => ({ name: r.name, problem: r.problem }));

  // An agency's report of the year before, when one was given (the first, if several).
  const byAgencyYear = new Map<string, Extract<ReadReport, { ok: true }>[]>();
  for (const r of good) {
    const key = `${agencyKey(r.draft)}\u0000${r.draft.reportYear}`;
    byAgencyYear.set(key, [...(byAgencyYear.get(key) ?? []), r]);
  }
  const reports: ReviewedReport[] = good.map((r) => {
    const format = formatById(r.draft.formatId)!;
    const previous = agencyKey(r.draft) === '' ? undefined : byAgencyYear.get(`${agencyKey(r.draft)}\u0000${r.draft.reportYear - 1}`)?.[0]?.draft;
    const findings = check(format, r.draft, previous);
    return {
      name: r.name,
      readAs: r.readAs,
      fileKind: r.fileKind,
      draft: r.draft,
      quality: r.quality,
      findings,
      summary: summarize(findings),
      worst: worstOf(findings),
      late: findings.some((f) => f.rule === 'date.after-deadline'),
      withPrevious: previous !== undefined,
    };
  });

  const notes: DeskNote[] = [];
  for (const [key, same] of byAgencyYear) {
    if (same.length > 1 && key.split('\u0000')[0] !== '') {
      notes.push({
        key: 'desk.sameAgency',
        params: { agency: same[0]!.draft.agency.name, year: same[0]!.draft.reportYear, files: same.map((r) => r.name).join('、') },
      });
    }
  }
  const years = [...new Set(good.map((r) => r.draft.reportYear))].sort();
  if (years.length > 1) notes.push({ key: 'desk.severalYears', params: { years: years.join('、') } });
  const formats = [...new Set(good.map((r) => r.draft.formatId))];
  if (formats.length > 1) notes.push({ key: 'desk.severalFormats', params: { formats: formats.map((id) => formatById(id)!.definition.name).join('、') } });

  // The totals of all reports of one year and format family, one agency counted once.
  const totals: DeskTotal[] = [];
  const groups = new Map<string, Draft[]>();
  for (const [, same] of byAgencyYear) {
    const d = same[0]!.draft;
    const family = formatById(d.formatId)!.definition.profileOf ?? d.formatId;
    const key = `${d.reportYear}\u0000${family}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const drafts of groups.values()) {
    const sum = aggregateDrafts(drafts);
    if (sum.ok) totals.push({ year: sum.draft.reportYear, formatId: sum.draft.formatId, count: drafts.length, draft: sum.draft });
  }
  totals.sort((a, b) => a.year - b.year || a.formatId.localeCompare(b.formatId));
  return { reports, unreadable, notes, totals };
}
