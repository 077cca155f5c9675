/** The navigation that stays in view: each part's status and counts, and the overall progress. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../i18n/messages';
import { useStoreValue } from './context';
import { progressMemo, type PartId } from './progress';
import { topic, type DraftStore } from './store';

/**
 * The navigation's data as one string, worked out once per draft and findings (React asks for the snapshot
 * more than once a render).
 */
const navCache = new WeakMap<object, { findings: unknown; state: string }>();
const progressOf = progressMemo();
/** Each part's row, worked out again only when its progress or its findings are new objects. */
const rowCache = new Map<PartId, { progress: unknown; findings: unknown; row: NavRow }>();
type NavRow = [status: string, filled: number, total: number, errors: number, warnings: number];

function partRow(s: DraftStore, id: PartId): NavRow {
  const p = progressOf(s.format, s.draft, id);
  const findings = s.sectionFindings(id);
  const known = rowCache.get(id);
  if (known && known.progress === p && known.findings === findings) return known.row;
  const open = findings.filter((f) => f.acknowledged === undefined);
  const row: NavRow = [p.status, p.filled, p.total, open.filter((f) => f.severity === 'error').length, open.filter((f) => f.severity === 'warning').length];
  rowCache.set(id, { progress: p, findings, row });
  return row;
}

function navState(s: DraftStore, parts: { id: PartId }[]): string {
  const cached = navCache.get(s.draft);
  if (cached && cached.findings === s.findings) return cached.state;
  const state = JSON.stringify(parts.map(({ id }) => partRow(s, id)));
  navCache.set(s.draft, { findings: s.findings, state });
  return state;
}

export function Nav({ parts }: { parts: { id: PartId; title: string }[] }) {
  const { t } = useTranslation();
  // One string per render keeps useSyncExternalStore's snapshot stable while nothing changes.
  const state = useStoreValue(topic.draft, (s) => navState(s, parts));
  const rows = JSON.parse(state) as NavRow[];

  const filled = rows.reduce((s, r) => s + r[1], 0);
  const total = rows.reduce((s, r) => s + r[2], 0);
  const percent = total === 0 ? 0 : Math.round((filled / total) * 100);
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <div className="progress">
        <div className="progress-text">{t('nav.progress', { percent, complete: rows.filter((r) => r[0] === 'complete').length, parts: rows.length })}</div>
        <progress className="bar" max={100} value={percent} aria-label={t('nav.progressLabel')} />
      </div>
      <ol>
        {parts.map(({ id, title }, i) => {
          const [status, , , errors, warnings] = rows[i]!;
          return <NavItem key={id} id={id} title={title} status={status} errors={errors} warnings={warnings} />;
        })}
      </ol>
    </nav>
  );
}

/** One part's line; drawn again only when its status or counts change (a keystroke changes one part at most). */
const NavItem = memo(function NavItem({
  id,
  title,
  status,
  errors,
  warnings,
}: {
  id: PartId;
  title: string;
  status: string;
  errors: number;
  warnings: number;
}) {
  const { t } = useTranslation();
  return (
    <li className={`nav-${status}`} data-part={id}>
      <a href={`#part-${id}`}>
        <span className="status-dot" aria-hidden="true" />
        <span className="nav-title">{title}</span>
        <span className="visually-hidden">{labelOf(t, `nav.status.${status}`)}</span>
        {errors > 0 && <span className="count error">{labelOf(t, 'nav.errors', { count: errors })}</span>}
        {warnings > 0 && <span className="count warning">{labelOf(t, 'nav.warnings', { count: warnings })}</span>}
      </a>
    </li>
  );
});
