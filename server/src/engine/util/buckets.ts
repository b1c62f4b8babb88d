// Splits a large keyed set into a fixed number of buckets by a hash of the key, so that a tracked query
// over the whole set can read one query per bucket: a key that comes, goes or changes recomputes its
// bucket's query only, and the whole is rebuilt from the buckets whose value changed.
import { bucketOf } from '../db/bucketOf';

export { bucketOf };

/** The keys by bucket (keys in their given order within a bucket), as an index's map: bucket number → keys. */
export function byBucket(keys: Iterable<string>, count: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const b = String(bucketOf(k, count));
    const list = out.get(b);
    if (list) list.push(k);
    else out.set(b, [k]);
  }
  return out;
}
