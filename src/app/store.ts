/**
 * The page's live state outside React: the draft, its findings and the values of computed totals.
 *
 * A keystroke calls `setCell`; the store re-checks only the units the cell touches and notifies only the
 * subscribers whose data changed (the cell's own mark, the totals it feeds, the section summary, the
 * navigation), so one keystroke re-renders a handful of components, not the page.
 */
import type { SectionId } from '../format/definition';
import { splitCellId, type CellId, type Format } from '../format/format';
import { formatById } from '../format/registry';
import { carryComputedTotals, effectiveNumber, setCell, type Draft } from '../model/draft';
import { check, recheck, type Change } from '../rules/engine';
import type { Finding } from '../rules/finding';

export type Listener = () => void;
const EMPTY: readonly Finding[] = Object.freeze([]);

/** Subscription topics. */
export const topic = {
  cell: (ref: string) => `cell:${ref}`,
  section: (s: SectionId | 'meta') => `section:${s}`,
  all: 'all',
  draft: 'draft',
};

export class DraftStore {
  format: Format;
  draft: Draft;
  findings: readonly Finding[] = EMPTY;
  previous: Draft | undefined;
  /** Bumped on every change; the autosave compares it with what it last wrote. */
  revision = 0;
  private byRef = new Map<string, readonly Finding[]>();
  private bySection = new Map<string, readonly Finding[]>();
  private listeners = new Map<string, Set<Listener>>();

  constructor(draft: Draft) {
    this.format = formatById(draft.formatId)!;
    this.draft = draft;
    this.runFullCheck();
  }

  subscribe(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set!.delete(listener);
  }

  findingsFor(ref: string): readonly Finding[] {
    return this.byRef.get(ref) ?? EMPTY;
  }

  sectionFindings(section: SectionId | 'meta'): readonly Finding[] {
    return this.bySection.get(section) ?? EMPTY;
  }

  /** The value a total shows: computed from its parts in an authored draft ('' while a part is blank). */
  totalText(cell: CellId): string {
    const v = effectiveNumber(this.format, this.draft, cell);
    return v === null ? '' : String(v);
  }

  setCell(cell: CellId, value: string): void {
    const { table, row, column } = splitCellId(cell);
    if ((this.draft.cells[table]?.[row]?.[column] ?? '') === value) return;
    const before = this.draft;
    this.draft = setCell(before, cell, value);
    const totals = this.totalsFollowing(cell);
    carryComputedTotals(before, this.draft, totals);
    this.writeTotals(totals);
    this.applyChange({ cell }, [cell, ...totals].map(topic.cell));
  }

  /** Sets many cells at once (paste, fill with 0, undo): one check, one round of notifications. */
  setCells(values: [CellId, string][]): void {
    let draft = this.draft;
    const touched = new Set<string>();
    const totals = new Set<CellId>();
    for (const [cell, value] of values) {
      draft = setCell(draft, cell, value);
      touched.add(topic.cell(cell));
      for (const t of this.totalsFollowing(cell)) totals.add(t);
    }
    this.draft = draft;
    this.writeTotals([...totals]);
    for (const t of totals) touched.add(topic.cell(t));
    this.revision++;
    const before = this.findings;
    this.findings = keepUnchanged(before, check(this.format, this.draft, this.previous));
    this.notifyDiff(before, touched);
  }

  /** Any other change to the draft: header fields, texts, acknowledgements. */
  update(patch: (d: Draft) => Draft, field: string): void {
    const next = patch(this.draft);
    if (next === this.draft) return;
    const formatChanged = next.formatId !== this.draft.formatId;
    this.draft = next;
    if (formatChanged) {
      this.format = formatById(next.formatId)!;
      this.replace(next);
      return;
    }
    this.applyChange({ field }, [topic.cell(field)]);
  }

  /** A new draft on screen (opened, restored, started anew): everything is re-checked and redrawn. */
  replace(draft: Draft, previous?: Draft): void {
    this.draft = draft;
    this.previous = previous;
    const format = formatById(draft.formatId)!;
    if (format !== this.format) {
      this.format = format;
    }
    this.revision++;
    this.runFullCheck();
    for (const set of this.listeners.values()) for (const l of [...set]) l();
  }

