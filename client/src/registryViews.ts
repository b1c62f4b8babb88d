// The views over the server's registry data, alike on the desktop (extension.ts) and in the browser
// (browserExtension.ts): the Registries view, the Registry Overview and Step Graph webview, the workspace context
// picker, and the walkthrough's steps (they tick as analyses are reported). The server's status
// notification after each analysis refreshes them.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, type SetContextParams, type StatusParams } from '../../server/src/lsp/protocol';
import { OverviewPanel } from './overviewPanel';
import { pickContext } from './pickers';
import { RegistriesView } from './registriesView';
import { serverFile } from './serverFile';
import { noteAnalysed } from './walkthrough';

/** Registers the views and their commands; `status` also hears each status notification (the status item). */
export function registerRegistryViews(
  context: vscode.ExtensionContext,
  lc: BaseLanguageClient,
  status?: (s: StatusParams) => void,
): vscode.Disposable[] {
  const panel = new OverviewPanel(lc, context.extensionUri);
  const view = new RegistriesView(lc);
  const tree = vscode.window.createTreeView('registryLens.registries', { treeDataProvider: view });
  return [
    panel,
    view,
    tree,
    tree.onDidChangeVisibility(({ visible }) => {
      if (visible) view.refresh();
    }),
    lc.onNotification(Methods.status, (s: StatusParams) => {
      status?.(s);
      noteAnalysed(s.entries);
      if (tree.visible) view.refresh();
      void panel.refresh();
    }),
    vscode.commands.registerCommand('registryLens.selectContext', async () => {
      const file = serverFile(vscode.window.activeTextEditor?.document.uri);
      const picked = await pickContext(lc, file?.toString(), 'Registry Lens: Select Workspace Context');
      if (picked === undefined) return;
      const params: SetContextParams = { folder: picked.folder, context: picked.context };
      await lc.sendRequest(Methods.setContext, params);
    }),
    vscode.commands.registerCommand('registryLens.showOverview', () => panel.show('overview')),
    // from a DAG file's explorer or editor menu: that DAG's graph
    vscode.commands.registerCommand('registryLens.showGraph', (file?: unknown) =>
      panel.show('graph', file instanceof vscode.Uri ? file : undefined),
    ),
  ];
}
