import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog on the native <dialog> element: focus is kept inside and Escape closes it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className={wide ? 'dialog wide' : 'dialog'} aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <h2 id="dialog-title">{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

/** A question before an action: what it does, the action's button and a way back. */
export function ConfirmDialog({
  open,
  title,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onClose={onCancel}>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {cancel}
        </button>
      </div>
    </Dialog>
  );
}
