import type { Charges } from '../../../../contract/session.ts';

/** validation + each attempt = total, computed exactly; Plivo's own total shown beside it. */
export function ChargesBreakdown({ charges }: { charges: Charges }) {
  const differs = charges.total !== null && charges.total !== charges.computedTotal;
  return (
    <table className="charges" aria-label="Charges breakdown">
      <tbody>
        <tr>
          <th scope="row">Validation</th>
          <td className="money">{charges.validation ?? '—'}</td>
        </tr>
        {charges.attempts.map((attempt, index) => (
          <tr key={attempt.attemptUuid ?? index}>
            <th scope="row">
              Attempt {index + 1} ({attempt.channel ?? 'unknown channel'})
            </th>
            <td className="money">{attempt.charge ?? '—'}</td>
          </tr>
        ))}
        <tr className="charges-total">
          <th scope="row">Total (validation + attempts)</th>
          <td className="money">{charges.computedTotal}</td>
        </tr>
        <tr>
          <th scope="row">Total reported by Plivo</th>
          <td className={differs ? 'money charges-mismatch' : 'money'}>
            {charges.total ?? 'not reported'}
            {differs ? ' (differs)' : ''}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
