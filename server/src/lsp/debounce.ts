// Decides when edits are analysed. A lone edit is analysed at once when the last analysis was cheap
// (the user should not wait for a timer when the work takes a few milliseconds), and after a wait as
// long as the last analysis (at most `delayMs`) when it was not; edits that come in a burst are
// coalesced into one analysis `delayMs` after the last. "At once" still defers to the next turn of the
// event loop, so one batch of notifications is one update.
import { performance } from 'node:perf_hooks';

/** An analysis that took at most this long (ms) is cheap enough to run on every lone edit. */
export const CHEAP_ANALYSIS_MS = 50;
/** Edits closer together than this (ms) are a burst (a paste, a multi-file refactoring, a fast script). */
export const BURST_GAP_MS = 50;

export class Debouncer {
  private timer: NodeJS.Timeout | undefined;
  private lastTrigger = Number.NEGATIVE_INFINITY;

  constructor(private readonly delayMs: number) {}

  /** Runs `action` at once or after the delay; `lastCostMs` is how long the previous analysis took. */
  trigger(action: () => void, lastCostMs: number): void {
    const now = performance.now();
    const burst = this.timer !== undefined || now - this.lastTrigger < BURST_GAP_MS;
    this.lastTrigger = now;
    this.cancel();
    const wait = burst
      ? this.delayMs
      : lastCostMs > CHEAP_ANALYSIS_MS
        ? Math.min(this.delayMs, Math.round(lastCostMs))
        : 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      action();
    }, wait);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
