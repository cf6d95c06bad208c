import { z } from './zod.ts';
import { indexFilterRules, isIndexFilterParam } from './index-filters.ts';
import { listFilterRules } from './list-filters.ts';
import type { AnyFilterParam } from './explorer-vocabulary.ts';

/**
 * The shared rule of one filter, giving its normalised text: the URL, the filter boxes and
 * the request all hold text, and equal filters must make one cache key. Index list filters
 * come back joined by commas, numbers as digits.
 */
export function filterRule(param: AnyFilterParam): z.ZodType<string, string> {
  if (!isIndexFilterParam(param)) return listFilterRules[param] as z.ZodType<string, string>;
  return (indexFilterRules[param] as z.ZodType<unknown, string>).transform((v) =>
    Array.isArray(v) ? v.join(',') : String(v),
  );
}
