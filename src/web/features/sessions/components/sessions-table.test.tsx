import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import phpList from '../../../../../e2e/fixtures/plivo-sdk/plivo-php__verifySessionListResponse.json';
import goGet from '../../../../../e2e/fixtures/plivo-sdk/plivo-go__verifySessionGetResponse.json';
import { parsePlivoList, parsePlivoSession } from '../../../../contract/parse-plivo.ts';
import type { Session } from '../../../../contract/session.ts';
import { COLUMN_IDS } from '../../../../contract/explorer-vocabulary.ts';
import { loadPhone } from '../../../lib/phone-lazy.ts';
import type { SortState } from '../../../../contract/explorer-view.ts';
import { SessionsTable } from './sessions-table.tsx';

afterEach(cleanup);

// jsdom does no layout: give the virtualizer a viewport so it renders rows.
beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, value: 1200 });
  await loadPhone();
});

function sessionsOf(json: unknown): Session[] {
  const parsed = parsePlivoList(json);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value.sessions;
}

const NO_NEW_ROWS: ReadonlySet<string> = new Set();

function Harness({
  sessions,
  initialOpen = null,
}: {
  sessions: Session[];
  initialOpen?: string | null;
}) {
  const [open, setOpen] = useState<string | null>(initialOpen);
  const [sort, setSort] = useState<SortState>(null);
  // Open rows list surrounding sessions from the server; these tests fetch nothing.
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { enabled: false, retry: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <output data-testid="open">{open ?? 'none'}</output>
        <SessionsTable
          sessions={sessions}
          newRows={NO_NEW_ROWS}
          masked={false}
          tz="utc"
          sort={sort}
          cols={[...COLUMN_IDS]}
          open={open}
          onSortChange={setSort}
          onOpenChange={setOpen}
          onNearEnd={() => {}}
          backSearch="?status=verified"
        />
      </MemoryRouter>
    </QueryClientProvider>
  );
}

const php = sessionsOf(phpList);

describe('SessionsTable', () => {
  it('renders one row per session with formatted values', () => {
    render(<Harness sessions={php} />);
    const table = screen.getByRole('table', { name: 'Sessions' });
    // header row + one row per session
    expect(within(table).getAllByRole('row')).toHaveLength(php.length + 1);
    const first = screen.getAllByRole('row')[1]!;
    expect(within(first).getByText('+91 80974 80999')).toBeInTheDocument();
    expect(within(first).getByText('2023-07-28 11:50:39')).toBeInTheDocument();
    expect(within(first).getByText('0.13')).toBeInTheDocument();
  });

  it('expands a row in place into its attempt timeline and exact charges', async () => {
    const user = userEvent.setup();
    render(<Harness sessions={php} />);
    const uuid = '04500412-8377-454f-ab6c-52915bfb19d0';
    const button = screen.getByRole('button', { name: `Details of session ${uuid}` });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.click(button);
    expect(screen.getByTestId('open')).toHaveTextContent(uuid);
    expect(button).toHaveAttribute('aria-expanded', 'true');

    const timeline = screen.getByRole('list', { name: 'Attempt timeline' });
    const items = within(timeline).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Attempt 1 · voice');
    expect(items[0]).toHaveTextContent('answer');
    expect(items[1]).toHaveTextContent('Attempt 2 · sms');
    expect(items[1]).toHaveTextContent('+6 s after attempt 1');

    const charges = screen.getByRole('table', { name: 'Charges breakdown' });
    const rows = within(charges)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Validation0.05',
      'Attempt 1 (voice)0.033',
      'Attempt 2 (sms)0.24',
      'Total (validation + attempts)0.323',
      'Total reported by Plivo0.323',
    ]);
    expect(screen.getByRole('link', { name: 'Open session page' })).toHaveAttribute(
      'href',
      `/sessions/${uuid}`,
    );

    await user.click(button);
    expect(screen.getByTestId('open')).toHaveTextContent('none');
    expect(screen.queryByRole('list', { name: 'Attempt timeline' })).not.toBeInTheDocument();
  });

  it('says plainly when a session has no attempts', () => {
    // Go's retrieve fixture: `attempt_details: null` and a zero-time `updated_at`.
    const parsed = parsePlivoSession(goGet);
    if (!parsed.ok) throw new Error(parsed.message);
    render(<Harness sessions={[parsed.value]} initialOpen={parsed.value.sessionUuid} />);
    expect(screen.getByText('No attempts were made in this session.')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Charges breakdown' })).getByText(
        'Total (validation + attempts)',
      ).nextSibling,
    ).toHaveTextContent('0');
  });

  it('shows Plivo’s warnings when its total disagrees with the exact sum', () => {
    // The PHP list fixture with one total edited, as a mis-totalled upstream reply would be.
    const edited = structuredClone(phpList);
    edited.sessions[1]!.charges.total_charge = '0.32400';
    const sessions = sessionsOf(edited);
    render(<Harness sessions={sessions} initialOpen={sessions[1]!.sessionUuid} />);
    expect(screen.getByRole('note', { name: 'Data warnings' })).toHaveTextContent(
      "Plivo's total 0.324 differs from validation + attempts = 0.323.",
    );
    expect(screen.getByText('0.324 (differs)')).toBeInTheDocument();
  });

  it('moves with j/k and arrows, expands with Enter and collapses with Esc', async () => {
    const user = userEvent.setup();
    render(<Harness sessions={php} />);
    const rows = () => screen.getAllByRole('row').filter((r) => r.dataset.rowIndex !== undefined);
    rows()[0]!.focus();
    await user.keyboard('j');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(rows()[2]).toHaveFocus();
    await user.keyboard('k');
    expect(rows()[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('open')).toHaveTextContent(php[1]!.sessionUuid);
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('open')).toHaveTextContent('none');
  });

  it('sorts the loaded rows by a column header', async () => {
    const user = userEvent.setup();
    render(<Harness sessions={php} />);
    await user.click(screen.getByRole('button', { name: /Total charge/ }));
    const charges = () =>
      screen
        .getAllByRole('row')
        .filter((r) => r.dataset.rowIndex !== undefined)
        .map((r) => r.querySelector('.cell-charge')?.textContent);
    expect(charges()).toEqual(['0.033', '0.13', '0.323', '0.48']);
    await user.click(screen.getByRole('button', { name: /Total charge/ }));
    expect(charges()).toEqual(['0.48', '0.323', '0.13', '0.033']);
  });
});
