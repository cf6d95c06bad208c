import { useEffect, useState } from 'react';

/**
 * Masking needs libphonenumber's country data, which stays out of the first-paint bundle
 * (see phone-lazy.ts). Until it has loaded, a masked view shows no rows rather than
 * unmasked ones.
 */
export type MaskModule = typeof import('../../contract/mask.ts');

let loaded: MaskModule | null = null;
let loading: Promise<MaskModule> | null = null;

export function loadMask(): Promise<MaskModule> {
  loading ??= import('../../contract/mask.ts').then((module) => (loaded = module));
  return loading;
}

/** The mask module once loaded; starts loading only when `wanted`. */
export function useMask(wanted: boolean): MaskModule | null {
  const [mask, setMask] = useState(loaded);
  useEffect(() => {
    if (mask || !wanted) return undefined;
    let live = true;
    void loadMask().then((module) => live && setMask(module));
    return () => {
      live = false;
    };
  }, [mask, wanted]);
  return mask;
}
