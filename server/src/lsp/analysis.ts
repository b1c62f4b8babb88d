// The analysis each folder's queue runs between changes (see FolderQueue), one step at a time, and the
// publication of what changed: the open documents first (the file being edited must not wait behind
// thousands of cross-file publications), then the other files in chunks that let the event loop through.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { performance } from 'node:perf_hooks';
import { toDiagnostic } from './convert';
import { DiagnosticCache } from './diagnosticCache';
import type { Folder } from './folder';
import type { FolderSettings } from '../host/folderSettings';
import type { TreeWarmup } from '../engine/engine';
import type * as E from '../engine/types';
import type { Analyser } from './folderQueue';
import { frameworkFacts, frameworkLine, frameworkUse } from '../host/frameworkReport';
import { Methods } from './protocol';
import { folderStatus } from './viewRequests';
import { TimeSlice } from '../host/timeSlice';
import { loadEnds, loadStarts } from '../host/heapGrowth';

/** Files published per turn of the event loop once the open documents are out. */
const CHUNK = 500;
/** How long a folder stays unchanged after an analysis before the diagnostics cache is written again. */
const QUIET_MS = 10_000;

/**
 * Told how far the analysis (units started) and then the publication (files sent) are (a load reports it as progress).
 */
export type PublishProgress = (done: number, total: number, what: 'units analysed' | 'files published') => void;

/** The analyses of a session's folders. */
export class Analysis {
  private readonly folders = new Map<Folder, FolderAnalysis>();

  /**
   * `stepMs`: how long one step of an analysis that starts new units runs before publishing what it
   * found; `nestedIn`: the root-relative paths of the folders nested in a folder now, whose files it
   * no longer publishes (the deeper folder does, whatever the order the two analyses end in).
   */
  constructor(
    private readonly connection: Connection,
    private readonly stepMs: number,
    private readonly nestedIn: (folder: Folder) => string[],
  ) {}

  /** The analysis of a folder, which its queue runs. */
  of(folder: Folder): FolderAnalysis {
    let analysis = this.folders.get(folder);
    if (analysis === undefined) {
      analysis = new FolderAnalysis(this.connection, folder, this.stepMs, () => this.nestedIn(folder));
      this.folders.set(folder, analysis);
    }
    return analysis;
  }

  /**
   * A folder nested at `rel` in `folder` arrives: the files `folder` published there are cleared now,
   * before the nested folder publishes them (and `folder` no longer does: see `nestedIn`).
   */
  giveUp(folder: Folder, rel: string): void {
    if (!folder.ready) return;
    for (const file of folder.engine.files()) {
      if (file.startsWith(`${rel}/`))
        void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics: [] });
    }
  }

  /** Tells the client the folder's active context and counts. */
  status(folder: Folder): void {
    this.folders.get(folder)?.status();
  }

  /** How long the folder's last complete analysis took (ms, with fractions). */
  lastAnalysisMs(folder: Folder): number {
    return this.folders.get(folder)?.lastAnalysisMs ?? 0;
  }

  /** Removes the folder's diagnostics from the client. */
  forget(folder: Folder): void {
    this.folders.get(folder)?.forget();
    this.folders.delete(folder);
  }

  /** The session ends: each folder's diagnostics cache gets the lists a quiet moment would have saved. */
  shutdown(): void {
    for (const analysis of this.folders.values()) analysis.saveNow();
  }
}

/**
 * One folder's analysis and publication, then the status. A cold start analyses in steps of about `stepMs`, the open
 * documents' units first, publishing after each step the open documents whose lists are final: their diagnostics show
 * long before the last file's, and no file's list shows before its final one. With the diagnostics cache on, a load
 * first shows the cached lists, and the analysis that follows sends only those that differ.
 */
