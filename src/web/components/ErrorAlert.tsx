/**
 * Shows any error from the API as an alert: the server's Swedish message, and for unexpected
 * errors the request id so support can find the log lines.
 */
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { Alert } from './Alert.tsx';

interface ErrorAlertProps {
  error: unknown;
  /** Extra lines under the message, e.g. field errors the form shows nowhere else. */
  details?: readonly string[];
  children?: ReactNode;
  /** Gets focus after a failed submit when no single field is to blame. */
  focusable?: boolean;
}

export function ErrorAlert({ error, details = [], children, focusable }: ErrorAlertProps) {
  if (!error) return null;
  const message = isApiError(error) ? error.message : 'Ett oväntat fel inträffade. Försök igen.';
  const requestId = isApiError(error) && (error.status >= 500 || error.status === 0) ? error.requestId : undefined;
  return (
    <div className="form-error" tabIndex={focusable ? -1 : undefined}>
      <Alert tone="error" title={message}>
        {details.length > 0 && (
          <ul className="alert__list">
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {requestId && (
          <p className="alert__meta">
            Begärans id: <code>{requestId}</code>
          </p>
        )}
        {children}
      </Alert>
    </div>
  );
}
