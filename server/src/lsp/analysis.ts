// Runs the engine's update for a folder — after edits (see Debouncer), or at once when a request needs
// fresh answers — and publishes what changed: the open documents first (the file being edited must not
// wait behind thousands of cross-file publications), then the other files in chunks that let requests
// and edits through, then the status. A cold start analyses in steps of about `stepMs`, the open
// documents' units first, publishing after each: their diagnostics show long before the last file's.
import type { Connection } from 'vscode-languageserver/node';
import { performance } from 'node:perf_hooks';
import { Debouncer } from './debounce';
import { toDiagnostic } from './convert';
import type { Folder } from './folder';
import { Methods, type StatusParams } from './protocol';

/** Files published per turn of the event loop once the open documents are out. */
const CHUNK = 500;

/** Told how far the analysis (units started) and then the publication (files sent) are (the initial scan reports it as progress). */
export type PublishProgress = (done: number, total: number, what: 'units analysed' | 'files published') => void;

export class Analysis {
  private readonly timers = new Map<Folder, Debouncer>();
  /** How long the last analysis after edits took, per folder: it decides whether the next edit waits. */
  private readonly cost = new Map<Folder, number>();
  /** Folders being (re)loaded: the load analyses and publishes at its end, edits meanwhile only stage. */
  private readonly loading = new Map<Folder, number>();
  /** Publications still sending, so that a request answers only after them. */
  private readonly publishing = new Map<Folder, Promise<void>>();

  /** `stepMs`: how long one step of an analysis that starts new units runs before publishing what it found. */
  constructor(private readonly connection: Connection, private readonly delayMs: number, private readonly stepMs: number) {}

  /** Analyses the folder after an edit: at once or after the debounce delay (see Debouncer). */
  schedule(folder: Folder): void {
    if (this.loading.has(folder)) return;
    let timer = this.timers.get(folder);
    if (timer === undefined) this.timers.set(folder, timer = new Debouncer(this.delayMs));
    timer.trigger(() => {
      this.settle(folder).catch((e: unknown) => this.connection.console.error(`Registry Lens analysis failed: ${String(e)}`));
    }, this.cost.get(folder) ?? 0);
  }

  /** Runs `read` (a load of the folder), then analyses and publishes everything, reporting the publication. */
  async load(folder: Folder, read: () => Promise<void>, progress: PublishProgress): Promise<void> {
    this.loading.set(folder, (this.loading.get(folder) ?? 0) + 1);
    try {
      await read();
    } finally {
      const n = (this.loading.get(folder) ?? 1) - 1;
      if (n > 0) this.loading.set(folder, n); else this.loading.delete(folder);
    }
    await this.settle(folder, progress);
  }

  /**
   * Waits for pending reads and analyses every staged edit now, so answers are never stale; again
   * while an analysis makes the folder read more files (see Folder.flush). Returns once every
   * publication of the folder is out.
   */
  async settle(folder: Folder, progress?: PublishProgress): Promise<void> {
    let units = 0;
    // Staged files are published even unchanged once their analysis is complete, not after a step: a
    // list of no problems before the units that report them have run would tell the user the wrong thing.
    const staged = new Set<string>();
    for (;;) {
      await folder.idle();
      this.timers.get(folder)?.cancel();
      if (!folder.ready || !folder.dirty) break;
      const start = performance.now();
      const step = folder.flush(() => performance.now() - start > this.stepMs);
      if (progress === undefined) this.cost.set(folder, performance.now() - start);
      for (const f of step.staged) staged.add(f);
      units = Math.max(units, step.waiting);
      if (step.waiting > 0) progress?.(units - step.waiting, units, 'units analysed');
      const last = step.waiting === 0;
      await this.publish(folder, step.changed, last ? [...staged] : [], last ? progress : undefined);
      if (last) staged.clear();
    }
    // Another call may have run the last step.
    if (staged.size > 0 && folder.ready) await this.publish(folder, [], [...staged]);
    await this.publishing.get(folder);
  }

  /** Stops the folder's timer and removes its diagnostics from the client. */
  forget(folder: Folder): void {
    this.timers.get(folder)?.cancel();
    this.timers.delete(folder);
    this.cost.delete(folder);
    if (!folder.ready) return;
    for (const file of folder.engine.files()) void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics: [] });
  }

  /** Tells the client the folder's active context and counts. */
  status(folder: Folder): void {
    if (!folder.ready) return;
    const s = folder.engine.summary();
    const status: StatusParams = {
      folder: folder.uri,
      context: folder.activeContext,
      errors: s.errors,
      warnings: s.warnings,
      entries: s.entries,
      workspaces: s.workspaces,
      lastAnalysisMs: folder.lastAnalysisMs,
      lastAnalysisAt: folder.lastAnalysisAt,
    };
    void this.connection.sendNotification(Methods.status, status);
  }

  /**
   * Sends the diagnostics of the changed files: first those of open documents — with the edited ones,
   * even unchanged, so the editor sees its file analysed — then the others, a chunk per turn of the
   * event loop. Each file's diagnostics are read when sent, so a newer analysis meanwhile is never undone.
   */
  private publish(folder: Folder, changed: string[], staged: string[], progress?: PublishProgress): Promise<void> {
    const engine = folder.engine;
    const first = new Set([...staged.filter((f) => folder.open.has(f) && engine.has(f)), ...changed.filter((f) => folder.open.has(f))]);
    const rest = changed.filter((f) => !first.has(f));
    const total = first.size + rest.length;
    const send = (file: string): void => {
      const diagnostics = engine.diagnostics(file).map((d) => toDiagnostic(folder, d));
      void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
    };
    for (const file of first) send(file);
    progress?.(first.size, total, 'files published');
    const previous = this.publishing.get(folder);
    const done = (async () => {
      for (let i = 0; i < rest.length; i += CHUNK) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        for (const file of rest.slice(i, i + CHUNK)) send(file);
        progress?.(first.size + Math.min(rest.length, i + CHUNK), total, 'files published');
      }
      await previous;
      // Counts of a step are partial: the status follows the last step of an analysis.
      if (!folder.dirty) this.status(folder);
    })();
    const tracked = done.finally(() => { if (this.publishing.get(folder) === tracked) this.publishing.delete(folder); });
    this.publishing.set(folder, tracked);
    return tracked;
  }
}
