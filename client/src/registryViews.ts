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

/** The views the commands below act on, over a client that has started. */
export interface RegistryViews {
  readonly lc: BaseLanguageClient;
  readonly panel: OverviewPanel;
}

/**
 * The Registries view, registered at activation (else VS Code says no data provider is registered): empty, with the
 * welcome text of package.json, until `attach`.
 */
export class RegistriesTree implements vscode.Disposable {
  private lc: BaseLanguageClient | undefined;
  readonly view = new RegistriesView(() => this.lc);
  readonly tree = vscode.window.createTreeView('registryLens.registries', { treeDataProvider: this.view });
  private readonly shown = this.tree.onDidChangeVisibility(({ visible }) => {
    if (visible) this.view.refresh();
  });

  /** From now on, `lc`'s server having started, the view shows what it reports. */
  attach(lc: BaseLanguageClient): void {
    this.lc = lc;
    this.view.refresh();
  }

  dispose(): void {
    this.shown.dispose();
    this.tree.dispose();
    this.view.dispose();
  }
}

/**
 * Registers the views over `lc` (the Registries view shows its data once attached to it, the server started); `status`
 * also hears each status notification (the status item). Their commands and the Registries view are registered apart
 * (registerRegistryViewCommands, RegistriesTree), at activation: the browser has no client before its server starts.
 */
export function registerRegistryViews(
  context: vscode.ExtensionContext,
  lc: BaseLanguageClient,
  registries: RegistriesTree,
  status?: (s: StatusParams) => void,
): { views: RegistryViews; disposables: vscode.Disposable[] } {
  const panel = new OverviewPanel(lc, context.extensionUri);
  const { view, tree } = registries;
  const disposables = [
    panel,
    lc.onNotification(Methods.status, (s: StatusParams) => {
      status?.(s);
      noteAnalysed(s.entries);
      if (tree.visible) view.refresh();
      void panel.refresh();
    }),
  ];
  return { views: { lc, panel }, disposables };
}

/**
 * The views' commands (Select Workspace Context, Show Registry Overview, Show Step Graph), there from activation in
 * any folder: `started` starts the server if it has not (a folder without registries starts none by itself) and gives
 * the views once it runs, so a command never finds no server and shows nothing.
 */
export function registerRegistryViewCommands(started: () => Promise<RegistryViews>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('registryLens.selectContext', async () => {
      const { lc } = await started();
      const file = serverFile(vscode.window.activeTextEditor?.document.uri);
      const picked = await pickContext(lc, file?.toString(), 'Registry Lens: Select Workspace Context', true);
      if (picked === undefined) return;
      const params: SetContextParams = { folder: picked.folder, context: picked.context };
      await lc.sendRequest(Methods.setContext, params);
    }),
    vscode.commands.registerCommand('registryLens.showOverview', async () => (await started()).panel.show('overview')),
    // from a DAG file's explorer or editor menu: that DAG's graph
    vscode.commands.registerCommand('registryLens.showGraph', async (file?: unknown) =>
      (await started()).panel.show('graph', file instanceof vscode.Uri ? file : undefined),
    ),
  ];
}
