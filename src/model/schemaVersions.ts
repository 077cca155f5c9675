/**
 * Drafts saved by older releases open in this one: each migration lifts a draft by one schema version.
 *
 * Version 1 stored cell values as JSON numbers (null for blank) and had no `totals` field: every draft was
 * authored, so its totals were computed. Version 2 stores the canonical text of each cell ('' for blank), which
 * keeps the four decimals of a 万元 amount, and records whether totals are computed or kept as printed.
 */
type Json = Record<string, unknown>;

const migrations: Record<number, (draft: Json) => Json> = {
  1: (draft) => {
    const cells = (draft.cells ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
    const lifted: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [table, rows] of Object.entries(cells)) {
      if (rows === null || typeof rows !== 'object') {
        lifted[table] = rows;
        continue;
      }
      lifted[table] = {};
      for (const [row, cols] of Object.entries(rows)) {
        if (cols === null || typeof cols !== 'object') {
          lifted[table][row] = cols;
          continue;
        }
        lifted[table][row] = Object.fromEntries(Object.entries(cols).map(([col, v]) => [col, v === null ? '' : typeof v === 'number' ? String(v) : v]));
      }
    }
    return { ...draft, schemaVersion: 2, totals: draft.totals ?? 'computed', cells: lifted };
  },
};

export const OLDEST_SUPPORTED_VERSION = 1;

/** Lifts a draft of an older schema version to `target`, step by step. */
export function migrate(draft: Json, from: number, target: number): Json {
  let current = draft;
  for (let v = from; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`no migration from schema version ${v}`);
    current = step(current);
  }
  return current;
}
