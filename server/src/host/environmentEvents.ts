// What a watched path in a Python environment means to a folder's analysis. An environment's files are library code
// (host/pythonLibrary.ts): of them, only the installed frameworks' package folders are read, so an event elsewhere in
// the environment (pip writing thousands of other packages' files) is dropped before it costs the folder anything,
// and one in a framework's package folder or its distribution's metadata (`cursus-2.9.33.dist-info/` after an
// upgrade) means the installed framework changed: the folder reads its library again, once for a burst of events.
import * as path from 'node:path';
import { isInside } from './containment';
import type { Library, LibraryMount } from './frameworkLibrary';
import type { PythonEnvironment } from './pythonEnv';
import { environmentAbove, inSitePackages } from './pythonLibrary';

/** `project`: a path of the project, for the walk's rules; `library`: the installed framework changed; `none`. */
export type EnvironmentEvent = 'project' | 'library' | 'none';

/**
 * What the event at `abs` (absolute) means to the folder at `root` whose environment is `env` and library `library`:
 * inside one of the environment's `site-packages`, a fed package's folder or its `*.dist-info`/`*.egg-info` (or an
 * editable install's `.pth`) is `library`, anything else `none`; so is anything else in an environment inside the root.
 */
export function environmentEvent(
  root: string,
  env: PythonEnvironment | null,
  library: Library,
  abs: string,
): EnvironmentEvent {
  for (const site of env?.sitePackages ?? []) {
    if (!isInside(site, abs)) continue;
    const top = path.relative(site, abs).split(path.sep)[0] ?? '';
    return library.mounts.some((m) => reads(m, abs)) || installs(top, library) ? 'library' : 'none';
  }
  if (!isInside(root, abs)) return 'none';
  const rel = path.relative(root, abs).split(path.sep).join('/');
  return inSitePackages(rel) || environmentAbove(root, rel) !== null ? 'none' : 'project';
}

/**
 * A `site-packages` entry that says which framework is installed, or where: its distribution's metadata folder
 * (`cursus-2.9.32.dist-info`, `.egg-info`; names normalised), a `.pth` file (where an editable install lies).
 */
function installs(entry: string, library: Library): boolean {
  if (entry.endsWith('.pth')) return true;
  const dist = /^(.+?)-[^-]*\.(dist|egg)-info$/.exec(entry)?.[1]?.toLowerCase().replace(/[-.]+/g, '_');
  return dist !== undefined && library.mounts.some((m) => path.basename(m.dir).toLowerCase() === dist);
}

/** Whether `abs` is a file the mount feeds: anything in its folder, or one of its files when it is read in part. */
function reads(m: LibraryMount, abs: string): boolean {
  if (!isInside(m.dir, abs)) return false;
  return m.only === undefined || m.only.includes(path.relative(m.dir, abs).split(path.sep).join('/'));
}
