/**
 * One table of the report, drawn from the format's layout with the official merged headers. The draft store
 * is the one owner of the cells' values: an input shows the store's value and hands what is typed to it, and
 * the store tells each input when its value changed elsewhere (a total, a paste, fill with 0, undo), which the
 * input then shows without React rendering anything. A cell re-renders only when its own findings change.
 */
import { memo, useEffect, useRef, useState, type ClipboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Finding } from '../rules/finding';
import { cellId, type CellId, type Table } from '../format/format';
import type { CellKind } from '../format/definition';
import { tableLayout } from '../format/grid';
import { cellAccessibleName, cellLabel, tableTitle } from '../format/labels';
import { parseCellInput } from '../model/number';
import { cellValue } from '../model/draft';
import { findingMessage } from '../i18n/messages';
import { useStore, useStoreValue } from './context';
import { cellInputId } from './formFields';
import { topic, type DraftStore } from './store';
import { canonicalValue, useTypingInTable } from './tableTyping';
import { Dialog } from './Dialog';
import { LIMITS } from '../model/limits';

type Note = { kind: 'info' | 'error'; text: string; undo?: () => void } | null;

export function TableGrid({ table }: { table: Table }) {
  const store = useStore();
  const { t } = useTranslation();
  const layout = tableLayout(table);
  const [note, setNote] = useState<Note>(null);
  const [preview, setPreview] = useState<{ cell: CellId; from: string; to: string }[] | null>(null);
  const title = tableTitle(store.format, table);
  const isComputed = (cell: CellId) => store.draft.totals === 'computed' && store.format.isTotal(cell);

  const write = (values: [CellId, string][]) => store.setCells(values);
  const tableElement = useRef<HTMLTableElement>(null);
  useTypingInTable(tableElement, table, store);

  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement) || el.dataset.r === undefined) return;
    const text = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (!/[\t\n]/.test(text)) return; // one value: the browser pastes it into the cell
    e.preventDefault();
    const r0 = Number(el.dataset.r);
    const c0 = Number(el.dataset.c);
    const rowsLeft = table.rows.length - r0;
    const colsLeft = table.columns.length - c0;
    // Counted before anything is split: a block of half a million rows is refused as quickly as one too many.
    let height = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) height++;
    if (height > rowsLeft) {
      setNote({ kind: 'error', text: t('paste.tooManyRows', { rows: height.toLocaleString('en-US'), rowsLeft }) });
      return;
    }
    const block = text.split('\n').map((line) => line.split('\t'));
    const width = block.reduce((w, row) => Math.max(w, row.length), 0);
    if (width > colsLeft) {
      setNote({ kind: 'error', text: t('paste.doesNotFit', { rows: height, cols: width, rowsLeft, colsLeft }) });
      return;
    }
    const changes: { cell: CellId; from: string; to: string }[] = [];
    const problems: string[] = [];
    block.forEach((values, i) =>
      values.forEach((raw, j) => {
        const row = table.rows[r0 + i]!;
        const column = table.columns[c0 + j]!;
        const cell = cellId(table.id, row.key, column.key);
        if (isComputed(cell)) return; // totals follow their parts; a pasted total is not needed
        const parsed = parseCellInput(raw, column.kind);
        if (!parsed.ok) {
          problems.push(t('paste.badValue', { cell: cellLabel(store.format, cell), value: raw, problem: t(`invalid.${parsed.problem}`) }));
          return;
        }
        const from = cellValue(store.draft, cell);
        if (parsed.value !== from) changes.push({ cell, from, to: parsed.value });
      }),
    );
    if (problems.length > 0) {
      setNote({ kind: 'error', text: t('paste.refused', { count: problems.length, list: problems.slice(0, 3).join('；') }) });
      return;
    }
    if (changes.length === 0) {
      setNote({ kind: 'info', text: t('paste.nothingChanges') });
      return;
    }
    setNote(null);
    setPreview(changes);
  };

  const fillZeros = () => {
    const blanks = store.format.cells.filter((c) => c.startsWith(`${table.id}/`) && !isComputed(c) && cellValue(store.draft, c) === '');
    if (blanks.length === 0) {
      setNote({ kind: 'info', text: t('table.noBlanks') });
      return;
    }
    write(blanks.map((c) => [c, '0']));
    setNote({
      kind: 'info',
      text: t('table.filledZeros', { count: blanks.length }),
      undo: () => {
        write(blanks.map((c) => [c, '']));
        setNote({ kind: 'info', text: t('table.undone') });
      },
    });
  };

  const captionId = `caption-${table.id}`;
  const labelWidths = table.labelColumns === 3 ? [4.5, 6.5, 15] : table.labelColumns === 2 ? [9, 7] : table.labelColumns === 1 ? [12] : [];
  const widths = [...labelWidths, ...table.columns.map(() => (table.columns.length > 8 ? 4.6 : 7))];
  return (
    <div className="table-block">
      <div className="table-tools">
        <h3 id={captionId} className="table-title visually-hidden">
          {title}
        </h3>
        <button type="button" className="secondary" onClick={fillZeros}>
          {t('table.fillZeros')}
        </button>
      </div>
      <div className="table-scroll">
        <table
          className={`grid grid-${table.id}`}
          aria-labelledby={captionId}
          ref={tableElement}
          onPaste={onPaste}
          style={{ width: `${widths.reduce((a, b) => a + b, 0)}em` }}
        >
          {/* Fixed column widths: a keystroke never makes the browser measure the whole table again. */}
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${w}em` }} />
            ))}
          </colgroup>
          <thead>
            {table.caption && (
              <tr>
                <th colSpan={layout.width} scope="colgroup" className="caption-row">
                  {table.caption}
                </th>
              </tr>
            )}
            {layout.header.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  cell.type === 'header' ? (
                    <th
                      key={j}
                      rowSpan={cell.rowSpan}
                      colSpan={cell.colSpan}
                      scope={cell.colSpan > 1 ? 'colgroup' : 'col'}
                      className={cell.text.length > 20 ? 'note' : undefined}
                    >
                      {cell.text}
                    </th>
                  ) : null,
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {layout.body.map((row, r) => (
              <tr key={r}>
                {row.map((cell) =>
                  cell.type === 'label' ? (
                    <th key={`l-${cell.text}-${cell.rowKey}`} rowSpan={cell.rowSpan} colSpan={cell.colSpan} scope="row" className="row-label">
                      {cell.text}
                    </th>
                  ) : cell.type === 'value' ? (
                    <CellInput
                      key={cell.cell}
                      table={table}
                      rowKey={cell.rowKey}
                      columnKey={cell.columnKey}
                      r={r}
                      c={table.columns.findIndex((x) => x.key === cell.columnKey)}
                      setNote={setNote}
                    />
                  ) : null,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={`table-note ${note?.kind ?? ''}`} role={note?.kind === 'error' ? 'alert' : 'status'}>
        {note?.text}
        {note?.undo && (
          <button type="button" className="link" onClick={note.undo}>
            {t('table.undo')}
          </button>
        )}
      </div>
      <Dialog open={preview !== null} title={t('paste.previewTitle', { count: preview?.length ?? 0 })} onClose={() => setPreview(null)}>
        <div className="preview-scroll">
          <table className="preview">
            <thead>
              <tr>
                <th scope="col">{t('paste.cell')}</th>
                <th scope="col">{t('paste.from')}</th>
                <th scope="col">{t('paste.to')}</th>
              </tr>
            </thead>
            <tbody>
              {preview?.map((p) => (
                <tr key={p.cell}>
                  <td>{cellLabel(store.format, p.cell)}</td>
                  <td>{p.from === '' ? t('paste.blank') : p.from}</td>
                  <td>{p.to === '' ? t('paste.blank') : p.to}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => {
              if (preview) write(preview.map((p) => [p.cell, p.to]));
              setNote({ kind: 'info', text: t('paste.applied', { count: preview?.length ?? 0 }) });
              setPreview(null);
            }}
          >
            {t('paste.apply')}
          </button>
          <button type="button" className="secondary" onClick={() => setPreview(null)}>
            {t('paste.cancel')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}

interface CellProps {
  table: Table;
  rowKey: string;
  columnKey: string;
  r: number;
  c: number;
  setNote: (n: Note) => void;
}

/** The findings that mark a cell: open errors and warnings. */
function marksOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'hint' && f.acknowledged === undefined);
}

function markOf(findings: readonly Finding[]): 'error' | 'warning' | '' {
  const marks = marksOf(findings);
  return marks.some((f) => f.severity === 'error') ? 'error' : marks.length > 0 ? 'warning' : '';
}

/** Keeps a cell's hidden message (what a screen reader says of the cell) worded as its findings are now. */
function useMarkMessage(store: DraftStore, cell: CellId, message: RefObject<HTMLSpanElement | null>, t: TFunction) {
  useEffect(() => {
    const show = () => {
      const el = message.current;
      if (!el) return;
      const text = marksOf(store.findingsFor(cell))
        .map((f) => findingMessage(t, f))
        .join(' ');
      if (el.textContent !== text) el.textContent = text;
    };
    show();
    return store.subscribe(topic.cell(cell), show);
  }, [store, cell, message, t]);
}

/** The value a cell's input shows: a computed total as the store works it out, any other cell as the draft holds it. */
function heldValue(store: DraftStore, cell: CellId, computed: boolean): string {
  return computed ? store.totalText(cell) : cellValue(store.draft, cell);
}

/**
 * Keeps an input showing the store's value of its cell. Written straight to the input: a total following a
 * keystroke costs the page a text change, not a React render. An input whose text already stands for the held
 * value (full-width digits, say, until the clerk leaves the cell) is left as typed.
 */
function useShownValue(store: DraftStore, cell: CellId, input: RefObject<HTMLInputElement | null>, computed: boolean, kind: CellKind) {
  useEffect(() => {
    const show = () => {
      const el = input.current;
      // A draft of another format was just put on screen: this cell is about to go with its table.
      if (!el || store.format.kindOfOrNull(cell) === null) return;
      const held = heldValue(store, cell, computed);
      if (el.value === held || (!computed && canonicalValue(el.value, kind) === held)) return;
      el.value = held;
    };
    show();
    return store.subscribe(topic.cell(cell), show);
  }, [store, cell, input, computed, kind]);
}

const CellInput = memo(function CellInput({ table, rowKey, columnKey, r, c, setNote }: CellProps) {
  const store = useStore();
  const { t } = useTranslation();
  const cell = cellId(table.id, rowKey, columnKey);
  const input = useRef<HTMLInputElement>(null);
  const computed = store.draft.totals === 'computed' && store.format.isTotal(cell);
  const kind = table.columnIndex.get(columnKey)!.kind;
  useShownValue(store, cell, input, computed, kind);
  // What the input shows when it is first drawn; later values reach it through useShownValue.
  const [initial] = useState(() => heldValue(store, cell, computed));
  const name = cellAccessibleName(table, rowKey, columnKey);
  const id = cellInputId(cell);
  // The cell re-renders when its mark changes (a finding naming it appears, goes or is acknowledged); the
  // wording of its findings, which changes with every number they quote, is written to its message directly.
  const severity = useStoreValue(topic.cell(cell), (s) => markOf(s.findingsFor(cell)));
  const messageRef = useRef<HTMLSpanElement>(null);
  useMarkMessage(store, cell, messageRef, t);
  const messageId = `${id}-msg`;
  const described = severity !== '' ? { 'aria-describedby': messageId } : {};
  const messages = <span id={messageId} ref={messageRef} className="visually-hidden" />;

  if (computed) {
    return (
      <td className={`total ${severity}`}>
        <input
          ref={input}
          id={id}
          readOnly
          tabIndex={-1}
          defaultValue={initial}
          aria-label={t('table.computedName', { name })}
          aria-invalid={severity === 'error' || undefined}
          {...described}
          title={t('table.computedTitle')}
        />
        {messages}
      </td>
    );
  }
  return (
    <td className={`input ${severity}`}>
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
              text: t('table.normalized', { cell: name, value: parsed.value, what: parsed.changes.map((x) => t(`normalized.${x}`)).join('，') }),
            });
          }
        }}
        data-r={r}
        data-c={c}
        aria-label={name}
        aria-invalid={severity === 'error' || undefined}
        {...described}
        maxLength={LIMITS.cell}
        inputMode={kind.type === 'amount' ? 'decimal' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      {messages}
    </td>
  );
});
