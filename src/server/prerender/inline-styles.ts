import { HOISTED_STYLE_CLASS_PREFIX } from '../../contract/prerender.ts';

/**
 * The CSP forbids inline `style` attributes (no 'unsafe-inline'), and React's server renderer
 * writes styles as attributes. This moves each distinct style into a class of a stylesheet the
 * page's CSP admits by hash; the browser puts them back before hydrating (see the contract). It relies on React escaping `"`, `<` and `>` inside attribute
 * values, so a start tag never contains a raw `>` and a value never a raw `"`.
 */
const START_TAG = /<[a-zA-Z][a-zA-Z0-9-]*\s[^>]*>/g;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/;
const CLASS_ATTRIBUTE = /\sclass="([^"]*)"/;
const PREFIX = HOISTED_STYLE_CLASS_PREFIX;
/** A declaration that could end the rule or the `<style>` element is dropped, not copied. */
const UNSAFE_IN_CSS = /[<>{}\\@]/;

const ENTITIES: Record<string, string> = {
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
};

function decodeAttribute(value: string): string {
  return value.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** `a:b;c:d` with every declaration `!important`, as inline styles outrank the stylesheet. */
function toDeclarations(style: string): string | null {
  const text = decodeAttribute(style);
  if (UNSAFE_IN_CSS.test(text)) return null;
  const declarations = text
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.includes(':'))
    .map((d) => `${d}!important`);
  return declarations.length ? declarations.join(';') : null;
}

export function hoistInlineStyles(html: string): { html: string; css: string } {
  const classes = new Map<string, string>();
  const out = html.replace(START_TAG, (tag) => {
    const style = STYLE_ATTRIBUTE.exec(tag);
    if (!style) return tag;
    const withoutStyle = tag.replace(STYLE_ATTRIBUTE, '');
    const declarations = toDeclarations(style[1] ?? '');
    if (!declarations) return withoutStyle;
    let name = classes.get(declarations);
    if (!name) {
      name = `${PREFIX}${classes.size}`;
      classes.set(declarations, name);
    }
    const className = name;
    if (CLASS_ATTRIBUTE.test(withoutStyle)) {
      return withoutStyle.replace(
        CLASS_ATTRIBUTE,
        (_, list: string) => ` class="${list} ${className}"`,
      );
    }
    return withoutStyle.replace(
      /\s*(\/?)>$/,
      (_, slash: string) => ` class="${className}"${slash}>`,
    );
  });
  const css = [...classes].map(([declarations, name]) => `.${name}{${declarations}}`).join('');
  return { html: out, css };
}
