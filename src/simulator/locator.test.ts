import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeLocator, encodeLocator } from './locator.ts';
import { createRng, formatUuid } from './prng.ts';

describe('session uuid locator', () => {
  it('decodes the hour and index it encoded, for any seed, as a valid v4 uuid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 0xffff }),
        (seed, hour, index) => {
          const uuid = formatUuid(...encodeLocator(seed, hour, index, createRng(seed ^ hour)));
          expect(uuid).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
          );
          expect(decodeLocator(seed, uuid)).toEqual({ hour, index });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects text that is not a v4 uuid', () => {
    expect(decodeLocator(1, 'not-a-uuid')).toBeNull();
    expect(decodeLocator(1, '3cdec449-a367-135e-b4f9-40d777a7cfcc')).toBeNull();
  });
});
