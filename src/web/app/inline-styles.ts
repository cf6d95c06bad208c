import { HOISTED_STYLE_CLASS_PREFIX, PRERENDER_STYLE_ID } from '../../contract/prerender.ts';

/**
 * Puts the pre-render's styles back where React wrote them: the server moved every `style`
 * attribute into a class of one stylesheet (the CSP admits no style attributes); setting
 * them through the CSSOM is allowed. Then the DOM is what React rendered, and its later
 * style and class updates land on an element that has no hidden class overriding them.
 */
export function restoreInlineStyles(doc: Document): void {
  const element = doc.getElementById(PRERENDER_STYLE_ID);
  const sheet = element instanceof HTMLStyleElement ? element.sheet : null;
  if (!sheet) return;
  // Backwards, as the restored rules are deleted. The others (the components' own rules, see
  // page-styles.ts) stay: removing them would let a frame paint without them before the
  // app adopts the same rules as it hydrates.
  for (let index = sheet.cssRules.length - 1; index >= 0; index -= 1) {
    const rule = sheet.cssRules[index];
    if (!(rule instanceof CSSStyleRule)) continue;
    const name = rule.selectorText.slice(1);
    if (!name.startsWith(HOISTED_STYLE_CLASS_PREFIX)) continue;
    for (const styled of Array.from(doc.getElementsByClassName(name))) {
      if (!(styled instanceof HTMLElement || styled instanceof SVGElement)) continue;
      for (const property of Array.from(rule.style)) {
        styled.style.setProperty(property, rule.style.getPropertyValue(property));
      }
      styled.classList.remove(name);
      if (styled.classList.length === 0) styled.removeAttribute('class');
    }
    sheet.deleteRule(index);
  }
  if (sheet.cssRules.length === 0) element?.remove();
}
