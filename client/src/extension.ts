// The VS Code extension: starts the Registry Lens language server and adds the thin UI around it
// (commands, the Registries view, the status item, read-only Explain/Overview documents). Every
// answer comes from the server; nothing is analysed here.
import * as vscode from 'vscode';
import type { LanguageClient, Position } from 'vscode-languageclient/node';
import { Methods, type FolderOverview, type SetContextParams, type StatusParams } from '../../server/src/lsp/protocol';
import { explainResolution } from './explainCommand';
import { EXPLAIN_SCHEME, ExplainLinks } from './explainLinks';
import { createLanguageClient } from './languageClient';
import { OVERVIEW_URI, renderOverview } from './overviewDocument';
import { pickContext } from './pickers';
import { ReadOnlyDocuments } from './readOnlyDocuments';
import { RegistriesView } from './registriesView';
import { StatusItem } from './statusItem';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const lc = createLanguageClient(context);
  client = lc;
  const docs = new ReadOnlyDocuments();
  const overviewDocs = new ReadOnlyDocuments();
  const status = new StatusItem();
  const view = new RegistriesView(lc);
  const tree = vscode.window.createTreeView('registryLens.registries', { treeDataProvider: view });

  context.subscriptions.push(
    docs, overviewDocs, status, view, tree,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, docs),
    vscode.workspace.registerTextDocumentContentProvider(OVERVIEW_URI.scheme, overviewDocs),
    vscode.languages.registerDocumentLinkProvider({ scheme: EXPLAIN_SCHEME }, new ExplainLinks()),
    tree.onDidChangeVisibility(({ visible }) => { if (visible) view.refresh(); }),
    lc.onNotification(Methods.status, (s: StatusParams) => {
      status.update(s);
      if (tree.visible) view.refresh();
    }),
    vscode.commands.registerCommand('registryLens.explainResolution', (arg?: unknown) => explainResolution(lc, docs, arg)),
    vscode.commands.registerCommand('registryLens.selectContext', async () => {
      const picked = await pickContext(lc, undefined, 'Registry Lens: Select Workspace Context');
      if (picked === undefined) return;
      const params: SetContextParams = { folder: picked.folder, context: picked.context };
      await lc.sendRequest(Methods.setContext, params);
    }),
    vscode.commands.registerCommand('registryLens.showOverview', async () => {
      const folders = await lc.sendRequest<FolderOverview[]>(Methods.overview, {});
      await overviewDocs.show(OVERVIEW_URI, renderOverview(folders), 'markdown');
    }),
    vscode.commands.registerCommand('registryLens.restartServer', () => lc.restart()),
    vscode.commands.registerCommand('registryLens.showReferences', async (uri: string, position: Position) => {
      const at = vscode.Uri.parse(uri);
      const pos = lc.protocol2CodeConverter.asPosition(position);
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', at, pos);
      await vscode.commands.executeCommand('editor.action.showReferences', at, pos, locations);
    }),
  );
  await lc.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
