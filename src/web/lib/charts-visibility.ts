/**
 * Whether the explorer shows its charts (`charts=1` / `charts=0` in the URL). Folded away by
 * default, so the first rows of the table are on the first screen of a laptop; a report
 * shows them unless told not to, since a printed review without its charts says too little.
 */
export function chartsShown(params: URLSearchParams, report: boolean): boolean {
  const value = params.get('charts');
  if (value === '1') return true;
  if (value === '0') return false;
  return report;
}

/** The `charts` value that gives `show` in this view: null when it is the view's default. */
export function chartsParam(show: boolean, report: boolean): string | null {
  if (show === report) return null;
  return show ? '1' : '0';
}
