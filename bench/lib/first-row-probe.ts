/**
 * Injected into every page before its own scripts (`addInitScript`): records, on the page's
 * own clock (ms since navigation start), when the first table row carrying data appears.
 * A row counts once one of its cells has text, so loading skeletons do not count.
 */
export const FIRST_ROW_PROBE = `(() => {
  const found = () => {
    for (const cell of document.querySelectorAll('[role="row"] > [role="cell"]')) {
      if ((cell.textContent || '').trim()) return cell.closest('[role="row"]');
    }
    return null;
  };
  const record = () => {
    if (window.__firstRowAt !== undefined) return true;
    const row = found();
    if (!row) return false;
    window.__firstRowAt = performance.now();
    window.__firstRowText = (row.textContent || '').slice(0, 120);
    return true;
  };
  const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** A minimal same-origin page that fetches the same `/api` JSON and prints one row. */
export function baselineHtml(apiPath: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<link rel="icon" href="data:,"></head><body><div role="table" aria-label="baseline" id="t"></div>
<script type="module">
const reply = await fetch(${JSON.stringify(apiPath)}, { headers: { accept: 'application/json' } });
const body = await reply.json();
const first = body.sessions && body.sessions[0];
const row = document.createElement('div');
row.setAttribute('role', 'row');
const cell = document.createElement('div');
cell.setAttribute('role', 'cell');
cell.textContent = first ? first.sessionUuid + ' ' + first.status : 'no sessions';
row.append(cell);
document.getElementById('t').append(row);
</script></body></html>`;
}
