// A read-only Map whose reads are tracked one key at a time: `get`/`has` read the query of that key
// only, iteration reads the list of keys. A reader that looks up a few names therefore depends on
// those names alone, not on the whole map.
export class KeyedView<V> implements ReadonlyMap<string, V> {
  constructor(
    private readonly keysOf: () => readonly string[],
    private readonly valueOf: (key: string) => V | undefined,
  ) {}

  get size(): number {
    return this.keysOf().length;
  }
  get(key: string): V | undefined {
    return this.valueOf(key);
  }
  has(key: string): boolean {
    return this.valueOf(key) !== undefined;
  }
  *keys(): MapIterator<string> {
    yield* this.keysOf();
  }
  *values(): MapIterator<V> {
    for (const k of this.keysOf()) yield this.valueOf(k) as V;
  }
  *entries(): MapIterator<[string, V]> {
    for (const k of this.keysOf()) yield [k, this.valueOf(k) as V];
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  forEach(cb: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
}
