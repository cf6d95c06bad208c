import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLinkId, newLinkId } from './link-id.ts';
import { checkLinkTarget, withMask } from './link-target.ts';
import { ShortLinks } from './short-links.ts';
import { LINKS_FILE, openSqliteLinkStore, type SqliteLinkStore } from './sqlite-link-store.ts';

let dir: string;
const opened: SqliteLinkStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'links-store-'));
});
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(path = join(dir, 'data')) {
  const result = openSqliteLinkStore(path);
  if (!result.ok) throw new Error(result.reason);
  opened.push(result.store);
  return result;
}

const DAY = 86_400_000;

describe('link ids', () => {
  it('are 22 URL-safe characters (128 random bits), different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newLinkId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(isLinkId(id)).toBe(true);
    expect(isLinkId('AAAAAAAAAAAAAAAAAAAAA')).toBe(false);
    expect(isLinkId('AAAAAAAAAAAAAAAAAAAAA/')).toBe(false);
  });
});

describe('checkLinkTarget and withMask', () => {
  it('takes the explorer and session pages with their queries', () => {
    for (const url of ['/', '/?status=expired', '/sessions/3CDEC449-a367-435e-b4f9-40d777a7cfcc']) {
      expect(checkLinkTarget(url)).toEqual({ ok: true, url });
    }
    expect(checkLinkTarget('/index.html').ok).toBe(false);
    expect(checkLinkTarget(null).ok).toBe(false);
    expect(checkLinkTarget('/\tx').ok).toBe(false);
  });

  it('adds mask=1 once, keeping the rest', () => {
    expect(withMask('/')).toBe('/?mask=1');
    expect(withMask('/?a=1&mask=0')).toBe('/?a=1&mask=1');
    expect(withMask('/?a=%2B1&mask=1')).toBe('/?a=%2B1&mask=1');
  });
});

describe('ShortLinks over the embedded store', () => {
  it('finds what it saved; an unknown or malformed id is said to be so', async () => {
    const links = new ShortLinks(open().store, null);
    const id = await links.create('/?a=1');
    expect(await links.resolve(id)).toEqual({ kind: 'found', url: '/?a=1' });
    expect(await links.resolve(newLinkId())).toEqual({ kind: 'unknown' });
    expect(await links.resolve('nope')).toEqual({ kind: 'malformed' });
  });

  it('never expires links unless SHORT_LINK_TTL_DAYS is set', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = open().store;
    const forever = new ShortLinks(store, null, () => now);
    const id = await forever.create('/');
    now += 3650 * DAY;
    expect(await forever.resolve(id)).toEqual({ kind: 'found', url: '/' });
    expect(await forever.sweep()).toBe(0);
  });

  it('with a TTL: expired from the moment it is, deleted by the sweep', async () => {
    let now = Date.UTC(2026, 0, 1);
    const links = new ShortLinks(open().store, 7, () => now);
    const old = await links.create('/?old=1');
    now += 2 * DAY;
    const recent = await links.create('/?recent=1');
    now += 6 * DAY;
    expect(await links.resolve(old)).toEqual({ kind: 'expired' });
    expect(await links.resolve(recent)).toEqual({ kind: 'found', url: '/?recent=1' });
    expect(await links.sweep()).toBe(1);
    expect(await links.resolve(old)).toEqual({ kind: 'unknown' });
    expect(await links.resolve(recent)).toEqual({ kind: 'found', url: '/?recent=1' });
  });

  it('will not redirect to a stored row that is not a view of the app', async () => {
    const { store } = open();
    const links = new ShortLinks(store, null);
    const id = newLinkId();
    await store.save({ id, url: '//evil.example/', createdAt: Date.now() });
    expect(await links.resolve(id)).toEqual({ kind: 'unknown' });
  });

  it('retries an id that is already taken', async () => {
    const { store } = open();
    const saved: string[] = [];
    let clashes = 1;
    const clashing = {
      engine: 'test',
      save: async (link: { id: string }) => {
        if (clashes-- > 0)
          throw Object.assign(new Error('dup'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
        saved.push(link.id);
      },
      find: store.find.bind(store),
      deleteCreatedBefore: store.deleteCreatedBefore.bind(store),
      close: async () => {},
    };
    expect(await new ShortLinks(clashing, null).create('/')).toBe(saved[0]);
  });

  it('refuses a second server on the same DATA_DIR, and moves a damaged file aside', async () => {
    const data = join(dir, 'data');
    open(data);
    expect(openSqliteLinkStore(data)).toMatchObject({
      ok: false,
      reason: 'another dashboard server is using this DATA_DIR',
    });
    for (const store of opened.splice(0)) await store.close();
    writeFileSync(join(data, LINKS_FILE), 'this is not a database, just garbage '.repeat(200));
    const result = open(data);
    expect(result.notes.join(' ')).toMatch(
      /damaged.*moved it to .*earlier short links are unknown/,
    );
    expect(readdirSync(data).some((f) => f.startsWith(`${LINKS_FILE}.corrupt-`))).toBe(true);
  });
});
