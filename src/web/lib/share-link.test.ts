import { describe, expect, it } from 'vitest';
import { parseExplorerSearch } from '../../contract/explorer-view.ts';
import { buildShareLink, resolveWindow } from './share-link.ts';

const NOW = Date.parse('2026-11-20T11:00:00.400Z');
const LATER = NOW + 7 * 24 * 3600_000;
const BASE = 'https://dash.example/';

const paramsOf = (link: string) => new URL(link).searchParams;
const link = (search: string, extra: { relative?: boolean; localTimeZone?: string } = {}) =>
  buildShareLink({ href: `${BASE}?${search}`, now: NOW, ...extra });

describe('buildShareLink (absolute by default)', () => {
  it.each([
    ['range=1h', '2026-11-20T10:00:01Z', '2026-11-20T11:00:01Z'],
    ['range=24h', '2026-11-19T11:00:01Z', '2026-11-20T11:00:01Z'],
    ['', '2026-11-19T11:00:01Z', '2026-11-20T11:00:01Z'],
    ['range=bogus', '2026-11-19T11:00:01Z', '2026-11-20T11:00:01Z'],
    ['from=2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T11:00:01Z'],
    [
      'from=2026-11-20T10:00:00Z&to=2026-11-20T10:30:00Z',
      '2026-11-20T10:00:00Z',
      '2026-11-20T10:30:00Z',
    ],
  ])('%s → from %s to %s', (search, from, to) => {
    const params = paramsOf(link(search));
    expect(params.get('from')).toBe(from);
    expect(params.get('to')).toBe(to);
    expect(params.has('range')).toBe(false);
  });

  it('turns a pasted Plivo time query into from/to, as the explorer reads it', () => {
    const params = paramsOf(
      link(
        'session_time__gte=2026-11-20 10:00:00&session_time__lt=2026-11-20 11:00:00&status=expired',
      ),
    );
    expect(Object.fromEntries(params)).toEqual({
      status: 'expired',
      from: '2026-11-20T10:00:00Z',
      to: '2026-11-20T11:00:00Z',
    });
  });

  it('keeps the whole view: filters, mask, view, tz, cols, sort, open, old f_* filters', () => {
    const search =
      'status=expired&recipient=%2B918681951370&country=IN&app_uuid=3cdec449-a367-435e-b4f9-40d777a7cfcc' +
      '&mask=1&view=report&tz=Asia%2FKolkata&cols=created,recipient,status&sort=created:desc' +
      '&open=5c533d15-1975-4f20-80be-40174142ea37&f_channel=sms&f_verdict=never-verified&range=1h' +
      '&charts=0&baseline=week&utm_source=ticket';
    const params = paramsOf(link(search));
    const before = parseExplorerSearch(new URLSearchParams(search)).state;
    const after = parseExplorerSearch(params);
    expect(after.notices).toEqual([]);
    expect({ ...after.state, time: null }).toEqual({ ...before, time: null });
    expect(after.state.filters).toMatchObject({ channel: 'sms' });
    expect(params.get('utm_source')).toBe('ticket');
  });

  it('writes times, lists and zones readably, in the canonical order', () => {
    expect(link('tz=Asia%2FKolkata&network=AirTel%2CJio&range=1h')).toBe(
      `${BASE}?network=AirTel,Jio&from=2026-11-20T10:00:01Z&to=2026-11-20T11:00:01Z&tz=Asia/Kolkata`,
    );
  });

  it('drops what belongs to the viewer: live refresh and theme', () => {
    const params = paramsOf(link('status=expired&live=1&theme=dark'));
    expect(params.has('live')).toBe(false);
    expect(params.has('theme')).toBe(false);
    expect(params.get('status')).toBe('expired');
  });

  it("turns tz=local into the sharer's zone, and leaves utc and names alone", () => {
    expect(paramsOf(link('tz=local', { localTimeZone: 'Asia/Kolkata' })).get('tz')).toBe(
      'Asia/Kolkata',
    );
    // utc is the default zone: the canonical link leaves it out.
    expect(paramsOf(link('tz=utc', { localTimeZone: 'Asia/Kolkata' })).get('tz')).toBeNull();
    expect(paramsOf(link('tz=Europe/Paris', { localTimeZone: 'Asia/Kolkata' })).get('tz')).toBe(
      'Europe/Paris',
    );
  });

  it('keeps the path and drops the hash', () => {
    const url = buildShareLink({
      href: `${BASE}sessions/5c533d15-1975-4f20-80be-40174142ea37?mask=1#raw`,
      now: NOW,
    });
    expect(url).toBe(
      `${BASE}sessions/5c533d15-1975-4f20-80be-40174142ea37?from=2026-11-19T11:00:01Z&to=2026-11-20T11:00:01Z&mask=1`,
    );
  });
});

describe('buildShareLink (relative on request)', () => {
  it('keeps range as it is', () => {
    const params = paramsOf(link('range=1h&status=verified', { relative: true }));
    expect(params.get('range')).toBe('1h');
    expect(params.has('from')).toBe(false);
  });

  it('keeps an absolute window absolute', () => {
    const params = paramsOf(
      link('from=2026-11-20T10:00:00Z&to=2026-11-20T10:30:00Z', { relative: true }),
    );
    expect(params.get('from')).toBe('2026-11-20T10:00:00Z');
    expect(params.get('to')).toBe('2026-11-20T10:30:00Z');
  });
});

describe('round trip', () => {
  it.each(['range=15m', 'range=7d&status=expired', '', 'from=2026-11-20T10:00:00.250Z'])(
    'an absolute link of %s shows the same window a week later',
    (search) => {
      const before = resolveWindow(new URLSearchParams(search), NOW);
      const shared = paramsOf(link(search));
      const after = resolveWindow(shared, LATER);
      expect(after).toEqual({ from: before.from, to: before.to, relative: false });
      // And sharing the shared link again changes nothing.
      expect(buildShareLink({ href: link(search), now: LATER })).toBe(link(search));
    },
  );

  it('a relative link moves with the clock', () => {
    const shared = paramsOf(link('range=1h', { relative: true }));
    const after = resolveWindow(shared, LATER);
    expect(after.to - after.from).toBe(3600_000);
    expect(after.to).toBe(LATER + 600);
    expect(after.relative).toBe(true);
  });
});
