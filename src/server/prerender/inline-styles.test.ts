import { describe, expect, it } from 'vitest';
import { hoistInlineStyles } from './inline-styles.ts';

describe('hoistInlineStyles', () => {
  it('moves each distinct style into one class, merged with the element’s own classes', () => {
    const { html, css } = hoistInlineStyles(
      '<div class="row" style="transform:translateY(0px)">a</div>' +
        '<div style="transform:translateY(41px)"><span style="transform:translateY(0px)"></span></div>' +
        '<input type="text" style="width:2rem"/>',
    );
    expect(html).toBe(
      '<div class="row ps-0">a</div><div class="ps-1"><span class="ps-0"></span></div>' +
        '<input type="text" class="ps-2"/>',
    );
    expect(css).toBe(
      '.ps-0{transform:translateY(0px)!important}.ps-1{transform:translateY(41px)!important}' +
        '.ps-2{width:2rem!important}',
    );
  });

  it('keeps custom properties and decodes React’s attribute escaping', () => {
    const { css } = hoistInlineStyles(
      '<div style="--grid-columns:minmax(11rem, 1.2fr);font-family:&quot;Inter&quot;"></div>',
    );
    expect(css).toBe(
      '.ps-0{--grid-columns:minmax(11rem, 1.2fr)!important;font-family:"Inter"!important}',
    );
  });

  it.each([
    ['closes the element', 'color:red&lt;/style&gt;&lt;script&gt;'],
    ['closes the rule', 'color:red}body{display:none'],
    ['imports', 'background:url(x)@import'],
    ['escapes', 'content:&quot;\\&quot;'],
  ])('drops a style that %s, and the attribute with it', (_label, style) => {
    const { html, css } = hoistInlineStyles(`<p style="${style}">x</p>`);
    expect(html).toBe('<p>x</p>');
    expect(css).toBe('');
  });

  it('leaves markup without styles, text and comments as they are', () => {
    const markup = '<main class="page"><!--$--><p>a &lt;b style="x"&gt;</p><!--/$--></main>';
    expect(hoistInlineStyles(markup)).toEqual({ html: markup, css: '' });
  });
});
