// What the editor features' handlers (this folder) need of a server, so the Node server (session.ts) and the web
// worker (webFeatures.ts) answer every request with the same code: the connection, the workspace edits the client
// applies, and the two ways a request reaches a folder's engine once every change sent before is analysed.
import type { CancellationToken, Connection, ResponseError } from 'vscode-languageserver';
import type { RegistryEngine } from '../../engine/engine';
import type { ContextId } from '../../engine/types';
import type { EditSupport, FolderEdits } from '../convert';

/** A loaded workspace folder: its engine, its URIs and open documents, and the context explained by default. */
export interface FeatureFolder extends FolderEdits {
  readonly uri: string;
  readonly engine: RegistryEngine;
  readonly activeContext: ContextId;
}

export interface FeatureHost<F extends FeatureFolder = FeatureFolder> {
  readonly connection: Connection;
  readonly edits: EditSupport;
  /** Answers for a document from its folder's engine; `empty` when no loaded folder holds it. */
  query<R>(
    uri: string,
    token: CancellationToken,
    empty: R,
    answer: (target: { folder: F; rel: string }) => R,
  ): Promise<R | ResponseError<void>>;
  /** Answers from one folder (picked by a folder or document URI, else the first); `empty` without one. */
  queryFolder<R>(
    uri: string | undefined,
    token: CancellationToken,
    empty: R,
    answer: (folder: F) => R,
  ): Promise<R | ResponseError<void>>;
}
