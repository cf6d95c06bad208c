import { z } from './zod.ts';
import { indexFilterRules, isIndexFilterParam } from './index-filters.ts';
import { listFilterRules } from './list-filters.ts';
import type { AnyFilterParam } from './explorer-vocabulary.ts';

/**
 * The shared rule of one filter, giving its normalised text: the URL, the filter boxes and
 * the request all hold text, and equal filters must make one cache key. Index list filters
 * come back joined by commas, numbers as digits.
 */
export function filterRule(param: AnyFilterParam): z.ZodMiniType<string, string> {
  if (!isIndexFilterParam(param)) return listFilterRules[param];
  return z.pipe(
    indexFilterRules[param] as z.ZodMiniType<unknown, string>,
    z.transform((v) => (Array.isArray(v) ? v.join(',') : String(v))),
  );
}
