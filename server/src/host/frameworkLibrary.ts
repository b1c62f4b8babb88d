// The framework as the project has it installed, fed to the engine as library code: a project keeping its own step
// pack and DAGs resolves them against the cursus its Python environment holds (its registry, interfaces, builder
// discovery and the step modules the checks resolve), wherever that environment lies; ONEX contracts are judged
// with the runtime-profile tables of the omnibase_core it holds. Of cursus's package folder only the files the
// engine wants are read — those it reads in a framework checkout — bounded in count like a walk; of a package whose
// family names its files (`PATHS.installed`: omnibase_core's table modules) those files alone, and its
// distribution's METADATA; each in size like every read, through no link out of its folder. An environment inside
// the root keeps its files' root-relative paths; one outside it is mounted under a reserved folder name no walk
// lists, mapped back to the real files for every read (and for the editor's locations). The engine reports nothing
// in these files (`RegistryEngine.setLibrary`).
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PATHS, type HostInterest } from '../engine/engine';
import { isInside } from './containment';
import { installedFrameworks } from './installedFrameworks';
import type { PythonEnvironment } from './pythonEnv';
import { environmentAbove } from './pythonEnv';
import { inSitePackages, OUTSIDE_ROOT } from './pythonLibrary';
import { rereader } from './readText';
import { absolutePath, listFiles } from './scan';
import { attempt } from './probe';

/**
 * An installed package folder as the engine sees it: `at`, its path as fed; `dir`, the real folder; `only`, the files
 * below it that are read (none listed: the folder is walked); `name` and `version`, the distribution's (what the
 * editor says a file of it is).
 */
export interface LibraryMount {
  readonly at: string;
  readonly dir: string;
  readonly only?: readonly string[];
  readonly name: string;
  readonly version: string;
}

/** The installed frameworks fed as library code (none: `NO_LIBRARY`). */
export interface Library {
  readonly mounts: readonly LibraryMount[];
}

export const NO_LIBRARY: Library = { mounts: [] };

/**
 * The frameworks whose package folders are walked: cursus, whose step table is its files. Of those a family names
 * files of (`PATHS.installed`) only those are read; apcore's rules are compiled in (host/frameworkReport.ts).
 */
const FED = new Set(['cursus']);
/** The distribution's file read beside a package a family names files of: its version. */
const METADATA = ['METADATA'];
/** Files of one package folder met at most (a full cursus install holds about 1,500). */
const MAX_FILES = 20_000;
/**
 * Files of an installed package the engine would take but never uses for a project: the package's own pipeline DAGs
 * and their catalogue (cursus 2.x's `pipeline_catalog/shared_dags/`, 46 DAGs and an index in 2.9.32), examples shipped
 * to copy. A project's DAG resolves its nodes against the step table, never against another DAG.
 */
const UNUSED = /(?:\.dag\.json|(?:^|\/)catalog_index\.json)$/;

/**
 * The library of `env` for `root`: each installed framework's package folder, unless the walk has it already (an
 * editable install pointing at a source tree inside the root is the project's own code).
 */
export function frameworkLibrary(root: string, env: PythonEnvironment | null): Library {
  if (env === null) return NO_LIBRARY;
  const rootReal = attempt(() => realpathSync.native(root)) ?? path.resolve(root);
  const mounts: LibraryMount[] = [];
  const mount = (folder: string, name: string, version: string, only?: readonly string[]): void => {
    const dir = attempt(() => realpathSync.native(folder));
    if (dir === null) return;
    const pick = only === undefined ? {} : { only };
    if (!isInside(rootReal, dir)) {
      mounts.push({ at: `${OUTSIDE_ROOT}/${path.basename(folder)}`, dir, name, version, ...pick });
      return;
    }
    const rel = path.relative(rootReal, dir).split(path.sep).join('/');
    if (inSitePackages(rel) || environmentAbove(rootReal, rel) !== null)
      mounts.push({ at: rel, dir, name, version, ...pick });
  };
  for (const f of installedFrameworks(env)) {
    if (f.path === null) continue;
    const pkg = path.basename(f.path);
    const named = PATHS.installed[pkg];
    if (FED.has(pkg)) mount(f.path, f.name, f.version);
    else if (named !== undefined) {
      const before = mounts.length;
      mount(f.path, f.name, f.version, named);
      // The version beside the files, where they are fed (an editable install inside the root is the project's).
      if (mounts.length > before) mount(f.info, f.name, f.version, METADATA);
    }
  }
  return { mounts };
}

/**
 * The mount a fed path lies in, null for a project path — and for a path of a folder read only in part that is not
 * one of its files (a watched event or an opened document there never reaches the engine).
 */
export function mountOf(library: Library, rel: string): LibraryMount | null {
  return (
    library.mounts.find(
      (m) => rel.startsWith(`${m.at}/`) && (m.only === undefined || m.only.includes(rel.slice(m.at.length + 1))),
    ) ?? null
  );
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
  for (const { at, dir, only } of library.mounts) {
    if (only !== undefined) {
      for (const rel of only.filter((r) => isFileInside(dir, r))) {
        out.onDisk.push(`${at}/${rel}`);
        if (interest.wants(`${at}/${rel}`)) out.files.push(`${at}/${rel}`);
      }
      continue;
    }
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

/** `rel` is a regular file below the real folder `dir`, reached through no link out of it. */
function isFileInside(dir: string, rel: string): boolean {
  const real = attempt(() => realpathSync.native(path.join(dir, ...rel.split('/'))));
  return real !== null && isInside(dir, real) && attempt(() => statSync(real).isFile()) === true;
}
