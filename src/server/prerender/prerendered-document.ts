import { createHash } from 'node:crypto';
import { parseThemeChoice } from '../../contract/explorer-vocabulary.ts';
import {
  PRERENDER_BOOT_ID,
  PRERENDER_STYLE_ID,
  type PrerenderResult,
} from '../../contract/prerender.ts';
import { hoistInlineStyles } from './inline-styles.ts';

/**
 * The built index.html filled in with a pre-render (decision 0004): the rendered markup in
 * the root element, exactly as React rendered it (the browser hydrates it), the reply and
 * environment it came from as JSON data, its styles in one stylesheet for the CSP hash, and
 * the page's theme on <html>. Pure: text in, text out.
 */
export const ROOT_ELEMENT = '<div id="root"></div>';

const MODULE_SCRIPT = /<script type="module"[^>]*><\/script>/;

/** JSON inside a `<script>` element: no `<` can close it, no line separator can break it. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The theme the app will apply before its first render: the link's `theme`, else the viewer's
 * stored choice (a cookie the app keeps), read by the same rule as the app's.
 */
export function pageTheme(linked: string | null, stored: string | undefined): string | null {
  const theme = parseThemeChoice(linked) ?? parseThemeChoice(stored ?? null) ?? 'system';
  return theme === 'system' ? null : theme;
}

/**
 * The page, and the hash of its one stylesheet for the CSP (`'sha256-…'`; null when it has
 * none). A hash rather than a nonce: the same render gives the same bytes, so the assembled
 * and compressed page can be reused.
 */
export function prerenderedDocument(
  index: string,
  result: PrerenderResult,
  options: { theme: string | null; report: boolean },
): { html: string; styleHash: string | null } {
  const hoisted = hoistInlineStyles(result.html);
  const { html } = hoisted;
  const css = [hoisted.css, result.css].filter(Boolean).join('\n');
  const style = css ? `<style id="${PRERENDER_STYLE_ID}">${css}</style>` : '';
  const boot = `<script type="application/json" id="${PRERENDER_BOOT_ID}">${jsonForScript(result.boot)}</script>`;
  // The app's entry script moves after the rows: it runs after parsing either way (a module),
  // but where it stood the parser paused and yielded before reaching them.
  const entry = MODULE_SCRIPT.exec(index)?.[0] ?? '';
  // What the app sets on <html> in its first moments, set here so nothing moves then.
  const attributes = [
    options.theme ? ` data-theme="${options.theme}"` : '',
    options.report ? ' data-view="report"' : '',
  ].join('');
  const themed = index.replace(/<html([^>]*)>/, (_, own: string) => `<html${own}${attributes}>`);
  // Functions, not strings, as replacements: `$&` in the data must stay text.
  const page = themed
    .replace(entry, '')
    .replace('</head>', () => `${style}</head>`)
    .replace(ROOT_ELEMENT, () => `<div id="root">${html}</div>${boot}${entry}`);
  return { html: page, styleHash: css ? createHash('sha256').update(css).digest('base64') : null };
}
