import { createRng, hashString, mix, type Rng } from './prng.ts';

/** Charged for a successful validation only; "0.0000" until then, as Plivo prints it. */
export const VALIDATION_CHARGE = '0.0040';
export const NO_VALIDATION_CHARGE = '0.0000';

/** The simulated customer: a parent account, its two subaccounts and their Verify apps. */
export type Account = { authId: string; authToken: string };

export type App = {
  uuid: string;
  alias: string;
  /** 0 = the parent account, 1 and 2 = its subaccounts. */
  account: number;
  brandName: string | null;
  /** Android SMS Retriever hash, sent with SMS attempts when set. */
  appHash: string | null;
  codeLength: number;
  /** Code validity in seconds. */
  validity: number;
  voiceFallback: boolean;
  dtmf: boolean;
  fraudCheck: string | null;
  requestorIps: readonly string[];
  weight: number;
};

const APP_TEMPLATES = [
  {
    alias: 'shopkart-login',
    account: 0,
    brand: 'ShopKart',
    hash: true,
    code: 6,
    validity: 600,
    voice: true,
    weight: 30,
  },
  {
    alias: 'shopkart-checkout',
    account: 0,
    brand: 'ShopKart',
    hash: false,
    code: 6,
    validity: 300,
    voice: false,
    weight: 12,
  },
  {
    alias: 'payswift-2fa',
    account: 0,
    brand: 'PaySwift',
    hash: true,
    code: 8,
    validity: 300,
    voice: true,
    weight: 18,
  },
  {
    alias: 'ridego-signup',
    account: 1,
    brand: 'RideGo',
    hash: true,
    code: 4,
    validity: 600,
    voice: true,
    weight: 20,
  },
  {
    alias: '',
    account: 1,
    brand: null,
    hash: false,
    code: 6,
    validity: 600,
    voice: false,
    weight: 6,
  },
  {
    alias: 'medibook-otp',
    account: 2,
    brand: 'MediBook',
    hash: false,
    code: 6,
    validity: 900,
    voice: true,
    weight: 14,
  },
] as const;

export type World = {
  parent: Account;
  subaccounts: readonly [Account, Account];
  apps: readonly App[];
  appWeights: readonly number[];
};

/** Builds the apps and accounts for a seed; app uuids and IPs change with the seed. */
export function createWorld(
  seed: number,
  parent: Account,
  subaccounts?: readonly Account[],
): World {
  const rng = createRng(mix(seed, hashString('world')));
  const apps = APP_TEMPLATES.map((t, i): App => ({
    uuid: rng.uuid(),
    alias: t.alias,
    account: t.account,
    brandName: t.brand,
    appHash: t.hash ? appHash(rng) : null,
    codeLength: t.code,
    validity: t.validity,
    voiceFallback: t.voice,
    dtmf: i % 2 === 0,
    fraudCheck: i % 3 === 0 ? 'disabled' : i % 3 === 1 ? 'enabled' : null,
    requestorIps: [1, 2, 3].map(
      () => `${rng.int(13, 203)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    ),
    weight: t.weight,
  }));
  const subs = subaccounts ?? DEFAULT_SUBACCOUNTS;
  const [first = DEFAULT_SUBACCOUNTS[0], second = DEFAULT_SUBACCOUNTS[1]] = subs;
  return { parent, subaccounts: [first, second], apps, appWeights: apps.map((a) => a.weight) };
}

const HASH_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function appHash(rng: Rng): string {
  let out = '';
  for (let i = 0; i < 11; i++) out += HASH_ALPHABET.charAt(rng.int(0, HASH_ALPHABET.length - 1));
  return out;
}

/** Fake credentials: the simulator guards nothing real, so fixed defaults are fine. */
export const DEFAULT_PARENT: Account = {
  authId: 'MASIMULATOR000000001',
  authToken: 'SimulatorAuthTokenNotSecret0000000000001',
};
const DEFAULT_SUBACCOUNTS: readonly [Account, Account] = [
  { authId: 'SASIMULATORSUB000001', authToken: 'SimulatorSubaccountTokenNotSecret0000001' },
  { authId: 'SASIMULATORSUB000002', authToken: 'SimulatorSubaccountTokenNotSecret0000002' },
];
