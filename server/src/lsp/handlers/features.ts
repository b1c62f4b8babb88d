// The editor features both language servers give, registered by the same code on the Node server (server.ts, over
// its session) and the web worker (webFeatures.ts): hover, definition, references, rename, completion, quick fixes and
// Fix All, code lenses and Explain Resolution. A server gives them a `FeatureHost`: the connection, the workspace edits
// the client applies, and the two ways a request reaches a folder's engine once every change sent before is analysed.
import type { CancellationToken, Connection, ResponseError, ServerCapabilities } from 'vscode-languageserver';
import type { RegistryEngine } from '../../engine/engine';
import type { ContextId } from '../../engine/types';
import type { EditSupport, FolderEdits } from '../convert';
import type { FolderQueries } from '../viewRequests';
import { CODE_ACTION_KINDS, registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCompletion, TRIGGER_CHARACTERS } from './completion';
import { registerExplain } from './explain';
import { registerHover } from './hover';
import { registerNavigation } from './navigation';
import { registerRename } from './rename';

/** The capabilities of the features registered by `registerFeatures`. */
export const FEATURE_CAPABILITIES: ServerCapabilities = {
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  completionProvider: { triggerCharacters: TRIGGER_CHARACTERS },
  codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
  codeLensProvider: { resolveProvider: false },
};

export function registerFeatures(s: FeatureHost): void {
  registerHover(s);
  registerNavigation(s);
  registerRename(s);
  registerCompletion(s);
  registerCodeActions(s);
  registerCodeLens(s);
  registerExplain(s);
}

/** A loaded workspace folder: its engine, its URIs and open documents, and the context explained by default. */
export interface FeatureFolder extends FolderEdits {
  readonly uri: string;
  readonly engine: RegistryEngine;
  readonly activeContext: ContextId;
}

export interface FeatureHost<F extends FeatureFolder = FeatureFolder> extends FolderQueries<F> {
  readonly connection: Connection;
  readonly edits: EditSupport;
  /** Answers for a document from its folder's engine; `empty` when no loaded folder holds it (`cell`: cells.ts). */
  query<R>(
    uri: string,
    token: CancellationToken,
    empty: R,
    answer: (target: { folder: F; rel: string; cell?: string }) => R,
  ): Promise<R | ResponseError<void>>;
}
