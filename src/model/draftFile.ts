/**
 * Reading a draft file: JSON text in, a valid draft (migrated to the current schema) or a list of problems out.
 * It never throws: whatever the file holds, the caller gets a result it can show, and the work on screen is
 * only replaced by a draft that passed every check.
 */
import type { Format } from '../format/format';
import { formatById } from '../format/registry';
import { draftSchema, SCHEMA_VERSION, withComputedTotals, type Draft } from './draft';
import { migrate, OLDEST_SUPPORTED_VERSION } from './schemaVersions';
import { LIMITS, overDraftFileLimit } from './limits';

/** A problem with a file, as an i18n key and its parameters (keys under `file.`). */
export interface FileProblem {
  key: string;
  params?: Record<string, string | number>;
}

export type DraftReadResult = { ok: true; draft: Draft; migratedFrom?: number } | { ok: false; problems: FileProblem[] };

/** Files larger than this are refused before parsing, counted in bytes wherever a draft comes from. */
export const MAX_DRAFT_FILE_BYTES = LIMITS.draftFileBytes;

export function readDraftText(text: string): DraftReadResult {
  if (overDraftFileLimit(text)) {
    return { ok: false, problems: [{ key: 'file.tooLarge', params: { limitMb: MAX_DRAFT_FILE_BYTES / 1024 / 1024 } }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ key: 'file.notJson', params: { detail: e instanceof Error ? e.message : String(e) } }] };
  }
  return readDraftJson(json);
}

export function readDraftJson(json: unknown): DraftReadResult {
  try {
    return readUnsafe(json);
  } catch (e) {
    return { ok: false, problems: [{ key: 'file.unreadable', params: { detail: e instanceof Error ? e.message : String(e) } }] };
  }
}

function readUnsafe(json: unknown): DraftReadResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, problems: [{ key: 'file.notDraft' }] };
  }
  const obj = json as Record<string, unknown>;
  const version = obj.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, problems: [{ key: 'file.notDraft' }] };
  }
  if (version > SCHEMA_VERSION) {
    return { ok: false, problems: [{ key: 'file.newerVersion', params: { version, supported: SCHEMA_VERSION } }] };
  }
  if (version < OLDEST_SUPPORTED_VERSION) {
    return { ok: false, problems: [{ key: 'file.tooOld', params: { version } }] };
  }
  const lifted = version < SCHEMA_VERSION ? migrate(obj, version, SCHEMA_VERSION) : obj;
  const format = typeof lifted.formatId === 'string' ? formatById(lifted.formatId) : undefined;
  if (!format) {
    return { ok: false, problems: [{ key: 'file.unknownFormat', params: { formatId: String(lifted.formatId ?? '') } }] };
  }
  const parsed = draftSchema(format).safeParse(lifted);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((issue) => {
        const keys = 'keys' in issue && Array.isArray(issue.keys) ? issue.keys.join(', ') : '';
        return { key: `file.issue.${issue.code}`, params: { ...fieldPlace(format, issue.path), keys } };
      }),
    };
  }
  const draft = withComputedTotals(format, parsed.data as Draft);
  return version < SCHEMA_VERSION ? { ok: true, draft, migratedFrom: version } : { ok: true, draft };
}

/** Fields with a name of their own in the i18n resources (`field.<path>`). */
const NAMED_FIELDS = new Set([
  'publicationDate',
  'reportYear',
  'formatId',
  'totals',
  'agency',
  'agency.name',
  'agency.kind',
  'agency.region',
  'sections',
  'cells',
  'acknowledged',
  'processingFees',
]);

/** Where a field is, as a message parameter: `whereKey` for a field with a name of its own, else `where`. */
export function fieldPlace(format: Format, path: readonly PropertyKey[]): Record<string, string> {
  const field = path.map(String).join('.');
  return NAMED_FIELDS.has(field) ? { whereKey: `field.${field.replace(/\./g, '_')}` } : { where: describePath(format, path) };
}

/** A field path as a clerk would recognise it: cells by their printed labels, texts by their section, other fields by name. */
function describePath(format: Format, path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === 'sections' && parts.length >= 2) {
    const section = format.sections.find((x) => x.id === parts[1]);
    const topic = parts[2] === 'topics' ? section?.topics?.find((x) => x.id === parts[3]) : undefined;
    if (section) return [section.heading, topic?.label].filter(Boolean).join(' · ');
  }
  if (parts[0] === 'cells' && parts.length >= 2) {
    const table = format.tables.find((t) => t.id === parts[1]);
    if (table) {
      const row = parts[2] !== undefined ? table.rowIndex.get(parts[2]) : undefined;
      const col = parts[3] !== undefined ? table.columnIndex.get(parts[3]) : undefined;
      const where = [table.caption ?? format.sections.find((s) => s.id === table.section)?.heading ?? table.id];
      if (row) where.push([...(row.group ?? []), row.label].filter(Boolean).join('/'));
      else if (parts[2] !== undefined) where.push(parts[2]);
      if (col) where.push(col.label);
      else if (parts[3] !== undefined) where.push(parts[3]);
      return where.join(' · ');
    }
  }
  return parts.length === 0 ? '(root)' : parts.join('.');
}

/** The JSON text a draft is saved as. */
export function draftToJson(draft: Draft): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}
