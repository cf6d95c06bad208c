import { describe, expect, it } from 'vitest';
import { parsePlivoList } from './parse-plivo.ts';
import phpList from '../../e2e/fixtures/plivo-sdk/plivo-php__verifySessionListResponse.json';
import pythonList from '../../e2e/fixtures/plivo-sdk/plivo-python__sessionListResponse.json';
import { verdictOf } from './verdict.ts';

describe('verdicts of real Plivo payloads', () => {
  const verdicts = (json: unknown) => {
    const parsed = parsePlivoList(json);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value.sessions.map((s) => [s.sessionUuid.slice(0, 8), verdictOf(s).detail]);
  };

  it('reads the PHP SDK list (voice answer, sms fallback, delivered after a failure)', () => {
    expect(verdicts(phpList)).toEqual([
      ['8ba0ec88', 'Verified on 1st attempt'],
      ['04500412', 'Verified on 2nd attempt (SMS fallback)'],
      ['b1c4807e', 'Delivered, never verified'],
      ['91b05ed6', 'Delivered, never verified'],
    ]);
  });

  it('reads the Python SDK list (mostly failed sends)', () => {
    const labels = verdicts(pythonList).map(([, label]) => label);
    expect(labels.filter((l) => l === 'Failed to send')).toHaveLength(7);
    expect(labels.filter((l) => l === 'Failed to send (all attempts)')).toHaveLength(11);
    expect(labels).toHaveLength(20);
    expect(labels).toContain('Delivered, never verified');
    expect(labels).toContain('Verified on 1st attempt');
  });
});
