/** Asks before something that cannot be undone, e.g. removing a relative. */
import { useId, type ReactNode } from 'react';
import { Alert } from './Alert.tsx';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
  danger?: boolean;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  error,
  danger = true,
}: ConfirmDialogProps) {
  const messageId = useId();
  return (
    <Dialog open={open} title={title} onClose={onCancel} describedBy={messageId}>
      <div id={messageId} className="dialog__body">
        {children}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      <div className="button-row">
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} busy={busy ?? false}>
          {confirmLabel}
        </Button>
        <Button onClick={onCancel} autoFocus>
          Avbryt
        </Button>
      </div>
    </Dialog>
  );
}
