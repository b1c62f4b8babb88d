// Quick picks over server data: a step name, or a context (core or a workspace id) with the current
// file's context first, then the active one.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type FolderContexts, type StepNamesParams } from '../../server/src/lsp/protocol';

export interface ContextItem extends vscode.QuickPickItem { folder: string; context: string }

export async function pickStep(client: LanguageClient, uri: string | undefined): Promise<string | undefined> {
  const params: StepNamesParams = uri === undefined ? {} : { uri };
  const names = await client.sendRequest<string[]>(Methods.stepNames, params);
  return vscode.window.showQuickPick(names, { title: 'Registry Lens: Explain Resolution', placeHolder: 'Step to explain' });
}

/** Contexts of the folder of `uri` (every folder when undefined): the file's own first, then the active one; no question when there is only one. */
export async function pickContext(client: LanguageClient, uri: string | undefined, title: string): Promise<ContextItem | undefined> {
  const folders = await client.sendRequest<FolderContexts[]>(Methods.contexts, uri === undefined ? {} : { uri });
  const items = folders.flatMap((f): (ContextItem | vscode.QuickPickItem)[] => [
    ...(folders.length > 1 ? [{ label: f.name, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...[...f.contexts]
      .sort((a, b) => rank(b, f) - rank(a, f))
      .map((c): ContextItem => ({
        label: c.id,
        description: [c.id === f.current ? 'this file' : '', c.id === f.active ? 'active' : '', c.dir ?? 'core registry'].filter(Boolean).join(' · '),
        detail: c.dir === null ? undefined : `${c.localSteps} local steps, ${c.overrides} overrides`,
        folder: f.folder,
        context: c.id,
      })),
  ]);
  const only = items.filter((i): i is ContextItem => 'context' in i);
  if (only.length === 1) return only[0];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Workspace context' });
  return picked !== undefined && 'context' in picked ? picked as ContextItem : undefined;
}

function rank(c: { id: string }, f: FolderContexts): number {
  return (c.id === f.current ? 2 : 0) + (c.id === f.active ? 1 : 0);
}
