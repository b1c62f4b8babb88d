// An open-addressing table of values keyed by two 32-bit integers, the first never 0 (0 marks a free
// slot): the keys sit in a typed array beside the values, so a lookup that finds its value touches no
// Map and no object but the one it returns. Shared positions and ranges are kept in two of them.
// Kept in two generations, so that a long editing session does not pile up the positions of texts
// long gone: values are added to the young one, a value found only in the old one moves to the young
// one, and once the young one holds `max` values the old one is dropped and the young one becomes old.
// A value nobody looked up for a generation is let go (those holding it keep it; an equal value met
// later is another object): the table holds at most 2 × `max` values.
export class PairTable<V> {
  private young = new Slots<V>();
  private old: Slots<V> | undefined;

  /** `max`: how many values a generation keeps. */
  constructor(private readonly max: number) {}

  /** The value of (a, b), or undefined. */
  get(a: number, b: number): V | undefined {
    const v = this.young.get(a, b);
    if (v !== undefined || this.old === undefined) return v;
    const kept = this.old.get(a, b);
    if (kept !== undefined) this.keep(a, b, kept);
    return kept;
  }

  /** Keeps `value` for (a, b), which `get` just found absent; returns it. */
  add(a: number, b: number, value: V): V {
    this.keep(a, b, value);
    return value;
  }

  private keep(a: number, b: number, value: V): void {
    if (this.young.add(a, b, value) < this.max) return;
    this.old = this.young;
    this.young = new Slots<V>();
  }
}

/** One generation: the open-addressing table itself. */
class Slots<V> {
  /** A power of two, grown to keep the table at most three quarters full (linear probing: ~2 slots read per lookup). */
  private slots = 1 << 12;
  /** The slot of a pair is the top bits of its hash (the well-mixed ones). */
  private shift = 32 - 12;
  private keys = new Int32Array(this.slots * 2);
  private values: (V | undefined)[] = new Array<V | undefined>(this.slots);
  private size = 0;

  get(a: number, b: number): V | undefined {
    const keys = this.keys;
    const mask = this.slots - 1;
    for (let slot = pairHash(a, b) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = keys[2 * slot];
      if (k === 0) return undefined;
      if (k === a && keys[2 * slot + 1] === b) return this.values[slot];
    }
  }

  /** Places (a, b), absent here; returns how many values it now holds. */
  add(a: number, b: number, value: V): number {
    this.place(a, b, value);
    if (++this.size * 4 > this.slots * 3) this.grow();
    return this.size;
  }

  private place(a: number, b: number, value: V | undefined): void {
    const mask = this.slots - 1;
    let slot = pairHash(a, b) >>> this.shift;
    while (this.keys[2 * slot] !== 0) slot = (slot + 1) & mask;
    this.keys[2 * slot] = a;
    this.keys[2 * slot + 1] = b;
    this.values[slot] = value;
  }

  /** Twice the slots, every pair moved to its slot in the larger table. */
  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.slots *= 2;
    this.shift--;
    this.keys = new Int32Array(this.slots * 2);
    this.values = new Array<V | undefined>(this.slots);
    for (let i = 0; i < values.length; i++)
      if (keys[2 * i] !== 0) this.place(keys[2 * i] as number, keys[2 * i + 1] as number, values[i]);
  }
}

/** A hash of a pair of integers (the table uses its top bits). */
export function pairHash(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
}
