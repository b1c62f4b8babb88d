// What a watched path in a Python environment means to a folder's analysis. An environment's files are library code
// (host/pythonLibrary.ts): of them, only the installed frameworks' package folders are read, so an event elsewhere in
// the environment (pip writing thousands of other packages' files) is dropped before it costs the folder anything,
// and one in a framework's package folder or a framework's distribution metadata (`cursus-2.9.33.dist-info/` after an
// upgrade, the first `cursus-2.9.32.dist-info/` of an install, its removal by an uninstall) means the installed
// framework changed: the folder finds its environment and reads its library again, once for a burst of events. So
// does, in a folder where no environment was found, the root's `.venv`, `venv` or `env` becoming one (`uv sync`,
// `python -m venv .venv`: its `pyvenv.cfg`, its `conda-meta/`) or a framework's metadata appearing in it.
import * as path from 'node:path';
import { isInside } from './containment';
import type { Library, LibraryMount } from './frameworkLibrary';
import { isFrameworkMetadata } from './installedFrameworks';
import { environmentAbove, isEnvironmentFolder, ROOT_FOLDERS, type PythonEnvironment } from './pythonEnv';
import { inSitePackages } from './pythonLibrary';

/** `project`: a path of the project, for the walk's rules; `library`: the installed framework changed; `none`. */
export type EnvironmentEvent = 'project' | 'library' | 'none';

/**
 * What the event at `abs` (absolute) means to the folder at `root` whose environment is `env` and library `library`:
 * inside one of the environment's `site-packages`, a fed package's file or a framework's metadata (or a `.pth` file,
 * where an editable install lies) is `library`, anything else `none`; with no environment, so is the root's
 * environment folder becoming one (see `becomesEnvironment`); anything else in an environment inside the root, `none`.
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
    return library.mounts.some((m) => reads(m, abs)) || installs(top) ? 'library' : 'none';
  }
  if (!isInside(root, abs)) return 'none';
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (env === null && becomesEnvironment(root, rel)) return 'library';
  return inSitePackages(rel) || environmentAbove(root, rel) !== null ? 'none' : 'project';
}

/** A `site-packages` entry that says which framework is installed, or where: its metadata, a `.pth` file. */
function installs(entry: string): boolean {
  return entry.endsWith('.pth') || isFrameworkMetadata(entry);
}

/**
 * Whether the root-relative `rel`, in a root where no environment was found, makes one of the folders a root's
 * environment is looked for in (`.venv`, `venv`, `env`) one, or installs a framework in it: the folder itself when it
 * is marked now (one look at the disk, for that path alone), its marker (`pyvenv.cfg`, `conda-meta`), or an entry of
 * its `site-packages` that `installs` — judged on the path alone, so pip's thousands of other files cost nothing.
 */
function becomesEnvironment(root: string, rel: string): boolean {
  const [top, ...rest] = rel.split('/');
  if (top === undefined || !ROOT_FOLDERS.includes(top)) return false;
  if (rest.length === 0) return isEnvironmentFolder(path.join(root, top));
  if (rest.length === 1) return rest[0] === 'pyvenv.cfg' || rest[0] === 'conda-meta';
  const site = rest.findIndex((part) => part === 'site-packages' || part === 'dist-packages');
  const entry = site < 0 ? undefined : rest[site + 1];
  return entry !== undefined && inSitePackages(rest.slice(0, site + 1).join('/')) && installs(entry);
}

/** Whether `abs` is a file the mount feeds: anything in its folder, or one of its files when it is read in part. */
function reads(m: LibraryMount, abs: string): boolean {
  if (!isInside(m.dir, abs)) return false;
  return m.only === undefined || m.only.includes(path.relative(m.dir, abs).split(path.sep).join('/'));
}
