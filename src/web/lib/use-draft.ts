import { useEffect, useRef, useState } from 'react';

/**
 * Local text for an input bound to a URL value: follows the URL when it changes (back/forward,
 * a filter cleared elsewhere) and commits typed text after a pause, replacing history.
 */
export function useDraft(urlValue: string, commit: (draft: string) => void, delayMs = 600) {
  const [draft, setDraft] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (seen !== urlValue) {
    setSeen(urlValue);
    setDraft(urlValue);
  }
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });
  useEffect(() => {
    if (draft === seen) return undefined;
    const timer = window.setTimeout(() => commitRef.current(draft), delayMs);
    return () => window.clearTimeout(timer);
  }, [draft, seen, delayMs]);
  return [draft, setDraft] as const;
}
