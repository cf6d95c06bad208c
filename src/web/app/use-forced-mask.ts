import { useEffect } from 'react';
import type { ExplorerUrl } from '../lib/use-explorer-url.ts';

/**
 * A masked-only viewer's pages always say `mask=1`: the server masks their data anyway, and
 * with the flag every part of the page (title, filter box, links, exports) treats it as
 * masked. Replaced in history, so "back" does not lead to an unmasked address.
 */
export function useForcedMask(
  maskedOnly: boolean,
  masked: boolean,
  update: ExplorerUrl['update'],
): void {
  useEffect(() => {
    if (maskedOnly && !masked) update((s) => ({ ...s, masked: true }), 'replace');
  }, [maskedOnly, masked, update]);
}
