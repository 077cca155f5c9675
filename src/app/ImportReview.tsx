/**
 * The import review: before an imported report replaces anything, every table as read, each value where it
 * was placed, values the row's arithmetic placed (推定) and rows left blank marked, with the page or line each
 * row was read from. The clerk can correct a cell here; "open as draft" takes the corrected values.
 */
import { useTranslation } from 'react-i18next';
import { cellId, type CellId, type Format } from '../format/format';
import { cellAccessibleName, columnLabel, rowLabel, tableTitle } from '../format/labels';
import type { ImportReport } from '../import/importer';

export interface ReviewEdits {
  /** Raw text typed into a cell, by cell id; checked when the draft is opened. */
  [cell: CellId]: string;
}

interface Props {
  format: Format;
  cells: Record<string, Record<string, Record<string, string>>>;
  /** The import's report (inferred values, unread rows, sources); absent for a draft shown as it is. */
  report?: ImportReport;
  edits?: ReviewEdits;
  invalid?: Set<CellId>;
  /** Without it the tables are shown read-only (the review desk). */
  onEdit?: (cell: CellId, raw: string) => void;
}

const NO_EDITS: ReviewEdits = {};
const NONE = new Set<CellId>();

export function ImportReview({ format, cells, report, edits = NO_EDITS, invalid = NONE, onEdit }: Props) {
  const { t } = useTranslation();
  const inferred = new Set(report?.inferred ?? []);
  const missing = new Set(report?.missing ?? []);
  return (
    <div className="import-review" data-testid="import-review">
      {report && (
        <p className="import-legend">
          <span className="swatch inferred" /> {t('review.legendInferred')} <span className="swatch blank-row" /> {t('review.legendBlankRow')}
        </p>
      )}
      {format.tables.map((table) => (
        <section key={table.id} className="review-table">
          <h4>{tableTitle(format, table)}</h4>
          <div className="review-scroll">
            <table>
              <thead>
                <tr>
                  {table.labelColumns > 0 && <th scope="col">{t('review.row')}</th>}
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col">
                      {columnLabel(table, c.key)}
                    </th>
                  ))}
                  {report && <th scope="col">{t('review.source')}</th>}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => {
                  const ids = table.columns.map((c) => cellId(table.id, row.key, c.key));
                  const blankRow = report !== undefined && ids.every((id) => missing.has(id) && !(id in edits));
                  const source = report?.sources[`${table.id}/${row.key}`];
                  return (
                    <tr key={row.key} className={blankRow ? 'blank-row' : undefined}>
                      {table.labelColumns > 0 && <th scope="row">{rowLabel(table, row.key)}</th>}
                      {table.columns.map((c, j) => {
                        const id = ids[j]!;
                        const value = id in edits ? edits[id]! : (cells[table.id]?.[row.key]?.[c.key] ?? '');
                        const classes = [inferred.has(id) && !(id in edits) ? 'inferred' : '', invalid.has(id) ? 'invalid' : ''].filter(Boolean).join(' ');
                        return (
                          <td key={c.key} className={classes || undefined}>
                            <input
                              aria-label={cellAccessibleName(table, row.key, c.key)}
                              data-cell={id}
                              aria-invalid={invalid.has(id) || undefined}
                              title={inferred.has(id) ? t('review.inferredTitle') : undefined}
                              value={value}
                              maxLength={64}
                              inputMode="decimal"
                              readOnly={!onEdit}
                              onChange={(e) => onEdit?.(id, e.target.value)}
                            />
                          </td>
                        );
                      })}
                      {report && (
                        <td className="review-source">
                          {source
                            ? source.page !== null
                              ? t('review.page', { page: source.page })
                              : t('review.line', { line: source.line })
                            : t('review.notFound')}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
