/** Text fields of the report: section 一 per guidance topic, sections 五 and 六, the fee fields of 2021. */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { topicsFor, type SectionDef } from '../format/definition';
import type { Draft } from '../model/draft';
import { useStore, useStoreValue } from './context';
import { fieldInputId, type FormValues, type HeaderPath, type TextPath } from './formFields';
import { useMemo, useState } from 'react';
import { topic } from './store';
import { LIMITS } from '../model/limits';
import { LimitNote } from './LimitNote';

/** Writes a text or fee field into a copy of the draft. */
function withField(d: Draft, path: string, value: string): Draft {
  const parts = path.split('.');
  if (parts[0] === 'sections') {
    const id = parts[1] as keyof Draft['sections'];
    const section = d.sections[id];
    if (parts[2] === 'topics') return { ...d, sections: { ...d.sections, [id]: { ...section, topics: { ...section.topics, [parts[3]!]: value } } } };
    return { ...d, sections: { ...d.sections, [id]: { ...section, text: value } } };
  }
  if (parts[0] === 'processingFees') {
    const fees = d.processingFees ?? { notices: '', amount: '', collected: '' };
    return { ...d, processingFees: { ...fees, [parts[1]!]: value } };
  }
  return d;
}

function fieldText(d: Draft, path: string): string {
  const [, section, kind, topicId] = path.split('.');
  const s = d.sections[section as keyof Draft['sections']];
  return (kind === 'topics' ? s?.topics?.[topicId!] : s?.text) ?? '';
}

/** Characters (code points) in a text, remembered for the last text asked about. */
function lastCount(): (text: string) => number {
  let last: string | null = null;
  let count = 0;
  return (text) => {
    if (text !== last) {
      last = text;
      count = [...text].length;
    }
    return count;
  };
}

export function TextField({ path, label, hint, rows = 6 }: { path: TextPath; label: string; hint?: string; rows?: number }) {
  const { t } = useTranslation();
  const store = useStore();
  const { register } = useFormContext<FormValues>();
  // The count follows this field alone (a form-wide watch would copy every value of the form on each keystroke).
  // Counted again only when the text changed: a table keystroke whose finding quotes this text notifies it too.
  const countCharacters = useMemo(lastCount, []);
  const length = useStoreValue(topic.cell(path), (s) => countCharacters(fieldText(s.draft, path)));
  const units = useStoreValue(topic.cell(path), (s) => fieldText(s.draft, path).length);
  // Whether the field is marked, not its findings: a text-vs-table finding quotes the table's numbers and so
  // changes with every keystroke in a cell, which must not re-render the field.
  const marked = useStoreValue(topic.cell(path), (s) => s.findingsFor(path).some((f) => f.acknowledged === undefined && f.severity !== 'hint'));
  const id = fieldInputId(path);
  return (
    <div className={`text-field ${marked ? 'warning' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        maxLength={LIMITS.text}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...register(path, {
          onChange: (e: { target: HTMLTextAreaElement }) => store.update((d) => withField(d, path, e.target.value), path),
        })}
      />
      <div className="count" aria-live="off">
        {t('text.count', { count: length })}
      </div>
      <LimitNote length={units} max={LIMITS.text} />
    </div>
  );
}

/** Appends the standard sentences with the table's figures to the topic that quotes them (依申请公开). */
function WriteFigures({ path }: { path: TextPath }) {
  const { t } = useTranslation();
  const store = useStore();
  const { getValues, setValue } = useFormContext<FormValues>();
  const [message, setMessage] = useState('');
  return (
    <div className="write-figures">
      <button
        type="button"
        className="secondary"
        onClick={async () => {
          const { figuresSentences } = await import('../model/figuresSentence');
          const s = figuresSentences(store.format, store.draft);
          // The section 三 sentence comes first; without it nothing is written.
          const written = s.requests === null ? [] : [s.requests, s.review].filter((x): x is string => x !== null);
          setMessage(s.requests === null ? t('tools.figuresBlank') : s.review === null ? t('tools.figuresReviewBlank') : '');
          if (written.length === 0) return;
          const current = (getValues(path) ?? '').trimEnd();
          const text = [current, written.join('')].filter(Boolean).join('\n');
          setValue(path, text);
          store.update((d) => withField(d, path, text), path);
        }}
      >
        {t('tools.writeFigures')}
      </button>
      <span role="status" className="hint">
        {message}
      </span>
    </div>
  );
}

export function GeneralSection({ def }: { def: SectionDef }) {
  const { t } = useTranslation();
  // Which topics the section asks for follows the kind of agency as the clerk changes it.
  const kind = useStoreValue(topic.cell('agency.kind'), (s) => s.draft.agency.kind);
  const topics = topicsFor(def, kind);
  return (
    <>
      <TextField path={`sections.${def.id}.text`} label={t('text.generalIntro')} hint={t('text.generalIntroHint')} rows={3} />
      {topics.map((tp, i) => (
        <div key={tp.id}>
          <TextField path={`sections.${def.id}.topics.${tp.id}`} label={`（${'一二三四五六七八九'[i]}）${tp.label}`} hint={t(`topicHint.${tp.id}`)} />
          {tp.figuresSentences && <WriteFigures path={`sections.${def.id}.topics.${tp.id}`} />}
        </div>
      ))}
    </>
  );
}

/** The fee fields, and the button that writes their sentence into the text of the section that must mention them. */
export function ProcessingFees({ textPath }: { textPath: TextPath }) {
  const { t } = useTranslation();
  const store = useStore();
  const { register, getValues, setValue } = useFormContext<FormValues>();
  const field = (name: 'notices' | 'amount' | 'collected') => {
    const path: HeaderPath = `processingFees.${name}`;
    return (
      <label className="fee">
        {t(`fees.${name}`)}
        <input
          id={fieldInputId(path)}
          maxLength={LIMITS.cell}
          inputMode="decimal"
          autoComplete="off"
          {...register(path, {
            onChange: (e: { target: HTMLInputElement }) => store.update((d) => withField(d, path, e.target.value), 'processingFees'),
          })}
        />
      </label>
    );
  };
  const writeSentence = async () => {
    const { feesSentence } = await import('../model/figuresSentence');
    const sentence = feesSentence(store.draft.processingFees);
    const current = getValues(textPath) ?? '';
    const text = current.includes(sentence) ? current : [current.trimEnd(), sentence].filter(Boolean).join('\n');
    setValue(textPath, text);
    store.update((d) => withField(d, textPath, text), textPath);
  };
  return (
    <fieldset className="fees">
      <legend>{t('fees.legend')}</legend>
      <div className="fee-row">
        {field('notices')}
        {field('amount')}
        {field('collected')}
      </div>
      <button type="button" className="secondary" onClick={() => void writeSentence()}>
        {t('fees.write')}
      </button>
    </fieldset>
  );
}
