import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client.ts';
import { fetchDetailFresh, sessionQueries } from '../api/session-queries.ts';
import { errorTitle } from '../lib/error-text.ts';

const utc = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/**
 * Asks Plivo for this session now, past the server's cache and the session index, and puts
 * the answer on the page with the time it was fetched: for a support call where "what does
 * Plivo say right now" matters.
 */
export function CheckWithPlivo({ sessionUuid }: { sessionUuid: string }) {
  const client = useQueryClient();
  const check = useMutation({
    mutationFn: () => fetchDetailFresh(sessionUuid),
    onSuccess: (detail) => client.setQueryData(sessionQueries.detail(sessionUuid).queryKey, detail),
  });
  const error = check.error;
  return (
    <div className="check-plivo" data-report-hidden="">
      <button type="button" onClick={() => check.mutate()} disabled={check.isPending}>
        {check.isPending ? 'Checking with Plivo…' : 'Check with Plivo now'}
      </button>{' '}
      <span role="status" className="muted">
        {check.data ? `Checked with Plivo: as of ${utc(check.data.fetchedAt)}` : ''}
      </span>
      {error ? (
        <p role="alert">
          {isApiError(error) ? `${errorTitle(error.code)}: ${error.message}` : String(error)}
        </p>
      ) : null}
    </div>
  );
}
