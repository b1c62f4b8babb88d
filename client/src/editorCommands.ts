// The commands behind the server's editor features, alike on the desktop (extension.ts) and in the browser
// (browserExtension.ts): Explain Resolution and Explain Resolution in Context… (from the palette, a menu or a code
// lens; their read-only documents and the links in them), the references a code lens shows, and what Fix All did.
import * as vscode from 'vscode';
import type { BaseLanguageClient, Position } from 'vscode-languageclient';
import { FIX_ALL_DONE, type FixAllDone } from '../../server/src/lsp/protocol';
import { explainResolution } from './explainCommand';
import { EXPLAIN_SCHEME, ExplainLinks } from './explainLinks';
import { fixAllMessage } from './fixAllMessage';
import { ReadOnlyDocuments } from './readOnlyDocuments';

export function registerEditorCommands(lc: BaseLanguageClient): vscode.Disposable[] {
  const docs = new ReadOnlyDocuments();
  return [
    docs,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, docs),
    vscode.languages.registerDocumentLinkProvider({ scheme: EXPLAIN_SCHEME }, new ExplainLinks()),
    vscode.commands.registerCommand('registryLens.explainResolution', (arg?: unknown) =>
      explainResolution(lc, docs, arg, false),
    ),
    vscode.commands.registerCommand('registryLens.explainResolutionInContext', (arg?: unknown) =>
      explainResolution(lc, docs, arg, true),
    ),
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
  ];
}
