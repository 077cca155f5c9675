/**
 * The draft: the clerk's work on one report. It is plain JSON (saved to a file, kept in the browser store) and
 * always valid against the schema built from its format.
 *
 * Blank is not zero: a blank cell is the empty string and means "not filled yet".
 * `totals: 'computed'` (authored drafts) means every total cell is derived from its parts; `'as-printed'`
 * (drafts imported from a published report) keeps the totals as the report printed them, so their
 * mismatches can be shown.
 */
import * as z from 'zod/mini';
import '../format/zodConfig';
import { AGENCY_KINDS, SECTION_IDS, type AgencyKind, type SectionId } from '../format/definition';
import { splitCellId, type CellId, type Format } from '../format/format';
import { cellNumber } from './number';
import { isIsoDate, LIMITS } from './limits';

export const SCHEMA_VERSION = 2;

export type CellValues = Record<string, Record<string, Record<string, string>>>;

export interface SectionText {
  text: string;
  topics?: Record<string, string>;
}

export interface Acknowledgement {
  /** The finding's key (rule and place), so the acknowledgement follows the finding, not its wording. */
  finding: string;
  reason: string;
}

/** 信息处理费 (2021 format, section 六): fee notices issued, amount in them and amount collected, in 元. */
export interface ProcessingFees {
  notices: string;
  amount: string;
  collected: string;
}

export interface Draft {
  schemaVersion: typeof SCHEMA_VERSION;
  formatId: string;
  agency: { name: string; kind: AgencyKind; region: string };
  reportYear: number;
  /** ISO date (YYYY-MM-DD) or '' while not yet set. */
  publicationDate: string;
  totals: 'computed' | 'as-printed';
  sections: Record<SectionId, SectionText>;
  cells: CellValues;
  processingFees?: ProcessingFees;
  acknowledged: Acknowledgement[];
  /** For a draft that sums several agencies' drafts: the agencies included. */
  aggregateOf?: string[];
  /** For a draft started from last year's: fingerprints of the texts as they were taken over, field by field. */
  inherited?: { fromYear: number; texts: Record<string, string> };
}

const text = z.string().check(z.maxLength(LIMITS.text));
const short = (n: number) => z.string().check(z.maxLength(n));

/** The zod schema of a draft in this format: exactly its tables, rows, columns and section-一 topics. */
export function draftSchema(format: Format) {
  const cells = z.strictObject(
    Object.fromEntries(
      format.tables.map((t) => [
        t.id,
        z._default(
          z.strictObject(
            Object.fromEntries(
              t.rows.map((r) => [
                r.key,
                z._default(z.strictObject(Object.fromEntries(t.columns.map((c) => [c.key, z._default(short(LIMITS.cell), '')]))), () =>
                  Object.fromEntries(t.columns.map((c) => [c.key, ''])),
                ),
              ]),
            ),
          ),
          () => blankTable(format, t.id),
        ),
      ]),
    ),
  );

  const topicIds = format.sections.find((s) => s.id === 'general')?.topics?.map((t) => t.id) ?? [];
  const sections = z.strictObject(
    Object.fromEntries(
      SECTION_IDS.map((id) => [
        id,
        z._default(
          z.strictObject({
            text: z._default(text, ''),
            topics: z.optional(z.strictObject(Object.fromEntries(topicIds.map((t) => [t, z._default(text, '')])))),
          }),
          { text: '' },
        ),
      ]),
    ),
  );

  return z.strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    formatId: z.literal(format.id),
    agency: z.strictObject({ name: short(LIMITS.agencyName), kind: z.enum(AGENCY_KINDS), region: short(LIMITS.region) }),
    reportYear: z.int().check(z.minimum(LIMITS.firstYear), z.maximum(LIMITS.lastYear)),
    publicationDate: z.string().check(z.refine((s) => s === '' || isIsoDate(s), { message: 'date' })),
    totals: z.enum(['computed', 'as-printed']),
    sections,
    cells: z._default(cells, () => blankCells(format)),
    processingFees: z.optional(z.strictObject({ notices: short(LIMITS.cell), amount: short(LIMITS.cell), collected: short(LIMITS.cell) })),
    acknowledged: z._default(z.array(z.strictObject({ finding: short(300), reason: short(LIMITS.reason) })).check(z.maxLength(LIMITS.acknowledgements)), []),
    aggregateOf: z.optional(z.array(short(LIMITS.agencyName)).check(z.maxLength(LIMITS.aggregateOf))),
    inherited: z.optional(z.strictObject({ fromYear: z.int(), texts: z.record(short(200), short(64)) })),
  });
}

function blankTable(format: Format, tableId: string): Record<string, Record<string, string>> {
  const t = format.table(tableId);
  return Object.fromEntries(t.rows.map((r) => [r.key, Object.fromEntries(t.columns.map((c) => [c.key, '']))]));
}

export function blankCells(format: Format): CellValues {
  return Object.fromEntries(format.tables.map((t) => [t.id, blankTable(format, t.id)]));
}

