// Coalesces bursts of edits into one analysis: the action runs once, `delayMs` after the last
// trigger. A delay of 0 still defers to the next turn of the event loop, so one batch of
// notifications becomes one update.
export class Debouncer {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly delayMs: number) {}

  trigger(action: () => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      action();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
