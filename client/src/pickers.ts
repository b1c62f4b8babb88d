// Quick picks over server data: a step name, or a context (core or a workspace id) with the current
// file's context first, then the active one. Two workspaces with one id are told apart by directory.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, type ContextInfo, type FolderContexts, type StepNamesParams } from '../../server/src/lsp/protocol';
import { contextLabel } from './contextLabels';

export interface ContextItem extends vscode.QuickPickItem {
  folder: string;
  context: string;
}

/** A step visible in `context` (default: the active context of the folder of `uri`). */
export async function pickStep(
  client: BaseLanguageClient,
  uri: string | undefined,
  context?: string,
): Promise<string | undefined> {
  const params: StepNamesParams = {
    ...(uri === undefined ? {} : { uri }),
    ...(context === undefined ? {} : { context }),
  };
  const names = await client.sendRequest<string[]>(Methods.stepNames, params);
  return vscode.window.showQuickPick(names, {
    title: 'Registry Lens: Explain Resolution',
    placeHolder: 'Step to explain',
  });
}

/**
 * Contexts of the folder of `uri` (every folder when undefined): the file's own first, then the active one;
 * no question when there is only one: it is taken, or with `choosing` (a context to make active) said to be the only.
 */
export async function pickContext(
  client: BaseLanguageClient,
  uri: string | undefined,
  title: string,
  choosing = false,
): Promise<ContextItem | undefined> {
  const folders = await client.sendRequest<FolderContexts[]>(Methods.contexts, uri === undefined ? {} : { uri });
  const items = folders.flatMap((f): (ContextItem | vscode.QuickPickItem)[] => {
    const isCurrent = (c: ContextInfo): boolean =>
      f.currentDir !== undefined ? c.dir === f.currentDir : c.id === f.current;
    // the context an id selects is its first directory (RL015); a later one only shares the id
    const firstDir = (c: ContextInfo): boolean => f.contexts.find((x) => x.id === c.id) === c;
    const rank = (c: ContextInfo): number => (isCurrent(c) ? 2 : 0) + (c.id === f.active && firstDir(c) ? 1 : 0);
    return [
      ...(folders.length > 1 ? [{ label: f.name, kind: vscode.QuickPickItemKind.Separator }] : []),
      ...[...f.contexts]
        .sort((a, b) => rank(b) - rank(a))
        .map((c): ContextItem => ({
          label: contextLabel(c, f.contexts),
          description: [
            isCurrent(c) ? 'this file' : '',
            c.id === f.active && firstDir(c) ? 'active' : '',
            c.dir ?? 'core registry',
          ]
            .filter(Boolean)
            .join(' · '),
          detail:
            c.dir === null
              ? undefined
              : `${c.localSteps} local step${c.localSteps === 1 ? '' : 's'}, ` +
                `${c.overrides} override${c.overrides === 1 ? '' : 's'}` +
                (firstDir(c)
                  ? ''
                  : ` · id '${c.id}' is also declared by an earlier workspace, which is the one used (RL015)`),
          folder: f.folder,
          context: c.id,
        })),
    ];
  });
  const only = items.filter((i): i is ContextItem => 'context' in i);
  if (only.length <= 1 && choosing) {
    // rather than a pick of one or none, or nothing at all: why there is nothing to choose
    const found = only.length === 0 ? 'no registry' : 'only the core registry';
    void vscode.window.showInformationMessage(
      `${title}: the open folders have no developer workspace (${found}), so there is no other context to pick.`,
    );
    return undefined;
  }
  if (only.length === 1) return only[0];
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Workspace context' });
  return picked !== undefined && 'context' in picked ? (picked as ContextItem) : undefined;
}
