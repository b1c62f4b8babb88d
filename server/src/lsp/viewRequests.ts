// The requests behind the editor's views — the Registries view, the Registry Overview and Step Graph webviews, the
// context pickers and the status item's context — answered alike by the Node server (customRequests.ts, over the
// session's folder queues) and the web worker (webViews.ts): each gives its folders through a `ViewHost`, so the
// desktop and the browser show the same data. Nothing here reads a file: the answers come from each folder's engine.
import { RequestType, type CancellationToken, type Connection, type ResponseError } from 'vscode-languageserver';
import type { DependencyGraph, ListRow } from '../engine/api';
import type { RegistryEngine } from '../engine/engine';
import type { Code, ContextId } from '../engine/types';
import {
  Methods,
  type ContextsParams,
  type FolderContexts,
  type FolderOverview,
  type GraphParams,
  type GraphView,
  type OverviewContext,
  type OverviewParams,
  type OverviewProblem,
  type OverviewStep,
  type SetContextParams,
  type StatusParams,
} from './protocol';
import { sameFolder } from './uriPaths';

/** A loaded workspace folder, as the views see it. */
export interface ViewFolder {
  readonly uri: string;
  readonly name: string;
  readonly engine: RegistryEngine;
  /** The context Explain Resolution and the Step Graph use for files outside a developer workspace. */
  activeContext: ContextId;
  /** The root-relative path of a URI inside the folder; undefined outside it. */
  relOf(uri: string): string | undefined;
  /** The URI of a root-relative path. */
  uriOf(rel: string): string;
  /** The installed framework a URI lies in (library code, shown read-only); null for any other file. */
  libraryOf(uri: string): { readonly name: string; readonly version: string } | null;
}

/** How a request reaches one folder's engine, alike in both servers (handlers/features.ts too). */
export interface FolderQueries<F> {
  /** Answers from one folder (picked by a folder or document URI, else the first); `empty` without one. */
  queryFolder<R>(
    uri: string | undefined,
    token: CancellationToken,
    empty: R,
    answer: (folder: F) => R,
  ): Promise<R | ResponseError<void>>;
}

/** What the front end gives: its loaded folders, each answered once its engine holds every change sent before. */
export interface ViewHost<F extends ViewFolder> extends FolderQueries<F> {
  /** Answers from every loaded folder, in folder order. */
  queryAll<R>(token: CancellationToken, answer: (folder: F) => R[]): Promise<R[] | ResponseError<void>>;
  /** The folder's active context changed: the client is told (its status notification). */
  activeChanged(folder: F): void;
}

/** Diagnostics that describe relations between registries, listed under "Conflicts" in the view. */
const CONFLICT_CODES: ReadonlySet<Code> = new Set<Code>([
  'RL002',
  'RL003',
  'RL004',
  'RL011',
  'RL015',
  'RL023',
  'RL024',
  'RL028',
]);

// Typed, so the connection rejects a request without its one parameter object.
const contextsRequest = new RequestType<ContextsParams, FolderContexts[], void>(Methods.contexts);
const setContextRequest = new RequestType<SetContextParams, string[], void>(Methods.setContext);
const overviewRequest = new RequestType<OverviewParams, FolderOverview[], void>(Methods.overview);
const graphRequest = new RequestType<GraphParams, GraphView | null, void>(Methods.graph);

export function registerViewRequests<F extends ViewFolder>(c: Connection, host: ViewHost<F>): void {
  c.onRequest(contextsRequest, (p, token) => perFolder(host, p, token, (folder) => folderContexts(folder, p.uri)));

  c.onRequest(setContextRequest, (p, token) =>
    host.queryAll(token, (folder) => {
      if (p.folder !== undefined && !sameFolder(folder.uri, p.folder)) return [];
      if (!folder.engine.contexts().some((ctx) => ctx.id === p.context)) return [];
      folder.activeContext = p.context;
      host.activeChanged(folder);
      return [folder.uri];
    }),
  );

  c.onRequest(overviewRequest, (p, token) => perFolder(host, p, token, overview));

  c.onRequest(graphRequest, (p, token) => host.queryFolder(p.uri, token, null, (folder) => graphView(folder, p)));
}

/** What a front end knows of a folder's analyses, for its status notification. */
export type AnalysisTimes = Omit<StatusParams, 'folder' | 'context' | 'errors' | 'warnings' | 'entries' | 'workspaces'>;

