import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PRERENDER_BOOT_ID, PRERENDER_STYLE_ID } from '../../contract/prerender.ts';
import { pageTheme, prerenderedDocument } from './prerendered-document.ts';

const INDEX = `<!doctype html><html lang="en"><head><title>t</title>
<script type="module" crossorigin src="/assets/index.js"></script></head>
<body><div id="root"></div></body></html>`;
const result = {
  html: '<main><p style="color:red">x</p></main>',
  boot: {
    environment: { viewerZone: 'Europe/Paris', storedTheme: 'dark', server: null, origin: null },
    apiQuery: 'a=1',
    body: { alias: '</script><script>x()</script>$&$1' },
    endMs: 1,
    fetchedAt: 2,
  },
  css: '',
};

describe('prerenderedDocument', () => {
  const { html: doc, styleHash } = prerenderedDocument(INDEX, result, {
    theme: 'dark',
    report: false,
  });

  it('puts the render in the root as React wrote it (to hydrate), then the data, then the app’s entry script', () => {
    expect(doc).toContain(
      '<div id="root"><main><p class="ps-0">x</p></main></div>' +
        `<script type="application/json" id="${PRERENDER_BOOT_ID}">`,
    );
    expect(doc.indexOf('src="/assets/index.js"')).toBeGreaterThan(doc.indexOf(PRERENDER_BOOT_ID));
    expect(doc.match(/src="\/assets\/index.js"/g)).toHaveLength(1);
  });

  it('keeps the data inert and exact, replacement patterns included', () => {
    const json = new RegExp(`id="${PRERENDER_BOOT_ID}">([^<]*)</script>`).exec(doc)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(result.boot);
    expect(doc).not.toContain('<script>x()');
  });

  it('names the moved styles by their hash, for the CSP, and applies the theme', () => {
    const css = '.ps-0{color:red!important}';
    expect(doc).toContain(`<style id="${PRERENDER_STYLE_ID}">${css}</style></head>`);
    expect(styleHash).toBe(createHash('sha256').update(css).digest('base64'));
    expect(doc).toContain('<html lang="en" data-theme="dark">');
    expect(prerenderedDocument(INDEX, result, { theme: null, report: false }).html).toContain(
      '<html lang="en">',
    );
    const plain = { ...result, html: '<main></main>' };
    expect(prerenderedDocument(INDEX, plain, { theme: null, report: false }).styleHash).toBeNull();
  });

  it('adds the components’ own stylesheet after the moved styles, under the same hash', () => {
    const fit = '@container t (width < 1rem){.a{display:none}}';
    const page = prerenderedDocument(
      INDEX,
      { ...result, css: fit },
      { theme: null, report: false },
    );
    const css = `.ps-0{color:red!important}\n${fit}`;
    expect(page.html).toContain(`<style id="${PRERENDER_STYLE_ID}">${css}</style></head>`);
    expect(page.styleHash).toBe(createHash('sha256').update(css).digest('base64'));
  });

  it('marks a report-mode page on <html> as the app will, so its layout does not shift', () => {
    const { html } = prerenderedDocument(INDEX, result, { theme: null, report: true });
    expect(html).toContain('<html lang="en" data-view="report">');
  });
});

describe('pageTheme', () => {
  it.each([
    [null, undefined, null],
    ['dark', undefined, 'dark'],
    [' Dark ', undefined, 'dark'],
    [null, 'light', 'light'],
    ['system', 'dark', null],
    ['', 'dark', 'dark'],
    ['"><script>', 'dark', 'dark'],
    ['"><script>', '"><img>', null],
  ])('link %j, stored %j → %j', (linked, stored, expected) => {
    expect(pageTheme(linked, stored)).toBe(expected);
  });
});
