// "Registry Lens: Explain Resolution": the step at the cursor (or picked), in a picked context,
// explained by the server and shown as a read-only `registry-explain` document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type ExplainParams, type ExplainResult } from '../../server/src/lsp/protocol';
import { explainUri } from './explainLinks';
import { pickContext, pickStep } from './pickers';
import type { ReadOnlyDocuments } from './readOnlyDocuments';

/** Arguments a code lens passes; from the palette or a menu there are none (or a resource URI). */
interface ExplainArgs { uri?: string; step?: string; context?: string }

export async function explainResolution(client: LanguageClient, docs: ReadOnlyDocuments, arg?: unknown): Promise<void> {
  const given: ExplainArgs = typeof arg === 'object' && arg !== null && 'step' in arg ? arg as ExplainArgs : {};
  const editor = vscode.window.activeTextEditor;
  const uri = given.uri ?? editor?.document.uri.toString();
  const step = given.step ?? await stepAtCursor(client, editor) ?? await pickStep(client, uri);
  if (step === undefined) return;
  const context = given.context ?? (await pickContext(client, uri, `Explain '${step}' in context`))?.context;
  if (context === undefined) return;
  const params: ExplainParams = { step, context, ...(uri === undefined ? {} : { uri }) };
  const result = await client.sendRequest<ExplainResult | null>(Methods.explain, params);
  if (result === null) {
    void vscode.window.showInformationMessage('Registry Lens: open a workspace folder to explain resolutions.');
    return;
  }
  await docs.show(explainUri(result.folder, step, context), result.text, 'registry-explain');
}

async function stepAtCursor(client: LanguageClient, editor: vscode.TextEditor | undefined): Promise<string | undefined> {
  if (editor === undefined || editor.document.uri.scheme !== 'file') return undefined;
  const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  const step = await client.sendRequest<string | null>(Methods.stepAt, { uri: editor.document.uri.toString(), position });
  return step ?? undefined;
}
