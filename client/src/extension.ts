// The VS Code extension: starts the Registry Lens language server and adds the thin UI around it
// (commands, the Registries view, the status items, the Explain documents, the Overview webview, and
// the language-model tools and MCP server offered to chat agents).
// Every answer comes from the server; nothing is analysed here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerEditorCommands } from './editorCommands';
import { createLanguageClient, markShuttingDown } from './languageClient';
import { registerLanguageModelTools } from './languageModelTools';
import { registerMcpServerProvider } from './mcpServerProvider';
import { newWorkspace } from './newWorkspaceCommand';
import { followPythonSelection } from './pythonSelection';
import { CodeDocs } from './codeDocs';
import { RegistriesTree, registerRegistryViewCommands, registerRegistryViews } from './registryViews';
import { startWhenWanted } from './startWhenWanted';
import { StatusItem } from './statusItem';
import { openWalkthroughOnce } from './walkthrough';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const codeDocs = new CodeDocs(vscode.Uri.joinPath(context.extensionUri, 'docs', 'diagnostics.md'));
  const lc = createLanguageClient(context, codeDocs);
  client = lc;
  const status = new StatusItem(lc);
  const registries = new RegistriesTree();
  const views = registerRegistryViews(context, lc, registries, (s) => status.update(s));
  let starting: Promise<void> | undefined;
  // once, by the window (startWhenWanted) or by the first view command
  const start = (): Promise<void> =>
    (starting ??= (async () => {
      void openWalkthroughOnce(context);
      await lc.start();
      registries.attach(lc);
      context.subscriptions.push(followPythonSelection(lc));
    })());

  context.subscriptions.push(
    status,
    registries,
    codeDocs.register(),
    ...views.disposables,
    ...registerRegistryViewCommands(() => start().then(() => views.views)),
    ...registerEditorCommands(lc),
    vscode.commands.registerCommand('registryLens.newWorkspace', () => newWorkspace(lc)),
    vscode.commands.registerCommand('registryLens.restartServer', () => lc.restart()),
    ...registerLanguageModelTools(lc),
    ...registerMcpServerProvider(context),
  );
  context.subscriptions.push(startWhenWanted(context, start));
}

export async function deactivate(): Promise<void> {
  markShuttingDown();
  await client?.stop(2000).catch(() => {
    /* the server is gone already: nothing to stop */
  });
}
