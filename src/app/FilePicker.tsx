/**
 * A button that opens the browser's file picker. The picker's input stays hidden and out of the tab order;
 * the chosen files are handed on and the input cleared, so choosing the same file again works.
 */
import { useEffect, useRef } from 'react';

interface Props {
  label: string;
  accept: string;
  multiple?: boolean;
  testId: string;
  className?: string;
  /** Choose a whole folder (its files, folders within included) instead of files. */
  directory?: boolean;
  onFiles: (files: File[]) => void;
}

export function FilePicker({ label, accept, multiple = false, testId, className = 'secondary', directory = false, onFiles }: Props) {
  const input = useRef<HTMLInputElement>(null);
  // Not a standard attribute React knows, but every current browser honours it.
  useEffect(() => {
    if (directory) input.current?.setAttribute('webkitdirectory', '');
  }, [directory]);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        className="visually-hidden"
        tabIndex={-1}
        aria-label={label}
        data-testid={testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
