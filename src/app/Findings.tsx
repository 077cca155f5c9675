/** The summary at the top of a section: its findings, errors first, each a link to its cell or field. */
import { memo, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { findingMessage, labelOf } from '../i18n/messages';
import type { Finding } from '../rules/finding';
import { useStore, useStoreValue } from './context';
import { cellInputId, fieldInputId, findingTextId } from './formFields';
import { topic, type DraftStore } from './store';
import type { PartId } from './progress';
import { LIMITS } from '../model/limits';
import { writeText } from './writeText';
import { useSizedSlot } from './keepInView';

const RANK = { error: 0, warning: 1, hint: 2 } as const;

function targetId(finding: Finding): string | null {
  for (const ref of finding.cells) {
    if (ref.startsWith('previous:')) continue;
    const id = ref.split('/').length === 3 ? cellInputId(ref) : fieldInputId(ref);
    if (typeof document !== 'undefined' && document.getElementById(id)) return id;
  }
  return null;
}

/**
 * What the summary shows apart from the findings' wording: which findings, how severe, acknowledged or not.
 * A keystroke that only changes the numbers a finding quotes leaves it the same, so the summary does not
 * re-render; the wording is written to each finding's text by useFindingText.
 */
function summaryShape(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.key}\u0000${f.severity}\u0000${f.acknowledged ?? '\u0001'}`).join('\u0000\u0000');
}

/**
 * A section's summary, in a slot of its own that is there even while the section has no finding: the slot
 * takes the summary's height (keepInView.ts), keeps the cell being typed into in place when it changes, and
 * keeps the summary's changes of wording out of the rest of the page's layout.
 */
export function SectionSummary({ part }: { part: PartId }) {
  const slot = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  useSizedSlot(slot, content);
  return (
    <div className="summary-slot" ref={slot}>
      <div className="summary-content" ref={content}>
        <SummaryContent part={part} />
      </div>
    </div>
  );
}

function SummaryContent({ part }: { part: PartId }) {
  const { t } = useTranslation();
  const store = useStore();
  useStoreValue(topic.section(part), (s) => summaryShape(s.sectionFindings(part)));
  const findings = store.sectionFindings(part);
  if (findings.length === 0) return null;
  const sorted = [...findings].sort(
    (a, b) => Number(a.acknowledged !== undefined) - Number(b.acknowledged !== undefined) || RANK[a.severity] - RANK[b.severity] || a.order - b.order,
  );
  const open = findings.filter((f) => f.acknowledged === undefined);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.filter((f) => f.severity === 'warning').length;
  const headingId = `summary-${part}`;
  return (
    <div className={`summary ${errors > 0 ? 'has-errors' : warnings > 0 ? 'has-warnings' : ''}`} role="region" aria-labelledby={headingId}>
      <h3 id={headingId}>{labelOf(t, 'summary.title', { errors, warnings, hints: open.length - errors - warnings })}</h3>
      <ul>
        {sorted.map((f) => (
          <FindingItem key={f.key} finding={f} part={part} t={t} />
        ))}
      </ul>
    </div>
  );
}

/** What an element was last given: the finding it was worded from, in which language. */
interface Worded {
  el: HTMLElement | null;
  finding: Finding | null;
  t: TFunction | null;
}

/**
 * Writes a finding's wording into its element, unless the element was last worded from the same finding
 * object in the same language (the store keeps a finding's object while it says the same, so a keystroke
 * that changes one finding of the section words that one alone).
 */
function showFindingText(store: DraftStore, part: PartId, findingKey: string, el: HTMLElement | null, t: TFunction, worded: Worded): void {
  const finding = store.sectionFindings(part).find((f) => f.key === findingKey);
  if (!el || !finding) return;
  if (worded.el === el && worded.finding === finding && worded.t === t) return;
  writeText(el, findingMessage(t, finding));
  Object.assign(worded, { el, finding, t });
}

/**
 * Keeps a finding's text worded as the finding is now: after each render (the element may be a new one) and
 * whenever the section's findings change. The element has no children of React's: React would not know of
 * text written under it.
 */
function useFindingText(part: PartId, findingKey: string, element: RefObject<HTMLElement | null>, t: TFunction) {
  const store = useStore();
  const worded = useRef<Worded>({ el: null, finding: null, t: null });
  useLayoutEffect(() => showFindingText(store, part, findingKey, element.current, t, worded.current));
  useLayoutEffect(
    () => store.subscribe(topic.section(part), () => showFindingText(store, part, findingKey, element.current, t, worded.current)),
    [store, part, findingKey, element, t],
  );
}

/** One finding of the summary; memoised on its key, severity and acknowledgement (its wording follows by itself). */
const FindingItem = memo(
  // The summary's translation function, as a cell's (CellInput.tsx): one i18next hook for the summary, not one per finding.
  function FindingItem({ finding, part, t }: { finding: Finding; part: PartId; t: TFunction }) {
    const store = useStore();
    const [asking, setAsking] = useState(false);
    const [reason, setReason] = useState('');
    const target = targetId(finding);
    const textRef = useRef<HTMLElement>(null);
    useFindingText(part, finding.key, textRef, t);
    const acknowledge = (text: string | null) =>
      store.update(
        (d) => ({
          ...d,
          acknowledged: [...d.acknowledged.filter((a) => a.finding !== finding.key), ...(text === null ? [] : [{ finding: finding.key, reason: text }])],
        }),
        'acknowledged',
      );
    return (
      <li className={`finding ${finding.severity} ${finding.acknowledged !== undefined ? 'acknowledged' : ''}`}>
        <span className="severity">{labelOf(t, `severity.${finding.severity}`)}</span>{' '}
        {target ? (
          <a
            href={`#${target}`}
            onClick={(e) => {
              e.preventDefault();
              const el = document.getElementById(target);
              el?.scrollIntoView({ block: 'center' });
              el?.focus();
            }}
          >
            <span ref={textRef} id={findingTextId(finding.key)} />
          </a>
        ) : (
          <span ref={textRef} id={findingTextId(finding.key)} />
        )}
        {finding.acknowledged !== undefined ? (
          <span className="ack">
            {t('summary.acknowledged', { reason: finding.acknowledged })}{' '}
            <button type="button" className="link" onClick={() => acknowledge(null)}>
              {labelOf(t, 'summary.unacknowledge')}
            </button>
          </span>
        ) : finding.severity !== 'error' && !asking ? (
          <button type="button" className="link" onClick={() => setAsking(true)}>
            {labelOf(t, 'summary.acknowledge')}
          </button>
        ) : null}
        {asking && (
          <form
            className="ack-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim() === '') return;
              acknowledge(reason.trim());
              setAsking(false);
            }}
          >
            <label>
              {t('summary.reason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={LIMITS.reason} required />
            </label>
            <button type="submit">{t('summary.saveReason')}</button>
            <button type="button" className="secondary" onClick={() => setAsking(false)}>
              {t('summary.cancel')}
            </button>
          </form>
        )}
      </li>
    );
  },
  (a, b) =>
    a.t === b.t &&
    a.part === b.part &&
    a.finding.key === b.finding.key &&
    a.finding.severity === b.finding.severity &&
    a.finding.acknowledged === b.finding.acknowledged,
);
