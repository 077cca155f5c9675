/**
 * One table of the report, drawn from the format's layout with the official merged headers, with pasting a
 * block (previewed before anything changes) and filling blanks with 0. The cells are CellInput; typing in
 * them is handled by tableTyping.ts.
 */
import { useRef, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cellId, type CellId, type Table } from '../format/format';
import { tableLayout } from '../format/grid';
import { cellLabel, tableTitle } from '../format/labels';
import { parseCellInput } from '../model/number';
import { cellValue } from '../model/draft';
import { useStore } from './context';
import { useTypingInTable } from './tableTyping';
import { CellInput, type Note } from './CellInput';
import { Dialog } from './Dialog';

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
      setNote({ kind: 'error', text: (t) => t('paste.tooManyRows', { rows: height.toLocaleString('en-US'), rowsLeft }) });
      return;
    }
    const block = text.split('\n').map((line) => line.split('\t'));
    const width = block.reduce((w, row) => Math.max(w, row.length), 0);
    if (width > colsLeft) {
      setNote({ kind: 'error', text: (t) => t('paste.doesNotFit', { rows: height, cols: width, rowsLeft, colsLeft }) });
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
      setNote({ kind: 'error', text: (t) => t('paste.refused', { count: problems.length, list: problems.slice(0, 3).join('；') }) });
      return;
    }
    if (changes.length === 0) {
      setNote({ kind: 'info', text: (t) => t('paste.nothingChanges') });
      return;
    }
    setNote(null);
    setPreview(changes);
  };

  const fillZeros = () => {
    const blanks = store.format.cells.filter((c) => c.startsWith(`${table.id}/`) && !isComputed(c) && cellValue(store.draft, c) === '');
    if (blanks.length === 0) {
      setNote({ kind: 'info', text: (t) => t('table.noBlanks') });
      return;
    }
    write(blanks.map((c) => [c, '0']));
    setNote({
      kind: 'info',
      text: (t) => t('table.filledZeros', { count: blanks.length }),
      undo: () => {
        write(blanks.map((c) => [c, '']));
        setNote({ kind: 'info', text: (t) => t('table.undone') });
      },
    });
  };

  const captionId = `caption-${table.id}`;
  const labelWidths = table.labelColumns === 3 ? [4.5, 6.5, 15] : table.labelColumns === 2 ? [9, 7] : table.labelColumns === 1 ? [12] : [];
  const widths = [...labelWidths, ...table.columns.map(() => (table.columns.length > 8 ? 4.6 : 7))];
  // The table is as wide as its columns' widths add up to where there is room, and narrower where the screen is
  // (a laptop at 1280 pixels, or a 1920-pixel screen at 150 %): its columns then keep their proportions, so the
  // 总计 column stays on screen, down to two thirds of the full width; only below that does the table scroll.
  const fullWidth = widths.reduce((a, b) => a + b, 0);
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
          style={{ width: `min(100%, ${fullWidth}em)`, minWidth: `${fullWidth * 0.65}em` }}
        >
          {/* Fixed column widths, in shares of the table's: a keystroke never makes the browser measure the whole table again. */}
          <colgroup>
            {widths.map((w, i) => (
              <col key={i} style={{ width: `${(w / fullWidth) * 100}%` }} />
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
                      t={t}
                    />
                  ) : null,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={`table-note ${note?.kind ?? ''}`} role={note?.kind === 'error' ? 'alert' : 'status'}>
        {note?.text(t)}
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
              setNote({ kind: 'info', text: (t) => t('paste.applied', { count: preview?.length ?? 0 }) });
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