export interface NewDraftOptions {
  agencyName?: string;
  agencyKind?: AgencyKind;
  region?: string;
  reportYear: number;
}

export function blankDraft(format: Format, options: NewDraftOptions): Draft {
  const topics = format.sections.find((s) => s.id === 'general')?.topics ?? [];
  const sections = Object.fromEntries(SECTION_IDS.map((id) => [id, { text: '' }])) as Record<SectionId, SectionText>;
  sections.general = { text: '', topics: Object.fromEntries(topics.map((t) => [t.id, ''])) };
  return {
    schemaVersion: SCHEMA_VERSION,
    formatId: format.id,
    agency: { name: options.agencyName ?? '', kind: options.agencyKind ?? 'department', region: options.region ?? format.definition.region },
    reportYear: options.reportYear,
    publicationDate: '',
    totals: 'computed',
    sections,
    cells: blankCells(format),
    acknowledged: [],
  };
}

/**
 * The section texts of `from`, fitted to the topics of the draft `to` (another format, another year): topics the
 * target also has keep their place; the text of a topic it lacks is appended to section 一's own text.
 */
export function carrySections(from: Draft, to: Draft): Draft['sections'] {
  const sections = structuredClone(from.sections);
  const topics = { ...(to.sections.general.topics ?? {}) };
  const orphans: string[] = [];
  for (const [id, text] of Object.entries(from.sections.general.topics ?? {})) {
    if (id in topics) topics[id] = text;
    else if (text.trim() !== '') orphans.push(text);
  }
  sections.general = { text: [from.sections.general.text, ...orphans].filter(Boolean).join('\n'), topics };
  return sections;
}

/** Every text field of a section (its text, then its topics), with the field's path and the topic's label. */
export function sectionFields(format: Format, draft: Draft, section: SectionId): { field: string; text: string; topic?: string }[] {
  const s = draft.sections[section];
  const out: { field: string; text: string; topic?: string }[] = [{ field: `sections.${section}.text`, text: s.text }];
  for (const t of format.sections.find((d) => d.id === section)?.topics ?? []) {
    out.push({ field: `sections.${section}.topics.${t.id}`, text: s.topics?.[t.id] ?? '', topic: t.label });
  }
  return out;
}

/** The stored text of a cell ('' when blank or absent). */
export function cellValue(draft: Draft, cell: CellId): string {
  const { table, row, column } = splitCellId(cell);
  return draft.cells[table]?.[row]?.[column] ?? '';
}

/**
 * The numeric value of a cell as the checks see it: in an authored draft a total is the sum of its parts
 * (blank while any part is blank, since blank is not zero); otherwise the stored value.
 */
export function effectiveNumber(format: Format, draft: Draft, cell: CellId): number | null {
  if (draft.totals === 'computed') {
    const inst = format.totals.get(cell);
    if (inst) {
      // Drafts are never changed in place, so a total computed once for this draft object stays right.
      let memo = computedTotals.get(draft);
      if (!memo) computedTotals.set(draft, (memo = new Map()));
      const known = memo.get(cell);
      if (known !== undefined) return known;
      let sum: number | null = 0;
      for (const part of inst.rhs) {
        const v = effectiveNumber(format, draft, part.cell);
        if (v === null) {
          sum = null;
          break;
        }
        sum += part.sign * v;
      }
      memo.set(cell, sum);
      return sum;
    }
  }
  return cellNumber(cellValue(draft, cell), format.kindOf(cell));
}

const computedTotals = new WeakMap<Draft, Map<CellId, number | null>>();

/**
 * Hands the totals worked out for a draft on to its successor, but for those a change moved (`moved`: the
 * totals its changed cell feeds): a keystroke then adds up the typed cell's row and column again, not every
 * total the checks read. Where nothing moved, both drafts add up alike and share what is worked out.
 */
export function carryComputedTotals(from: Draft, to: Draft, moved: readonly CellId[]): void {
  const memo = computedTotals.get(from);
  if (!memo || computedTotals.has(to)) return;
  const carried = moved.length === 0 ? memo : new Map(memo);
  for (const cell of moved) carried.delete(cell);
  computedTotals.set(to, carried);
}

/** A copy of the draft with every computed total written out (authored drafts); as-printed drafts unchanged. */
export function withComputedTotals(format: Format, draft: Draft): Draft {
  if (draft.totals !== 'computed') return draft;
  const cells: CellValues = structuredClone(draft.cells);
  for (const cell of format.totals.keys()) {
    const { table, row, column } = splitCellId(cell);
    const v = effectiveNumber(format, draft, cell);
    const rowCells = cells[table]?.[row];
    if (rowCells) rowCells[column] = v === null ? '' : String(v);
  }
  return { ...draft, cells };
}

/** Sets one cell, returning a new draft (the input is not changed). */
export function setCell(draft: Draft, cell: CellId, value: string): Draft {
  const { table, row, column } = splitCellId(cell);
  const t = draft.cells[table] ?? {};
  return {
    ...draft,
    cells: { ...draft.cells, [table]: { ...t, [row]: { ...(t[row] ?? {}), [column]: value } } },
  };
}
