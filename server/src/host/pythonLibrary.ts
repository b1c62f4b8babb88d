// Installed Python code is library code, as `node_modules` is: a Python environment inside a root (a venv, a conda
// prefix, a bare `site-packages` tree) is not the user's project, so no walk lists it and no watched event or open
// document of it reaches the engine — no diagnostic is ever reported in a file the user cannot and should not edit.
// An environment is known by what marks it (`pyvenv.cfg`, `conda-meta/`), whatever its folder is called, and a
// `site-packages` folder by its place (`lib/python3.X/site-packages`, Windows' `Lib/site-packages`).
import type { Dirent } from 'node:fs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

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

/** Whether the folder `abs` is marked as a Python environment (see `marksEnvironment`). */
export function isEnvironmentFolder(abs: string): boolean {
  return existsSync(path.join(abs, 'pyvenv.cfg')) || existsSync(path.join(abs, 'conda-meta'));
}

/**
 * A root-relative POSIX path at or below a `site-packages` (or Debian's `dist-packages`) folder in its usual place:
 * `lib/python3.X/` (`lib64/` on some Linux builds) on POSIX, `Lib/` on Windows.
 */
const SITE_PACKAGES = /(^|\/)(lib(64)?\/python3[^/]*|Lib)\/(site|dist)-packages(\/|$)/;

export function inSitePackages(rel: string): boolean {
  return SITE_PACKAGES.test(rel);
}

/**
 * The environment folder `rel` lies in (root-relative), judged on disk from the root down: for a path met outside a
 * walk (a directory that appeared), whose ancestors the walk would have judged; null when none is.
 */
export function environmentAbove(root: string, rel: string): string | null {
  const parts = rel === '' ? [] : rel.split('/');
  for (let n = 1; n <= parts.length; n++) {
    const dir = parts.slice(0, n).join('/');
    if (isEnvironmentFolder(path.join(root, dir))) return dir;
  }
  return null;
}