  /** Keeps the stored value of computed totals in step, so a saved draft holds what the page shows. */
  private writeTotals(totals: readonly CellId[]): void {
    if (totals.length === 0) return;
    // All values from one draft (its totals are memoised), then written in one copy.
    const values = totals.map((total) => [total, this.totalText(total)] as const);
    const cells = { ...this.draft.cells };
    for (const [total, value] of values) {
      const { table, row, column } = splitCellId(total);
      const rows = cells[table] === this.draft.cells[table] ? (cells[table] = { ...cells[table] }) : cells[table]!;
      rows[row] = { ...rows[row], [column]: value };
    }
    const computed = this.draft;
    this.draft = { ...computed, cells };
    // The totals written are those just added up: every total is the same in both drafts.
    carryComputedTotals(computed, this.draft, []);
  }

  private totalsFollowing(cell: CellId): readonly CellId[] {
    return this.draft.totals === 'computed' ? this.format.totalsFed(cell) : [];
  }

  private applyChange(change: Change, alsoNotify: string[]): void {
    this.revision++;
    const before = this.findings;
    this.findings = keepUnchanged(before, recheck(this.format, this.draft, before, change, this.previous));
    this.notifyDiff(before, new Set(alsoNotify));
  }

  private runFullCheck(): void {
    this.findings = check(this.format, this.draft, this.previous);
    this.reindexFindings();
  }

  private reindexFindings(): void {
    const byRef = new Map<string, Finding[]>();
    const bySection = new Map<string, Finding[]>();
    for (const f of this.findings) {
      for (const ref of f.cells) {
        const list = byRef.get(ref);
        if (list) list.push(f);
        else byRef.set(ref, [f]);
      }
      const list = bySection.get(f.section);
      if (list) list.push(f);
      else bySection.set(f.section, [f]);
    }
    // Keep the previous array where nothing changed, so subscribers comparing references stay quiet.
    for (const [ref, list] of byRef) {
      const old = this.byRef.get(ref);
      if (old && sameFindings(old, list)) byRef.set(ref, old as Finding[]);
    }
    for (const [s, list] of bySection) {
      const old = this.bySection.get(s);
      if (old && sameFindings(old, list)) bySection.set(s, old as Finding[]);
    }
    this.byRef = byRef;
    this.bySection = bySection;
  }

  private notifyDiff(before: readonly Finding[], touched: Set<string>): void {
    const oldByRef = this.byRef;
    const oldBySection = this.bySection;
    this.reindexFindings();
    const keys = new Set<string>(touched);
    const changed = new Set<Finding>();
    const beforeSet = new Set(before);
    const afterSet = new Set(this.findings);
    for (const f of before) if (!afterSet.has(f)) changed.add(f);
    for (const f of this.findings) if (!beforeSet.has(f)) changed.add(f);
    for (const f of changed) for (const ref of f.cells) if (oldByRef.get(ref) !== this.byRef.get(ref)) keys.add(topic.cell(ref));
    for (const s of new Set([...oldBySection.keys(), ...this.bySection.keys()])) {
      if (oldBySection.get(s) !== this.bySection.get(s)) keys.add(topic.section(s as SectionId));
    }
    keys.add(topic.draft);
    if ([...keys].some((k) => k.startsWith('section:'))) keys.add(topic.all);
    // Everything in the one frame. Telling the summaries, the navigation and the autosave after the frame that
    // shows the cell was measured twice (`npm run bench`): the cell's frame came sooner (median 8.8 -> 7.1 ms),
    // but the second frame's rendering cost more task time (8.0 -> 9.0 ms) and a longer 4x-throttled p95.
    for (const key of keys) for (const l of [...(this.listeners.get(key) ?? [])]) l();
  }
}

/** Whether two findings say the same: same place, severity, values and wording. */
function sameFinding(x: Finding, y: Finding): boolean {
  return (
    x === y ||
    (x.key === y.key &&
      x.severity === y.severity &&
      x.acknowledged === y.acknowledged &&
      x.actual === y.actual &&
      x.expected === y.expected &&
      x.message.key === y.message.key &&
      sameParams(x.message.params, y.message.params))
  );
}

/** Whether two messages' parameters (strings and numbers) are the same, name by name. */
function sameParams(a: Record<string, string | number>, b: Record<string, string | number>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => a[n] === b[n]);
}

/** Whether two lists hold the same findings: the same objects, as keepUnchanged keeps a finding that says the same. */
function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The findings after a change, each one that says the same as before kept as the earlier object: whatever
 * compares findings by identity (a cell's mark, the summary, the wording already worked out for a message)
 * then sees only what really changed.
 */
function keepUnchanged(before: readonly Finding[], after: readonly Finding[]): readonly Finding[] {
  const byKey = new Map(before.map((f) => [f.key, f]));
  return after.map((f) => {
    const old = byKey.get(f.key);
    return old !== undefined && sameFinding(old, f) ? old : f;
  });
}
