// An open-addressing table of values keyed by two 32-bit integers, the first never 0 (0 marks a free
// slot): the keys sit in a typed array beside the values, so a lookup that finds its value touches no
// Map and no object but the one it returns. Shared positions and ranges are kept in two of them.
export class PairTable<V> {
  /** A power of two, grown to keep the table at most three quarters full (linear probing: ~2 slots read per lookup). */
  private slots = 1 << 12;
  /** The slot of a pair is the top bits of its hash (the well-mixed ones). */
  private shift = 32 - 12;
  private keys = new Int32Array(this.slots * 2);
  private values: (V | undefined)[] = new Array<V | undefined>(this.slots);
  private size = 0;

  /** `max`: how many values it keeps at most (past it, `add` keeps nothing). */
  constructor(private readonly max: number) {}

  /** The value of (a, b), or undefined. */
  get(a: number, b: number): V | undefined {
    const keys = this.keys;
    const mask = this.slots - 1;
    for (let slot = pairHash(a, b) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = keys[2 * slot];
      if (k === 0) return undefined;
      if (k === a && keys[2 * slot + 1] === b) return this.values[slot];
    }
  }

  /** Keeps `value` for (a, b), which `get` just found absent; returns it. */
  add(a: number, b: number, value: V): V {
    if (this.size >= this.max) return value;
    this.place(a, b, value);
    if (++this.size * 4 > this.slots * 3) this.grow();
    return value;
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
    for (let i = 0; i < values.length; i++) if (keys[2 * i] !== 0) this.place(keys[2 * i] as number, keys[2 * i + 1] as number, values[i]);
  }
}

/** A hash of a pair of integers (the table uses its top bits). */
export function pairHash(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
}
