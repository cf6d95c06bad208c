import { useState } from 'react';

/** Copies text to the clipboard and says so; the label names what is copied. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
    window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={label}
      title={label}
      onClick={(event) => {
        event.stopPropagation();
        copy();
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  );
}
