// The state of one language-server session and its lifecycle: folders and their loading, open
// documents, and the one way requests reach an engine (after pending edits are analysed, honouring
// cancellation).
import {
  LSPErrorCodes, ResponseError, TextDocuments, type CancellationToken, type Connection,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WasmBinaries } from '../engine/engine';
import { Analysis } from './analysis';
import type { EditSupport } from './convert';
import { Folder, fsPathOf } from './folder';
import { Folders, type Target } from './folders';
import { readSettings } from './settings';
import type { FolderSettings } from '../host/folderSettings';

export interface SessionOptions {
  wasm: WasmBinaries;
  debounceMs: number;
  /** How long one step of an analysis that starts new units runs (see Analysis). */
  analysisStepMs: number;
  /** The client answers `workspace/configuration`. */
  configuration: boolean;
  edits: EditSupport;
}

type Answer<R> = R | ResponseError<void>;

/** Percents of the initial progress given to reading files and to the analysis (the rest is publication). */
const READ_SHARE = 30;
const ANALYSIS_SHARE = 60;

export class Session {
  readonly folders = new Folders();
  readonly analysis: Analysis;

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly options: SessionOptions,
  ) {
    this.analysis = new Analysis(connection, options.debounceMs, options.analysisStepMs);
  }

  /** Adds a workspace folder; folders that are not on the local disk (virtual workspaces, another host's `file://host/…`) are skipped. */
  addFolder(uri: string, name: string): void {
    if (fsPathOf(uri) === undefined) return;
    const folder = new Folder(uri, name, () => this.analysis.schedule(folder));
    this.folders.add(folder);
  }

  removeFolder(uri: string): void {
    const folder = this.folders.remove(uri);
    if (folder !== undefined) this.analysis.forget(folder);
  }

  /** After folders come or go, every open document belongs to its (new) deepest folder. */
  rehomeDocuments(): void {
    for (const folder of this.folders.all()) folder.open.clear();
    for (const doc of this.documents.all()) {
      const target = this.folders.locate(doc.uri);
      target?.folder.open.set(target.rel, doc);
    }
  }

  /**
   * Reads the folder's settings (unless given) and files again, and publishes the result, with
   * work-done progress (when the client supports it): files read, then diagnostics published. Requests
   * made from this call on wait for it.
   */
  async load(folder: Folder, settings?: FolderSettings): Promise<void> {
    const progress = this.connection.window.createWorkDoneProgress().then((p) => {
      p.begin(`Registry Lens: analysing ${folder.name}`, 0, undefined, false);
      return p;
    });
    let percent = 0;
    /** Reading is the first READ_SHARE percent, then the analysis, then publishing. */
    const report = (done: number, total: number, offset: number, share: number, what: string): void => {
      const now = offset + Math.floor((total === 0 ? 1 : done / total) * share);
      if (now <= percent) return;
      percent = now;
      void progress.then((p) => p.report(now, `${done}/${total} ${what}`));
    };
    try {
      await this.analysis.load(folder, () => folder.load({
        wasm: this.options.wasm,
        settings: settings ?? readSettings(this.connection, folder.uri, this.options.configuration),
        nested: this.folders.nestedIn(folder),
        progress: (done, total) => report(done, total, 0, READ_SHARE, 'files read'),
      }), (done, total, what) => (what === 'units analysed'
        ? report(done, total, READ_SHARE, ANALYSIS_SHARE, what)
        : report(done, total, READ_SHARE + ANALYSIS_SHARE, 100 - READ_SHARE - ANALYSIS_SHARE, what)));
    } finally {
      (await progress).done();
    }
  }

  /** Reloads the folders whose settings changed. */
  async reconfigure(): Promise<void> {
    await Promise.all(this.folders.all().map(async (folder) => {
      const settings = await readSettings(this.connection, folder.uri, this.options.configuration);
      if (JSON.stringify(settings) !== JSON.stringify(folder.settings)) await this.load(folder, settings);
    }));
  }

  /** A document was opened or edited: its text replaces the disk content. */
  edited(doc: TextDocument): void {
    const target = this.folders.locate(doc.uri);
    if (target === undefined) return;
    target.folder.open.set(target.rel, doc);
    target.folder.stage(target.rel, doc.getText());
  }

  /** A document was closed: the disk content applies again. */
  closed(doc: TextDocument): void {
    const target = this.folders.locate(doc.uri);
    if (target === undefined) return;
    target.folder.open.delete(target.rel);
    target.folder.readLater(target.rel);
  }

  /** Answers for a document from the up-to-date engine of its folder; `empty` when it is not ours. */
  async query<R>(uri: string, token: CancellationToken, empty: R, answer: (t: Target) => R): Promise<Answer<R>> {
    const target = this.folders.locate(uri);
    if (target === undefined) return empty;
    await this.analysis.settle(target.folder);
    if (token.isCancellationRequested) return cancelled();
    return target.folder.ready ? answer(target) : empty;
  }

  /** Answers from one folder (picked by a folder or document URI, else the first). */
  async queryFolder<R>(uri: string | undefined, token: CancellationToken, empty: R, answer: (f: Folder) => R): Promise<Answer<R>> {
    const folder = this.folders.pick(uri);
    if (folder === undefined) return empty;
    await this.analysis.settle(folder);
    if (token.isCancellationRequested) return cancelled();
    return folder.ready ? answer(folder) : empty;
  }

  /** Answers from every folder, in folder order. */
  async queryAll<R>(token: CancellationToken, answer: (f: Folder) => R[]): Promise<Answer<R[]>> {
    const folders = this.folders.all();
    await Promise.all(folders.map((f) => this.analysis.settle(f)));
    if (token.isCancellationRequested) return cancelled();
    return folders.filter((f) => f.ready).flatMap(answer);
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}
