// Which Python environment a project has its frameworks installed in, found as Python's own tools find it, and said
// (its folder and why it was taken): the one given (`--python-env`, the editor's machine-scoped setting or the Python
// extension's selection; a folder or its interpreter), else the activated one (`VIRTUAL_ENV`, then `CONDA_PREFIX`),
// else `.venv`, `venv` or `env` in the root when marked as an environment and not a link out of the root (a cloned
// repository's link must not steer the reads: such a folder is used only when the user names it, and said unused:
// `linkedOutEnvironment`). Nothing runs: its `site-packages` folders are those `site` adds for it
// (`site.py` `venv()`, `getsitepackages()`): `lib/pythonX.Y/site-packages` of the version its `pyvenv.cfg` records
// (no record: every `lib/python3.X/` listed; Windows: `Lib/`), never through a link out of the environment; then,
// when `include-system-site-packages` is true, the base interpreter's (host/pyvenvConfig.ts). Whether a folder on
// disk is an environment is judged here too (host/pythonLibrary.ts judges names and listings).
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isInside } from './containment';
import { basePrefix, readPyvenvConfig } from './pyvenvConfig';
import { attempt } from './probe';

/** Why the environment was taken: what gave it. */
export type EnvironmentSource = 'given' | 'VIRTUAL_ENV' | 'CONDA_PREFIX' | 'root';

export interface PythonEnvironment {
  /** The environment's folder (absolute; a `site-packages` folder given as such is its own environment). */
  readonly dir: string;
  readonly source: EnvironmentSource;
  /**
   * Its `site-packages` folders in `site`'s order (absolute, real paths): its own, inside `dir`; then the base
   * interpreter's when its `pyvenv.cfg` includes the system site-packages.
   */
  readonly sitePackages: readonly string[];
  /** The base interpreter's prefix whose `site-packages` follow the environment's own (`basePrefix`). */
  readonly base?: string;
}

/** The folders in a root taken as its environment, in this order (each only when marked: host/pythonLibrary.ts). */
export const ROOT_FOLDERS: readonly string[] = ['.venv', 'venv', 'env'];
/** `lib/python3.X` folders looked into: an environment has one, a few at most. */
const MAX_PYTHON_FOLDERS = 16;

/**
 * The environment of `root`: `given` (absolute or relative to the working directory) when there is one — an error
 * when it is not an environment — else the activated one in `vars`, else one in the root; null when none is found.
 */
export function findEnvironment(
  root: string,
  given: string | undefined,
  vars: Readonly<Record<string, string | undefined>>,
): PythonEnvironment | { error: string } | null {
  if (given !== undefined) {
    const env = environmentAt(path.resolve(given), 'given') ?? environmentOfInterpreter(path.resolve(given));
    return env ?? { error: `${given} is not a Python environment (no lib/python3.X/site-packages in it)` };
  }
  for (const name of ['VIRTUAL_ENV', 'CONDA_PREFIX'] as const) {
    const value = vars[name];
    const env = value !== undefined && value !== '' ? environmentAt(path.resolve(value), name) : null;
    if (env !== null) return env;
  }
  for (const name of ROOT_FOLDERS) {
    const dir = path.join(path.resolve(root), name);
    if (leadsOut(root, dir) || !isEnvironmentFolder(dir)) continue;
    const env = environmentAt(dir, 'root');
    if (env !== null) return env;
  }
  return null;
}

/**
 * The folder of the root (`.venv`, `venv`, `env`) marked as an environment that is a link out of the root, passed
 * over by `findEnvironment` when `env`, what it found, is none; null otherwise. Only whether the link's target holds
 * `pyvenv.cfg` or `conda-meta/` is looked at.
 */
export function linkedOutEnvironment(root: string, env: PythonEnvironment | { error: string } | null): string | null {
  if (env !== null) return null;
  return (
    ROOT_FOLDERS.find((name) => {
      const dir = path.join(path.resolve(root), name);
      return leadsOut(root, dir) && isEnvironmentFolder(dir);
    }) ?? null
  );
}

/**
 * The environment searched for the frameworks, a sentence (no full stop) for the messages that say one is missing
 * (RL079): which one and why it was taken, or that none was found and where it was looked for.
 */
