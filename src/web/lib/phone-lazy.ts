import { useEffect, useState } from 'react';

/**
 * libphonenumber-js is a third of the initial bundle, so it loads right after first paint:
 * until then numbers show as plain E.164 and the recipient box waits before querying.
 */
export type PhoneModule = typeof import('./phone.ts');

let loaded: PhoneModule | null = null;
let loading: Promise<PhoneModule> | null = null;

export function loadPhone(): Promise<PhoneModule> {
  loading ??= import('./phone.ts').then((module) => (loaded = module));
  return loading;
}

export function usePhone(): PhoneModule | null {
  const [phone, setPhone] = useState(loaded);
  useEffect(() => {
    if (phone) return undefined;
    let live = true;
    void loadPhone().then((module) => live && setPhone(module));
    return () => {
      live = false;
    };
  }, [phone]);
  return phone;
}
