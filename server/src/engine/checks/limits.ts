// Bounds on what one diagnostic carries, so a step defined in thousands of places yields messages and
// related-location lists of a readable, bounded size (linear output, not quadratic).
import type { RelatedInfo } from '../types';

export const MAX_LISTED = 10;
export const MAX_RELATED = 20;

/**
 * `'a', 'b', 'c'` — or the first MAX_LISTED and "and N more". `total`: how many there were, when the
 * caller gathered only the first ones.
 */
export function listed(names: readonly string[], quote = "'", total = names.length): string {
  const shown = names
    .slice(0, MAX_LISTED)
    .map((n) => `${quote}${n}${quote}`)
    .join(', ');
  return total > MAX_LISTED ? `${shown} and ${total - Math.min(names.length, MAX_LISTED)} more` : shown;
}

/**
 * The first MAX_RELATED places; the last one kept says how many more there are. `total`: how many
 * there were, when the caller built only the first ones.
 */
export function capRelated(related: readonly RelatedInfo[], total = related.length, max = MAX_RELATED): RelatedInfo[] {
  if (total <= max && related.length <= max) return related as RelatedInfo[];
  const kept = related.slice(0, max);
  const last = kept[kept.length - 1];
  if (last && !last.message.endsWith('more)'))
    kept[kept.length - 1] = { ...last, message: `${last.message} (and ${total - kept.length} more)` };
  return kept;
}
