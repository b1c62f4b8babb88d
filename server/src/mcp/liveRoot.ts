// The root the MCP server answers about, kept in step with the disk without a watcher: before each
// tool call the root is walked again and only files whose size, times or inode moved are read
// (the root's host/feeder.ts, made with stamps), so a change written just before a call is always seen and
// no inotify watch is spent per directory. A changed `.vscode/settings.json` opens the root afresh.
// Calls run one at a time: a walk that yields to the event loop never interleaves with another.
import { join } from 'node:path';
import type { RegistryEngine } from '../engine/engine';
import { fileStamp } from '../host/feedEngine';
import { OFF_UNLESS_ASKED, openRoot, type OpenedRoot } from '../host/openRoot';

export class LiveRoot {
  private opened: Promise<OpenedRoot>;
  private settings: string;
  private queue: Promise<unknown> = Promise.resolve();

  /** `dir`: an absolute directory. Loading starts at once, so the first call finds it (nearly) done. */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
  ) {
    this.settings = this.settingsStamp();
    this.opened = this.reopen();
  }

  /** Runs `work` on an engine up to date with the disk (and the root's settings), after every call before it. */
  run<T>(work: (engine: RegistryEngine, opened: OpenedRoot) => T | Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const opened = await this.sync();
      return work(opened.engine, opened);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every call queued so far is done. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private async sync(): Promise<OpenedRoot> {
    const now = this.settingsStamp();
    if (now !== this.settings) {
      this.settings = now;
      void this.reopen(); // awaited through this.opened below
    }
    let root: OpenedRoot;
    try {
      root = await this.opened;
    } catch (e) {
      void this.reopen(); // the next call awaits it (the root may be back)
      throw e;
    }
    await root.feeder.feedRoot();
    return root;
  }

  /** Opens the root afresh (a new engine and feeder); a failure is reported by the first call that needs it. */
  private reopen(): Promise<OpenedRoot> {
    this.opened = openRoot(this.dir, { off: OFF_UNLESS_ASKED }, this.warn, true);
    this.opened.catch(() => undefined);
    return this.opened;
  }

  private settingsStamp(): string {
    return fileStamp(join(this.dir, '.vscode', 'settings.json'));
  }
}
