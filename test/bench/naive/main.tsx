/**
 * The baseline a keystroke of the app is compared with: the same three tables (sections 二's first table, 三
 * and 四 of the 2021 format) written the way a form is usually first written with react-hook-form: one
 * useForm over the whole form, a zodResolver validating every value on every change, and a form-wide watch()
 * from which the totals are computed in render. Same labels, so the bench finds the same cells.
 */
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { formatById } from '../../../src/format/registry';
import { cellAccessibleName } from '../../../src/format/labels';
import type { Table } from '../../../src/format/format';

const format = formatById('gb-2021')!;
const TABLES: Table[] = ['art20_1', 'requests', 'review'].map((id) => format.table(id));
const totals = format.totals;

type Values = { cells: Record<string, Record<string, Record<string, string>>> };
const field = (t: string, r: string, c: string) => `cells.${t}.${r.replace(/\./g, '_')}.${c}` as const;
const count = z.string().regex(/^\d{0,9}$/, '请填写数字');
const schema = z.object({ cells: z.record(z.string(), z.record(z.string(), z.record(z.string(), count))) });

const defaults: Values = {
  cells: Object.fromEntries(
    TABLES.map((t) => [t.id, Object.fromEntries(t.rows.map((r) => [r.key.replace(/\./g, '_'), Object.fromEntries(t.columns.map((c) => [c.key, '1']))]))]),
  ),
};

function valueOf(values: Values, cell: string): number {
  const [t, r, c] = cell.split('/') as [string, string, string];
  const inst = totals.get(cell);
  if (inst) return inst.rhs.reduce((sum, part) => sum + part.sign * valueOf(values, part.cell), 0);
  return Number(values.cells[t]?.[r.replace(/\./g, '_')]?.[c] ?? 0) || 0;
}

function App() {
  const { register, watch, formState } = useForm<Values>({ resolver: zodResolver(schema), mode: 'onChange', defaultValues: defaults });
  const values = watch();
  return (
    <form>
      {TABLES.map((t) => (
        <table key={t.id} style={{ borderCollapse: 'collapse' }}>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.key}>
                <th style={{ textAlign: 'left', border: '1px solid #999' }}>{r.label}</th>
                {t.columns.map((c) => {
                  const cell = `${t.id}/${r.key}/${c.key}`;
                  const name = cellAccessibleName(t, r.key, c.key);
                  const error = formState.errors.cells?.[t.id]?.[r.key.replace(/\./g, '_')]?.[c.key];
                  return (
                    <td key={c.key} style={{ border: '1px solid #999' }}>
                      {totals.has(cell) ? (
                        <input readOnly aria-label={`${name}（自动计算）`} value={String(valueOf(values, cell))} size={6} />
                      ) : (
                        <input aria-label={name} size={6} autoComplete="off" {...register(field(t.id, r.key, c.key))} />
                      )}
                      {error && <span role="alert">{String(error.message)}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
