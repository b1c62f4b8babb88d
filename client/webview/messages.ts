// Messages between the extension and the Registry Overview webview (types only, shared by both ends).
import type { FolderOverview, GraphView, LocationRef } from '../../server/src/lsp/protocol';

export type Tab = 'overview' | 'graph';

/** Extension → webview: everything to render (the webview keeps no state of its own). */
export interface DataMessage {
  kind: 'data';
  tab: Tab;
  overview: FolderOverview[];
  graph: GraphView | null;
}

/** Webview → extension. */
export type WebviewMessage =
  | { kind: 'ready' }
  | { kind: 'open'; target: LocationRef }
  | { kind: 'tab'; tab: Tab }
  /** Show the graph of this context (until the active editor changes). */
  | { kind: 'graphContext'; context: string };
