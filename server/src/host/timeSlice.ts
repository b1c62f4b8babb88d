// The one way a host cuts the engine's work into slices of time, so the event loop turns between them (the language
// server takes edits and answers requests; an abandoned load sees its abort): a slice begun now lasts `ms`, which the
// engine's loops ask after each unit (`updateSome`'s stop, a parse run ahead); the next slice waits for a turn.
import { performance } from 'node:perf_hooks';

export class TimeSlice {
  private readonly start = performance.now();

  constructor(private readonly ms: number) {}

  /** The slice's time is spent: the stop the engine's loops ask after each unit. */
  readonly over = (): boolean => this.elapsed() > this.ms;

  /** How long the slice has run (ms, with fractions). */
  elapsed(): number {
    return performance.now() - this.start;
  }

  /** Lets the event loop turn once (what arrived meanwhile first) before the next slice. */
  static next(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
}
