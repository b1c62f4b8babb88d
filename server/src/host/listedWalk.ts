// What a walk of a root found, and the walk any interest makes from a walk that asked about everything
// (`narrowWalk`), without the file system: the disk's walk (walkRoot.ts) and a listing a client sends (a web
// worker's, host/fileSource.ts) both end here, so which files are read for an interest is decided once.
import type { HostInterest, HostLink } from '../engine/engine';
import { inListedEnvironment, listedEnvironments } from './pythonLibrary';

/** Directories no walk enters, on disk or through an editor: a package manager's and git's. */
export const NEVER_LISTED: readonly string[] = ['node_modules', '.git'];

export interface RootWalk {
  /** The wanted files and the files to read beside them (`interest().alongside`), sorted. */
  readonly files: string[];
  /** The files read beside a wanted one only. */
  readonly companions: string[];
  /** Every file the walk met that is not excluded, wanted or not. */
  readonly onDisk: ReadonlySet<string>;
  readonly links: HostLink[];
  /** The directories the engine asked about (`interest().wantsDirectory`) that exist. */
  readonly directories: string[];
  /** Every directory the walk met, asked about or not (what a cached result is judged against: host/checkCache). */
  readonly met: string[];
  /** What could not be listed or read ('.' for the root), why, and whether it is a file. */
  readonly unreadable: ReadonlyMap<string, { readonly reason: string; readonly file: boolean }>;
  /** The links to directories the walk listed their directory through (see scan.ts). */
  readonly followed: ReadonlySet<string>;
  /** A narrowed walk (`below`) left a directory unlisted. */
  readonly unlisted: boolean;
  /** The Python environments met, not listed (host/pythonLibrary.ts). */
  readonly environments: readonly string[];
}

/** An interest that asks about every file and directory: what a walk can see, whatever the engine's answers. */
export const WHOLE_TREE: HostInterest = {
  walk: 0,
  wants: () => true,
  alongside: () => [],
  files: [],
  wantsDirectory: () => true,
  first: () => () => true,
  firstBelow: () => () => true,
};

/**
 * The walk `walkRoot(root, interest, excluded)` gives, from `whole`, a walk of the same root and exclusions with
 * `WHOLE_TREE`: the listing does not depend on the interest (without `below`), only which files are taken, which
 * directories are reported and which names that are not UTF-8 are said (a file's only when it is wanted).
 */
export function narrowWalk(whole: RootWalk, interest: HostInterest): RootWalk {
  const garbledFile = (rel: string): boolean => whole.unreadable.get(rel)?.file === true;
  const accepted = [...whole.onDisk].filter((rel) => !garbledFile(rel) && interest.wants(rel)).sort();
  const companions = accepted.flatMap((rel) => interest.alongside(rel)).filter((rel) => whole.onDisk.has(rel));
  const unreadable = new Map([...whole.unreadable].filter(([rel, u]) => !u.file || interest.wants(rel)));
  return {
    ...whole,
    files: [...new Set([...accepted, ...companions])].sort(),
    companions,
    directories: whole.met.filter((rel) => interest.wantsDirectory(rel)),
    unreadable,
  };
}

/**
 * The walk `WHOLE_TREE` makes of a root whose files are `paths` (root-relative, POSIX) and no links: the directories
 * are those the paths lie in. For a source that lists files and cannot tell links apart (a client's listing through
 * the editor). As on disk (scan.ts), a Python environment's files are library code: not taken.
 */
export function listedWalk(paths: readonly string[]): RootWalk {
  const environments = listedEnvironments(paths);
  const onDisk = new Set(paths.filter((rel) => !inListedEnvironment(rel, environments)));
  const met = new Set<string>();
  for (const rel of onDisk)
    for (let i = rel.lastIndexOf('/'); i > 0; i = rel.lastIndexOf('/', i - 1)) {
      const dir = rel.slice(0, i);
      if (met.has(dir)) break;
      met.add(dir);
    }
  return {
    files: [...onDisk].sort(),
    companions: [],
    onDisk,
    links: [],
    directories: [...met].sort(),
    met: [...met].sort(),
    unreadable: new Map(),
    followed: new Set(),
    unlisted: false,
    environments: [...environments].sort(),
  };
}
