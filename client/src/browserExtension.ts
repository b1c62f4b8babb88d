// The web extension (vscode.dev, github.dev; the package's `browser` entry): starts the language server as a web
// worker from the extension's own folder and answers the worker's requests for the folder's files through
// `workspace.fs`, on whatever URI scheme the workspace has (the worker has no file system). The worker decides what is
// read; this lists and reads.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import {
  WebMethods,
  type InitializationOptions,
  type ListFilesParams,
  type ReadFilesParams,
  type ReadFilesResult,
  type ReadingParams,
  type WasmMessage,
} from '../../server/src/lsp/protocol';
import { CodeDocs } from './codeDocs';
import { documentSelector } from './documentSelector';
import {
  RegistriesTree,
  registerRegistryViewCommands,
  registerRegistryViews,
  type RegistryViews,
} from './registryViews';
import { noteHovers, openWalkthroughOnce } from './walkthrough';
import { registerEditorCommands } from './editorCommands';
import { walkFolder } from './folderWalk';
import { startWhenWanted } from './startWhenWanted';
import { ReadingStatus } from './readingStatus';
import { StatusItem } from './statusItem';

/** A web worker, as far as this module uses one (the client is compiled without the DOM's typings). */
interface WebWorker {
  postMessage(message: WasmMessage, transfer: ArrayBuffer[]): void;
}
declare const Worker: new (url: string) => WebWorker;

let client: LanguageClient | undefined;

/** What the status item's tooltip says, once: what the browser gives and what only the desktop has. */
const BROWSER_LIMITS =
  'Registry Lens in the browser: diagnostics of the whole folder, hover, go to definition, find references, ' +
  'rename, completion, quick fixes and Fix All, Explain Resolution, the Registries view, the Registry Overview ' +
  "and Step Graph, and the walkthrough, with the folder's registryLens.* and files.exclude settings. " +
  'Only on the desktop: the CLI, the MCP server, the daemon, the diagnostics cache and the installed Python ' +
  'environment (the built-in framework rules apply here).';

export function activate(context: vscode.ExtensionContext): void {
  // what only the Node server does is hidden by this key (`isWeb` is true in any browser workbench, code-server's too)
  void vscode.commands.executeCommand('setContext', 'registryLens.inBrowser', true);
  let views: Promise<RegistryViews> | undefined;
  const registries = new RegistriesTree();
  // once, by the window or by the first view command (then in a folder without registries too)
  const started = (): Promise<RegistryViews> => (views ??= start(context, registries));
  // an unrelated folder costs no worker: it starts once the folder has registries (startWhenWanted.ts)
  context.subscriptions.push(
    registries,
    ...registerRegistryViewCommands(started),
    startWhenWanted(context, () => started().then(() => undefined), true),
  );
}

async function start(context: vscode.ExtensionContext, registries: RegistriesTree): Promise<RegistryViews> {
  void openWalkthroughOnce(context);
  const dist = (file: string): vscode.Uri => vscode.Uri.joinPath(context.extensionUri, 'dist', file);
  const [server, treeSitter, python] = await Promise.all([
    workerUrl(dist('browserServer.js')),
    bytesOf(dist('web-tree-sitter.wasm')),
    bytesOf(dist('tree-sitter-python.wasm')),
  ]);
  const codeDoc = vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md');
  const codeDocs = new CodeDocs(codeDoc, async (uri) => new Uint8Array(await bytesOf(uri)));
  const initializationOptions: InitializationOptions = { web: { codeDoc: codeDoc.toString() } };
  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // a change of these settings is told to the server, which asks for them again (workspace/configuration)
    synchronize: { fileEvents: watcher, configurationSection: ['registryLens', 'files.exclude'] },
    initializationOptions,
    middleware: {
      provideHover: noteHovers,
      handleDiagnostics: codeDocs.handleDiagnostics,
    },
  };
  const worker = new Worker(server);
  // before the language client's first message (the worker reads this one first)
  worker.postMessage({ registryLensWasm: { treeSitter, python } }, [treeSitter, python]);
  const lc = new LanguageClient('registryLens', 'Registry Lens', worker, clientOptions);
  client = lc;
  // the desktop's status item: the file's context and counts, what only the desktop does in its tooltip
  const status = new StatusItem(lc, BROWSER_LIMITS);
  const registryViews = registerRegistryViews(context, lc, registries, (s) => status.update(s));
  // while the server reads the folder (a slow remote file system), the item says how far it is
  const reading = new ReadingStatus((view) => status.reading(view), {
    set: (fire, ms) => setTimeout(fire, ms),
    clear: (handle) => clearTimeout(handle as number),
  });
  status.reading(undefined);
  context.subscriptions.push(
    watcher,
    status,
    codeDocs.register(),
    lc.onRequest(WebMethods.listFiles, ({ folder, skipped }: ListFilesParams) => listFiles(folder, skipped)),
    lc.onRequest(WebMethods.readFiles, ({ uris, maxBytes }: ReadFilesParams) => readFiles(uris, maxBytes)),
    lc.onNotification(WebMethods.reading, (r: ReadingParams) => reading.told(r)),
    ...registryViews.disposables,
    ...registerEditorCommands(lc),
  );
  await lc.start();
  registries.attach(lc);
  return registryViews.views;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The bytes of a file of the extension: fetched over http(s) (vscode.dev serves extensions so), else read. */
async function bytesOf(uri: vscode.Uri): Promise<ArrayBuffer> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`${uri.toString(true)}: ${response.status} ${response.statusText}`);
    return response.arrayBuffer();
  }
  return (await vscode.workspace.fs.readFile(uri)).slice().buffer;
}

/**
 * A URL a web worker can load `uri` from: itself over http(s); else a blob of its bytes (code-server's extensions are
 * `vscode-remote:` URIs, which only the extension host's own file system reads).
 */
async function workerUrl(uri: vscode.Uri): Promise<string> {
  if (uri.scheme === 'http' || uri.scheme === 'https') return uri.toString(true);
  return URL.createObjectURL(new Blob([await bytesOf(uri)], { type: 'text/javascript' }));
}

/** The URIs of the files below `folder`, not entering the directories named in `skipped` (folderWalk.ts). */
async function listFiles(folder: string, skipped: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  await walkFolder(vscode.Uri.parse(folder), { skipped, file: (uri) => void files.push(uri.toString()) });
  return files;
}

function readFiles(uris: readonly string[], maxBytes: number): Promise<ReadFilesResult> {
  const decoder = new TextDecoder();
  return Promise.all(
    uris.map(async (text) => {
      const uri = vscode.Uri.parse(text);
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if ((stat.type & vscode.FileType.File) === 0) return null;
        if (stat.size > maxBytes) return { size: stat.size };
        const bytes = await vscode.workspace.fs.readFile(uri);
        return bytes.length > maxBytes ? { size: bytes.length } : { size: bytes.length, text: decoder.decode(bytes) };
      } catch {
        return null; // gone or unreadable: no file, as the walk of a folder on disk gives none
      }
    }),
  );
}
