// The one walk of a root that answers the engine's interest, for every front end: the files it wants
// and the companions to read beside them, the links and the directories it asks about, what could not
// be listed, which links the walk listed a directory through, and whether a narrowed walk left some
// directory unlisted. A walk that asked about everything (`WHOLE_TREE`) stands for any other (`narrowWalk`, in
// listedWalk.ts), so a host that walked for another reason (host/checkCache.ts) need not walk again.
import type { HostInterest, HostLink } from '../engine/engine';
import type { RootWalk } from './listedWalk';
import { NO_LIBRARY, walkLibrary, type Library } from './frameworkLibrary';
import { listFiles } from './scan';

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
