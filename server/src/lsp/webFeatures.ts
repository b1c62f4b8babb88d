// The editor features in the web worker (handlers/features.ts: the Node server's own handlers) over the worker's
// folders as webServer.ts loads them: a request waits for no queue there, only for its folder's reading to end (a
// half-read folder would answer "not found" for what is not read yet); it analyses its folder's unsettled edits first.
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import type { RegistryEngine } from '../engine/engine';
import type { ContextId } from '../engine/types';
import type { EditSupport, FolderEdits } from './convert';
import { registerFeatures, type FeatureFolder, type FeatureHost } from './handlers/features';
import { namedFolder } from './uriPaths';

/** A folder of the web worker, as far as the features use it: its engine once loaded. */
export interface WebFeatureSource extends FolderEdits {
  readonly uri: string;
  readonly engine: RegistryEngine | undefined;
  readonly activeContext: ContextId;
}

export interface WebFeatureFolders<W extends WebFeatureSource> {
  /** Every folder, in workspace order. */
  all(): readonly W[];
  /** The deepest folder holding a document's URI, and the document's root-relative path. */
  locate(uri: string): { folder: W; rel: string } | undefined;
  /** Analyses the folder's edits that have not settled yet, so an answer sees every change sent before. */
  settle(folder: W): void;
  /** Resolves once the folder holding `uri` (every folder when none does) is read; the cancellation if first. */
  whenRead(token: CancellationToken, uri?: string): Promise<ResponseError<void> | undefined>;
}

/** Registers the features' handlers on `connection`; `edits` is what the client's workspace edits can do. */
export function registerWebFeatures<W extends WebFeatureSource>(
  connection: Connection,
  edits: () => EditSupport,
  folders: WebFeatureFolders<W>,
): void {
  /** The folder as the handlers see it once loaded, its edits analysed. */
  const loaded = (folder: W): FeatureFolder | undefined => {
    folders.settle(folder);
    const engine = folder.engine;
    if (engine === undefined) return undefined;
    return {
      uri: folder.uri,
      engine,
      activeContext: folder.activeContext,
      open: folder.open,
      codeHref: (code) => folder.codeHref(code),
      uriOf: (rel) => folder.uriOf(rel),
    };
  };
  const answer = async <R>(
    token: CancellationToken,
    uri: string | undefined,
    work: () => R,
  ): Promise<R | ResponseError<void>> => (await folders.whenRead(token, uri)) ?? work();
  const host: FeatureHost = {
    connection,
    get edits() {
      return edits();
    },
    query: (uri, token, empty, work) =>
      answer(token, uri, () => {
        const at = folders.locate(uri);
        const folder = at === undefined ? undefined : loaded(at.folder);
        return folder === undefined || at === undefined ? empty : work({ folder, rel: at.rel });
      }),
    queryFolder: (uri, token, empty, work) =>
      answer(token, uri, () => {
        const picked = namedFolder(folders.all(), uri, (u) => folders.locate(u)?.folder);
        const folder = picked === undefined ? undefined : loaded(picked);
        return folder === undefined ? empty : work(folder);
      }),
  };
  registerFeatures(host);
}
