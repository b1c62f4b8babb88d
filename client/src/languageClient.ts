// Starts the bundled language server (dist/server.js) over node IPC and describes what the client
// syncs with it: Python and YAML files on disk, and the registryLens and files.exclude settings.
// While the window closes the server goes away first; requests VS Code still makes then (code actions
// on blur) are answered empty instead of restarting a server that cannot start ("Starting server failed").
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

/** Set by deactivate(): from then on a closed connection is the shutdown, not a crash. */
let shuttingDown = false;
export function markShuttingDown(): void { shuttingDown = true; }

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const debounceMs = vscode.workspace.getConfiguration('registryLens').get<number>('diagnostics.debounceMs');
  const initializationOptions: InitializationOptions = debounceMs === undefined ? {} : { debounceMs };
  let restarts = 0;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'python' }, { scheme: 'file', language: 'yaml' }],
    synchronize: { configurationSection: ['registryLens', 'files.exclude'] },
    initializationOptions,
    errorHandler: {
      error: () => ({ action: shuttingDown ? ErrorAction.Shutdown : ErrorAction.Continue, handled: shuttingDown }),
      // a crash restarts the server (at most 4 times); the shutdown closes quietly
      closed: () => (shuttingDown || ++restarts > 4
        ? { action: CloseAction.DoNotRestart, handled: shuttingDown }
        : { action: CloseAction.Restart, handled: false }),
    },
    middleware: {
      provideCodeActions: (doc, range, ctx, token, next) => (!shuttingDown && client.isRunning() ? next(doc, range, ctx, token) : []),
    },
  };
  const client = new LanguageClient('registryLens', 'Registry Lens', serverOptions, clientOptions);
  return client;
}
