import { isApiError } from '../../../lib/api-client.ts';
import { errorTitle } from '../lib/error-text.ts';

/** A server error with its specific message and a retry. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const code = isApiError(error) ? error.code : 'internal';
  const message = error instanceof Error ? error.message : 'Unknown error.';
  return (
    <div className="panel panel-error" role="alert">
      <h2>{errorTitle(code)}</h2>
      <p>{message}</p>
      {isApiError(error) && error.param ? <p className="muted">Parameter: {error.param}</p> : null}
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
