import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { error: Error | null };

/** The last line of defence: a readable message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever opens the console; the page shows a plain explanation.
    console.warn('The page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="page">
        <div className="panel panel-error" role="alert">
          <h1>Something went wrong on this page</h1>
          <p>
            {this.state.error.message || 'An unexpected error happened while drawing the page.'}
          </p>
          <p>
            <a href="/">Go to the sessions explorer</a> or{' '}
            <button type="button" onClick={() => window.location.reload()}>
              reload the page
            </button>
          </p>
        </div>
      </main>
    );
  }
}
