// The state of one language-server session and its lifecycle: folders, and what feeds each folder's
// queue (folderQueue.ts) — loads and settings changes, open documents, watched-file events — and the
// one way requests reach an engine (at their place in the queue, honouring cancellation).
import {
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  NotebookCellKind,
  NotebookDocuments,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type Disposable,
  type NotebookDocument,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WasmBinaries } from '../engine/engine';
import type { CodeHref } from '../host/codeDocs';
import { Analysis } from './analysis';
import type { EditSupport } from './convert';
import { Folder, fsPathOf, type OpenDocument } from './folder';
import { CANCELLED, FolderQueue } from './folderQueue';
import { Folders, type Target } from './folders';
import { NotebookText } from './notebookText';
import { readSettings } from './settings';
import { environmentEvent } from '../host/environmentEvents';
import { libraryWatchers } from './watch';
import type { FolderSettings } from '../host/folderSettings';

export interface SessionOptions {
  wasm: WasmBinaries;
  /** Where a diagnostic's code links to (its `codeDescription.href`). */
  codeHref: CodeHref;
  debounceMs: number;
  /** How long one step of an analysis that starts new units runs (see Analysis). */
  analysisStepMs: number;
  /** The client answers `workspace/configuration`. */
  configuration: boolean;
  /** The client registers watchers of paths outside the workspace (relative patterns, LSP 3.17). */
  watchOutside?: boolean;
  edits: EditSupport;
}

type Answer<R> = R | ResponseError<void>;

/** Percents of the initial progress given to reading files and to the analysis (the rest is publication). */
const READ_SHARE = 30;
const ANALYSIS_SHARE = 60;

