// The Get Started walkthrough: opened once, on the first activation after install (VS Code opens an
// extension's walkthrough itself only when it is installed into a running window, not when it was
// installed before the window started), unless the user turned `workbench.welcomePage.walkthroughs.
// openOnInstall` off (machine-scoped: a remote window's extension host reads it from the remote's
// settings, not the user's); and the context keys its steps complete on. VS Code ticks an `onContext:` step
// only when the key changes to true after the walkthrough is registered (one already true then, such as
// `workspaceFolderCount != 0` in a window opened on a folder, never ticks), so the keys are the
// extension's own, set once it has seen a registry analysed and a hover it answered (VS Code has no
// completion event for a hover made with the mouse).
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';

export const WALKTHROUGH = 'registryLens.gettingStarted';
/** The context keys of the steps' completion events (package.json: `onContext:registryLens.…`). */
export const HOVERED = 'registryLens.hovered';
export const ANALYSED = 'registryLens.registryAnalysed';
const SHOWN = 'registryLens.walkthroughShown';

export async function openWalkthroughOnce(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN) === true) return;
  await context.globalState.update(SHOWN, true);
  if (vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall') === false)
    return;
  await vscode.commands.executeCommand(
    'workbench.action.openWalkthrough',
    `${context.extension.id}#${WALKTHROUGH}`,
    false,
  );
}

const noted = new Set<string>();
/** Sets a step's context key (once: it stays set for the window). */
function note(key: string): void {
  if (noted.has(key)) return;
  noted.add(key);
  void vscode.commands.executeCommand('setContext', key, true);
}
/** The language clients' hover middleware: the hover step completes on a hover the server answered. */
export const noteHovers: Middleware['provideHover'] = async (document, position, token, next) => {
  const hover = await next(document, position, token);
  if (hover) note(HOVERED);
  return hover;
};
/** An analysis found registry entries in an open folder. */
export function noteAnalysed(entries: number): void {
  if (entries > 0) note(ANALYSED);
}
