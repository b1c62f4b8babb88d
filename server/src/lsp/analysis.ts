// Runs the engine's update for a folder — debounced after edits, or at once when a request needs
// fresh answers — and publishes what changed: diagnostics of the affected files and the status.
import type { Connection } from 'vscode-languageserver/node';
import { Debouncer } from './debounce';
import { toDiagnostic } from './convert';
import type { Folder } from './folder';
import { Methods, type StatusParams } from './protocol';

export class Analysis {
  private readonly timers = new Map<Folder, Debouncer>();

  constructor(private readonly connection: Connection, private readonly delayMs: number) {}

  /** Analyses the folder once edits have paused for the debounce delay. */
  schedule(folder: Folder): void {
    let timer = this.timers.get(folder);
    if (timer === undefined) this.timers.set(folder, timer = new Debouncer(this.delayMs));
    timer.trigger(() => {
      this.settle(folder).catch((e: unknown) => this.connection.console.error(`Registry Lens analysis failed: ${String(e)}`));
    });
  }

  /**
   * Waits for pending reads and analyses every staged edit now, so answers are never stale; again
   * while an analysis makes the folder read more files (see Folder.flush).
   */
  async settle(folder: Folder): Promise<void> {
    for (;;) {
      await folder.idle();
      this.timers.get(folder)?.cancel();
      if (!folder.ready || !folder.dirty) return;
      this.publish(folder, folder.flush());
    }
  }

  /** Stops the folder's timer and removes its diagnostics from the client. */
  forget(folder: Folder): void {
    this.timers.get(folder)?.cancel();
    this.timers.delete(folder);
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

  private publish(folder: Folder, files: string[]): void {
    for (const file of files) {
      const diagnostics = folder.engine.diagnostics(file).map((d) => toDiagnostic(folder, d));
      void this.connection.sendDiagnostics({ uri: folder.uriOf(file), diagnostics });
    }
    this.status(folder);
  }
}
