// The workspace folders of a session (multi-root): one Folder, so one engine, per root. A file
// belongs to the deepest folder that contains it.
import type { Folder } from './folder';
import { namedFolder, sameFolder } from './uriPaths';

export interface Target {
  folder: Folder;
  rel: string;
  /** A request from a notebook's cell: the cell's URI (`rel` is the notebook's). */
  cell?: string;
}

export class Folders {
  private list: Folder[] = [];

  all(): readonly Folder[] {
    return this.list;
  }
  add(folder: Folder): void {
    this.list.push(folder);
  }

  remove(uri: string): Folder | undefined {
    const folder = this.byUri(uri);
    this.list = this.list.filter((f) => f !== folder);
    return folder;
  }

  byUri(uri: string): Folder | undefined {
    return this.list.find((f) => sameFolder(f.uri, uri));
  }

  /** The folder owning a document URI, and the document's root-relative path. */
  locate(uri: string): Target | undefined {
    let best: Target | undefined;
    for (const folder of this.list) {
      const rel = folder.relOf(uri);
      if (rel !== undefined && (best === undefined || folder.fsPath.length > best.folder.fsPath.length))
        best = { folder, rel };
    }
    return best;
  }

  /**
   * The folder (or the folder of the document, or of the installed framework the document is a file of) named by `uri`;
   * else the first folder.
   */
  pick(uri: string | undefined): Folder | undefined {
    return namedFolder(this.list, uri, (u) => this.locate(u)?.folder ?? this.list.find((f) => f.libraryOf(u) !== null));
  }

  /** Root-relative paths of the other folders nested inside `folder`. */
  nestedIn(folder: Folder): string[] {
    return this.list.flatMap((f) => {
      const rel = f === folder ? undefined : folder.relOf(f.uri);
      return rel === undefined ? [] : [rel];
    });
  }
}