export class Session {
  readonly folders = new Folders();
  readonly analysis: Analysis;
  private readonly queues = new Map<Folder, FolderQueue>();
  /** The Python extension's selected environment by folder URI, as the client last told it (lsp/settings.ts). */
  private pythonSelections: ReadonlyMap<string, string> = new Map();
  /** The watchers registered for each folder's installed frameworks outside it (`watchLibrary`). */
  private readonly libraryWatches = new Map<Folder, { key: string; registered: Promise<Disposable> }>();
  /** Folders whose load for a change of their installed framework waits in their queue (see `reloadLibrary`). */
  private readonly libraryReloads = new Set<Folder>();
  /** The URIs of the open notebooks. */
  private readonly openNotebooks = new Set<string>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    /** Open notebooks (LSP notebook sync): each stands for its `.ipynb` file, its cells the file's text. */
    readonly notebooks: NotebookDocuments<TextDocument>,
    readonly options: SessionOptions,
  ) {
    this.analysis = new Analysis(connection, options.analysisStepMs, (folder) => this.folders.nestedIn(folder));
  }

  /** The workspace edits the client applies (the features' handlers build theirs so). */
  get edits(): EditSupport {
    return this.options.edits;
  }

  /**
   * Adds a workspace folder; folders that are not on the local disk (virtual workspaces, another host's
   * `file://host/…`) are skipped.
   */
  addFolder(uri: string, name: string): void {
    if (fsPathOf(uri) === undefined) return;
    const folder = new Folder(uri, name, this.options.codeHref);
    for (const outer of this.folders.all()) {
      const rel = outer.relOf(uri);
      if (rel !== undefined) this.analysis.giveUp(outer, rel);
    }
    this.folders.add(folder);
    this.queues.set(
      folder,
      new FolderQueue(this.analysis.of(folder), this.options.debounceMs, (e) => {
        this.connection.console.error(
          `Registry Lens: ${folder.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
      }),
    );
  }

  removeFolder(uri: string): void {
    const folder = this.folders.remove(uri);
    if (folder === undefined) return;
    this.queues.get(folder)?.close();
    this.queues.delete(folder);
    this.libraryReloads.delete(folder);
    this.analysis.forget(folder);
  }

  /** After folders come or go, every open document belongs to its (new) deepest folder. */
  rehomeDocuments(): void {
    for (const folder of this.folders.all()) {
      const open = this.openDocuments().flatMap(([uri, doc]) => {
        const target = this.folders.locate(uri);
        return target?.folder === folder ? [[target.rel, doc] as const] : [];
      });
      this.queue(folder).change(folder.rehome(open));
    }
  }

  /**
   * Reads the folder's settings (unless given) and files again at the load's place in the folder's
   * queue, and publishes the result, with work-done progress (when the client supports it): files
   * read, units analysed, then diagnostics published. `onlyIfChanged`: nothing happens when the
   * settings are the folder's already; `reading`: called once the load has its settings, as it goes on to read the
   * folder. Resolves once the analysis that follows is done.
   */
  async load(
    folder: Folder,
    settings?: Promise<FolderSettings>,
    onlyIfChanged = false,
    reading?: () => void,
  ): Promise<void> {
    const given = settings ?? this.settingsOf(folder);
    void given.catch(() => undefined); // awaited at the load's turn, which may come after it failed
    const queue = this.queue(folder);
    let progress: Promise<WorkDoneProgressServerReporter> | undefined;
    queue.change(
      async () => {
        // Events from now on may find the folder read before they happened: they load it again.
        const next = await given.finally(reading);
        if (onlyIfChanged && JSON.stringify(next) === JSON.stringify(folder.settings)) return;
        await this.analysis.of(folder).useCache(next, !folder.ready);
        const started = (progress = this.connection.window.createWorkDoneProgress().then((p) => {
          p.begin(`Registry Lens: analysing ${folder.name}`, 0, undefined, false);
          return p;
        }));
        let percent = 0;
        /** Reading is the first READ_SHARE percent, then the analysis, then publishing. */
        const report = (done: number, total: number, offset: number, share: number, what: string): void => {
          const now = offset + Math.floor((total === 0 ? 1 : done / total) * share);
          if (now <= percent) return;
          percent = now;
          void started.then((p) => p.report(now, `${done}/${total} ${what}`));
        };
        this.analysis
          .of(folder)
          .report((done, total, what) =>
            what === 'units analysed'
              ? report(done, total, READ_SHARE, ANALYSIS_SHARE, what)
              : report(done, total, READ_SHARE + ANALYSIS_SHARE, 100 - READ_SHARE - ANALYSIS_SHARE, what),
          );
        await folder.load({
          wasm: this.options.wasm,
          settings: next,
          nested: this.folders.nestedIn(folder),
          opened: this.openDocuments().flatMap(([uri]) => {
            const target = this.folders.locate(uri);
            return target?.folder === folder ? [target.rel] : [];
          }),
          progress: (done, total) => report(done, total, 0, READ_SHARE, 'files read'),
        });
        if (this.options.watchOutside === true) this.watchLibrary(folder);
      },
      { analyse: 'now' },
    );
    await queue.idle();
    if (progress !== undefined) (await progress).done();
  }

  /** Asks every folder's settings again, and reloads the folders whose settings changed (in order with their edits). */
  async reconfigure(): Promise<void> {
    await Promise.all(this.folders.all().map((folder) => this.load(folder, this.settingsOf(folder), true)));
  }

  /** The client told the Python extension's selections: the folders whose environment they change load again. */
  async pythonSelected(selections: ReadonlyMap<string, string>): Promise<void> {
    this.pythonSelections = selections;
    await this.reconfigure();
  }

  private settingsOf(folder: Folder): Promise<FolderSettings> {
    const selected = this.pythonSelections.get(folder.uri);
    return readSettings(this.connection, folder.uri, this.options.configuration, selected);
  }

  /** A document was opened or edited: its text replaces the disk content. */
  edited(doc: TextDocument): void {
    const target = this.folders.locate(doc.uri);
    if (target === undefined) return;
    const { folder, rel } = target;
    this.queue(folder).change(folder.edit(rel, snapshot(doc)), { document: rel });
  }

  /** A notebook was opened or edited: its code cells, as the notebook's text, replace the disk content. */
  notebookEdited(notebook: NotebookDocument): void {
    this.openNotebooks.add(notebook.uri);
    const target = this.folders.locate(notebook.uri);
    if (target === undefined) return;
    const { folder, rel } = target;
    this.queue(folder).change(folder.edit(rel, this.notebookSnapshot(notebook)), { document: rel });
  }

  /** A notebook was closed: the disk content applies again. */
  notebookClosed(notebook: NotebookDocument): void {
    this.openNotebooks.delete(notebook.uri);
    this.closed(notebook.uri);
  }

  /** A document (a notebook) was closed: the disk content applies again. */
  closed(uri: string): void {
    const target = this.folders.locate(uri);
    if (target === undefined) return;
    const { folder, rel } = target;
    this.queue(folder).change(folder.close(rel), { document: rel });
  }

  /**
   * A watched-file event for `uri`, applied at its place in the queue of the folder owning it (none: nothing). One in a
   * folder's Python environment reaches it only when its installed framework changed, or its environment appeared: the
   * folder finds its environment and loads again, once for the burst of such events (host/environmentEvents.ts).
   */
  watched(uri: string, apply: (target: Target) => Promise<void>): void {
    const abs = fsPathOf(uri);
    if (abs === undefined) return;
    const target = this.folders.locate(uri);
    let project = target !== undefined;
    for (const folder of this.folders.all()) {
      if (!folder.ready) continue;
      const event = environmentEvent(folder.fsPath, folder.feeder.environment, folder.feeder.library, abs);
      if (event === 'library') this.reloadLibrary(folder);
      if (folder === target?.folder && event !== 'project') project = false;
    }
    if (project && target !== undefined) this.queue(target.folder).change(() => apply(target));
  }

  /** Registers the watchers of the folder's installed frameworks outside it, in place of those of its last load. */
  private watchLibrary(folder: Folder): void {
    const watchers = libraryWatchers(folder.fsPath, folder.feeder);
    const key = JSON.stringify(watchers);
    const was = this.libraryWatches.get(folder);
    if (was?.key === key) return;
    void was?.registered.then((d) => d.dispose());
    if (watchers.length === 0) {
      this.libraryWatches.delete(folder);
      return;
    }
    const registered = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    void registered.catch(() => undefined);
    this.libraryWatches.set(folder, { key, registered });
  }

  /**
   * Loads `folder` again for its installed framework's sake, unless such a load waits in its queue already: one that
   * has not yet read the folder's settings (and then its environment) takes every event that comes meanwhile — pip's
   * and uv's thousands, in the batches the client sends — so a burst costs one load, and one more for what it wrote
   * after the load began reading.
   */
  private reloadLibrary(folder: Folder): void {
    if (this.libraryReloads.has(folder)) return;
    this.libraryReloads.add(folder);
    const reading = (): boolean => this.libraryReloads.delete(folder);
    this.load(folder, undefined, false, reading).catch((e: unknown) => {
      reading();
      this.connection.console.error(`Registry Lens: ${folder.name}: reading the installed framework: ${String(e)}`);
    });
  }

  /** The open documents and notebooks by URI, as of now. */
  private openDocuments(): (readonly [string, OpenDocument])[] {
    return [
      ...this.documents.all().map((doc) => [doc.uri, snapshot(doc)] as const),
      ...[...this.openNotebooks].flatMap((uri) => {
        const notebook = this.notebooks.getNotebookDocument(uri);
        return notebook === undefined ? [] : [[uri, this.notebookSnapshot(notebook)] as const];
      }),
    ];
  }

  /** A notebook's code cells as of now, as its text. */
  private notebookSnapshot(notebook: NotebookDocument): OpenDocument {
    const cells = notebook.cells.flatMap((cell) => {
      const doc = cell.kind === NotebookCellKind.Code ? this.notebooks.getCellTextDocument(cell) : undefined;
      return doc === undefined ? [] : [{ uri: doc.uri, text: doc.getText() }];
    });
    const text = NotebookText.of(cells);
    return { version: notebook.version, text: text.text, notebook: text };
  }

  /**
   * Answers for a document from its folder's engine, as it is after every change sent before; `empty` when it is not
   * ours. A notebook cell's request is its notebook's, `cell` naming the cell.
   */
  async query<R>(uri: string, token: CancellationToken, empty: R, answer: (t: Target) => R): Promise<Answer<R>> {
    const notebook = this.notebooks.findNotebookDocumentForCell(uri);
    const found = this.folders.locate(notebook?.uri ?? uri);
    if (found === undefined) return empty;
    const target = notebook === undefined ? found : { ...found, cell: uri };
    return answered(
      await this.queue(target.folder).request(() => (target.folder.ready ? answer(target) : empty), token),
    );
  }

  /** Answers from one folder (picked by a folder or document URI, else the first). */
  async queryFolder<R>(
    uri: string | undefined,
    token: CancellationToken,
    empty: R,
    answer: (f: Folder) => R,
  ): Promise<Answer<R>> {
    const folder = this.folders.pick(uri);
    if (folder === undefined) return empty;
    return answered(await this.queue(folder).request(() => (folder.ready ? answer(folder) : empty), token));
  }

  /** Answers from every folder, in folder order. */
  async queryAll<R>(token: CancellationToken, answer: (f: Folder) => R[]): Promise<Answer<R[]>> {
    const answers = await Promise.all(
      this.folders.all().map((f) => this.queue(f).request(() => (f.ready ? answer(f) : []), token)),
    );
    return answers.some((a) => a === CANCELLED) ? cancelled() : answers.flatMap((a) => (a === CANCELLED ? [] : a));
  }

  private queue(folder: Folder): FolderQueue {
    const queue = this.queues.get(folder);
    if (queue === undefined) throw new Error(`${folder.name}: folder not in the session`);
    return queue;
  }
}

/** An open document's text and version as of now (the queue applies it later; the editor's copy moves on). */
function snapshot(doc: TextDocument): OpenDocument {
  return { version: doc.version, text: doc.getText() };
}

function answered<R>(answer: R | typeof CANCELLED): Answer<R> {
  return answer === CANCELLED ? cancelled() : answer;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}
