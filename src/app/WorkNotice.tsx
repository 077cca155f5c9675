/** The line that says what long work is doing (reading files, importing), with the link that stops it. */
export function WorkNotice({ text, stopLabel, onStop, className = '' }: { text: string; stopLabel: string; onStop: () => void; className?: string }) {
  return (
    <p className={`notice info ${className}`.trim()} role="status">
      {text}{' '}
      <button type="button" className="link" onClick={onStop}>
        {stopLabel}
      </button>
    </p>
  );
}
