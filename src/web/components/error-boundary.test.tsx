import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary.tsx';

afterEach(cleanup);

function Broken(): never {
  throw new Error('The session list could not be drawn.');
}

describe('ErrorBoundary', () => {
  it('replaces a crashed page with a readable message and a way back', () => {
    // React reports the caught error on the console; silence it for this test only.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on this page');
    expect(screen.getByRole('alert')).toHaveTextContent('The session list could not be drawn.');
    expect(screen.getByRole('link', { name: 'Go to the sessions explorer' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('button', { name: 'reload the page' })).toBeInTheDocument();
    consoleError.mockRestore();
    consoleWarn.mockRestore();
  });
});
