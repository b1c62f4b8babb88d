// The Get Started walkthrough: opened once, on the first activation after install (VS Code opens an
// extension's walkthrough itself only when it is installed into a running window, not when it was
// installed before the window started), unless the user turned `workbench.welcomePage.walkthroughs.
// openOnInstall` off; and the context key its hover step completes on, set by a hover Registry Lens
// answered (VS Code has no completion event for a hover made with the mouse).
import * as vscode from 'vscode';

export const WALKTHROUGH = 'registryLens.gettingStarted';
/** The context key of the hover step's completion event (package.json: `onContext:registryLens.hovered`). */
export const HOVERED = 'registryLens.hovered';
const SHOWN = 'registryLens.walkthroughShown';

export async function openWalkthroughOnce(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN) === true) return;
  await context.globalState.update(SHOWN, true);
  if (vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall') === false) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false);
}

let hovered = false;
/** Records that Registry Lens answered a hover (once: the key stays set for the window). */
export function noteHover(): void {
  if (hovered) return;
  hovered = true;
  void vscode.commands.executeCommand('setContext', HOVERED, true);
}
