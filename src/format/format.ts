/**
 * A loaded format: the validated definition plus the lookups every consumer needs (tables by id, cell
 * addresses, parsed relation terms, which cells are computed totals). Built once per format and shared.
 */
import {
  formatDefinitionSchema,
  type CellKind,
  type ColumnDef,
  type FormatDefinition,
  type RelationDef,
  type RowDef,
  type SectionDef,
  type SectionId,
  type TableDef,
} from './definition';

/** Address of one table cell: `table/row/column`, e.g. `requests/B3.1/NP`. */
export type CellId = string;

export function cellId(table: string, row: string, column: string): CellId {
  return `${table}/${row}/${column}`;
}

const splitCache = new Map<CellId, { table: string; row: string; column: string }>();

/** The parts of a cell address (cached: the same few hundred addresses are read on every keystroke). */
export function splitCellId(id: CellId): { table: string; row: string; column: string } {
  let parts = splitCache.get(id);
  if (!parts) {
    const [table = '', row = '', column = ''] = id.split('/');
    parts = { table, row, column };
    if (splitCache.size < 20_000) splitCache.set(id, parts);
  }
  return parts;
}

export interface Term {
  key: string;
  sign: 1 | -1;
  previousYear: boolean;
}

/** One relation applied to one row or column: an equation or inequality between concrete cells. */
export interface RelationInstance {
  /** `relationId@key`, stable across runs. */
  id: string;
  relation: RelationDef;
  /** The row (for `rows`) or column (for `columns`) the relation is applied to. */
  at: string;
  lhs: { cell: CellId; sign: 1 | -1; previousYear: boolean }[];
  rhs: { cell: CellId; sign: 1 | -1; previousYear: boolean }[];
}

export interface Table extends TableDef {
  section: SectionId;
  rowIndex: Map<string, RowDef>;
  columnIndex: Map<string, ColumnDef>;
}

export interface Format {
  definition: FormatDefinition;
  id: string;
  sections: SectionDef[];
  tables: Table[];
  table(id: string): Table;
  /** Every cell of every table, in reading order. */
  cells: CellId[];
  kindOf(cell: CellId): CellKind;
  /** The cell's kind, or null when this format has no such cell. */
  kindOfOrNull(cell: CellId): CellKind | null;
  relations: RelationInstance[];
  /** For each computed total cell, the instance whose rhs computes it (authored drafts only). */
  totals: Map<CellId, RelationInstance>;
  isTotal(cell: CellId): boolean;
  /**
   * The computed totals a cell feeds, directly or through other totals (nearest first): what moves when it changes
   * in an authored draft. Built once with the format; the rule engine and the page both use it.
   */
  totalsFed(cell: CellId): readonly CellId[];
}

function parseTerm(term: string): Term {
  let rest = term;
  let sign: 1 | -1 = 1;
  if (rest.startsWith('-')) {
    sign = -1;
    rest = rest.slice(1);
  }
  const previousYear = rest.startsWith('prev:');
  if (previousYear) rest = rest.slice('prev:'.length);
  return { key: rest, sign, previousYear };
}

export class FormatError extends Error {}

