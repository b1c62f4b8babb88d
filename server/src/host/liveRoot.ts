// The root the MCP server and the check daemon (cli/daemonServe.ts) answer about, kept in step with the disk
// without a watcher: before each call the root is fed again by its whole-root host/feeder.ts, made with stamps
// (only files whose size, times or inode moved are read), so a change written just before a call is always seen
// and no inotify watch is spent per directory.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RegistryEngine } from '../engine/engine';
import type { CheckResult, FreshAnalysis, ResultCache } from './checkCache';
import type { FirstPass } from './feeder';
import { fileStamp } from './fileStamp';
import { installedFrameworks } from './installedFrameworks';
import { loadEnds, loadStarts } from './heapGrowth';
import { OFF_UNLESS_ASKED, openRoot, type OpenedRoot } from './openRoot';
import { linkedOutEnvironment, type PythonEnvironment } from './pythonEnv';

/**
 * A changed `.vscode/settings.json` opens the root afresh, and so does a framework installed, upgraded or uninstalled
 * in its Python environment (whose package folder its walk does not list). Calls run one at a time: a walk that yields
 * to the event loop never interleaves with another. With a result cache (`--cache`, host/checkCache.ts) the root loads
 * at the first call, not before: a whole-root `check` that comes before the load is done is answered from the cache
 * when nothing its result read changed (judged at the call; a load's analysis holds the event loop for seconds, so it
 * waits until then), and each load keeps its result there. Each opening of the root says its warnings once, as without
 * a cache, however many answers the cache gave before its load was done. A load nobody waits for any more (the root
 * opened afresh, the client gone) is abandoned at its next step. A call that comes while the root loads is answered as
 * soon as what it asks is known, before the rest of the root is analysed (`runFirst`), when what the load read is as
 * new as the call: its walk began after the call came (the load that call started, with a cache), or a walk then finds
 * nothing changed.
 */
export class LiveRoot {
  /** Undefined until the first call, with a result cache. */
  private opened: Promise<OpenedRoot> | undefined;
  /** The last load is done (its engine answers). */
  private loaded = false;
  private settings: string;
  private queue: Promise<unknown> = Promise.resolve();
  /** Abandons the current opening's load. */
  private abandon = new AbortController();
  /** When the current opening's first walk had not begun yet (`performance.now()`). */
  private began = Number.NEGATIVE_INFINITY;
  /** What the current opening's load hands its engine to once some files' diagnostics are final (see `runFirst`). */
  private firstCall: FirstPass | undefined;
  /** What this opening of the root said while its load was not done (every lookup says the same again). */
  private said = new Set<string>();
  /** Says a warning of the current opening, once until its load is done. */
  private readonly sayOnce = (message: string): void => {
    if (this.loaded || !this.said.has(message)) this.warn(message);
    if (!this.loaded) this.said.add(message);
  };

