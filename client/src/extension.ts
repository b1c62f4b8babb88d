// The VS Code extension: starts the Registry Lens language server and adds the thin UI around it
// (commands, the Registries view, the status items, the Explain documents, the Overview webview, and
// the language-model tools and MCP server offered to chat agents).
// Every answer comes from the server; nothing is analysed here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type SetContextParams, type StatusParams } from '../../server/src/lsp/protocol';
import { registerEditorCommands } from './editorCommands';
import { createLanguageClient, markShuttingDown } from './languageClient';
import { registerLanguageModelTools } from './languageModelTools';
import { registerMcpServerProvider } from './mcpServerProvider';
import { newWorkspace } from './newWorkspaceCommand';
import { OverviewPanel } from './overviewPanel';
import { pickContext } from './pickers';
import { followPythonSelection } from './pythonSelection';
import { CODE_DOCS_SCHEME, CodeDocs } from './codeDocs';
import { RegistriesView } from './registriesView';
import { StatusItem } from './statusItem';
import { noteAnalysed, openWalkthroughOnce } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const codeDocs = new CodeDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md'));
  const lc = createLanguageClient(context, codeDocs);
  client = lc;
  const status = new StatusItem(lc);
  const panel = new OverviewPanel(lc, context.extensionUri);
  const view = new RegistriesView(lc);
  const tree = vscode.window.createTreeView('registryLens.registries', { treeDataProvider: view });

  context.subscriptions.push(
    status,
    panel,
    view,
    tree,
    vscode.workspace.registerTextDocumentContentProvider(CODE_DOCS_SCHEME, codeDocs),
    vscode.window.onDidChangeActiveTextEditor((editor) => void codeDocs.opened(editor)),
    tree.onDidChangeVisibility(({ visible }) => {
      if (visible) view.refresh();
    }),
    lc.onNotification(Methods.status, (s: StatusParams) => {
      status.update(s);
      noteAnalysed(s.entries);
      if (tree.visible) view.refresh();
      void panel.refresh();
    }),
    ...registerEditorCommands(lc),
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
    ...registerLanguageModelTools(lc),
    ...registerMcpServerProvider(context),
  );
  void openWalkthroughOnce(context);
  await lc.start();
  context.subscriptions.push(followPythonSelection(lc));
}

export async function deactivate(): Promise<void> {
  markShuttingDown();
  await client?.stop(2000).catch(() => {
    /* the server is gone already: nothing to stop */
  });
}
