// Starts the bundled language server (dist/server.js) over node IPC and describes what the client
// syncs with it: Python and YAML files on disk, the Python cells of Jupyter notebooks on disk, and the registryLens
// and files.exclude settings; a hover it answers completes the walkthrough's hover step, and a diagnostic's code
// links to the rendered reference (codeDocs.ts).
// While the window closes (or reloads) the server's connection goes away under requests VS Code has
// just made (code actions): those are answered with their empty default, as the library already does
// for a connection disposed mid-request, instead of logging "Request … failed: Starting server failed".
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CancellationToken,
  type LanguageClientOptions,
  type MessageSignature,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { NOTEBOOK_CELLS, SERVER_NODE_ARGS, type InitializationOptions } from '../../server/src/lsp/protocol';
import type { CodeDocs } from './codeDocs';
import { documentSelector } from './documentSelector';
import { noteHovers } from './walkthrough';

/** Set by deactivate(): from then on a closed connection is the shutdown, not a crash. */
let shuttingDown = false;
export function markShuttingDown(): void {
  shuttingDown = true;
}

export function createLanguageClient(context: vscode.ExtensionContext, codeDocs: CodeDocs): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const debounceMs = vscode.workspace.getConfiguration('registryLens').get<number>('diagnostics.debounceMs');
  const initializationOptions: InitializationOptions = debounceMs === undefined ? {} : { debounceMs };
  let restarts = 0;
  const { notebookType, scheme, language } = NOTEBOOK_CELLS;
  const clientOptions: LanguageClientOptions = {
    // an open Jupyter notebook's Python cells too: the server reads them as the notebook (synced as notebooks)
    documentSelector: [...documentSelector('file'), { notebook: { notebookType, scheme }, language }],
    synchronize: { configurationSection: ['registryLens', 'files.exclude'] },
    initializationOptions,
    middleware: {
      provideHover: noteHovers,
      handleDiagnostics: codeDocs.handleDiagnostics,
    },
    errorHandler: {
      error: () => ({ action: shuttingDown ? ErrorAction.Shutdown : ErrorAction.Continue, handled: shuttingDown }),
      // a crash restarts the server (at most 4 times); the shutdown closes quietly
      closed: () =>
        shuttingDown || ++restarts > 4
          ? { action: CloseAction.DoNotRestart, handled: shuttingDown }
          : { action: CloseAction.Restart, handled: false },
    },
  };
  return new QuietLanguageClient('registryLens', 'Registry Lens', serverOptions, clientOptions);
}

/** A request that fails because the server is gone (not running any more) gets its default answer, unlogged. */
class QuietLanguageClient extends LanguageClient {
  override handleFailedRequest<T>(
    type: MessageSignature,
    token: CancellationToken | undefined,
    error: unknown,
    defaultValue: T,
    showNotification?: boolean,
    throwOnCancel?: boolean,
  ): T {
    if (shuttingDown || !this.isRunning()) return defaultValue;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
  }
}
