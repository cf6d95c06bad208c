type ReportModeToggleProps = {
  /** `view=report` in the URL. */
  on: boolean;
  onChange: (on: boolean) => void;
};

/**
 * Enters or leaves report mode. It stays visible in report mode (the only control that
 * does, marked `data-report-keep`) so the user can get back; print hides it.
 */
export function ReportModeToggle({ on, onChange }: ReportModeToggleProps) {
  return (
    <button
      type="button"
      className="report-mode-toggle"
      aria-pressed={on}
      data-report-keep=""
      onClick={() => onChange(!on)}
    >
      {on ? 'Leave report mode' : 'Report mode'}
    </button>
  );
}
