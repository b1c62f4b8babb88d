// The VS Code extension: starts the Registry Lens language server and adds the thin UI around it
// (commands, the Registries view, the status items, the Explain documents, the Overview webview, and
// the language-model tools and MCP server offered to chat agents).
// Every answer comes from the server; nothing is analysed here.
import * as vscode from 'vscode';
import type { LanguageClient, Position } from 'vscode-languageclient/node';
import {
  FIX_ALL_DONE,
  Methods,
  type FixAllDone,
  type SetContextParams,
  type StatusParams,
} from '../../server/src/lsp/protocol';
import { fixAllMessage } from './fixAllMessage';
import { explainResolution } from './explainCommand';
import { EXPLAIN_SCHEME, ExplainLinks } from './explainLinks';
import { createLanguageClient, markShuttingDown } from './languageClient';
import { registerLanguageModelTools } from './languageModelTools';
import { registerMcpServerProvider } from './mcpServerProvider';
import { newWorkspace } from './newWorkspaceCommand';
import { OverviewPanel } from './overviewPanel';
import { pickContext } from './pickers';
import { followPythonSelection } from './pythonSelection';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { CODE_DOCS_SCHEME, CodeDocs } from './codeDocs';
import { RegistriesView } from './registriesView';
import { startWhenWanted } from './startWhenWanted';
import { StatusItem } from './statusItem';
import { noteAnalysed, openWalkthroughOnce } from './walkthrough';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const codeDocs = new CodeDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md'));
  const lc = createLanguageClient(context, codeDocs);
  client = lc;
  const docs = new ReadOnlyDocuments();
  const status = new StatusItem(lc);
  const panel = new OverviewPanel(lc, context.extensionUri);
  const view = new RegistriesView(lc);
  const tree = vscode.window.createTreeView('registryLens.registries', { treeDataProvider: view });

  context.subscriptions.push(
    docs,
    status,
    panel,
    view,
    tree,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, docs),
    vscode.workspace.registerTextDocumentContentProvider(CODE_DOCS_SCHEME, codeDocs),
    vscode.window.onDidChangeActiveTextEditor((editor) => void codeDocs.opened(editor)),
    vscode.languages.registerDocumentLinkProvider({ scheme: EXPLAIN_SCHEME }, new ExplainLinks()),
    tree.onDidChangeVisibility(({ visible }) => {
      if (visible) view.refresh();
    }),
    lc.onNotification(Methods.status, (s: StatusParams) => {
      status.update(s);
      noteAnalysed(s.entries);
      if (tree.visible) view.refresh();
      void panel.refresh();
    }),
    vscode.commands.registerCommand('registryLens.explainResolution', (arg?: unknown) =>
      explainResolution(lc, docs, arg, false),
    ),
    vscode.commands.registerCommand('registryLens.explainResolutionInContext', (arg?: unknown) =>
      explainResolution(lc, docs, arg, true),
    ),
    vscode.commands.registerCommand('registryLens.selectContext', async () => {
      const file = vscode.window.activeTextEditor?.document.uri;
      const picked = await pickContext(
        lc,
        file?.scheme === 'file' ? file.toString() : undefined,
        'Registry Lens: Select Workspace Context',
      );
      if (picked === undefined) return;
      const params: SetContextParams = { folder: picked.folder, context: picked.context };
      await lc.sendRequest(Methods.setContext, params);
    }),
    vscode.commands.registerCommand('registryLens.showOverview', () => panel.show('overview')),
    // from a DAG file's explorer or editor menu: that DAG's graph
    vscode.commands.registerCommand('registryLens.showGraph', (file?: unknown) =>
      panel.show('graph', file instanceof vscode.Uri ? file : undefined),
    ),
    vscode.commands.registerCommand('registryLens.newWorkspace', () => newWorkspace(lc)),
    vscode.commands.registerCommand('registryLens.restartServer', () => lc.restart()),
    vscode.commands.registerCommand('registryLens.showReferences', async (uri: string, position: Position) => {
      const at = vscode.Uri.parse(uri);
      const pos = lc.protocol2CodeConverter.asPosition(position);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        at,
        pos,
      );
      await vscode.commands.executeCommand('editor.action.showReferences', at, pos, locations);
    }),
    vscode.commands.registerCommand(
      FIX_ALL_DONE,
      (done: FixAllDone) => void vscode.window.showInformationMessage(fixAllMessage(done)),
    ),
    ...registerLanguageModelTools(lc),
    ...registerMcpServerProvider(context),
  );
  context.subscriptions.push(
    startWhenWanted(context, async () => {
      void openWalkthroughOnce(context);
      await lc.start();
      context.subscriptions.push(followPythonSelection(lc));
    }),
  );
}

export async function deactivate(): Promise<void> {
  markShuttingDown();
  await client?.stop(2000).catch(() => {
    /* the server is gone already: nothing to stop */
  });
}