/** The status notification of a folder: its active context and counts, and `times`. */
export function folderStatus(folder: ViewFolder, times: AnalysisTimes): StatusParams {
  const s = folder.engine.summary();
  return {
    folder: folder.uri,
    context: folder.activeContext,
    errors: s.errors,
    warnings: s.warnings,
    entries: s.entries,
    workspaces: s.workspaces,
    ...times,
  };
}

/** `answer` for the folder of `p.uri`, or for every folder without one. */
export function perFolder<F extends ViewFolder, R>(
  host: ViewHost<F>,
  p: ContextsParams,
  token: CancellationToken,
  answer: (folder: F) => R,
): Promise<R[] | ResponseError<void>> {
  return p.uri !== undefined
    ? host.queryFolder(p.uri, token, [], (folder) => [answer(folder)])
    : host.queryAll(token, (folder) => [answer(folder)]);
}

function graphView(folder: ViewFolder, p: GraphParams): GraphView {
  const engine = folder.engine;
  const rel = p.uri === undefined ? undefined : folder.relOf(p.uri);
  const declared = p.context === undefined && rel !== undefined ? engine.fileGraph(rel) : null;
  if (declared !== null && rel !== undefined) {
    return { ...viewOf(folder, declared), file: { path: rel, uri: folder.uriOf(rel) }, steps: [] };
  }
  const context =
    p.context ?? (rel !== undefined && engine.contextOf(rel) !== 'core' ? engine.contextOf(rel) : folder.activeContext);
  return {
    ...viewOf(folder, engine.graph({ context })),
    steps: engine.list({ context }).map((row) => stepOf(folder, row)),
  };
}

/**
 * A listed step as the views show it: its place, the SageMaker step type beside it (its `list` column, when a family
 * adds it) and the registries it conflicts with.
 */
function stepOf(folder: ViewFolder, row: ListRow): OverviewStep {
  return {
    name: row.name,
    source: row.source,
    uri: folder.uriOf(row.file),
    range: row.range,
    sagemakerStepType: row.columns['sagemakerStepType'] ?? null,
    conflicts: row.conflicts,
  };
}

/** A graph's nodes (with URIs to open) and edges. */
function viewOf(folder: ViewFolder, g: DependencyGraph): Omit<GraphView, 'steps'> {
  return {
    folder: folder.uri,
    name: folder.name,
    context: g.context,
    nodes: g.nodes.map((n) => ({ ...n, uri: n.file === null ? null : folder.uriOf(n.file) })),
    edges: g.edges,
    cycles: g.cycles,
  };
}

function folderContexts(folder: ViewFolder, uri: string | undefined): FolderContexts {
  const rel = uri === undefined ? undefined : folder.relOf(uri);
  const current =
    rel === undefined ? {} : { current: folder.engine.contextOf(rel), currentDir: folder.engine.workspaceDirOf(rel) };
  const library = uri === undefined ? null : folder.libraryOf(uri);
  return {
    folder: folder.uri,
    name: folder.name,
    active: folder.activeContext,
    ...current,
    ...(library === null ? {} : { library: { name: library.name, version: library.version } }),
    contexts: folder.engine.contexts(),
  };
}

function overview(folder: ViewFolder): FolderOverview {
  const engine = folder.engine;
  const contexts = engine.contexts().map((info): OverviewContext => ({
    ...info,
    uri: info.file === null ? null : folder.uriOf(info.file),
    steps: engine
      .list({ context: info.id })
      .filter((row) => row.source === info.id || row.source.endsWith(`:${info.id}`))
      .map((row) => stepOf(folder, row)),
  }));
  const conflicts = engine
    .allDiagnostics()
    .filter((d) => CONFLICT_CODES.has(d.code))
    .map((d): OverviewProblem => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      uri: folder.uriOf(d.file),
      range: d.range,
      related: d.related.map((r) => ({ uri: folder.uriOf(r.file), range: r.range, message: r.message })),
    }));
  const families = new Map<string, (OverviewStep & { detail: string })[]>();
  for (const row of engine.list()) {
    if (row.detail === undefined) continue;
    const name = row.source.split(' ')[0] ?? row.source;
    const entries = families.get(name) ?? [];
    entries.push({ ...stepOf(folder, row), sagemakerStepType: null, conflicts: [], detail: row.detail });
    families.set(name, entries);
  }
  return {
    ...folderContexts(folder, undefined),
    summary: engine.summary(),
    contexts,
    conflicts,
    families: [...families].map(([name, entries]) => ({ name, entries })),
  };
}
