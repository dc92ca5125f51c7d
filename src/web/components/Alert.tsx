/**
 * Messages: errors interrupt (role=alert), everything else waits its turn (role=status). Each tone
 * has an icon and a text prefix, so colour is never the only signal.
 */
import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'info' | 'success';

const PREFIX: Record<Tone, string> = { error: 'Fel', warning: 'Observera', info: 'Information', success: 'Klart' };
const ICON: Record<Tone, string> = { error: '!', warning: '!', info: 'i', success: '✓' };

interface AlertProps {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** Override the live region, e.g. a static warning that should not be announced at all. */
  role?: 'alert' | 'status' | 'note';
  className?: string;
}

export function Alert({ tone, title, children, role, className }: AlertProps) {
  const liveRole = role ?? (tone === 'error' ? 'alert' : 'status');
  return (
    <div role={liveRole} className={['alert', `alert--${tone}`, className ?? ''].join(' ').trim()}>
      <span className="alert__icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="alert__body">
        <span className="visually-hidden">{PREFIX[tone]}: </span>
        {title && <p className="alert__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}

/** A polite live region that is always in the DOM, so messages put into it are announced. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p role="status" className="status-message">
      {message && (
        <>
          <span aria-hidden="true">✓ </span>
          {message}
        </>
      )}
    </p>
  );
}
