/**
 * What can be saved from a draft that does not open: damaged by hand, written by a newer release, over a limit.
 * Every field that is valid on its own is kept; a text over its limit is shortened to it; everything else is
 * listed. The result always passes the draft schema, so it can be put on the page.
 */
import { SECTION_IDS, AGENCY_KINDS, type AgencyKind } from '../format/definition';
import type { Format } from '../format/format';
import { formatById, pickFormat } from '../format/registry';
import { blankDraft, draftSchema, type Draft } from './draft';
import { fieldPlace, readDraftJson, type FileProblem } from './draftFile';
import { isIsoDate, isReportYear, LIMITS } from './limits';
import { migrate, OLDEST_SUPPORTED_VERSION } from './schemaVersions';
import { SCHEMA_VERSION } from './draft';

export interface Recovery {
  draft: Draft;
  /** Fields that could not be kept, and texts kept but shortened to their limit, as messages. */
  lost: FileProblem[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

export function recoverDraft(stored: string): Recovery | null {
  let json: unknown;
  try {
    json = JSON.parse(stored.replace(/^\uFEFF/, ''));
  } catch {
    return null; // not JSON at all: nothing can be placed, the stored copy is offered for download instead
  }
  if (!isObj(json)) return null;
  let obj: Obj = json;
  const version = obj.schemaVersion;
  if (typeof version === 'number' && version >= OLDEST_SUPPORTED_VERSION && version < SCHEMA_VERSION) {
    try {
      obj = migrate(obj, version, SCHEMA_VERSION);
    } catch {
      // Read the fields as they are.
    }
  }

  const agency = isObj(obj.agency) ? obj.agency : {};
  const year = typeof obj.reportYear === 'number' && isReportYear(obj.reportYear) ? obj.reportYear : new Date().getFullYear() - 1;
  const region = str(agency.region) && agency.region.length <= LIMITS.region ? agency.region : undefined;
  const format: Format = (str(obj.formatId) ? formatById(obj.formatId) : undefined) ?? pickFormat(year, region);
  const draft = blankDraft(format, { reportYear: year, ...(region !== undefined ? { region } : {}) });
  const lost: FileProblem[] = [];
  const drop = (path: (string | number)[], value: unknown) => {
    if (value !== undefined) lost.push({ key: 'draft.recoverDropped', params: fieldPlace(format, path) });
  };
  /** A text kept whole, or shortened to its limit (the stored copy keeps the rest). */
  const text = (path: (string | number)[], value: unknown, limit: number): string | undefined => {
    if (!str(value)) return (drop(path, value), undefined);
    if (value.length <= limit) return value;
    lost.push({ key: 'draft.recoverShortened', params: { ...fieldPlace(format, path), limit: limit } });
    return value.slice(0, limit);
  };

  if (!isReportYear(obj.reportYear as number)) drop(['reportYear'], obj.reportYear);
  if (!(str(obj.formatId) && formatById(obj.formatId))) drop(['formatId'], obj.formatId);
  draft.agency.name = text(['agency', 'name'], agency.name, LIMITS.agencyName) ?? '';
  if (AGENCY_KINDS.includes(agency.kind as AgencyKind)) draft.agency.kind = agency.kind as AgencyKind;
  else drop(['agency', 'kind'], agency.kind);
  if (region === undefined) drop(['agency', 'region'], agency.region);
  if (str(obj.publicationDate) && (obj.publicationDate === '' || isIsoDate(obj.publicationDate))) draft.publicationDate = obj.publicationDate;
  else drop(['publicationDate'], obj.publicationDate);
  if (obj.totals === 'computed' || obj.totals === 'as-printed') draft.totals = obj.totals;

  const sections = isObj(obj.sections) ? obj.sections : {};
  for (const id of SECTION_IDS) {
    const s = isObj(sections[id]) ? (sections[id] as Obj) : {};
    draft.sections[id].text = text(['sections', id, 'text'], s.text, LIMITS.text) ?? '';
    const topics = isObj(s.topics) ? s.topics : {};
    for (const key of Object.keys(draft.sections[id].topics ?? {})) {
      draft.sections[id].topics![key] = text(['sections', id, 'topics', key], topics[key], LIMITS.text) ?? '';
    }
  }

  const cells = isObj(obj.cells) ? obj.cells : {};
  for (const table of format.tables) {
    const rows = isObj(cells[table.id]) ? (cells[table.id] as Obj) : {};
    for (const row of table.rows) {
      const cols = isObj(rows[row.key]) ? (rows[row.key] as Obj) : {};
      for (const column of table.columns) {
        const v = cols[column.key];
        // A cell is kept whole or not at all: a shortened number would be another number.
        if (str(v) && v.length <= LIMITS.cell) draft.cells[table.id]![row.key]![column.key] = v;
        else drop(['cells', table.id, row.key, column.key], v);
      }
    }
  }

  if (isObj(obj.processingFees)) {
    const fees = obj.processingFees;
    const keep = (k: string) => (str(fees[k]) && fees[k].length <= LIMITS.cell ? fees[k] : (drop(['processingFees', k], fees[k]), ''));
    draft.processingFees = { notices: keep('notices'), amount: keep('amount'), collected: keep('collected') };
  }
  if (Array.isArray(obj.acknowledged)) {
    for (const a of obj.acknowledged.slice(0, LIMITS.acknowledgements)) {
      if (isObj(a) && str(a.finding) && a.finding.length <= 300 && str(a.reason) && a.reason.length <= LIMITS.reason)
        draft.acknowledged.push({ finding: a.finding, reason: a.reason });
    }
    if (draft.acknowledged.length < obj.acknowledged.length) drop(['acknowledged'], obj.acknowledged);
  }
  if (Array.isArray(obj.aggregateOf)) {
    const names = obj.aggregateOf.filter((n): n is string => str(n) && n.length <= LIMITS.agencyName).slice(0, LIMITS.aggregateOf);
    draft.aggregateOf = names;
  }

  // What a newer release (or a hand edit) added has no place here: named, so nothing goes silently.
  const known = new Set(Object.keys(draftSchema(format).shape));
  for (const key of Object.keys(obj)) if (!known.has(key)) lost.push({ key: 'draft.recoverDropped', params: { where: key } });

  const checked = readDraftJson(draft);
  return checked.ok ? { draft: checked.draft, lost } : null;
}
