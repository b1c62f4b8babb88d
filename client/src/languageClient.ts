// Starts the bundled language server (dist/server.js) over node IPC and describes what the client
// syncs with it: Python and YAML files on disk, and the registryLens and files.exclude settings.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const debounceMs = vscode.workspace.getConfiguration('registryLens').get<number>('diagnostics.debounceMs');
  const initializationOptions: InitializationOptions = debounceMs === undefined ? {} : { debounceMs };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'python' }, { scheme: 'file', language: 'yaml' }],
    synchronize: { configurationSection: ['registryLens', 'files.exclude'] },
    initializationOptions,
  };
  return new LanguageClient('registryLens', 'Registry Lens', serverOptions, clientOptions);
}
