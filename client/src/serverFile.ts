// Which editor files to ask the server about (the context of the active file, its step graph): those of the
// workspace folders, on whatever scheme they have, and on the desktop any file on disk (library code).
import * as vscode from 'vscode';

/**
 * `uri` when the server may know its file: one of a workspace folder (on any scheme: the browser's folders are
 * virtual), or another on disk (an installed framework's may lie outside the folders).
 */
export function serverFile(uri: vscode.Uri | undefined): vscode.Uri | undefined {
  if (uri === undefined) return undefined;
  return uri.scheme === 'file' || vscode.workspace.getWorkspaceFolder(uri) !== undefined ? uri : undefined;
}
