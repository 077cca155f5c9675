/** The report's header: agency, kind, region, year, format and publication date. */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, type AgencyKind } from '../format/definition';
import { FORMATS, formatById, formatFitsYear, knownRegions, pickFormat } from '../format/registry';
import type { Draft } from '../model/draft';
import { convertDraft, hasTableValues, type Conversion } from '../model/formatChange';
import { useState } from 'react';
import { useStore, useStoreValue } from './context';
import { topic } from './store';
import { isIsoDate, isReportYear, LIMITS } from '../model/limits';
import { chineseDate } from '../render/date';
import { LimitNote } from './LimitNote';
import { fieldInputId, type FormValues, type HeaderPath } from './formFields';

export function ReportDetails({ onFormatChange }: { onFormatChange: (next: Draft, conversion?: Conversion) => void }) {
  const { t } = useTranslation();
  const store = useStore();
  const { register } = useFormContext<FormValues>();

  /** After the year or region changed: follow with the format while the tables are still empty. */
  const followFormat = (d: Draft): Draft => {
    const current = formatById(d.formatId)!;
    const wanted = pickFormat(d.reportYear, d.agency.region);
    if (wanted.id === current.id || hasTableValues(d)) return d;
    if (formatFitsYear(current, d.reportYear) && current.definition.region === d.agency.region) return d;
    return convertDraft(d, current, wanted).draft;
  };

  /** A date or year the draft cannot hold is said at its field and not kept; the draft keeps its last good value. */
  const [refused, setRefused] = useState<{ publicationDate?: boolean; reportYear?: boolean }>({});
  const nameLength = useStoreValue(topic.cell('agency.name'), (s) => s.draft.agency.name.length);

  const onHeader = (path: HeaderPath, value: string) => {
    const d = store.draft;
    let next: Draft = d;
    if (path === 'agency.name') next = { ...d, agency: { ...d.agency, name: value } };
    if (path === 'agency.kind') next = { ...d, agency: { ...d.agency, kind: value as AgencyKind } };
    if (path === 'agency.region') next = followFormat({ ...d, agency: { ...d.agency, region: value } });
    if (path === 'publicationDate') {
      // The date control lets a slip through (a five-digit year, a half-typed date): its value is then not a date.
      const ok = value === '' || isIsoDate(value);
      setRefused((r) => ({ ...r, publicationDate: !ok }));
      if (!ok) return;
      next = { ...d, publicationDate: value };
    }
    if (path === 'reportYear') {
      const year = Number(value);
      const ok = isReportYear(year);
      setRefused((r) => ({ ...r, reportYear: !ok }));
      if (!ok) return;
      next = followFormat({ ...d, reportYear: year });
    }
    if (next.formatId !== d.formatId) onFormatChange(next);
    else store.update(() => next, path);
  };

  const reg = (path: HeaderPath) => register(path, { onChange: (e: { target: HTMLInputElement | HTMLSelectElement }) => onHeader(path, e.target.value) });

  return (
    <div className="details">
      <div className="field wide">
        <label htmlFor={fieldInputId('agency.name')}>{t('details.agencyName')}</label>
        <input
          id={fieldInputId('agency.name')}
          {...reg('agency.name')}
          maxLength={LIMITS.agencyName}
          placeholder={t('details.agencyNamePlaceholder')}
          autoComplete="organization"
        />
        <LimitNote length={nameLength} max={LIMITS.agencyName} />
      </div>
      <div className="field">
        <label htmlFor={fieldInputId('agency.kind')}>{t('details.agencyKind')}</label>
        <select id={fieldInputId('agency.kind')} {...reg('agency.kind')}>
          {AGENCY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`agencyKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldInputId('agency.region')}>{t('details.region')}</label>
        <select id={fieldInputId('agency.region')} {...reg('agency.region')}>
          {knownRegions().map((r) => (
            <option key={r} value={r}>
              {t(`region.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={fieldInputId('reportYear')}>{t('details.reportYear')}</label>
        <input
          id={fieldInputId('reportYear')}
          type="number"
          min={LIMITS.firstYear}
          max={LIMITS.lastYear}
          {...reg('reportYear')}
          aria-invalid={refused.reportYear || undefined}
        />
        {refused.reportYear && (
          <p className="field-error" role="alert">
            {t('details.yearInvalid', { first: LIMITS.firstYear, last: LIMITS.lastYear })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={fieldInputId('publicationDate')}>{t('details.publicationDate')}</label>
        <input
          id={fieldInputId('publicationDate')}
          type="date"
          min={`${LIMITS.firstYear}-01-01`}
          max="9999-12-31"
          {...reg('publicationDate')}
          aria-invalid={refused.publicationDate || undefined}
        />
        {refused.publicationDate && (
          <p className="field-error" role="alert">
            {store.draft.publicationDate
              ? t('details.dateInvalid', { saved: chineseDate(store.draft.publicationDate, store.draft.reportYear) })
              : t('details.dateInvalidNone')}
          </p>
        )}
      </div>
      <div className="field wide">
        <label htmlFor={fieldInputId('formatId')}>{t('details.format')}</label>
        <select
          id={fieldInputId('formatId')}
          value={store.draft.formatId}
          onChange={(e) => {
            const target = formatById(e.target.value)!;
            const conversion = convertDraft(store.draft, store.format, target);
            onFormatChange(conversion.draft, conversion);
          }}
        >
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.definition.name}（{f.definition.basis}）
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
