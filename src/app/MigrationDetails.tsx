/** What a change of format does to the tables: what moves where, what has no place, what is left to fill. */
import { useTranslation } from 'react-i18next';
import { formatById } from '../format/registry';
import { cellLabel } from '../format/labels';
import type { Conversion } from '../model/formatChange';

export function MigrationDetails({ conversion }: { conversion: Conversion }) {
  const { t } = useTranslation();
  const { report } = conversion;
  const from = formatById(report.from)!;
  const to = formatById(report.to)!;
  const moved = report.mapped.filter((m) => m.from !== m.to);
  return (
    <div className="migration">
      <p>{t('format.summary', { from: from.definition.name, to: to.definition.name, mapped: report.mapped.length })}</p>
      {moved.length > 0 && (
        <details>
          <summary>
            {t('migrate.moved')}（{moved.length}）
          </summary>
          <ul>
            {moved.map((m) => (
              <li key={m.from}>
                {cellLabel(from, m.from)} → {cellLabel(to, m.to)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.noCounterpart.length > 0 && (
        <details open>
          <summary>{t('migrate.noCounterpart', { count: report.noCounterpart.length })}</summary>
          <ul className="problems">
            {report.noCounterpart.map((c) => (
              <li key={c}>{cellLabel(from, c)}</li>
            ))}
          </ul>
        </details>
      )}
      {report.leftBlank.length > 0 && (
        <details>
          <summary>{t('migrate.leftBlank', { count: report.leftBlank.length })}</summary>
          <ul>
            {report.leftBlank.map((c) => (
              <li key={c}>{cellLabel(to, c)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
