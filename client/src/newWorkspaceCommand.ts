// "Registry Lens: New Developer Workspace": asks for an id and a template (or a workspace to copy),
// lets the server write cursus's own init-workspace files as `registry-lens init-workspace` does
// (never over an existing file), and opens the new registry.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  type FolderContexts,
  type NewWorkspaceParams,
  type NewWorkspaceResult,
  type WorkspaceTemplateChoice,
} from '../../server/src/lsp/protocol';

interface TemplateItem extends vscode.QuickPickItem {
  template: WorkspaceTemplateChoice;
  copyFrom?: string;
}

export async function newWorkspace(client: LanguageClient): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const folders = await client.sendRequest<FolderContexts[]>(
    Methods.contexts,
    uri === undefined ? {} : { uri: uri.toString() },
  );
  const taken = new Set(folders.flatMap((f) => f.contexts.map((c) => c.id)));
  const id = await vscode.window.showInputBox({
    title: 'Registry Lens: New Developer Workspace',
    prompt: 'Workspace id (the developer_id): letters, digits, _ and -',
    validateInput: (v) =>
      !/^[A-Za-z0-9_-]+$/.test(v)
        ? 'Use only letters, digits, _ and -'
        : taken.has(v)
          ? `'${v}' is already a workspace id`
          : undefined,
  });
  if (id === undefined) return;
  const items: TemplateItem[] = [
    {
      label: 'standard',
      description: "cursus's standard registry: one local step to implement (CustomProcessingStep)",
      template: 'standard',
    },
    {
      label: 'minimal',
      description: "cursus's minimal registry: empty LOCAL_STEPS and STEP_OVERRIDES",
      template: 'minimal',
    },
    {
      label: 'advanced',
      description: "cursus's advanced registry: two local steps to implement, with framework, priority and strategy",
      template: 'advanced',
    },
    ...folders.flatMap((f) =>
      f.contexts
        .filter((c) => c.dir !== null)
        .map((c): TemplateItem => ({
          label: `copy of ${c.id}`,
          description: c.dir ?? '',
          template: 'standard',
          copyFrom: c.id,
        })),
    ),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `New workspace '${id}'`,
    placeHolder: 'Registry template',
  });
  if (picked === undefined) return;
  const params: NewWorkspaceParams = {
    id,
    template: picked.template,
    ...(uri ? { uri: uri.toString() } : {}),
    ...(picked.copyFrom ? { copyFrom: picked.copyFrom } : {}),
  };
  const result = await client.sendRequest<NewWorkspaceResult>(Methods.newWorkspace, params);
  if (result.error !== undefined) {
    void vscode.window.showErrorMessage(`Registry Lens: ${result.error}`);
    return;
  }
  if (result.registry !== undefined) await vscode.window.showTextDocument(vscode.Uri.parse(result.registry));
  const kept = result.kept.length > 0 ? `; ${result.kept.length} existing kept as they were` : '';
  void vscode.window.showInformationMessage(
    `Registry Lens: workspace '${id}' created (${result.created.length} files${kept}).`,
  );
}