/** Validates a definition (schema and cross-references) and builds the lookups. */
export function loadFormat(raw: unknown): Format {
  const parsed = formatDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new FormatError(`invalid format definition: ${where}`);
  }
  const definition = parsed.data;
  const sectionOfTable = new Map<string, SectionId>();
  for (const section of definition.sections) {
    for (const t of section.tables ?? []) sectionOfTable.set(t, section.id);
  }
  const tables: Table[] = definition.tables.map((t) => {
    const section = sectionOfTable.get(t.id);
    if (!section) throw new FormatError(`${definition.id}: table ${t.id} belongs to no section`);
    return {
      ...t,
      section,
      rowIndex: new Map(t.rows.map((r) => [r.key, r])),
      columnIndex: new Map(t.columns.map((c) => [c.key, c])),
    };
  });
  const tableById = new Map(tables.map((t) => [t.id, t]));
  for (const id of sectionOfTable.keys()) {
    if (!tableById.has(id)) throw new FormatError(`${definition.id}: section names unknown table ${id}`);
  }
  const cells: CellId[] = [];
  const kinds = new Map<CellId, CellKind>();
  for (const t of tables) {
    for (const r of t.rows) {
      for (const c of t.columns) {
        const id = cellId(t.id, r.key, c.key);
        cells.push(id);
        kinds.set(id, c.kind);
      }
    }
  }

  const relations: RelationInstance[] = [];
  for (const rel of definition.relations) {
    const table = tableById.get(rel.table);
    if (!table) throw new FormatError(`${definition.id}: relation ${rel.id} names unknown table ${rel.table}`);
    const along = rel.for === 'rows' ? table.rows.map((r) => r.key) : table.columns.map((c) => c.key);
    const across = new Set(rel.for === 'rows' ? table.columns.map((c) => c.key) : table.rows.map((r) => r.key));
    for (const k of rel.keys ?? []) {
      if (!along.includes(k)) throw new FormatError(`${definition.id}: relation ${rel.id} names unknown key ${k}`);
    }
    const terms = (list: string[]) =>
      list.map((s) => {
        const term = parseTerm(s);
        if (!across.has(term.key)) {
          throw new FormatError(`${definition.id}: relation ${rel.id} names unknown key ${term.key}`);
        }
        return term;
      });
    const lhs = terms(rel.lhs);
    const rhs = terms(rel.rhs);
    if (rel.computes && (lhs.length !== 1 || lhs[0]!.sign !== 1 || lhs[0]!.previousYear)) {
      throw new FormatError(`${definition.id}: computed relation ${rel.id} needs a single plain lhs cell`);
    }
    for (const at of rel.keys ?? along) {
      const address = (term: Term) => ({
        cell: rel.for === 'rows' ? cellId(table.id, at, term.key) : cellId(table.id, term.key, at),
        sign: term.sign,
        previousYear: term.previousYear,
      });
      relations.push({ id: `${rel.id}@${at}`, relation: rel, at, lhs: lhs.map(address), rhs: rhs.map(address) });
    }
  }

  for (const figure of definition.figures) {
    for (const cell of figure.cells) if (!kinds.has(cell)) throw new FormatError(`${definition.id}: figure ${figure.id} names unknown cell ${cell}`);
  }

  const totals = new Map<CellId, RelationInstance>();
  for (const inst of relations) {
    if (inst.relation.computes && !totals.has(inst.lhs[0]!.cell)) totals.set(inst.lhs[0]!.cell, inst);
  }

  const direct = new Map<CellId, CellId[]>();
  for (const [total, inst] of totals) {
    for (const part of inst.rhs) direct.set(part.cell, [...(direct.get(part.cell) ?? []), total]);
  }
  const fed = new Map<CellId, CellId[]>();
  for (const cell of direct.keys()) {
    const out: CellId[] = [];
    const walk = (c: CellId) => {
      for (const d of direct.get(c) ?? []) {
        if (!out.includes(d)) {
          out.push(d);
          walk(d);
        }
      }
    };
    walk(cell);
    fed.set(cell, out);
  }
  const NONE: readonly CellId[] = [];

  return {
    definition,
    id: definition.id,
    sections: definition.sections,
    tables,
    table(id: string) {
      const t = tableById.get(id);
      if (!t) throw new FormatError(`${definition.id}: no table ${id}`);
      return t;
    },
    cells,
    kindOf(cell: CellId) {
      const kind = kinds.get(cell);
      if (!kind) throw new FormatError(`${definition.id}: no cell ${cell}`);
      return kind;
    },
    kindOfOrNull: (cell: CellId) => kinds.get(cell) ?? null,
    relations,
    totals,
    isTotal: (cell: CellId) => totals.has(cell),
    totalsFed: (cell: CellId) => fed.get(cell) ?? NONE,
  };
}

/** The printed row label with its parent groups, outermost first. */
export function rowPath(row: RowDef): string[] {
  return [...(row.group ?? []), row.label].filter((s) => s !== '');
}
