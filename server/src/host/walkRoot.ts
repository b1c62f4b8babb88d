// The one walk of a root that answers the engine's interest, for every front end: the files it wants
// and the companions to read beside them, the links and the directories it asks about, what could not
// be listed, which links the walk listed a directory through, and whether a narrowed walk left some
// directory unlisted. A walk that asked about everything (`WHOLE_TREE`) stands for any other (`narrowWalk`), so a
// host that walked for another reason (host/checkCache.ts) need not walk again.
import type { HostInterest, HostLink } from '../engine/engine';
import { NO_LIBRARY, walkLibrary, type Library } from './frameworkLibrary';
import { listFiles } from './scan';

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

/**
 * `below`: list only the directories it admits (the rest is reported unlisted); `library`: the installed frameworks'
 * folders, listed after the root under their paths as fed (host/frameworkLibrary.ts).
 */
export async function walkRoot(
  root: string,
  interest: HostInterest,
  excluded: (rel: string) => boolean,
  below?: (rel: string) => boolean,
  library: Library = NO_LIBRARY,
): Promise<RootWalk> {
  const onDisk = new Set<string>();
  const links: HostLink[] = [];
  const directories: string[] = [];
  const met: string[] = [];
  const unreadable = new Map<string, { reason: string; file: boolean }>();
  const followed = new Set<string>();
  const environments: string[] = [];
  let unlisted = false;
  const accepted = await listFiles(root, {
    skip: excluded,
    // `skip` has already turned excluded paths away.
    accept: (rel) => {
      onDisk.add(rel);
      return interest.wants(rel);
    },
    link: (l) => links.push(l),
    directory: (rel) => {
      met.push(rel);
      if (interest.wantsDirectory(rel)) directories.push(rel);
    },
    ...(below
      ? {
          descend: (rel: string) => {
            const listed = below(rel);
            if (!listed) unlisted = true;
            return listed;
          },
        }
      : {}),
    followed: (rel) => followed.add(rel),
    environment: (rel) => environments.push(rel),
    unreadable: (rel, reason, file) => unreadable.set(rel || '.', { reason, file: file === true }),
  });
  const lib = await walkLibrary(library, interest);
  for (const rel of lib.onDisk) onDisk.add(rel);
  accepted.push(...lib.files);
  directories.push(...lib.directories);
  met.push(...lib.directories);
  // The subject beside a companion is read in the same pass, so no RL021 shows before it arrives.
  const companions = accepted.flatMap((rel) => interest.alongside(rel)).filter((rel) => onDisk.has(rel));
  const files = [...new Set([...accepted, ...companions])].sort();
  return { files, companions, onDisk, links, directories, met, unreadable, followed, unlisted, environments };
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
