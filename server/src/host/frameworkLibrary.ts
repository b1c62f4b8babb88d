// The framework as the project has it installed, fed to the engine as library code: a project keeping its own step
// pack and DAGs resolves them against the cursus its Python environment holds (its registry, interfaces, builder
// discovery and the step modules the checks resolve), wherever that environment lies. Of the installed package folder
// only the files the engine wants are read — those it reads in a framework checkout — bounded in count like a walk,
// in size like every read, through no link out of the folder. An environment inside the root keeps its files'
// root-relative paths; one outside it is mounted under a reserved folder name no walk lists, mapped back to the real
// files for every read (and for the editor's locations). The engine reports nothing in these files
// (`RegistryEngine.setLibrary`).
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { HostInterest } from '../engine/engine';
import { isInside } from './containment';
import { installedFrameworks } from './installedFrameworks';
import type { PythonEnvironment } from './pythonEnv';
import { environmentAbove, inSitePackages, OUTSIDE_ROOT } from './pythonLibrary';
import { rereader } from './readText';
import { absolutePath, listFiles } from './scan';

/**
 * An installed package folder as the engine sees it: `at`, its path as fed; `dir`, the real folder; `name` and
 * `version`, the distribution's (what the editor says a file of it is).
 */
export interface LibraryMount {
  readonly at: string;
  readonly dir: string;
  readonly name: string;
  readonly version: string;
}

/** The installed frameworks fed as library code (none: `NO_LIBRARY`). */
export interface Library {
  readonly mounts: readonly LibraryMount[];
}

export const NO_LIBRARY: Library = { mounts: [] };

/**
 * The frameworks whose package folders are fed: cursus, whose step table is its files. (omnibase_core's and apcore's
 * rules are compiled in: host/frameworkReport.ts.)
 */
const FED = new Set(['cursus']);
/** Files of one package folder met at most (a full cursus install holds about 1,500). */
const MAX_FILES = 20_000;
/**
 * Files of an installed package the engine would take but never uses for a project: the package's own pipeline DAGs
 * and their catalogue (cursus 2.x's `pipeline_catalog/shared_dags/`, 46 DAGs and an index in 2.9.32), examples shipped
 * to copy. A project's DAG resolves its nodes against the step table, never against another DAG.
 */
const UNUSED = /(\.dag\.json|(^|\/)catalog_index\.json)$/;

/**
 * The library of `env` for `root`: each installed framework's package folder, unless the walk has it already (an
 * editable install pointing at a source tree inside the root is the project's own code).
 */
export function frameworkLibrary(root: string, env: PythonEnvironment | null): Library {
  if (env === null) return NO_LIBRARY;
  const rootReal = attempt(() => realpathSync.native(root)) ?? path.resolve(root);
  const mounts: LibraryMount[] = [];
  for (const f of installedFrameworks(env)) {
    if (f.path === null || !FED.has(path.basename(f.path))) continue;
    const dir = attempt(() => realpathSync.native(f.path as string));
    if (dir === null) continue;
    const { name, version } = f;
    if (!isInside(rootReal, dir)) {
      mounts.push({ at: `${OUTSIDE_ROOT}/${path.basename(dir)}`, dir, name, version });
      continue;
    }
    const rel = path.relative(rootReal, dir).split(path.sep).join('/');
    if (inSitePackages(rel) || environmentAbove(rootReal, rel) !== null) mounts.push({ at: rel, dir, name, version });
  }
  return { mounts };
}

/** The mount a fed path lies in, null for a project path. */
export function mountOf(library: Library, rel: string): LibraryMount | null {
  return library.mounts.find((m) => rel.startsWith(`${m.at}/`)) ?? null;
}

/** The absolute path of a fed path: a library file's real place, else the file in the root. */
export function absoluteIn(root: string, library: Library): (rel: string) => string {
  const inRoot = absolutePath(root);
  if (library.mounts.length === 0) return inRoot;
  return (rel) => {
    const m = mountOf(library, rel);
    return m === null ? inRoot(rel) : path.join(m.dir, ...rel.slice(m.at.length + 1).split('/'));
  };
}

/**
 * The engine's way back to a text it let go (`EngineOptions.reread`): read again under the walk's rule, a library
 * file inside its package folder, a project file inside the root.
 */
export function rereadIn(root: string, library: Library, maxBytes: () => number): (rel: string) => string | undefined {
  const inRoot = rereader(root, maxBytes);
  if (library.mounts.length === 0) return inRoot;
  const inMount = new Map(library.mounts.map((m) => [m, rereader(m.dir, maxBytes)]));
  return (rel) => {
    const m = mountOf(library, rel);
    return m === null ? inRoot(rel) : inMount.get(m)?.(rel.slice(m.at.length + 1));
  };
}

/** What the library's folders hold that a walk with `interest` takes: as `walkRoot` gives a root's. */
export interface LibraryWalk {
  readonly files: string[];
  readonly onDisk: string[];
  readonly directories: string[];
}

/** Lists each package folder under the walk's rules (no link out of it), its paths as fed. */
export async function walkLibrary(library: Library, interest: HostInterest): Promise<LibraryWalk> {
  const out: LibraryWalk = { files: [], onDisk: [], directories: [] };
  for (const { at, dir } of library.mounts) {
    let met = 0;
    await listFiles(dir, {
      skip: () => met >= MAX_FILES,
      accept: (rel) => {
        met++;
        out.onDisk.push(`${at}/${rel}`);
        return !UNUSED.test(rel) && interest.wants(`${at}/${rel}`);
      },
      directory: (rel) => {
        if (interest.wantsDirectory(`${at}/${rel}`)) out.directories.push(`${at}/${rel}`);
      },
    }).then((files) => out.files.push(...files.map((rel) => `${at}/${rel}`)));
  }
  return out;
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
