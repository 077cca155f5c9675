/**
 * Typing in a table, handled before the page sees it: a digit goes to the draft store, the arrow keys, Enter,
 * Home and End move between cells. The events of a keystroke in a cell are taken at the document, in the
 * capture phase, and go no further than the cell itself (its default action, the text typed, still happens):
 * React's own event handling, listening at the page's root, would otherwise work through every keydown,
 * keypress, beforeinput, input and keyup of a keystroke with nothing to do (measured with `npm run bench`).
 */
import { useEffect, type RefObject } from 'react';
import { cellId, type Table } from '../format/format';
import type { CellKind } from '../format/definition';
import { parseCellInput } from '../model/number';
import { cellInputId } from './formFields';
import type { DraftStore } from './store';

/** What a cell holds for what is typed: the number as the draft keeps it, or the text as typed when it is not one. */
export function canonicalValue(raw: string, kind: CellKind): string {
  const parsed = parseCellInput(raw, kind);
  return parsed.ok ? parsed.value : raw;
}

/** The editable input at a row and column of the table, if there is one. */
function inputAt(table: Table, r: number, c: number): HTMLInputElement | null {
  const row = table.rows[r];
  const column = table.columns[c];
  if (!row || !column) return null;
  const el = document.getElementById(cellInputId(cellId(table.id, row.key, column.key)));
  return el instanceof HTMLInputElement && !el.readOnly ? el : null;
}

/** A table on the page whose typing is handled here: its format table and the store its cells belong to. */
interface TypedTable {
  table: Table;
  store: DraftStore;
}

const tables = new Map<HTMLTableElement, TypedTable>();

/** The cell input an event happened in, with its table and its row and column (the inputs carry them as data-r and data-c). */
function cellInputOf(target: EventTarget | null): { el: HTMLInputElement; at: TypedTable; r: number; c: number } | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const r = target.getAttribute('data-r');
  if (r === null) return null;
  const tableElement = target.closest('table');
  const at = tableElement && tables.get(tableElement);
  if (!at) return null;
  return { el: target, at, r: Number(r), c: Number(target.getAttribute('data-c')) };
}

/** The input a navigation key moves to from row r, column c; undefined for any other key. */
function moveTarget(table: Table, key: string, shift: boolean, r: number, c: number): HTMLInputElement | null | undefined {
  const step = (dr: number, dc: number) => {
    for (let i = r + dr, j = c + dc; i >= 0 && i < table.rows.length && j >= 0 && j < table.columns.length; i += dr, j += dc) {
      const found = inputAt(table, i, j);
      if (found) return found;
    }
    return null;
  };
  const inRow = (from: number, dir: 1 | -1) => {
    for (let j = from; j >= 0 && j < table.columns.length; j += dir) {
      const found = inputAt(table, r, j);
      if (found) return found;
    }
    return null;
  };
  if (key === 'ArrowDown' || (key === 'Enter' && !shift)) return step(1, 0);
  if (key === 'ArrowUp' || (key === 'Enter' && shift)) return step(-1, 0);
  if (key === 'ArrowLeft') return step(0, -1);
  if (key === 'ArrowRight') return step(0, 1);
  if (key === 'Home') return inRow(0, 1);
  if (key === 'End') return inRow(table.columns.length - 1, -1);
  return undefined;
}

/**
 * The events of a keystroke, and the scrolling of a cell's text as it grows past the cell's width; focus and
 * blur, and the clipboard's events, still reach React (the cell and the table use them).
 */
const KEYSTROKE_EVENTS = ['keydown', 'keypress', 'beforeinput', 'textInput', 'input', 'keyup', 'scroll'] as const;

function onKeystrokeEvent(e: Event): void {
  const cell = cellInputOf(e.target);
  if (!cell) return;
  // Past the document no one else listens to a keystroke in a cell; the target (the input) is not reached
  // either, and has no listener of its own for these events.
  e.stopPropagation();
  const { table, store } = cell.at;
  if (e.type === 'input') {
    const row = table.rows[cell.r]!;
    const column = table.columns[cell.c]!;
    store.setCell(cellId(table.id, row.key, column.key), canonicalValue(cell.el.value, column.kind));
  } else if (e.type === 'keydown') {
    const ke = e as KeyboardEvent;
    const target = moveTarget(table, ke.key, ke.shiftKey, cell.r, cell.c);
    if (target === undefined) return;
    ke.preventDefault();
    target?.focus();
  }
}

// A keystroke also moves the caret: the selection's change is an event of the document, which React listens
// to; it is taken at the window while the caret is in a table's cell.
function onSelectionChange(e: Event): void {
  if (cellInputOf(document.activeElement)) e.stopPropagation();
}

/**
 * Handles the typing in a table while it is on the page. One set of listeners at the document serves every
 * table: each listener runs for every event of every keystroke on the page, so one per table would multiply
 * that work by the number of tables.
 */
export function useTypingInTable(tableElement: RefObject<HTMLTableElement | null>, table: Table, store: DraftStore): void {
  useEffect(() => {
    const el = tableElement.current;
    if (!el) return;
    if (tables.size === 0) {
      for (const type of KEYSTROKE_EVENTS) document.addEventListener(type, onKeystrokeEvent, true);
      window.addEventListener('selectionchange', onSelectionChange, true);
    }
    tables.set(el, { table, store });
    return () => {
      tables.delete(el);
      if (tables.size > 0) return;
      for (const type of KEYSTROKE_EVENTS) document.removeEventListener(type, onKeystrokeEvent, true);
      window.removeEventListener('selectionchange', onSelectionChange, true);
    };
  }, [tableElement, table, store]);
}
