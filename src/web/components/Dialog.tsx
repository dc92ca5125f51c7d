/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Escape closes, and the
 * rest of the page is inert. Focus returns to whatever opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  /** Describes the dialog for screen readers in addition to its title. */
  describedBy?: string;
  /** Added to `dialog`, e.g. for a narrower dialog. */
  className?: string;
}

export function Dialog({ open, title, onClose, children, describedBy, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={['dialog', className ?? ''].join(' ').trim()}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      // Escape: let React state decide, so the dialog and the state never disagree. React passes
      // the event on to the dialogs around this one (a calendar opened in a dialog): only this closes.
      onCancel={(event) => {
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
