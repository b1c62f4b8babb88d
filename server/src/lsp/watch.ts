// Keeps the engines in step with the disk for files that are not open: registers the file watchers
// (created, changed, deleted files of the names the families read; anything created or deleted — directories
// on a branch switch, ONEX version directories and `.wip` markers) and applies their events.
import {
  DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type DidChangeWatchedFilesParams, type FileEvent,
} from 'vscode-languageserver/node';
import type { Session } from './session';
import { PATHS } from '../engine/engine';

export async function registerWatchers(session: Session): Promise<void> {
  await session.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: `**/{${PATHS.names.join(',')}}` },
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ],
  });
}

/** Applies each change of the batch on its own: one that fails is logged, and the others still apply. */
export function applyWatchedFiles(session: Session, params: DidChangeWatchedFilesParams): void {
  for (const change of params.changes) {
    try {
      applyChange(session, change);
    } catch (e) {
      session.connection.console.error(`watched-file change ${JSON.stringify((change as Partial<FileEvent> | null)?.uri)} not applied: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function applyChange(session: Session, change: FileEvent): void {
  // A URI that names no path of ours (another host's `file://otherhost/…`) locates nothing.
  const target = session.folders.locate(change.uri);
  if (target === undefined || target.folder.open.has(target.rel)) return;
  const { folder, rel } = target;
  if (change.type === FileChangeType.Deleted) folder.removed(rel);
  else if (change.type === FileChangeType.Created) folder.created(rel);
  else folder.readLater(rel);
}
