import { afterEach, describe, expect, it } from 'vitest';
import { PRERENDER_STYLE_ID } from '../../contract/prerender.ts';
import { restoreInlineStyles } from './inline-styles.ts';

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('restoreInlineStyles', () => {
  it('moves the hoisted styles back onto their elements and drops the classes and sheet', () => {
    document.head.innerHTML = `<style id="${PRERENDER_STYLE_ID}">.ps-0{transform:translateY(40px)!important}.ps-1{width:120px!important;color:red!important}</style>`;
    document.body.innerHTML =
      '<div id="a" class="ps-0"></div><div id="b" class="cell ps-1"></div><div id="c" class="cell"></div>';
    restoreInlineStyles(document);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => document.getElementById(id)!);
    expect(a!.getAttribute('style')).toBe('transform: translateY(40px);');
    expect(a!.hasAttribute('class')).toBe(false);
    expect(b!.className).toBe('cell');
    expect(b!.style.width).toBe('120px');
    expect(b!.style.color).toBe('red');
    expect(c!.hasAttribute('style')).toBe(false);
    expect(document.getElementById(PRERENDER_STYLE_ID)).toBeNull();
  });

  it('keeps the components’ own rules, so no frame paints without them before the app adopts them', () => {
    const fit = '.table-fit .sessions-table{--grid-columns:1fr}';
    document.head.innerHTML = `<style id="${PRERENDER_STYLE_ID}">.ps-0{color:red!important}\n${fit}</style>`;
    document.body.innerHTML = '<div id="a" class="ps-0"></div>';
    restoreInlineStyles(document);
    const sheet = (document.getElementById(PRERENDER_STYLE_ID) as HTMLStyleElement).sheet!;
    expect(Array.from(sheet.cssRules).map((r) => r.cssText)).toEqual([
      '.table-fit .sessions-table { --grid-columns: 1fr; }',
    ]);
    expect(document.getElementById('a')!.style.color).toBe('red');
  });

  it('does nothing on a page without the pre-render’s stylesheet', () => {
    document.body.innerHTML = '<div class="ps-0"></div>';
    restoreInlineStyles(document);
    expect(document.body.innerHTML).toBe('<div class="ps-0"></div>');
  });
});
