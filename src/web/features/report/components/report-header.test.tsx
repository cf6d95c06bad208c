import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseExplorerSearch } from '../../../../contract/explorer-view.ts';
import { buildShareLink } from '../../../lib/share-link.ts';
import { ReportHeader, sourceWords, type ReportHeaderProps } from './report-header.tsx';

afterEach(cleanup);

const NOW = Date.parse('2026-11-20T11:00:05Z');
const search = 'status=expired&recipient=%2B918681951370&country=IN&range=1h';

function renderHeader(extra: string, overrides: Partial<ReportHeaderProps> = {}) {
  const href = `http://127.0.0.1:8080/?${search}${extra}`;
  const link = buildShareLink({ href, now: NOW });
  const props: ReportHeaderProps = {
    view: parseExplorerSearch(new URL(href).searchParams).state,
    window: { from: Date.parse('2026-11-20T10:00:00Z'), to: Date.parse('2026-11-20T11:00:00Z') },
    viewerTimeZone: 'Asia/Kolkata',
    dataAsOf: '2026-11-20T11:00:05.123456Z',
    count: 1234,
    complete: false,
    link,
    ...overrides,
  };
  const view = render(<ReportHeader {...props} />);
  const header = screen.getByRole('region', { name: 'Report summary' });
  const fact = (term: string) => {
    const dt = within(header).getByText(term, { selector: 'dt' });
    return dt.nextElementSibling?.textContent ?? '';
  };
  return { ...view, header, fact, link };
}

describe('ReportHeader', () => {
  it('states filters, window in UTC and the viewer zone, data time, count and link', () => {
    const { header, fact, link } = renderHeader('');
    expect(within(header).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Expired sessions to +918681951370 in India',
    );
    expect(fact('Window')).toBe('2026-11-20 10:00 – 11:00 UTC (1 hour)');
    expect(fact('Your time')).toBe('2026-11-20 15:30 – 16:30 Asia/Kolkata (UTC+05:30)');
    expect(fact('Data as of')).toBe('2026-11-20 11:00:05 UTC (2026-11-20 16:30:05 Asia/Kolkata)');
    expect(fact('Sessions')).toBe('1,234 sessions loaded — more match, not all shown');
    expect(within(header).getByRole('link')).toHaveAttribute('href', link);
    expect(link).toContain('from=2026-11-20T10:00:05Z');
  });

  it('says when the count is complete and skips the second zone for UTC viewers', () => {
    const { fact, header } = renderHeader('', { complete: true, count: 1, viewerTimeZone: 'UTC' });
    expect(fact('Sessions')).toBe('all 1 session');
    expect(within(header).queryByText('Your time')).toBeNull();
  });

  it('with mask=1 leaves no full number anywhere in its DOM, attributes included', () => {
    const { container, fact, header } = renderHeader('&mask=1');
    expect(within(header).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Expired sessions to +91 ••••1370 in India',
    );
    expect(container.innerHTML).not.toMatch(/8681951370|868195/);
    expect(within(header).queryByRole('link')).toBeNull();
    expect(fact('Link')).toContain('recipient=+91 ••••1370');
    // The dashboard's own address is not personal data, even when it is an IP address.
    expect(fact('Link')).toMatch(/^http:\/\/127\.0\.0\.1:8080\/\?/);
    expect(fact('Link')).toContain('mask=1');
    expect(fact('Privacy')).toMatch(/masked/);
  });

  it('says plainly when no data has been fetched yet', () => {
    const { fact } = renderHeader('', { dataAsOf: null });
    expect(fact('Data as of')).toBe('not loaded yet');
  });
});

describe('the source of the figures', () => {
  it.each([
    ['index' as const, 1234, 'Source: session index, exact — 1,234 sessions'],
    ['index' as const, 1, 'Source: session index, exact — 1 session'],
    ['plivo' as const, null, 'Source: Plivo, loaded rows only'],
    [null, null, 'Source: not loaded yet'],
  ])('%s %s → %s', (source, total, words) => expect(sourceWords(source, total)).toBe(words));

  it('states the source with the index coverage', () => {
    const { fact } = renderHeader('', {
      source: 'index',
      total: 1234,
      coverage: 'Indexed: last 90 days, as of 2026-11-20 11:00:00 UTC',
    });
    expect(fact('Source')).toBe(
      'session index, exact — 1,234 sessions (Indexed: last 90 days, as of 2026-11-20 11:00:00 UTC)',
    );
  });

  it('names the index filters in the title', () => {
    const { header } = renderHeader('&network=AirTel&verdict=undelivered_all');
    expect(within(header).getByRole('heading')).toHaveTextContent(
      'Expired sessions to +918681951370 in India on AirTel with verdict “Undelivered on all attempts”',
    );
  });
});