export function searchedEnvironment(root: string, env: PythonEnvironment | null): string {
  if (env === null)
    return (
      'No Python environment was found: none is named (`--python-env`, `registryLens.python.environment`), ' +
      `VIRTUAL_ENV and CONDA_PREFIX are unset, and no ${ROOT_FOLDERS.slice(0, -1).join(', ')} or ` +
      `${ROOT_FOLDERS.at(-1) ?? ''} folder here is one`
    );
  const rel = path.relative(path.resolve(root), env.dir);
  const dir = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : env.dir;
  const base = env.base === undefined ? '' : `, and its base interpreter's (${env.base})`;
  const why: Record<EnvironmentSource, string> = {
    given: 'the one named (`--python-env`, `registryLens.python.environment` or the Python extension)',
    VIRTUAL_ENV: 'the activated one (VIRTUAL_ENV)',
    CONDA_PREFIX: 'the activated conda environment (CONDA_PREFIX)',
    root: "this folder's own, as no other is named or activated",
  };
  return `Searched ${dir}: ${why[env.source]}${base}`;
}

/** Whether `dir`, an entry of `root`, is a link whose real path is outside the root's. */
function leadsOut(root: string, dir: string): boolean {
  if (attempt(() => lstatSync(dir).isSymbolicLink()) !== true) return false;
  const rootReal = attempt(() => realpathSync.native(root));
  const real = attempt(() => realpathSync.native(dir));
  return rootReal !== null && real !== null && !isInside(rootReal, real);
}

/**
 * The environment of an interpreter (what the Python extension's API names for most environments): the prefix above
 * its folder (`bin/python`, Windows' `Scripts/python.exe`), else its folder (a Windows conda prefix's `python.exe`).
 * The interpreter's own path is not resolved: a venv's `bin/python` links to the base interpreter.
 */
function environmentOfInterpreter(file: string): PythonEnvironment | null {
  if (attempt(() => statSync(file).isFile()) !== true) return null;
  const dir = path.dirname(file);
  return environmentAt(path.dirname(dir), 'given') ?? environmentAt(dir, 'given');
}

/** The environment at `dir` (a prefix, or a `site-packages` folder itself), null when it holds no site-packages. */
function environmentAt(dir: string, source: EnvironmentSource): PythonEnvironment | null {
  const real = attempt(() => realpathSync.native(dir));
  if (real === null || !attempt(() => statSync(real).isDirectory())) return null;
  const base = path.basename(real);
  if (base === 'site-packages' || base === 'dist-packages') return { dir, source, sitePackages: [real] };
  const config = readPyvenvConfig(real);
  // `site` builds `lib/pythonX.Y` from the running interpreter's version, which the venv recorded: another
  // version's folder left in the environment is not on its path.
  const versions =
    config?.version !== undefined
      ? [`python${config.version}`]
      : (lib: string): string[] =>
          (attempt(() => readdirSync(path.join(real, lib))) ?? [])
            .filter((n) => n.startsWith('python3'))
            .sort()
            .slice(0, MAX_PYTHON_FOLDERS);
  const own = sitePackagesOf(real, versions);
  if (own.length === 0) return null;
  const prefix = config?.systemSite === true && config.version !== undefined ? basePrefix(config, real) : null;
  const system =
    prefix === null || config?.version === undefined ? [] : sitePackagesOf(prefix, [`python${config.version}`]);
  if (prefix === null || system.length === 0) return { dir, source, sitePackages: own };
  return { dir, source, sitePackages: [...new Set([...own, ...system])], base: prefix };
}

/**
 * The `site-packages` folders of the prefix `real` that exist, as `getsitepackages()` names them: `lib/<version>/`
 * and `lib64/<version>/` (`versions`: the folders, or how to list them), Windows' `Lib/`.
 */
function sitePackagesOf(real: string, versions: readonly string[] | ((lib: string) => string[])): string[] {
  const candidates = [path.join(real, 'Lib', 'site-packages')];
  for (const lib of ['lib', 'lib64'])
    for (const name of typeof versions === 'function' ? versions(lib) : versions)
      candidates.push(path.join(real, lib, name, 'site-packages'));
  const found = new Set<string>();
  for (const candidate of candidates) {
    const at = attempt(() => realpathSync.native(candidate));
    // `lib64` is often a link to `lib`: one folder, once; a link out of the prefix is not followed.
    if (at !== null && isInside(real, at) && attempt(() => statSync(at).isDirectory()) === true) found.add(at);
  }
  return [...found];
}

/** Whether the folder `abs` is marked as a Python environment (see `marksEnvironment`). */
export function isEnvironmentFolder(abs: string): boolean {
  return existsSync(path.join(abs, 'pyvenv.cfg')) || existsSync(path.join(abs, 'conda-meta'));
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
