// The views' requests (viewRequests.ts: the Registries view, the Registry Overview and Step Graph, the context
// pickers) in the web worker, over its folders as webServer.ts loads them (a request waits for its folder's reading to
// end), and the status notification after each analysis that tells the client to refresh them, as the Node server's
// does.
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import type { RegistryEngine } from '../engine/engine';
import type { ContextId } from '../engine/types';
import { Methods } from './protocol';
import { relIn } from './uriPaths';
import { namedFolder } from './uriPaths';
import { folderStatus, registerViewRequests, type ViewFolder, type ViewHost } from './viewRequests';

/** A folder of the web worker, as far as the views use it: its engine once loaded. */
export interface WebViewSource {
  readonly uri: string;
  readonly name: string;
  readonly engine: RegistryEngine | undefined;
  activeContext: ContextId;
  uriOf(rel: string): string;
}

/** A loaded folder as the views see it. */
class LoadedFolder implements ViewFolder {
  constructor(readonly source: WebViewSource) {}

  /** The source's: the context Explain Resolution and the views use when a request names none. */
  get activeContext(): ContextId {
    return this.source.activeContext;
  }
  set activeContext(context: ContextId) {
    this.source.activeContext = context;
  }

  get uri(): string {
    return this.source.uri;
  }
  get name(): string {
    return this.source.name;
  }
  get engine(): RegistryEngine {
    const engine = this.source.engine;
    if (engine === undefined) throw new Error(`${this.source.name}: engine used before it was loaded`);
    return engine;
  }
  relOf(uri: string): string | undefined {
    return relIn(this.source.uri, uri);
  }
  uriOf(rel: string): string {
    return this.source.uriOf(rel);
  }
  /** None: the worker reads no installed Python environment (its listing's environments are skipped). */
  libraryOf(): null {
    return null;
  }
}

export interface WebFolders<W extends WebViewSource> {
  /** Every folder, in workspace order. */
  all(): readonly W[];
  /** The deepest folder holding a document's URI. */
  locate(uri: string): W | undefined;
  /** Analyses the folder's edits that have not settled yet, so an answer sees every change sent before. */
  settle(folder: W): void;
  /** Resolves once the folder holding `uri` (every folder when none does) is read; the cancellation if first. */
  whenRead(token: CancellationToken, uri?: string): Promise<ResponseError<void> | undefined>;
}

/** Registers the views' requests on `connection`; `status` is to be called after each analysis of a folder. */
export function registerWebViews<W extends WebViewSource>(
  connection: Connection,
  folders: WebFolders<W>,
): { status(folder: W): void } {
  const views = new WeakMap<W, LoadedFolder>();
  const view = (folder: W): LoadedFolder | undefined => {
    if (folder.engine === undefined) return undefined;
    let loaded = views.get(folder);
    if (loaded === undefined) views.set(folder, (loaded = new LoadedFolder(folder)));
    return loaded;
  };
  const status = (loaded: LoadedFolder): void => {
    // the browser's status item shows no timings and no framework versions (the built-in rules apply)
    const times = {
      lastAnalysisMs: 0,
      lastAnalysisAt: Date.now(),
      fullAnalysisMs: 0,
      fullAnalysisAt: 0,
      frameworks: [],
    };
    void connection.sendNotification(Methods.status, folderStatus(loaded, times));
  };
  const settled = (folder: W): LoadedFolder | undefined => {
    folders.settle(folder);
    return view(folder);
  };
  const host: ViewHost<LoadedFolder> = {
    queryFolder: async (uri, token, empty, answer) => {
      const cancelled = await folders.whenRead(token, uri);
      if (cancelled !== undefined) return cancelled;
      const folder = namedFolder(folders.all(), uri, (u) => folders.locate(u));
      const loaded = folder === undefined ? undefined : settled(folder);
      return loaded === undefined ? empty : answer(loaded);
    },
    queryAll: async (token, answer) =>
      (await folders.whenRead(token)) ??
      folders.all().flatMap((folder) => {
        const loaded = settled(folder);
        return loaded === undefined ? [] : answer(loaded);
      }),
    activeChanged: status,
  };
  registerViewRequests(connection, host);
  return {
    status: (folder) => {
      const loaded = view(folder);
      if (loaded !== undefined) status(loaded);
    },
  };
}
