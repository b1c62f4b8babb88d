// A key's bucket among a fixed number, by a hash of the key: the query layer tracks absent keys by
// bucket (database.ts), and query groups split large keyed sets by it (util/buckets.ts).

/** A key's bucket among `count` (FNV-1a of its UTF-16 units): the same key always lands in the same bucket. */
export function bucketOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}
