import { afterEach, describe, expect, it } from 'vitest';
import { isTypingTarget, shortcutFor } from './shortcuts.ts';

afterEach(() => document.body.replaceChildren());

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild!;
}

describe('isTypingTarget', () => {
  it.each([
    ['<input>', true],
    ['<input type="search">', true],
    ['<input type="tel">', true],
    ['<input type="checkbox">', false],
    ['<input type="radio">', false],
    ['<textarea></textarea>', true],
    ['<select><option>a</option></select>', true],
    ['<div contenteditable="true">x</div>', true],
    ['<div role="combobox">x</div>', true],
    ['<button>x</button>', false],
    ['<div>x</div>', false],
  ])('%s → %s', (html, expected) => {
    const el = element(html);
    if (el.hasAttribute('contenteditable')) {
      // jsdom does not implement isContentEditable.
      Object.defineProperty(el, 'isContentEditable', { value: true });
    }
    expect(isTypingTarget(el)).toBe(expected);
  });

  it('treats a non-element target as not typing', () => {
    expect(isTypingTarget(document)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('shortcutFor', () => {
  const bindings = { '/': 'search', y: 'copy', '?': 'help' };
  const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    defaultPrevented: false,
    target: document.body as EventTarget | null,
    ...extra,
  });

  it.each([
    ['/', {}, 'search'],
    ['y', {}, 'copy'],
    ['?', {}, 'help'],
    ['Y', {}, null],
    ['x', {}, null],
    ['y', { ctrlKey: true }, null],
    ['y', { metaKey: true }, null],
    ['/', { altKey: true }, null],
    ['y', { isComposing: true }, null],
    ['y', { defaultPrevented: true }, null],
    ['toString', {}, null],
  ])('%s %j → %s', (k, extra, expected) => {
    expect(shortcutFor(key(k, extra), bindings)).toBe(expected);
  });

  it('ignores keys typed into a text field', () => {
    expect(shortcutFor(key('y', { target: element('<input>') }), bindings)).toBeNull();
  });

  it('ignores keys while a modal dialog is open', () => {
    element('<div role="dialog" aria-modal="true"><button>Close</button></div>');
    expect(shortcutFor(key('?'), bindings)).toBeNull();
  });
});
