// Cells of several inputs and queries keyed alike (a file's path, a directory) found by the key's number
// in one shared table, each input's or query's in an array, instead of a hash map each: a map of the
// large org's 33,000 paths holds 1.8 MB of table, an array of them 0.3 MB.

/** Numbers for the keys of one kind, given in the order they are first met (never taken back). */
export class Keyspace {
  private readonly ids = new Map<string, number>();
  /**
   * Each number's key as first met: a cell holds this one, not a copy (a slice of a unit's name, say, which keeps the
   * name alive).
   */
  private readonly keys: string[] = [];

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  /** The string this keyspace holds for `key` (equal to it). */
  canonical(key: string): string {
    return this.keys[this.idOf(key)] as string;
  }

  find(key: string): number | undefined {
    return this.ids.get(key);
  }
}

/** An input's or query's cells by key. */
export interface CellTable<C> {
  get(key: string): C | undefined;
  set(key: string, cell: C): void;
}

/** A table of cells: a map of its own, or an array by the numbers of `space`. */
export function cellTable<C>(space: Keyspace | undefined): CellTable<C> {
  if (space === undefined) return new Map<string, C>();
  const byId: (C | undefined)[] = [];
  return {
    get: (key) => {
      const id = space.find(key);
      return id === undefined ? undefined : byId[id];
    },
    set: (key, cell) => {
      const id = space.idOf(key);
      // Filled up to the id first: an array written past its end can turn into a dictionary.
      while (byId.length < id) byId.push(undefined);
      byId[id] = cell;
    },
  };
}
