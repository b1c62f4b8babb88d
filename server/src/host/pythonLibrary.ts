// Installed Python code is library code, as `node_modules` is: a Python environment inside a root (a venv, a conda
// prefix, a bare `site-packages` tree) is not the user's project, so no walk lists it and no watched event or open
// document of it reaches the engine — no diagnostic is ever reported in a file the user cannot and should not edit.
// An environment is known by what marks it (`pyvenv.cfg`, `conda-meta/`), whatever its folder is called, and a
// `site-packages` folder by its place (`lib/python3.X/site-packages`, Windows' `Lib/site-packages`). Judged from names
// and listings only (a web worker has no file system); host/pythonEnv.ts looks at the disk.
import type { Dirent } from 'node:fs';

/**
 * Where the package folders of an environment outside the root are fed (host/frameworkLibrary.ts): a name no walk
 * lists, so no project file can take one of their paths.
 */
export const OUTSIDE_ROOT = '<python-env>';

/** A folder's entries mark it as a Python environment: venv's `pyvenv.cfg` (PEP 405), conda's `conda-meta/`. */
export function marksEnvironment(entries: readonly Dirent[]): boolean {
  return entries.some(
    (e) =>
      (e.name === 'pyvenv.cfg' && (e.isFile() || e.isSymbolicLink())) ||
      (e.name === 'conda-meta' && (e.isDirectory() || e.isSymbolicLink())),
  );
}

/**
 * A root-relative POSIX path at or below a `site-packages` (or Debian's `dist-packages`) folder in its usual place:
 * `lib/python3.X/` (`lib64/` on some Linux builds) on POSIX, `Lib/` on Windows.
 */
const SITE_PACKAGES = /(?:^|\/)(?:lib(?:64)?\/python3[^/]*|Lib)\/(?:site|dist)-packages(?:\/|$)/;

export function inSitePackages(rel: string): boolean {
  return SITE_PACKAGES.test(rel);
}

/**
 * The environments a listing of a root's files (root-relative POSIX paths) holds: each folder but the root with a
 * `pyvenv.cfg` or a `conda-meta/` in it, as `marksEnvironment` judges a folder's entries.
 */
export function listedEnvironments(paths: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const rel of paths) {
    const at = rel.endsWith('/pyvenv.cfg') ? rel.length - '/pyvenv.cfg'.length : rel.indexOf('/conda-meta/');
    if (at > 0) found.add(rel.slice(0, at));
  }
  return found;
}

/** Whether the root-relative `rel` is library code, by a listing's `environments` (`listedEnvironments`) or place. */
export function inListedEnvironment(rel: string, environments: ReadonlySet<string>): boolean {
  if (inSitePackages(rel)) return true;
  for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) if (environments.has(rel.slice(0, i))) return true;
  return false;
}
