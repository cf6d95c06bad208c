import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INCIDENT_SHORTCUTS, type Shortcut } from '../lib/shortcuts.ts';
import { useIncidentShortcuts } from '../lib/use-shortcuts.ts';
import { ShortcutsHelp } from './shortcuts-help.tsx';

afterEach(cleanup);

const EXPLORER_KEYS: Shortcut[] = [
  { keys: ['j', 'k'], description: 'Next / previous session', group: 'Table' },
  { keys: ['Enter'], description: 'Expand the session', group: 'Table' },
];

/** A page shaped like the explorer: a search box, a button, the shortcuts and the help. */
function Page({ copyLink, onJ }: { copyLink: () => void; onJ: () => void }) {
  const search = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  useIncidentShortcuts({
    focusSearch: () => search.current?.focus(),
    copyLink,
    openHelp: () => setHelp(true),
    more: { j: onJ },
  });
  return (
    <main>
      <label>
        Recipient <input ref={search} />
      </label>
      <button type="button">Load more</button>
      <ShortcutsHelp
        open={help}
        onClose={() => setHelp(false)}
        shortcuts={[...INCIDENT_SHORTCUTS, ...EXPLORER_KEYS]}
      />
    </main>
  );
}

function setup() {
  const copyLink = vi.fn<() => void>();
  const onJ = vi.fn<() => void>();
  render(<Page copyLink={copyLink} onJ={onJ} />);
  return { copyLink, onJ, user: userEvent.setup() };
}

describe('keyboard shortcuts on a page', () => {
  it('"/" focuses the recipient search without typing a slash into it', async () => {
    const { user } = setup();
    await user.keyboard('/');
    const box = screen.getByRole('textbox', { name: 'Recipient' });
    expect(box).toHaveFocus();
    expect(box).toHaveValue('');
    // Now typing goes into the box and triggers nothing.
    await user.keyboard('y?/');
    expect(box).toHaveValue('y?/');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"y" copies the link; the explorer\'s own keys work too', async () => {
    const { user, copyLink, onJ } = setup();
    await user.keyboard('y');
    expect(copyLink).toHaveBeenCalledTimes(1);
    await user.keyboard('j');
    expect(onJ).toHaveBeenCalledTimes(1);
    await user.keyboard('{Control>}y{/Control}');
    expect(copyLink).toHaveBeenCalledTimes(1);
  });

  it('"?" opens an accessible help listing every shortcut; Esc closes it', async () => {
    const { user, copyLink } = setup();
    const loadMore = screen.getByRole('button', { name: 'Load more' });
    loadMore.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    const listed = within(dialog)
      .getAllByRole('definition')
      .map((d) => d.textContent);
    expect(listed).toEqual([...INCIDENT_SHORTCUTS, ...EXPLORER_KEYS].map((s) => s.description));
    expect(within(dialog).getByRole('region', { name: 'Table' })).toHaveTextContent('j / k');
    // Shortcuts behind the dialog are off while it is open.
    await user.keyboard('y');
    expect(copyLink).not.toHaveBeenCalled();
    // Focus stays inside.
    await user.tab();
    expect(close).toHaveFocus();
    await user.tab({ shift: true });
    expect(close).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(loadMore).toHaveFocus();
  });

  it('closes from its button and from a click outside', async () => {
    const { user } = setup();
    await user.keyboard('?');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('?');
    await user.click(screen.getByRole('dialog').parentElement!);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
