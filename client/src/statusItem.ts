// The status bar item: active context, problem counts and last analysis time of the folder of the
// active editor (else the first folder reported). Clicking it selects the workspace context.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('registryLens.status', vscode.StatusBarAlignment.Left, 10);
  private readonly byFolder = new Map<string, StatusParams>();
  private readonly editorListener = vscode.window.onDidChangeActiveTextEditor(() => this.render());

  constructor() {
    this.item.name = 'Registry Lens';
    this.item.command = 'registryLens.selectContext';
  }

  update(status: StatusParams): void {
    this.byFolder.set(status.folder, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const folder = uri === undefined ? undefined : vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
    const s = (folder === undefined ? undefined : this.byFolder.get(folder)) ?? this.byFolder.values().next().value;
    if (s === undefined) return this.item.hide();
    this.item.text = `$(list-tree) ${s.context}  $(error) ${s.errors}  $(warning) ${s.warnings}`;
    this.item.tooltip = [
      `Registry Lens — context: ${s.context}`,
      `${s.entries} entries, ${s.workspaces} workspaces`,
      `Last analysis: ${s.lastAnalysisMs} ms`,
      'Click to select the workspace context',
    ].join('\n');
    this.item.show();
  }

  dispose(): void {
    this.editorListener.dispose();
    this.item.dispose();
  }
}
