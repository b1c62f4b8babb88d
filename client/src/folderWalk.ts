// A walk of a folder's directories through `workspace.fs`, level by level with a level's directories listed at once:
// every scheme the workbench opens has a file system, not every one a file search (the workbench waits for one that
// never comes, as on an extension's own scheme). Used by the web extension's listing and by the start's check for
// registries. Links are not entered (a link can loop or leave the folder) and not given as files.
import * as vscode from 'vscode';

export interface FolderWalk {
  /** Directories of these names are not entered. */
  readonly skipped: readonly string[];
  /** Each file's URI and folder-relative path; returning true ends the walk. */
  readonly file: (uri: vscode.Uri, rel: string) => boolean | void;
  /** At most this many directories are listed. */
  readonly maxDirectories?: number;
}

/** Walks `folder`; resolves to how it ended: every directory listed, a file ended it, or the limit cut it. */
export async function walkFolder(folder: vscode.Uri, walk: FolderWalk): Promise<'listed' | 'ended' | 'cut'> {
  let budget = walk.maxDirectories ?? Number.POSITIVE_INFINITY;
  let level: { uri: vscode.Uri; rel: string }[] = [{ uri: folder, rel: '' }];
  while (level.length > 0) {
    if (level.length > budget) return 'cut';
    budget -= level.length;
    const dirs = level;
    // an unlistable directory lists nothing, as the walk of a folder on disk
    const listed = await Promise.all(
      dirs.map(({ uri }) => Promise.resolve(vscode.workspace.fs.readDirectory(uri)).catch(() => [])),
    );
    level = [];
    for (const [i, entries] of listed.entries()) {
      const dir = dirs[i] as { uri: vscode.Uri; rel: string };
      for (const [name, type] of entries) {
        const uri = vscode.Uri.joinPath(dir.uri, name);
        const rel = dir.rel === '' ? name : `${dir.rel}/${name}`;
        // a link to a file may lead out of the folder, which the web worker cannot judge (the desktop reads one only
        // when it stays inside)
        const link = (type & vscode.FileType.SymbolicLink) !== 0;
        if ((type & vscode.FileType.File) !== 0 && !link && walk.file(uri, rel) === true) return 'ended';
        if (type === vscode.FileType.Directory && !walk.skipped.includes(name)) level.push({ uri, rel });
      }
    }
  }
  return 'listed';
}
