// Tells the server the Python environment the Python extension (ms-python.python) has selected for each workspace
// folder, through the extension's public API, and again whenever the selection or the folders change: the server reads
// the installed frameworks from it when the machine-scoped setting names none (lsp/settings.ts). Only in a trusted
// workspace: a cloned repository's settings may steer the Python extension's selection, and in Restricted Mode they
// must not steer our reads. A Python extension installed or enabled while the window is open is followed from then on
// (VS Code adds it without a reload). The API is typed here by the two members used (the `@vscode/python-extension`
// facade is those lines plus a dependency whose engines ask for a newer VS Code and Node than ours).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type PythonEnvironmentsParams } from '../../server/src/lsp/protocol';

const PYTHON_EXTENSION = 'ms-python.python';

/** The part of the Python extension's exported API (`PythonExtension.environments`) read here. */
interface PythonApi {
  readonly environments: {
    /** The interpreter or environment folder selected for a folder (`path`). */
    getActiveEnvironmentPath(resource?: vscode.Uri): { readonly path: string };
    readonly onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
  };
}

/** Follows the Python extension's selection for the server, once the workspace is trusted; nothing without it. */
export function followPythonSelection(lc: LanguageClient): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];
  let following = false;
  const start = async (extension: vscode.Extension<unknown>): Promise<void> => {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!isPythonApi(exports)) return;
    const send = (): void => {
      const environments = (vscode.workspace.workspaceFolders ?? []).flatMap((f) => {
        const selected = exports.environments.getActiveEnvironmentPath(f.uri).path;
        return typeof selected === 'string' && selected !== '' ? [{ folder: f.uri.toString(), path: selected }] : [];
      });
      const params: PythonEnvironmentsParams = { environments };
      void lc.sendNotification(Methods.pythonEnvironments, params);
    };
    subscriptions.push(
      exports.environments.onDidChangeActiveEnvironmentPath(send),
      vscode.workspace.onDidChangeWorkspaceFolders(send),
    );
    send();
  };
  const run = (): void => {
    const extension = vscode.extensions.getExtension<unknown>(PYTHON_EXTENSION);
    if (following || extension === undefined || !vscode.workspace.isTrusted) return;
    following = true;
    void start(extension).catch((e: unknown) =>
      lc.warn(`the Python extension's environment is not followed: ${String(e)}`, undefined, false),
    );
  };
  subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(run), vscode.extensions.onDidChange(run));
  run();
  return new vscode.Disposable(() => {
    for (const s of subscriptions) s.dispose();
  });
}

function isPythonApi(value: unknown): value is PythonApi {
  const environments = (value as { environments?: Partial<PythonApi['environments']> } | undefined)?.environments;
  return (
    typeof environments?.getActiveEnvironmentPath === 'function' &&
    typeof environments.onDidChangeActiveEnvironmentPath === 'function'
  );
}
