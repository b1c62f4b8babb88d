// When the extension starts its language server. `workspaceContains` activation needs a file search, which a folder
// on an extension's file system (a web editor's virtual folder, an in-memory one) may not have: there it never fires.
// So the extension also activates once the editor has started (`onStartupFinished`), and activating starts nothing by
// itself: the server starts when the window is worth it, checked cheaply — a document the server reads is open, or a
// folder holds a file the `workspaceContains` globs match, found by the editor's file search or (in the browser, where
// a folder's file system may have none) by a walk of at most MAX_DIRECTORIES directories through `workspace.fs` — else
// at the first such document.
import * as vscode from 'vscode';
import { documentSelector } from './documentSelector';
import { walkFolder } from './folderWalk';

/** The walk's bound: a folder's registries sit within a few levels (cursus's `src/cursus/registry/`). */
const MAX_DIRECTORIES = 2_000;
/** Directories neither the search nor the walk looks into (the language server's listing skips them too). */
const SKIPPED = ['node_modules', '.git'];

/** The `workspaceContains` globs of the extension's activation events. */
function markerGlobs(context: vscode.ExtensionContext): string[] {
  const events = (context.extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
  return events.flatMap((e) => (e.startsWith('workspaceContains:') ? [e.slice('workspaceContains:'.length)] : []));
}

/** A test of folder-relative paths for `globs`, each `**` + `/` and a path whose `*` match within a name. */
function markerTest(globs: readonly string[]): (rel: string) => boolean {
  const escape = (s: string): string => s.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '[^/]*');
  const res = globs.map((g) => new RegExp(`(?:^|/)${escape(g.replace(/^\*\*\//, ''))}$`));
  return (rel) => res.some((re) => re.test(rel));
}

/**
 * Whether a folder holds a marker: by the file search alone (the desktop's, on disk, always answers), or with `walk`
 * the first of the search and the walk to find one, or both to find none.
 */
async function holdsMarker(globs: readonly string[], walk: boolean): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0 || globs.length === 0) return false;
  const isMarker = markerTest(globs);
  const found = (p: Promise<boolean>): Promise<true> => p.then((yes) => (yes ? true : new Promise<true>(() => {})));
  // the search may never answer (no search provider): the walk's finding then decides
  const search = Promise.resolve(
    vscode.workspace.findFiles(`{${globs.join(',')}}`, `**/{${SKIPPED.join(',')}}/**`, 1),
  ).then(
    (uris) => uris.length > 0,
    () => false,
  );
  if (!walk) return search;
  const walked = Promise.all(
    folders.map((f) =>
      walkFolder(f.uri, { skipped: SKIPPED, file: (_uri, rel) => isMarker(rel), maxDirectories: MAX_DIRECTORIES }),
    ),
  ).then((ends) => ends.includes('ended'));
  const neither = Promise.all([search, walked]).then(([a, b]) => a || b);
  return Promise.race([found(search), found(walked), neither]);
}

/**
 * Runs `start` once the window is worth starting for (see above; `walk`: the folder's file system may have no file
 * search); the returned disposable stops waiting for a document.
 */
export function startWhenWanted(
  context: vscode.ExtensionContext,
  start: () => Promise<void>,
  walk = false,
): vscode.Disposable {
  let started = false;
  const go = (): void => {
    if (started) return;
    started = true;
    listener.dispose();
    // a failed start is the language client's to show
    start().catch(() => undefined);
  };
  const read = (doc: vscode.TextDocument): boolean => vscode.languages.match(documentSelector(), doc) > 0;
  const listener = vscode.workspace.onDidOpenTextDocument((doc) => {
    if (read(doc)) go();
  });
  if (vscode.workspace.textDocuments.some(read)) go();
  else
    void holdsMarker(markerGlobs(context), walk).then((yes) => {
      if (yes) go();
    });
  return listener;
}
