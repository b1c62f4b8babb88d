// Wires a connection to a Session: negotiates capabilities, loads the workspace folders, keeps
// documents, settings and folders in sync, and registers every request handler.
import {
  NotebookDocuments,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import type { WasmBinaries } from '../engine/engine';
import type { CodeHref } from '../host/codeDocs';
import { editSupport } from './convert';
import { registerCustomRequests } from './customRequests';
import { registerDocumentLinks } from './handlers/documentLinks';
import { FEATURE_CAPABILITIES, registerFeatures } from './handlers/features';
import { registerSymbols } from './handlers/symbols';
import { Methods, NOTEBOOK_CELLS, type InitializationOptions, type PythonEnvironmentsParams } from './protocol';
import { Session } from './session';
import { applyWatchedFiles, registerWatchers } from './watch';

const DEFAULT_DEBOUNCE_MS = 150;
const DEFAULT_STEP_MS = 100;
const { notebookType, scheme, language } = NOTEBOOK_CELLS;
const NOTEBOOKS = { notebook: { notebookType, scheme }, cells: [{ language }] };

export function startServer(connection: Connection, wasm: WasmBinaries, codeHref: CodeHref): void {
  const documents = new TextDocuments(TextDocument);
  const notebooks = new NotebookDocuments(TextDocument);
  let session: Session | undefined;
  let initial: WorkspaceFolder[] = [];
  let dynamicWatchers = false;
  let folderEvents = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    session = new Session(connection, documents, notebooks, {
      wasm,
      codeHref,
      debounceMs:
        typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS,
      analysisStepMs:
        typeof options.analysisStepMs === 'number' && options.analysisStepMs >= 0
          ? options.analysisStepMs
          : DEFAULT_STEP_MS,
      configuration: caps.workspace?.configuration === true,
      watchOutside:
        caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true &&
        caps.workspace.didChangeWatchedFiles.relativePatternSupport === true,
      edits: editSupport(caps),
    });
    dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    initial =
      params.workspaceFolders ??
      (params.rootUri ? [{ uri: params.rootUri, name: path.posix.basename(params.rootUri) }] : []);
    registerAll(session);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync: { notebookSelector: [NOTEBOOKS] },
        ...FEATURE_CAPABILITIES,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'registry-lens' },
    };
  });

  connection.onInitialized(() => {
    const s = session;
    if (s === undefined) return;
    if (dynamicWatchers) void registerWatchers(s);
    for (const f of initial) s.addFolder(f.uri, f.name);
    loadAll(s);
    if (!folderEvents) return;
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      for (const f of removed) s.removeFolder(f.uri);
      for (const f of added) s.addFolder(f.uri, f.name);
      // Nesting may have changed, so every folder re-lists its files and open documents.
      s.rehomeDocuments();
      loadAll(s);
    });
  });

  documents.onDidChangeContent(({ document }) => session?.edited(document));
  documents.onDidClose(({ document }) => session?.closed(document.uri));
  notebooks.onDidOpen((notebook) => session?.notebookEdited(notebook));
  notebooks.onDidChange(({ notebookDocument }) => session?.notebookEdited(notebookDocument));
  notebooks.onDidClose((notebook) => session?.notebookClosed(notebook));
  connection.onDidChangeWatchedFiles((params) => {
    if (session) applyWatchedFiles(session, params);
  });
  // Editors close within seconds of the last edit: what waits for a quiet moment is saved now.
  connection.onShutdown(() => session?.analysis.shutdown());
  connection.onDidChangeConfiguration(() => {
    void session?.reconfigure().catch((e: unknown) => fail(connection, 'settings', e));
  });
  connection.onNotification(Methods.pythonEnvironments, (p: PythonEnvironmentsParams) => {
    const selections = new Map(
      (Array.isArray(p?.environments) ? p.environments : []).flatMap((e) =>
        typeof e?.folder === 'string' && typeof e.path === 'string' ? [[e.folder, e.path] as const] : [],
      ),
    );
    void session?.pythonSelected(selections).catch((e: unknown) => fail(connection, 'the Python environment', e));
  });

  documents.listen(connection);
  notebooks.listen(connection);
  connection.listen();
}

function loadAll(s: Session): void {
  for (const folder of s.folders.all()) void s.load(folder).catch((e: unknown) => fail(s.connection, folder.name, e));
}

function registerAll(s: Session): void {
  registerFeatures(s);
  registerSymbols(s);
  registerDocumentLinks(s);
  registerCustomRequests(s);
}

function fail(connection: Connection, what: string, e: unknown): void {
  connection.console.error(
    `Registry Lens: loading ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
  );
}
