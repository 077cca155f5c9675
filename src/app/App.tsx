import { useTranslation } from 'react-i18next';
import { FORMATS } from '../format/registry';
import { LANGUAGES, type Language } from '../i18n';
import { switchLanguage } from './i18n';

const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function App() {
  const { t, i18n } = useTranslation();
  return (
    <div className="page">
      <header className="masthead">
        <div>
          <h1>{t('app.name')}</h1>
          <p className="tagline">{t('app.tagline')}</p>
        </div>
        <label className="language">
          {t('app.language')}
          <select value={i18n.language} onChange={(e) => switchLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <h2>{t('app.formatsHeading')}</h2>
        <ul className="formats">
          {FORMATS.map((f) => {
            const { from, to } = f.definition.years;
            return (
              <li key={f.id}>
                <h3>
                  {f.definition.name} <span className="format-id">{f.id}</span>
                </h3>
                <p>{f.definition.basis}</p>
                <p>{to === null ? t('app.formatYearsOpen', { from }) : t('app.formatYears', { from, to })}</p>
                <p>{t('app.formatRegion', { region: t(`region.${f.definition.region}`) })}</p>
                <p>{t('app.formatTables', { count: f.tables.length, relations: f.definition.relations.length })}</p>
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
