import { useState } from 'react';

type MaskToggleProps = {
  /** `mask=1` in the URL. */
  masked: boolean;
  onChange: (masked: boolean) => void;
  /**
   * False for a masked-only viewer (and until the server has said who is asking): the way to
   * full numbers is not offered at all. The server masks their data whatever the URL says.
   */
  canUnmask?: boolean;
};

/**
 * Masking is one click; unmasking is an explicit act: it asks first, because a screenshot
 * taken a moment later would carry full phone numbers and IPs.
 */
export function MaskToggle({ masked, onChange, canUnmask = true }: MaskToggleProps) {
  const [confirming, setConfirming] = useState(false);
  if (masked && !canUnmask) {
    return (
      <span className="mask-toggle" role="note">
        Phone numbers masked
      </span>
    );
  }
  if (!masked) {
    return (
      <button type="button" className="mask-toggle" onClick={() => onChange(true)}>
        Mask phone numbers
      </button>
    );
  }
  // The question opens under the button, over the page, so the toolbar keeps its line.
  return (
    <span className="mask-toggle-anchor">
      <button
        type="button"
        className="mask-toggle"
        aria-pressed
        aria-expanded={confirming}
        onClick={() => setConfirming(!confirming)}
      >
        Masked — show full numbers…
      </button>
      {confirming ? (
        <div
          role="group"
          aria-label="Show full phone numbers?"
          className="mask-toggle__confirm toolbar-popover"
        >
          <span>Show full phone numbers and IP addresses?</span>
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              onChange(false);
            }}
          >
            Show full numbers
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Keep masked
          </button>
        </div>
      ) : null}
    </span>
  );
}
