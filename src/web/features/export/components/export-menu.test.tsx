import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parsePlivoList } from '../../../../contract/parse-plivo.ts';
import { maskSession } from '../../../../contract/mask.ts';
import type { Session } from '../../../../contract/session.ts';
import goList from '../../../../../e2e/fixtures/plivo-sdk/plivo-go__verifySessionListResponse.json';
import { ExportMenu, type ExportMenuProps } from './export-menu.tsx';

const parsed = parsePlivoList(goList);
if (!parsed.ok) throw new Error(parsed.message);
const sessions: Session[] = parsed.value.sessions;
const WINDOW = { from: Date.parse('2023-07-20T07:00:00Z'), to: Date.parse('2023-07-20T09:00:00Z') };

function setup(extra: Partial<ExportMenuProps> = {}) {
  const download = vi.fn<(name: string, text: string, type: string) => void>();
  render(
    <ExportMenu
      sessions={sessions}
      params={new URLSearchParams('status=expired&mask=1')}
      window={WINDOW}
      timeZone="Asia/Kolkata"
      masked
      complete={false}
      download={download}
      now={() => Date.parse('2023-07-20T09:00:05Z')}
      {...extra}
    />,
  );
  return { download, user: userEvent.setup() };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ExportMenu', () => {
  it('downloads a masked per-session CSV named after the filters and window', async () => {
    const { download, user } = setup();
    await user.click(screen.getByText('Export'));
    expect(screen.getByText(/Only the 2 sessions loaded; more match/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Download 2 sessions as CSV' }));
    const [name, text, type] = download.mock.calls[0]!;
    expect(name).toBe('otp-sessions_status-expired_2023-07-20T07-00Z_2023-07-20T09-00Z_masked.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text).toContain('"+91 ••••6409"');
    expect(text).not.toContain('918707046409');
    expect(text).toContain('"Asia/Kolkata"');
    expect(screen.getByRole('status')).toHaveTextContent(`Saved ${name}`);
  });

  it('switches to JSON with one row per attempt', async () => {
    const { download, user } = setup({ masked: false, complete: true });
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('radio', { name: 'JSON' }));
    await user.click(screen.getByRole('radio', { name: 'One row per attempt' }));
    await user.click(screen.getByRole('button', { name: 'Download 2 sessions as JSON' }));
    const [name, text] = download.mock.calls[0]!;
    expect(name).toBe('otp-attempts_status-expired_2023-07-20T07-00Z_2023-07-20T09-00Z.json');
    const json = JSON.parse(text) as { rows: { recipient: string }[]; complete: boolean };
    const attempts = sessions.reduce((n, s) => n + Math.max(1, s.attempts.length), 0);
    expect(json.rows).toHaveLength(attempts);
    expect(json.rows[0]!.recipient).toBe('+918707046409');
    expect(json.complete).toBe(true);
  });

  it('saves through a Blob and an object URL by default', async () => {
    const createObjectURL = vi.fn<(blob: Blob) => string>(() => 'blob:export-1');
    const revokeObjectURL = vi.fn<(url: string) => void>();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(
      <ExportMenu
        sessions={sessions}
        params={new URLSearchParams()}
        window={WINDOW}
        timeZone="UTC"
        masked={false}
        complete
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('button', { name: /Download 2 sessions/ }));
    const blob = createObjectURL.mock.calls[0]![0];
    expect(await blob.text()).toContain('"+918707046409"');
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('otp-sessions_2023-07-20T07-00Z_2023-07-20T09-00Z.csv');
    expect(anchor.href).toBe('blob:export-1');
    expect(anchor.isConnected).toBe(false);
  });

  it('reports each saved file for the audit trail: format, rows written', async () => {
    const onExported = vi.fn<NonNullable<ExportMenuProps['onExported']>>();
    const { user } = setup({ onExported });
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('radio', { name: 'One row per attempt' }));
    await user.click(screen.getByRole('button', { name: 'Download 2 sessions as CSV' }));
    const attempts = sessions.reduce((n, s) => n + Math.max(1, s.attempts.length), 0);
    expect(onExported).toHaveBeenCalledExactlyOnceWith({
      format: 'csv',
      granularity: 'attempt',
      rows: attempts,
    });
  });

  // A masked-only viewer's sessions arrive masked from the server (the same maskSession):
  // an export of them has no full number in any format, whatever the page's own flag says.
  it.each(['CSV', 'JSON'] as const)('exports server-masked sessions masked: %s', async (format) => {
    const { download, user } = setup({ sessions: sessions.map(maskSession), masked: false });
    await user.click(screen.getByText('Export'));
    await user.click(screen.getByRole('radio', { name: format }));
    await user.click(screen.getByRole('button', { name: `Download 2 sessions as ${format}` }));
    const [, text] = download.mock.calls[0]!;
    for (const s of sessions) expect(text).not.toContain(s.recipient!.slice(3));
    expect(text).toContain('••••6409');
  });

  it('cannot export nothing', async () => {
    setup({ sessions: [] });
    await userEvent.setup().click(screen.getByText('Export'));
    expect(screen.getByRole('button', { name: 'Download 0 sessions as CSV' })).toBeDisabled();
  });
});
