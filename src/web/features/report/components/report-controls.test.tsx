import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyLinkButton } from './copy-link-button.tsx';
import { MaskToggle } from './mask-toggle.tsx';
import { ReportModeToggle } from './report-mode-toggle.tsx';

afterEach(cleanup);

describe('MaskToggle', () => {
  it('masks in one click', async () => {
    const onChange = vi.fn<(masked: boolean) => void>();
    render(<MaskToggle masked={false} onChange={onChange} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Mask phone numbers' }));
    expect(onChange).toHaveBeenCalledWith(true);
  });

  it('unmasks only after an explicit confirmation', async () => {
    const onChange = vi.fn<(masked: boolean) => void>();
    const user = userEvent.setup();
    render(<MaskToggle masked onChange={onChange} />);
    await user.click(screen.getByRole('button', { name: /show full numbers/ }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Keep masked' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep masked' }));
    expect(onChange).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: /show full numbers/ }));
    await user.click(screen.getByRole('button', { name: 'Show full numbers' }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith(false);
  });
});

describe('ReportModeToggle', () => {
  it('reports its state and flips it', async () => {
    const onChange = vi.fn<(on: boolean) => void>();
    const { rerender } = render(<ReportModeToggle on={false} onChange={onChange} />);
    const button = screen.getByRole('button', { name: 'Report mode' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.setup().click(button);
    expect(onChange).toHaveBeenCalledWith(true);
    rerender(<ReportModeToggle on onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'Leave report mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });
});

describe('CopyLinkButton', () => {
  const getLink = (relative: boolean) =>
    `https://dash.example/?${relative ? 'range=1h' : 'from=a&to=b'}`;

  it('copies the absolute link by default and the relative one on request', async () => {
    const copy = vi.fn<(text: string) => Promise<boolean>>(async () => true);
    const user = userEvent.setup();
    render(<CopyLinkButton getLink={getLink} copy={copy} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(copy).toHaveBeenLastCalledWith('https://dash.example/?from=a&to=b');
    expect(screen.getByRole('status')).toHaveTextContent('Link copied (fixed time window).');
    await user.click(screen.getByRole('checkbox', { name: 'Relative time' }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(copy).toHaveBeenLastCalledWith('https://dash.example/?range=1h');
    expect(screen.getByRole('status')).toHaveTextContent(/relative/);
  });

  it('shows the link to copy by hand when the clipboard is blocked', async () => {
    render(<CopyLinkButton getLink={getLink} copy={async () => false} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.getByRole('textbox', { name: /copy this link/ })).toHaveValue(
      'https://dash.example/?from=a&to=b',
    );
  });

  it('really writes to the clipboard through the default copier', async () => {
    const user = userEvent.setup();
    render(<CopyLinkButton getLink={getLink} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe('https://dash.example/?from=a&to=b');
  });

  it('copies a short link on request, or the full one saying why the server made none', async () => {
    const copy = vi.fn<(text: string) => Promise<boolean>>(async () => true);
    const shorten = vi.fn<(link: string) => Promise<string>>(
      async () => 'https://dash.example/l/AAAAAAAAAAAAAAAAAAAAAA',
    );
    const user = userEvent.setup();
    const { rerender } = render(<CopyLinkButton getLink={getLink} copy={copy} shorten={shorten} />);
    await user.click(screen.getByRole('button', { name: 'Copy short link' }));
    expect(shorten).toHaveBeenCalledWith('https://dash.example/?from=a&to=b');
    expect(copy).toHaveBeenLastCalledWith('https://dash.example/l/AAAAAAAAAAAAAAAAAAAAAA');
    expect(screen.getByRole('status')).toHaveTextContent('Short link copied (fixed time window).');
    const refuse = async () => {
      throw new Error('Short links are off on this server: SHORT_LINKS=off.');
    };
    rerender(<CopyLinkButton getLink={getLink} copy={copy} shorten={refuse} />);
    await user.click(screen.getByRole('button', { name: 'Copy short link' }));
    expect(copy).toHaveBeenLastCalledWith('https://dash.example/?from=a&to=b');
    expect(screen.getByRole('status')).toHaveTextContent(
      'No short link: Short links are off on this server: SHORT_LINKS=off. The full link is given instead. Link copied (fixed time window).',
    );
  });

  it('never shows the recipient’s number in the box to copy by hand when masked', async () => {
    const numbered = () => 'https://dash.example/?recipient=%2B918681951370&mask=1';
    const user = userEvent.setup();
    const blocked = async () => false;
    const { rerender } = render(
      <CopyLinkButton
        getLink={numbered}
        masked
        copy={blocked}
        shorten={async () => 'https://dash.example/l/BBBBBBBBBBBBBBBBBBBBBB'}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('textbox', { name: /copy this short link/ })).toHaveValue(
      'https://dash.example/l/BBBBBBBBBBBBBBBBBBBBBB',
    );
    rerender(
      <CopyLinkButton
        getLink={numbered}
        masked
        copy={blocked}
        shorten={async () => {
          throw new Error('off');
        }}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('+91 ••••1370');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(document.body.textContent).not.toMatch(/8681951370/);
    expect(document.body.innerHTML).not.toMatch(/8681951370/);
  });
});