  /**
   * `dir`: an absolute directory. Without `cache` loading starts at once, so the first call finds it (nearly) done.
   * `environment`: the project's Python environment, whose frameworks are fed as library code.
   */
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void,
    private readonly cache?: ResultCache,
    private readonly environment: PythonEnvironment | null = null,
  ) {
    this.settings = this.openingStamp();
    if (cache === undefined) void this.reopen();
  }

  /** Whether the root's last opening has loaded (its engine answers without waiting for an analysis). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Runs `work` on an engine up to date with the disk (and the root's settings), after every call before it. */
  run<T>(work: (engine: RegistryEngine, opened: OpenedRoot) => T | Promise<T>): Promise<T> {
    return this.queued(() => this.now(work));
  }

  /**
   * `work` answered from queries, which read every file in full as they answer (`explain`, `locate`, `list`, `graph`;
   * no published diagnostic): during the load, once every file is read (see `runFirst`).
   */
  ask<T>(work: (engine: RegistryEngine) => T): Promise<T> {
    return this.runFirst(undefined, work, performance.now());
  }

  /**
   * `run` for a call answered from queries (`paths` undefined: the engine reads every file in full as it answers) or
   * from the diagnostics of `paths` (root-relative files or folders): while a load is under way, `work` runs as soon
   * as every file is read and, with `paths`, their diagnostics are final (`rest`: the other files' units have not all
   * run), if the load's walk began after the call came (`arrived`, `performance.now()`) or nothing it read has changed
   * since (a walk and a stat of each file read, made then); otherwise as `run` does (`rest` false). What it answers
   * then is what it would answer after the load.
   */
  runFirst<T>(
    paths: readonly string[] | undefined,
    work: (engine: RegistryEngine, rest: boolean) => T,
    arrived: number,
  ): Promise<T> {
    return this.queued(() => {
      const load = this.opening();
      if (this.loaded || paths?.includes('')) return this.now((engine) => work(engine, false));
      const { began } = this;
      const { signal } = this.abandon;
      return new Promise<T>((resolve, reject) => {
        let files: { fed: number; set: ReadonlySet<string> } | undefined;
        // The call is answered, or its answer begun (the load's end or a check found a change first).
        let answered = false;
        const answer = (engine: RegistryEngine, rest: boolean): void => {
          answered = true;
          try {
            resolve(work(engine, rest));
          } catch (e) {
            reject(e);
          }
        };
        const call: FirstPass = {
          awaited: (engine, fed) => {
            if (files?.fed !== fed) files = { fed, set: new Set(paths === undefined ? [] : engine.filesUnder(paths)) };
            return files.set;
          },
          ready: (engine, midway) => {
            this.firstCall = undefined;
            if (began >= arrived) {
              answer(engine, midway.rest());
              return undefined;
            }
            // If nothing the load read changed since the call came; the load waits for the walk that tells.
            return midway.unchanged().then(
              (same) => {
                if (same && !answered && !signal.aborted) answer(engine, midway.rest());
              },
              () => undefined,
            );
          },
        };
        this.firstCall = call;
        // The load ended (or failed, or was abandoned) first: answered as any call.
        void load
          .catch(() => undefined)
          .then(() => {
            if (answered) return;
            answered = true;
            if (this.firstCall === call) this.firstCall = undefined;
            this.now((engine) => work(engine, false)).then(resolve, reject);
          });
      });
    });
  }

  private async now<T>(work: (engine: RegistryEngine, opened: OpenedRoot) => T | Promise<T>): Promise<T> {
    const opened = await this.sync();
    return work(opened.engine, opened);
  }

  /**
   * After every call before it: the whole-root check result the cache holds, while the root is not loaded and nothing
   * the result read changed; null otherwise (ask the engine).
   */
  cachedResult(): Promise<CheckResult | null> {
    return this.queued(async () => {
      if (this.cache === undefined || this.loaded) return null;
      // Taken before the lookup reads the settings: a change after it opens the root afresh at the next call.
      const settings = this.openingStamp();
      const began = performance.now();
      // None opened, or its settings changed while it loads: the lookup is the next opening's first step, which says
      // its warnings anew, once (its load, abandoned now, says nothing more; the next opening does not say them again).
      const afresh = this.opened === undefined || settings !== this.settings;
      if (afresh) {
        this.abandon.abort();
        this.said = new Set();
      }
      const found = await this.cache.lookup(this.sayOnce);
      // The load starts now, from the walk that judged the cache (after the answer, on a hit).
      if (afresh) {
        this.settings = settings;
        void this.reopen(found.fresh, began);
      }
      return found.hit;
    });
  }

  /**
   * Abandons the load under way, if any, once every call queued so far is done: resolves when it has stopped (the
   * server's client left; nothing may be called after).
   */
  async close(): Promise<void> {
    await this.queue;
    this.abandon.abort();
    await this.opened?.catch(() => undefined);
  }

  private queued<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The current opening of the root, afresh when its settings file or installed frameworks changed, or none is. */
  private opening(): Promise<OpenedRoot> {
    const now = this.openingStamp();
    if (now === this.settings && this.opened !== undefined) return this.opened;
    this.settings = now;
    return this.reopen();
  }

  private async sync(): Promise<OpenedRoot> {
    let root: OpenedRoot;
    try {
      root = await this.opening();
    } catch (e) {
      void this.reopen(); // the next call awaits it (the root may be back)
      throw e;
    }
    await root.feeder.feedRoot();
    return root;
  }

  /**
   * Opens the root afresh (a new engine and feeder); a failure is reported by the first call that needs it. With a
   * result cache the load starts from the walk of a fresh analysis (`fresh`, else one made now) and keeps its result.
   */
  private reopen(fresh?: FreshAnalysis, began = performance.now()): Promise<OpenedRoot> {
    this.loaded = false;
    this.began = began;
    this.firstCall = undefined;
    if (fresh === undefined) this.said = new Set();
    this.abandon.abort();
    this.abandon = new AbortController();
    const { signal } = this.abandon;
    // An abandoned load hands nothing to a call of the next.
    const first: FirstPass = {
      awaited: (engine, fed) => (signal.aborted ? undefined : this.firstCall?.awaited(engine, fed)),
      ready: (engine, rest) => this.firstCall?.ready(engine, rest),
    };
    const load = (f?: FreshAnalysis): Promise<OpenedRoot> =>
      openRoot(
        this.dir,
        { off: OFF_UNLESS_ASKED, environment: this.environment },
        f?.warn ?? this.warn,
        true,
        f ? { folder: f.settings, feed: { ...f.feed, signal, first } } : { feed: { signal, first } },
      );
    const cache = this.cache;
    const opened = (this.opened =
      cache === undefined
        ? load()
        : (fresh ? Promise.resolve(fresh) : cache.fresh(this.sayOnce)).then(async (f) => {
            const root = await load(f);
            f.store(root.engine);
            return root;
          }));
    // As the language server's loads do: the load's bound on heap growth, then one collection of what it left.
    loadStarts();
    opened.then(
      () => {
        if (this.opened === opened) this.loaded = true;
        loadEnds();
      },
      () => loadEnds(),
    );
    return opened;
  }

  /**
   * What opens the root afresh when it changed: its settings file, the frameworks its environment has installed
   * (their metadata only, as host/installedFrameworks.ts reads it: a first install, an upgrade, an uninstall), and
   * with none, which root folder is an environment left unused as a link out of the root (RL081).
   */
  private openingStamp(): string {
    const installed = this.environment === null ? [] : installedFrameworks(this.environment);
    const unused = linkedOutEnvironment(this.dir, this.environment);
    return `${fileStamp(join(this.dir, '.vscode', 'settings.json'))}\n${JSON.stringify(installed)}\n${unused}`;
  }
}
