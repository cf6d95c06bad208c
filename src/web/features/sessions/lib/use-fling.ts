import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState } from 'react';
import { isFling, nextMotion, STILL, type Motion } from './fling.ts';

/**
 * Whether the table is being flung (fling.ts), from the virtualizer's `onChange`, which runs
 * on every scroll event and when scrolling stops. It decides the render after the one it
 * follows; the state changes only when a fling starts or ends, so a scroll frame costs no
 * extra render.
 */
export function useFling(): {
  flung: boolean;
  onChange: (virtualizer: Virtualizer<HTMLDivElement, Element>) => void;
} {
  const motion = useRef<Motion>(STILL);
  const [flung, setFlung] = useState(false);
  // What was last asked of React: setting the same state again can still cost a render.
  const said = useRef(false);
  const onChange = useCallback((virtualizer: Virtualizer<HTMLDivElement, Element>) => {
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    motion.current = nextMotion(motion.current, offset, performance.now(), height);
    const now = virtualizer.isScrolling && isFling(motion.current);
    if (now !== said.current) setFlung((said.current = now));
  }, []);
  return { flung, onChange };
}
