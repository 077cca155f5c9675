/**
 * Typing in a table, handled on the table element itself: a digit goes to the draft store, the arrow keys,
 * Enter, Home and End move between cells. These events go no further than the table: React's own event
 * handling would otherwise work through every keydown, keypress, input and keyup of a keystroke for the whole
 * page with nothing to do (about half the script time of a keystroke, measured with `npm run bench`).
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

/** The cell input an event happened in, with its row and column (the inputs carry them as data-r and data-c). */
function cellInputOf(e: Event): { el: HTMLInputElement; r: number; c: number } | null {
  const el = e.target;
  if (!(el instanceof HTMLInputElement) || el.dataset.r === undefined) return null;
  return { el, r: Number(el.dataset.r), c: Number(el.dataset.c) };
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

export function useTypingInTable(tableElement: RefObject<HTMLTableElement | null>, table: Table, store: DraftStore): void {
  useEffect(() => {
    const el = tableElement.current;
    if (!el) return;
    const onInput = (e: Event) => {
      const at = cellInputOf(e);
      if (!at) return;
      e.stopPropagation();
      const row = table.rows[at.r]!;
      const column = table.columns[at.c]!;
      store.setCell(cellId(table.id, row.key, column.key), canonicalValue(at.el.value, column.kind));
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const at = cellInputOf(e);
      if (!at) return;
      e.stopPropagation();
      const target = moveTarget(table, e.key, e.shiftKey, at.r, at.c);
      if (target === undefined) return;
      e.preventDefault();
      target?.focus();
    };
    const stayInTable = (e: Event) => {
      if (cellInputOf(e)) e.stopPropagation();
    };
    const quiet = ['keypress', 'keyup', 'beforeinput'] as const;
    el.addEventListener('input', onInput);
    el.addEventListener('keydown', onKeyDown);
    for (const type of quiet) el.addEventListener(type, stayInTable);
    return () => {
      el.removeEventListener('input', onInput);
      el.removeEventListener('keydown', onKeyDown);
      for (const type of quiet) el.removeEventListener(type, stayInTable);
    };
  }, [tableElement, table, store]);
}
