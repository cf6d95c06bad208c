import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPhone } from '../lib/phone-lazy.ts';
import { AppRoutes } from './app.tsx';

// The server answers 404 itself for addresses outside the app, so the in-app not-found page
// is reached by client-side navigation; it is tested here without a server.
// The explorer preloads these lazily; finish loading before the environment is torn down.
beforeAll(async () => {
  await Promise.all([loadPhone(), import('../features/sessions/components/sessions-table.tsx')]);
});

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        Response.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }),
      ),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('routes', () => {
  it('shows a not-found page with a way back for an unknown address', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={['/no/such/page']}>
          <AppRoutes />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Go to the sessions explorer' }));
    expect(screen.getByRole('heading', { name: 'OTP sessions', level: 1 })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'The dashboard server failed' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('x');
  });
});
