/**
 * Catches what a page throws while rendering and shows a calm message instead of a blank screen,
 * with the request id when the error came from the API (support finds the log lines by it).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isApiError } from '../api/client.ts';

interface State {
  error: unknown;
}

interface Props {
  children: ReactNode;
  /** Inside the layout's main landmark: render a section, not another main. */
  inline?: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Vardag: a page failed to render', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const requestId = isApiError(error) ? error.requestId : undefined;
    const Wrapper = this.props.inline ? 'section' : 'main';
    return (
      <Wrapper id={this.props.inline ? undefined : 'main'} className="page-center error-page">
        <h1 className="page-title">Något gick fel</h1>
        <p>Sidan kunde inte visas. Det du sparat tidigare finns kvar.</p>
        {requestId && (
          <p>
            Ange begärans id om du kontaktar support: <code>{requestId}</code>
          </p>
        )}
        <p className="button-row">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Ladda om sidan
          </button>
          <a className="button button--secondary" href="/">
            Till Mitt skrivbord
          </a>
        </p>
      </Wrapper>
    );
  }
}
