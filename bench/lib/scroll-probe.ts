/**
 * In-page scripts (strings: the bench project is type-checked without the DOM library).
 * The table's scroll container is the nearest scrollable ancestor of `[role="table"]`, or the
 * document itself.
 */
const FIND_SCROLLER = `
  const table = document.querySelector('[role="table"]');
  let scroller = table;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 &&
      /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  if (!scroller) scroller = document.scrollingElement;
`;

/** Counts rows in the DOM (header row included: a conservative count). */
export const COUNT_ROWS = `document.querySelectorAll('[role="row"]').length`;

/** aria-rowcount of the table: loaded rows + 1 header row, per the explorer's markup. */
export const LOADED_ROWS = `Number(document.querySelector('[role="table"]')?.getAttribute('aria-rowcount') ?? 0) - 1`;

/** Scrolls to the end of the table (to make the app load its next page). */
export const SCROLL_TO_END = `(() => { ${FIND_SCROLLER} scroller.scrollTop = scroller.scrollHeight; return scroller.scrollTop; })()`;

export type ScrollRun = { frames: number[]; maxRows: number; distance: number; ms: number };

/**
 * Scrolls the table from the top, `stepPx` per animation frame (null: one viewport per frame,
 * a hard fling-like scroll in which every frame renders a whole new screen of rows), until the
 * end or `maxFrames`. Frame time is the gap between consecutive animation frames; the row
 * count is sampled every frame.
 */
export function scrollScript(stepPx: number | null, maxFrames = 1_000_000): string {
  return `new Promise((resolve) => {
  ${FIND_SCROLLER}
  scroller.scrollTop = 0;
  const frames = [];
  let maxRows = 0;
  let last = 0;
  const started = performance.now();
  const step = ${stepPx ?? 'Math.max(100, scroller.clientHeight)'};
  const tick = (now) => {
    if (last) frames.push(now - last);
    last = now;
    maxRows = Math.max(maxRows, document.querySelectorAll('[role="row"]').length);
    const end = scroller.scrollHeight - scroller.clientHeight;
    if (scroller.scrollTop >= end - 1 || frames.length >= ${maxFrames}) {
      resolve({ frames, maxRows, distance: scroller.scrollTop, ms: performance.now() - started });
      return;
    }
    scroller.scrollTop = Math.min(end, scroller.scrollTop + step);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;
}
