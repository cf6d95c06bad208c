import { act, render } from '@testing-library/react';
import { createElement, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type EarlyInput, replayEarlyInput, takeEarlyInput } from './early-input.ts';

afterEach(() => {
  document.body.innerHTML = '';
  delete window.otpEarlyInput;
});

/** Stands for index.html's script: one kept list per part, and which parts were stopped. */
function pageScript(clicks: EarlyInput[], rest: EarlyInput[]) {
  const stopped: string[] = [];
  window.otpEarlyInput = (part) => {
    stopped.push(part);
    return part === 'clicks' ? clicks : rest;
  };
  return stopped;
}

describe('early input', () => {
  it('replays kept clicks and choices in order, on elements still shown', () => {
    document.body.innerHTML =
      '<button id="b">x</button><select id="s"><option>a</option><option>b</option></select>';
    const button = document.getElementById('b') as HTMLButtonElement;
    const select = document.getElementById('s') as HTMLSelectElement;
    const gone = document.createElement('button');
    const seen: string[] = [];
    button.addEventListener('click', () => seen.push('click'));
    gone.addEventListener('click', () => seen.push('gone'));
    select.addEventListener('change', () => seen.push(`change ${select.value}`));
    replayEarlyInput([
      { kind: 'click', target: button },
      { kind: 'click', target: gone },
      { kind: 'change', target: select, value: 'b' },
    ]);
    expect(seen).toEqual(['click', 'change b']);
  });

  it('hands over clicks, then choices and keys, each once', () => {
    const stopped = pageScript(
      [{ kind: 'click', target: document.body }],
      [
        { kind: 'key', key: '/' },
        { kind: 'key', key: '7' },
      ],
    );
    expect(takeEarlyInput('clicks')).toHaveLength(1);
    expect(stopped).toEqual(['clicks']);
    expect(takeEarlyInput('rest')).toEqual([
      { kind: 'key', key: '/' },
      { kind: 'key', key: '7' },
    ]);
    expect(stopped).toEqual(['clicks', 'rest']);
    expect(takeEarlyInput('clicks')).toEqual([]);
    expect(takeEarlyInput('rest')).toEqual([]);
  });

  it('hands over nothing on a page without the script', () => {
    expect(takeEarlyInput('clicks')).toEqual([]);
    expect(takeEarlyInput('rest')).toEqual([]);
  });

  it('replays a shortcut as a keydown, then types what followed it into the field it focused', () => {
    const changes: string[] = [];
    function SearchBox() {
      const [value, setValue] = useState('');
      return createElement('input', {
        id: 'search',
        type: 'text',
        value,
        onChange: (event: { target: HTMLInputElement }) => {
          changes.push(event.target.value);
          setValue(event.target.value);
        },
      });
    }
    const view = render(createElement(SearchBox));
    const input = document.getElementById('search') as HTMLInputElement;
    const shortcuts: string[] = [];
    const onKeyDown = (event: KeyboardEvent) => {
      shortcuts.push(event.key);
      if (event.key === '/') input.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    try {
      act(() =>
        replayEarlyInput(['?', '/', '1', '3', '7', '0'].map((key) => ({ kind: 'key', key }))),
      );
      expect(shortcuts).toEqual(['?', '/']);
      expect(input.value).toBe('1370');
      // React saw each as the user's edit: its state follows the field.
      expect(changes).toEqual(['1', '13', '137', '1370']);
    } finally {
      document.removeEventListener('keydown', onKeyDown);
      view.unmount();
    }
  });
});
