// Keeps the engines in step with the disk for files that are not open: registers the file watchers
// (created, changed, deleted files of the names the families read; anything created or deleted — directories
// on a branch switch, ONEX version directories and `.wip` markers) and applies their events.
import {
  DidChangeWatchedFilesNotification,
  WatchKind,
  type DidChangeWatchedFilesParams,
  type FileEvent,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Session } from './session';
import { PATHS } from '../engine/engine';
import { isInside } from '../host/containment';
import type { Feeder } from '../host/feeder';
import { FRAMEWORK_PACKAGES } from '../host/installedFrameworks';

export async function registerWatchers(session: Session): Promise<void> {
  await session.connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: [
      { globPattern: `**/{${PATHS.names.join(',')}}` },
      { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
    ],
  });
}

/**
 * The watchers of a folder's installed frameworks where the workspace's own do not reach (an environment outside the
 * folder): in each `site-packages`, the package folders read, and every known framework's distribution metadata (an
 * install writes `cursus-2.9.32.dist-info`, an upgrade replaces it, an uninstall removes it), and `.pth` files
 * (editable installs); a package folder elsewhere (an editable install's source), whole. None for an environment
 * inside the folder. (LSP 3.17's relative patterns: a client without them watches nothing outside the folder.)
 */
export function libraryWatchers(root: string, feeder: Feeder): FileSystemWatcher[] {
  const env = feeder.environment;
  if (env === null) return [];
  const mounts = feeder.library.mounts;
  const read = mounts.map((m) => `${path.basename(m.dir)}/**`);
  const metadata = FRAMEWORK_PACKAGES.flatMap((n) =>
    ['dist-info', 'egg-info'].flatMap((kind) => [`${n}-*.${kind}`, `${n}-*.${kind}/**`]),
  );
  const pattern = `{${[...new Set(read), ...metadata, '*.egg-link', '*.pth'].join(',')}}`;
  const sites = env.sitePackages.filter((site) => !isInside(root, site));
  const elsewhere = mounts.filter((m) => !isInside(root, m.dir) && !sites.some((site) => isInside(site, m.dir)));
  return [
    ...sites.map((site) => ({ globPattern: { baseUri: pathToFileURL(site).href, pattern } })),
    ...elsewhere.map((m) => ({ globPattern: { baseUri: pathToFileURL(m.dir).href, pattern: '**' } })),
  ];
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
