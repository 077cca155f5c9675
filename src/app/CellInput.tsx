/**
 * One cell of a table. The draft store is the one owner of its value: the input shows the store's value and
 * the table hands what is typed to the store (tableTyping.ts). One subscription per cell keeps the input, its
 * mark and its description as the store has them, written straight to the page: a total following a keystroke
 * costs a text change, a finding that comes or goes costs the cells it names a class and an attribute, and
 * none of it a React render. The description points at the wording of the cell's findings in the section's
 * summary.
 */
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { cellId, type CellId, type Table } from '../format/format';
import { cellAccessibleName } from '../format/labels';
import { parseCellInput } from '../model/number';
import { cellValue } from '../model/draft';
import type { Finding } from '../rules/finding';
import { LIMITS } from '../model/limits';
import { useStore } from './context';
import { cellInputId, findingTextId } from './formFields';
import { topic, type DraftStore } from './store';
import { canonicalValue } from './tableTyping';

/**
 * A message under a table: what a paste or fill did, or why it was refused; worded when drawn, in the language
 * the page then shows.
 */
export type Note = { kind: 'info' | 'error'; text: (t: TFunction) => string; undo?: () => void } | null;

/** The findings that mark a cell: open errors and warnings. */
function marksOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'hint' && f.acknowledged === undefined);
}

type Mark = 'error' | 'warning' | '';

function markOf(marks: readonly Finding[]): Mark {
  return marks.some((f) => f.severity === 'error') ? 'error' : marks.length > 0 ? 'warning' : '';
}

/** The value a cell's input shows: a computed total as the store works it out, any other cell as the draft holds it. */
function heldValue(store: DraftStore, cell: CellId, computed: boolean): string {
  return computed ? store.totalText(cell) : cellValue(store.draft, cell);
}

interface CellProps {
  table: Table;
  rowKey: string;
  columnKey: string;
  r: number;
  c: number;
  setNote: (n: Note) => void;
  /**
   * The table's translation function, one subscription to i18next for the table instead of one per cell. A
   * new one comes with a change of language.
   */
  t: TFunction;
}

export const CellInput = memo(function CellInput({ table, rowKey, columnKey, r, c, setNote, t }: CellProps) {
  const store = useStore();
  const cell = cellId(table.id, rowKey, columnKey);
  const computed = store.draft.totals === 'computed' && store.format.isTotal(cell);
  const kind = table.columnIndex.get(columnKey)!.kind;
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLTableCellElement>(null);
  // What the input shows when it is first drawn; later values are written to it below.
  const [initial] = useState(() => heldValue(store, cell, computed));

  // Before the first paint, so that a cell is never drawn without its mark.
  useLayoutEffect(() => {
    // The findings the cell was last described by: the store keeps a cell's list as the same object while its
    // findings say the same, so the description and the mark are set again only when one of them changed.
    let described: readonly Finding[] | undefined;
    const show = () => {
      // A draft of another format was just put on screen: this cell is about to go with its table.
      if (store.format.kindOfOrNull(cell) === null) return;
      const el = input.current;
      const td = box.current;
      if (!el || !td) return;
      const held = heldValue(store, cell, computed);
      // An input whose text already stands for the held value (full-width digits, say, until the clerk
      // leaves the cell) is left as typed.
      if (el.value !== held && (computed || canonicalValue(el.value, kind) !== held)) el.value = held;
      const findings = store.findingsFor(cell);
      if (findings === described) return;
      described = findings;
      // What a screen reader says of a marked cell: the wording of its findings, as the section's summary
      // has it (no second wording per cell, which a finding naming a whole column would make a keystroke
      // pay for twenty times).
      const marks = marksOf(findings);
      // Each attribute written only when it changes: a finding that quotes the typed number is a new object
      // on every keystroke, while the cells it names stay described and marked the same, and a write of the
      // same value still costs the page a mutation and the accessibility tree an update.
      const ids = marks.map((f) => findingTextId(f.key)).join(' ');
      if (ids !== (el.getAttribute('aria-describedby') ?? '')) {
        if (ids !== '') el.setAttribute('aria-describedby', ids);
        else el.removeAttribute('aria-describedby');
      }
      // The mark is drawn here too, not by React: a finding that comes or goes then costs the cells it names
      // a class and an attribute, in the keystroke's own frame, and no render.
      const mark = markOf(marks);
      td.classList.toggle('error', mark === 'error');
      td.classList.toggle('warning', mark === 'warning');
      if ((mark === 'error') !== el.hasAttribute('aria-invalid')) {
        if (mark === 'error') el.setAttribute('aria-invalid', 'true');
        else el.removeAttribute('aria-invalid');
      }
    };
    show();
    return store.subscribe(topic.cell(cell), show);
  }, [store, cell, computed, kind]);

  // The cell's names, worked out once per language.
  const { name, computedName, computedTitle } = useMemo(() => {
    const name = cellAccessibleName(table, rowKey, columnKey);
    return { name, computedName: t('table.computedName', { name }), computedTitle: t('table.computedTitle') };
  }, [t, table, rowKey, columnKey]);
  const id = cellInputId(cell);

  if (computed) {
    return (
      <td ref={box} className="total">
        <input ref={input} id={id} readOnly tabIndex={-1} defaultValue={initial} aria-label={computedName} title={computedTitle} />
      </td>
    );
  }
  return (
    <td ref={box} className="input">
      <input
        ref={input}
        id={id}
        defaultValue={initial}
        onBlur={(e) => {
          const el = e.target;
          const parsed = parseCellInput(el.value, kind);
          if (!parsed.ok || parsed.value === el.value) return;
          // Shown as the draft keeps it, once the clerk has left the cell.
          el.value = parsed.value;
          if (parsed.changes.length > 0) {
            setNote({
              kind: 'info',
              text: (t) => t('table.normalized', { cell: name, value: parsed.value, what: parsed.changes.map((x) => t(`normalized.${x}`)).join('，') }),
            });
          }
        }}
        data-r={r}
        data-c={c}
        aria-label={name}
        maxLength={LIMITS.cell}
        inputMode={kind.type === 'amount' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        onMouseDown={(e) => {
          // A click into a cell selects its whole value, as in a spreadsheet, also in the cell being typed
          // into: the browser would put the caret where the pointer is, and a digit typed to replace "9" would
          // make "79". A click on a value already wholly selected places the caret, for a change within it.
          const el = e.currentTarget;
          if (e.button !== 0) return;
          const wholeSelected = document.activeElement === el && el.value !== '' && el.selectionStart === 0 && el.selectionEnd === el.value.length;
          if (wholeSelected) return;
          e.preventDefault();
          if (document.activeElement === el) el.select();
          else el.focus();
        }}
      />
    </td>
  );
});
