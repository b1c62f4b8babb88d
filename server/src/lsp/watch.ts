// Keeps the engines in step with the disk for files that are not open: registers the file watchers
// (created, changed, deleted files of the names the families read; anything created or deleted — directories
// on a branch switch, ONEX version directories and `.wip` markers) and applies their events.
import {
  DidChangeWatchedFilesNotification,
  WatchKind,
  type DidChangeWatchedFilesParams,
  type FileEvent,
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

/** Queues each change of the batch, in order, on its own: one that fails is logged, and the others still apply. */
export function applyWatchedFiles(session: Session, params: DidChangeWatchedFilesParams): void {
  for (const change of params.changes) {
    const failed = (e: unknown): void => {
      session.connection.console.error(
        `watched-file change ${JSON.stringify((change as Partial<FileEvent> | null)?.uri)} not applied: ` +
          `${e instanceof Error ? e.message : String(e)}`,
      );
    };
    try {
      // A URI that names no path of ours (another host's `file://otherhost/…`) locates nothing.
      session.watched(change.uri, ({ folder, rel }) => folder.watched(rel, change.type).catch(failed));
    } catch (e) {
      failed(e);
    }
  }
}
