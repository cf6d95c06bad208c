import { afterEach, describe, expect, it, vi } from 'vitest';
import { replayEarlyInput, takeEarlyInput } from './early-input.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

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

  it('stops the page’s script keeping input, once', () => {
    const stop = vi.fn<() => { kind: 'click'; target: Element }[]>(() => [
      { kind: 'click', target: document.body },
    ]);
    window.otpEarlyInput = stop;
    expect(takeEarlyInput()).toHaveLength(1);
    expect(takeEarlyInput()).toEqual([]);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