export class FolderAnalysis implements Analyser {
  costMs = 0;
  /** Files staged since the last complete analysis: published even unchanged once it completes (see step). */
  private readonly staged = new Set<string>();
  /** Files analysed while part of the folder was unread, not published yet (see step). */
  private readonly held = new Set<string>();
  /** The cells each open notebook's diagnostics were last published to, by the notebook's path. */
  private readonly cells = new Map<string, string[]>();
  /** The most units an analysis in steps had waiting (the total its progress counts). */
  private units = 0;
  /** The progress of a load, told about the steps of the analysis that follows it. */
  private progress: PublishProgress | undefined;
  /** Time spent in the steps of an analysis not finished yet, then in the last finished one, and when it finished. */
  private analysisMs = 0;
  private lastMs = 0;
  private lastAt = 0;
  /** When the load whose analysis is under way started reading (performance.now()), and the last full analysis. */
  private loadStart: number | undefined;
  private fullMs = 0;
  private fullAt = 0;
  /** The parse run ahead for an edited document (see warm), and the text it is for. */
  private warmup: { rel: string; text: string; run: TreeWarmup } | undefined;
  /** The edited texts whose parse ran ahead already (or needed none), until the next flush takes them. */
  private readonly warmed = new Map<string, string>();
  /** The diagnostics cache (null: off), the lists it showed that the analysis has not confirmed yet, the next save. */
  private cache: DiagnosticCache | null = null;
  private shown: Map<string, string> | undefined;
  private quiet: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly folder: Folder,
    private readonly stepMs: number,
    private readonly nested: () => string[],
  ) {}

  get dirty(): boolean {
    return this.folder.ready && this.folder.dirty;
  }
  get lastAnalysisMs(): number {
    return this.lastMs;
  }

  /**
   * A load starts reading the folder: the analysis that follows it reports to `progress` until it
   * completes (it does not set the edit debounce), and the two together are the full analysis timed.
   */
  report(progress: PublishProgress): void {
    this.progress = progress;
    if (this.loadStart === undefined) loadStarts();
    this.loadStart = performance.now();
  }

  /**
   * A load under `settings` starts: the diagnostics cache they name is the one saved to; `restore` (the folder's first
   * load) publishes its lists of unchanged files now, before the analysis, which then sends only the lists that differ.
   * Resolves once they are written: the connection writes a message per turn of the event loop, and the load that
   * follows would hold the turns for seconds.
   */
  async useCache(settings: FolderSettings, restore: boolean): Promise<void> {
    const folder = this.folder;
    this.cache = DiagnosticCache.of(folder.fsPath, settings, this.connection, folder.name);
    if (!restore || this.cache === null) return;
    const nested = this.nested().map((rel) => `${rel}/`);
    const shown = (this.shown = new Map<string, string>());
    const sent: Promise<void>[] = [];
    for (const [rel, diagnostics] of this.cache.unchanged()) {
      if (nested.some((dir) => rel.startsWith(dir))) continue;
      shown.set(rel, JSON.stringify(diagnostics));
      sent.push(this.connection.sendDiagnostics({ uri: folder.uriOf(rel), diagnostics }));
    }
    await Promise.allSettled(sent);
  }

  /**
   * Hands the staged texts to the engine and analyses them for about `stepMs` (host/feeder.ts: Feeder.flush), then
   * publishes what changed and waits for any files the analysis asked for; or, while the folder reads
   * the rest of its files after the open documents', reads the next slice of them (Feeder.readAhead).
   */
  async step(): Promise<void> {
    const ahead = this.folder.feeder.readAhead();
    if (ahead !== undefined) return ahead;
    if (this.warm()) return TimeSlice.next();
    this.warmed.clear();
    const slice = new TimeSlice(this.stepMs);
    const step = this.folder.feeder.flush(slice);
    const progress = this.progress;
    if (progress === undefined) this.costMs = slice.elapsed();
    this.analysisMs += step.updateMs;
    for (const f of step.staged) this.staged.add(f);
    if (!step.final) {
      // What was analysed may change once the units left waiting run or what the analysis asked for (or
      // the unread part of the folder) is read: only the open documents whose diagnostics are final
      // (their units ran, every file they read analysed) are sent; the rest waits for the last step, so
      // no file's list is published before its final one (a list that changes again is a flicker).
      for (const f of [...step.changed, ...step.staged.filter((f) => this.folder.open.has(f))]) this.held.add(f);
      const now = [...this.held].filter((f) => step.ready.has(f) && this.folder.engine.has(f));
      for (const f of now) {
        this.held.delete(f);
        this.staged.delete(f);
      }
      if (step.waiting > 0 && !step.partial) {
        this.units = Math.max(this.units, step.waiting);
        progress?.(this.units - step.waiting, this.units, 'units analysed');
      }
      await Promise.all([this.publish(now, []), step.more]);
      if (!step.partial) return;
      // What the open documents' analysis held back is read now, once their diagnostics are written
      // (the connection writes on a later turn of the event loop), before the rest of the folder is read.
      await TimeSlice.next();
      this.folder.engine.releaseHeld();
      return;
    }
    const held = [...this.held];
    this.held.clear();
    // A list of no problems for a staged file before the units that report them have run would tell
    // the user the wrong thing: staged files are published only once the analysis is complete.
    this.lastMs = Math.round(this.analysisMs * 100) / 100; // a small edit takes well under 1 ms
    this.lastAt = Date.now();
    const loaded = this.loadStart !== undefined;
    if (this.loadStart !== undefined) {
      this.fullMs = Math.round(performance.now() - this.loadStart);
      this.fullAt = this.lastAt;
      this.loadStart = undefined;
    }
    this.analysisMs = 0;
    const staged = [...this.staged];
    this.staged.clear();
    this.units = 0;
    this.progress = undefined;
    await Promise.all([
      this.publish([...new Set([...step.changed, ...held])].sort(), staged, progress, true),
      step.more,
    ]);
    clearTimeout(this.quiet);
    this.quiet = undefined;
    if (loaded) {
      loadEnds();
      this.save();
    } else if (this.cache !== null) this.quiet = setTimeout(() => this.saveNow(), QUIET_MS).unref();
  }

  /** Saves now what waits for a quiet moment (nothing when no save waits). */
  saveNow(): void {
    if (this.quiet === undefined) return;
    clearTimeout(this.quiet);
    this.quiet = undefined;
    this.save();
  }

  /**
   * An open notebook's diagnostics go to its cells, each its list, the file's emptied (the disk's no longer stand);
   * cells it published before and no longer has are emptied. False for any other file, whose cells that a notebook
   * published are emptied (it was closed).
   */
  private sendCells(file: string): boolean {
    const folder = this.folder;
    const notebook = folder.open.get(file)?.notebook;
    const before = this.cells.get(file) ?? [];
    const lists = notebook?.lists(folder.engine.diagnostics(file)) ?? new Map<string, E.Diagnostic[]>();
    for (const uri of before) if (!lists.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (notebook === undefined) {
      this.cells.delete(file);
      return false;
    }
    this.cells.set(file, [...lists.keys()]);
    void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics: [] });
    for (const [uri, ds] of lists)
      void this.connection.sendDiagnostics({ uri, diagnostics: ds.map((d) => toDiagnostic(folder, d)) });
    return true;
  }

  /** Writes the published lists to the diagnostics cache, when it is on and the folder's analysis is complete. */
  private save(): void {
    const folder = this.folder;
    if (this.cache === null || !folder.ready || folder.dirty) return;
    const nested = this.nested().map((rel) => `${rel}/`);
    const lists: [string, Diagnostic[]][] = [];
    for (const file of folder.engine.files()) {
      if (nested.some((dir) => file.startsWith(dir))) continue;
      const ds = folder.engine.diagnostics(file);
      if (ds.length > 0) lists.push([file, ds.map((d) => toDiagnostic(folder, d))]);
    }
    this.cache.save(lists, folder.open);
  }

  /**
   * Runs ahead, a slice at a time for about `stepMs`, the parse each edited open document will need (Engine.warm).
   * A Python file with a large syntax error reparses the error whole at each edit, for seconds: run here, that parse
   * lets the event loop through between slices, and an edit arriving meanwhile starts it again on the new text.
   * True while slices are left.
   */
  private warm(): boolean {
    const slice = new TimeSlice(this.stepMs);
    for (const [rel, text] of this.folder.feeder.stagedEdits()) {
      if (this.warmed.get(rel) === text) continue;
      if (this.warmup?.rel !== rel || this.warmup.text !== text) {
        this.warmup?.run.cancel();
        const run = this.folder.engine.warm(rel, text);
        this.warmup = run && { rel, text, run };
      }
      while (this.warmup !== undefined && !this.warmup.run.step()) if (slice.over()) return true;
      this.warmup = undefined;
      this.warmed.set(rel, text);
    }
    return false;
  }

  /** Removes the folder's diagnostics from the client. */
  forget(): void {
    this.warmup?.run.cancel();
    clearTimeout(this.quiet);
    this.quiet = undefined;
    this.shown = undefined;
    if (!this.folder.ready) return;
    for (const file of this.folder.engine.files())
      void this.connection.sendDiagnostics({ uri: this.folder.uriOf(file), diagnostics: [] });
  }

  /** The framework versions the folder's checks assume, in words (host/frameworkReport.ts). */
  private frameworks(): string[] {
    const { fsPath, feeder, engine } = this.folder;
    const env = feeder.environment;
    return frameworkFacts(fsPath, env, frameworkUse(engine), feeder.installed).map((f) =>
      frameworkLine(fsPath, env, f),
    );
  }

  /** Tells the client the folder's active context and counts. */
  status(): void {
    const folder = this.folder;
    if (!folder.ready) return;
    const status = folderStatus(folder, {
      lastAnalysisMs: this.lastMs,
      lastAnalysisAt: this.lastAt,
      fullAnalysisMs: this.fullMs,
      fullAnalysisAt: this.fullAt,
      frameworks: this.frameworks(),
    });
    void this.connection.sendNotification(Methods.status, status);
  }

  /**
   * Sends the diagnostics of the changed files: first those of open documents — with the edited ones,
   * even unchanged, so the editor sees its file analysed — then the others, a chunk per turn of the
   * event loop (the queue holds the next change until the step, publication included, is done). A list the cache
   * showed is sent only if it differs; once the analysis is `final`, the files the cache showed it did not publish are
   * cleared (a server without the cache would show none).
   */
  private async publish(changed: string[], staged: string[], progress?: PublishProgress, final = false): Promise<void> {
    const folder = this.folder;
    const engine = folder.engine;
    const first = new Set([
      ...staged.filter((f) => folder.open.has(f) && engine.has(f)),
      ...changed.filter((f) => folder.open.has(f)),
    ]);
    const rest = changed.filter((f) => !first.has(f));
    const total = first.size + rest.length;
    const nested = this.nested().map((rel) => `${rel}/`);
    const send = (file: string): void => {
      if (nested.some((dir) => file.startsWith(dir))) return;
      if (this.sendCells(file)) return;
      const diagnostics = engine.diagnostics(file).map((d) => toDiagnostic(folder, d));
      const shown = this.shown?.get(file);
      if (shown !== undefined) {
        this.shown?.delete(file);
        if (shown === JSON.stringify(diagnostics)) return;
      }
      void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
    };
    for (const file of first) send(file);
    progress?.(first.size, total, 'files published');
    for (let i = 0; i < rest.length; i += CHUNK) {
      await TimeSlice.next();
      for (const file of rest.slice(i, i + CHUNK)) send(file);
      progress?.(first.size + Math.min(rest.length, i + CHUNK), total, 'files published');
    }
    if (final && this.shown !== undefined) {
      for (const file of this.shown.keys())
        if (!nested.some((dir) => file.startsWith(dir)))
          void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics: [] });
      this.shown = undefined;
    }
    // Counts of a step are partial: the status follows the last step of an analysis.
    if (!folder.dirty) this.status();
  }
}
