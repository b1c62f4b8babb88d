// One workspace folder's work in the order it arrived (vscode-eslint's model), so that no piece of the
// server needs to know what else is in flight: changes (edits, watched-file events, settings) are
// applied one at a time, an asynchronous one (a load, a directory listed) before anything after it; a
// request runs once every change queued before it is applied and analysed, and sees none queued after
// it; a change of a document followed by a newer one of the same document, with no request between
// them, is stale and dropped unapplied; a cancelled request is dropped, also between the analysis steps
// it waits for. The analysis runs in steps between changes: when a request needs it, after a change
// (at once or after the debounce, see Debouncer), or at once after a load.
import { Debouncer } from './debounce';

/** What the queue runs between changes: the folder's analysis. */
export interface Analyser {
  /** Changes applied that no analysis has seen yet (or the rest of an analysis run in steps). */
  readonly dirty: boolean;
  /** One step of the analysis of every change applied so far, publishing what it found. */
  step(): Promise<void>;
  /** How long the last analysis after edits took (ms): it decides how long the next edit waits. */
  readonly costMs: number;
}

export interface ChangeOptions {
  /**
   * The document the change sets (its root-relative path): a newer change of it, before any request, makes this one
   * stale.
   */
  document?: string;
  /** When the analysis of the change is due: after the debounce (edits, disk events), or at once (a load). */
  analyse?: 'debounced' | 'now';
}

/** What a request resolves to when it was cancelled before it ran. */
export const CANCELLED: unique symbol = Symbol('cancelled');

interface Token {
  readonly isCancellationRequested: boolean;
}

interface Change {
  readonly kind: 'change';
  /** Undefined once stale: the closure, and the document text it holds, are let go at once. */
  apply: (() => void | Promise<void>) | undefined;
  readonly options: ChangeOptions;
}

interface Request {
  readonly kind: 'request';
  readonly token: Token | undefined;
  /** Computes the answer and settles the caller's promise with it. */
  readonly run: () => void;
  readonly cancel: () => void;
  readonly fail: (e: unknown) => void;
}

export class FolderQueue {
  /**
   * The work queued, from `next` on (taken by index: `shift()` is linear, and a branch switch queues thousands of
   * events).
   */
  private items: (Change | Request | undefined)[] = [];
  private next = 0;
  /** The last change queued per document since the last request: the one a newer change of the document makes stale. */
  private readonly latest = new Map<string, Change>();
  private readonly debouncer: Debouncer;
  private readonly idlers: (() => void)[] = [];
  private running = false;
  /** The analysis is due (a debounce ran out, a load was applied): it runs while the folder is dirty. */
  private due = false;
  private closed = false;

  constructor(
    private readonly analyser: Analyser,
    debounceMs: number,
    private readonly onError: (e: unknown) => void,
  ) {
    this.debouncer = new Debouncer(debounceMs);
  }

  /** Queues a change; it is applied after everything queued before it. */
  change(apply: () => void | Promise<void>, options: ChangeOptions = {}): void {
    if (this.closed) return;
    const change: Change = { kind: 'change', apply, options };
    if (options.document !== undefined) {
      const previous = this.latest.get(options.document);
      if (previous !== undefined) previous.apply = undefined;
      this.latest.set(options.document, change);
    }
    this.items.push(change);
    void this.run();
  }

  /**
   * Answers once every change queued before this call is applied and analysed (`CANCELLED` when the
   * token was cancelled first). The answer is computed at once when the request's turn comes.
   */
  request<R>(answer: () => R, token?: Token): Promise<R | typeof CANCELLED> {
    return new Promise<R | typeof CANCELLED>((resolve, reject) => {
      this.latest.clear();
      this.items.push({
        kind: 'request',
        token,
        run: () => {
          try {
            resolve(answer());
          } catch (e) {
            reject(e);
          }
        },
        cancel: () => resolve(CANCELLED),
        fail: reject,
      });
      void this.run();
    });
  }

  /**
   * Resolves once the queue has nothing left to do: every change queued so far applied, and the analysis that was due
   * done.
   */
  idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.idlers.push(resolve);
      void this.run();
    });
  }

  /**
   * The folder is gone: changes queued or to come are dropped, nothing more is analysed; requests are still answered.
   */
  close(): void {
    this.closed = true;
    this.debouncer.cancel();
    for (const item of this.items) if (item?.kind === 'change') item.apply = undefined;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const head = this.items[this.next];
        if (head?.kind === 'change') {
          this.take();
          await this.apply(head);
        } else if (head?.token?.isCancellationRequested === true) {
          this.take();
          head.cancel();
        } else if (!this.closed && this.analyser.dirty && (head !== undefined || this.due)) {
          await this.step(head);
          // The event loop turns between steps: a request, an edit or a cancellation that arrived meanwhile is read
          // (a step that published nothing resolves in promise jobs, and a cold start's steps held requests for the
          // whole analysis: bench/README.md). On a timer, not an immediate: the connection handles each
          // message in an immediate of its own, which then runs before the next step, not after it. Not after the
          // last step: an edit read then would join an analysis that is over instead of waiting for the debounce.
          if (this.analyser.dirty) await new Promise<void>((resolve) => setTimeout(resolve, 0));
        } else if (head !== undefined) {
          this.take();
          head.run();
        } else {
          this.due = false;
          break;
        }
      }
    } finally {
      this.running = false;
    }
    for (const resolve of this.idlers.splice(0)) resolve();
  }

  /** Drops the head; the array is cut once the taken part is most of it. */
  private take(): void {
    this.items[this.next++] = undefined;
    if (this.next === this.items.length) {
      this.items = [];
      this.next = 0;
    } else if (this.next >= 1024 && this.next * 2 >= this.items.length) {
      this.items = this.items.slice(this.next);
      this.next = 0;
    }
  }

  private async apply(change: Change): Promise<void> {
    const { document, analyse } = change.options;
    if (document !== undefined && this.latest.get(document) === change) this.latest.delete(document);
    if (change.apply === undefined || this.closed) return;
    try {
      await change.apply();
    } catch (e) {
      this.onError(e);
    }
    if (!this.analyser.dirty) return;
    if (analyse === 'now') this.due = true;
    else if (!this.due)
      this.debouncer.trigger(() => {
        this.due = true;
        void this.run();
      }, this.analyser.costMs);
  }

  /** One analysis step; a step that fails fails the request waiting for it, and ends the analysis that was due. */
  private async step(head: Request | undefined): Promise<void> {
    this.debouncer.cancel();
    try {
      await this.analyser.step();
    } catch (e) {
      this.due = false;
      this.onError(e);
      if (head !== undefined && this.items[this.next] === head) {
        this.take();
        head.fail(e);
      }
    }
  }
}
