// "Registry Lens: Explain Resolution": the step at the cursor (or picked), explained by the server in
// the open file's context — its developer workspace, else the folder's active context — without a
// question, and shown as a read-only `registry-explain` document. "Explain Resolution in Context…"
// asks for the context first.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, type ExplainParams, type ExplainResult, type FolderContexts } from '../../server/src/lsp/protocol';
import { explainUri } from './explainLinks';
import { pickContext, pickStep } from './pickers';
import type { ReadOnlyDocuments } from './readOnlyDocuments';

/** Arguments a code lens passes; from the palette or a menu there are none (or a resource URI). */
interface ExplainArgs {
  uri?: string;
  step?: string;
  context?: string;
}

export async function explainResolution(
  client: BaseLanguageClient,
  docs: ReadOnlyDocuments,
  arg: unknown,
  ask: boolean,
): Promise<void> {
  const given: ExplainArgs = typeof arg === 'object' && arg !== null && 'step' in arg ? (arg as ExplainArgs) : {};
  const editor = vscode.window.activeTextEditor;
  const uri = given.uri ?? editor?.document.uri.toString();
  const own = given.context ?? (ask ? undefined : await fileContext(client, uri));
  const step = given.step ?? (await stepAtCursor(client, editor)) ?? (await pickStep(client, uri, own));
  if (step === undefined) return;
  const context = own ?? (await pickContext(client, uri, `Explain '${step}' in context`))?.context;
  if (context === undefined) return;
  const params: ExplainParams = { step, context, ...(uri === undefined ? {} : { uri }) };
  const result = await client.sendRequest<ExplainResult | null>(Methods.explain, params);
  if (result === null) {
    void vscode.window.showInformationMessage('Registry Lens: open a workspace folder to explain resolutions.');
    return;
  }
  await docs.show(explainUri(result.folder, step, context), result.text, 'registry-explain');
}

/** The context a file's step names resolve in: its developer workspace's, else the folder's active one. */
async function fileContext(client: BaseLanguageClient, uri: string | undefined): Promise<string | undefined> {
  const folders = await client.sendRequest<FolderContexts[]>(Methods.contexts, uri === undefined ? {} : { uri });
  const f = folders[0];
  if (f === undefined) return undefined;
  return f.current !== undefined && f.currentDir !== undefined && f.currentDir !== null ? f.current : f.active;
}

async function stepAtCursor(
  client: BaseLanguageClient,
  editor: vscode.TextEditor | undefined,
): Promise<string | undefined> {
  // the server answers null for a document no folder of its holds
  if (editor === undefined) return undefined;
  const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  const step = await client.sendRequest<string | null>(Methods.stepAt, {
    uri: editor.document.uri.toString(),
    position,
  });
  return step ?? undefined;
}
