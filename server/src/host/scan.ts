// Lists the files of a root folder that the engine wants: a recursive walk that prunes excluded
// directories, never follows a symbolic link out of the root, visits each real directory once (so
// symlink loops end) under its own name when the walk reaches it without a link (so the names a
// directory is listed under do not depend on the order the disk lists entries in), and reports the
// links it meets (the engine judges links under apcore roots). Like `node_modules`, a Python environment's
// files are library code and never listed (host/pythonLibrary.ts).
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { HostLink } from '../engine/engine';
import { isInside, resolveInRoot } from './containment';
import { NEVER_LISTED } from './listedWalk';
import { environmentAbove } from './pythonEnv';
import { inSitePackages, marksEnvironment, OUTSIDE_ROOT } from './pythonLibrary';
import { TimeSlice } from './timeSlice';

const ALWAYS_SKIPPED = new Set([...NEVER_LISTED, OUTSIDE_ROOT]);
/** Directories listed between two turns of the event loop (listing is synchronous: see host/readText). */
const SLICE = 64;

export interface ScanFilter {
  /** Root-relative POSIX path of a file or directory that must not be visited. */
  skip(rel: string): boolean;
  /** Whether a (not skipped) file is wanted. */
  accept(rel: string): boolean;
  /** Every symbolic link met (not skipped): its real target relative to the root, null outside it. */
  link?(link: HostLink): void;
  /** Every directory visited (not skipped). */
  directory?(rel: string): void;
  /** Every Python environment met (holding `pyvenv.cfg` or `conda-meta/`: host/pythonLibrary.ts), not listed. */
  environment?(rel: string): void;
  /** Whether to list a (not skipped) directory's contents (default: yes); it is still reported to `directory`. */
  descend?(rel: string): boolean;
  /**
   * Every symbolic link to a directory that the walk listed the directory through (its target reached by no other name
   * first).
   */
  followed?(rel: string): void;
  /**
   * A directory that could not be listed (root-relative, '' for the root), or a directory or wanted file
   * whose name is not UTF-8 (named here with U+FFFD for each byte that is not: it cannot be opened by that
   * name), and why; `file` for a file.
   */
  unreadable?(rel: string, reason: string, file?: boolean): void;
}

export type Kind = 'dir' | 'file' | null;

/**
 * Root-relative POSIX paths of the accepted files, sorted: of the whole root, or of the directory `from`
 * below it (a directory that appeared), judged against the root all the same — nothing when `from`
 * resolves outside it, links out of the root never followed, paths and link targets relative to the root.
 */
export async function listFiles(root: string, filter: ScanFilter, from = ''): Promise<string[]> {
  const rootReal = realpathSync.native(root);
  const seen = new Set<string>();
  const found: string[] = [];
  const start = from === '' ? { abs: root, rel: '' } : resolveInRoot(root, from, 'read');
  if ('refused' in start) return found;
  // Below a Python environment: library code, as the whole walk would never list it.
  const library = from === '' ? null : inSitePackages(start.rel) ? start.rel : environmentAbove(root, start.rel);
  if (library !== null) {
    filter.environment?.(library);
    return found;
  }
  const startReal = from === '' ? rootReal : attempt(() => realpathSync.native(start.abs));
  if (startReal === null) return found;

  // Depth first, from a stack of directories still to list, each with its real path when known: a
  // directory met as a plain entry is its parent's real path and its name, one reached through a link
  // is the link's resolved target; only the root is resolved (realpath costs a system call per path
  // component: ~60,000 of them over 7,000 directories).
  // Directories met through a link wait until no other is left, then go in path order: a directory
  // the walk reaches without a link is listed under that name, whatever order the disk lists entries in.
  const todo: Dir[] = [{ dir: start.abs, rel: start.rel, real: startReal, link: false }];
  const linked: Dir[] = [];
  for (let listed = 0; todo.length > 0 || linked.length > 0; listed++) {
    if (listed > 0 && listed % SLICE === 0) await TimeSlice.next();
    const { dir, rel, real, link } = todo.pop() ?? firstByPath(linked);
    if (seen.has(real)) continue;
    seen.add(real);
    if (link) filter.followed?.(rel);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        filter.unreadable?.(rel, `it cannot be listed (${code ?? (e as Error).message})`);
      continue;
    }
    // A Python environment (not the root itself: a root is what the user opened) is library code: not listed.
    if (rel !== '' && marksEnvironment(entries)) {
      filter.environment?.(rel);
      continue;
    }
    const subdirs: Dir[] = [];
    const garbled = entries.some((e) => e.name.includes('\uFFFD')) ? notUtf8(dir) : undefined;
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (ALWAYS_SKIPPED.has(entry.name) || inSitePackages(childRel) || filter.skip(childRel)) continue;
      let kind: Kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null;
      if (garbled?.has(entry.name)) {
        // Node decodes the name to a path that does not exist: said, not silently lost.
        const folder = kind === 'dir' || entry.isSymbolicLink();
        if (folder) filter.unreadable?.(childRel, `${NOT_UTF8}, nothing under it is read`);
        else if (filter.accept(childRel)) filter.unreadable?.(childRel, `${NOT_UTF8}: it is not read`, true);
        continue;
      }
      let childReal = real.endsWith(path.sep) ? real + entry.name : real + path.sep + entry.name;
      if (entry.isSymbolicLink()) {
        const judged = judgeLink(rootReal, path.join(dir, entry.name), real, childRel);
        filter.link?.(judged.link);
        kind = judged.kind;
        if (judged.real !== null) childReal = judged.real;
      }
      if (kind === 'dir') {
        filter.directory?.(childRel);
        if (filter.descend?.(childRel) === false) continue;
        const child = { dir: path.join(dir, entry.name), rel: childRel, real: childReal, link: entry.isSymbolicLink() };
        if (child.link) linked.push(child);
        else subdirs.push(child);
      } else if (kind === 'file' && filter.accept(childRel)) found.push(childRel);
    }
    // Listed in the order they were met.
    for (let i = subdirs.length - 1; i >= 0; i--) todo.push(subdirs[i] as Dir);
  }
  return found.sort();
}

const NOT_UTF8 = 'its name is not valid UTF-8 (rename it)';

/**
 * The names in `dir` that are not UTF-8, as Node decodes them (U+FFFD for each byte it cannot decode);
 * asked only when a name holds U+FFFD, which a UTF-8 name rarely does.
 */
function notUtf8(dir: string): Set<string> {
  const names = attempt(() => readdirSync(dir, { encoding: 'buffer' })) ?? [];
  const strict = new TextDecoder('utf-8', { fatal: true });
  const bad = new Set<string>();
  for (const name of names) if (attempt(() => strict.decode(name)) === null) bad.add(name.toString('utf8'));
  return bad;
}

/** A directory still to list: its real path when known, and whether a link led to it. */
interface Dir {
  dir: string;
  rel: string;
  real: string;
  link: boolean;
}

/** Takes the directory of the smallest path out of `dirs` (a few links: a scan is cheap). */
function firstByPath(dirs: Dir[]): Dir {
  let best = 0;
  for (let i = 1; i < dirs.length; i++) if ((dirs[i] as Dir).rel < (dirs[best] as Dir).rel) best = i;
  return dirs.splice(best, 1)[0] as Dir;
}

/**
 * The absolute paths of root-relative POSIX paths already normal, as `listFiles` and the engine (which
 * normalises what it refers to: `joinRel`) give them: the root's prefix and each path, joined without
 * `path.join` normalising every path again character by character (on a cold start of the large org,
 * ~45 MB of garbage for 33,000 paths).
 */
export function absolutePaths(root: string, listed: readonly string[]): string[] {
  return listed.map(absolutePath(root));
}

/** `absolutePaths` one path at a time: a caller that stats or reads each in turn holds none of the others. */
export function absolutePath(root: string): (rel: string) => string {
  const prefix = path.join(root, '.') + path.sep;
  return path.sep === '/' ? (rel) => prefix + rel : (rel) => prefix + rel.split('/').join(path.sep);
}

/**
 * The walk's judgement of a symbolic link at `linkAbs` (root-relative `rel`) in the directory whose real
 * path is `parentReal`: the link as reported, the kind it is followed as (null: not followed — it
 * dangles, leaves the root, loops, or is neither a file nor a directory) and its target's real path.
 */
function judgeLink(
  rootReal: string,
  linkAbs: string,
  parentReal: string,
  rel: string,
): { link: HostLink; kind: Kind; real: string | null } {
  const target = resolveLink(linkAbs);
  const within = target !== null && isInside(rootReal, target.real);
  // A loop: the link points at a directory that contains it.
  const loop = within && target.kind === 'dir' && isInside(target.real, parentReal);
  const link = {
    path: rel,
    target: within ? path.relative(rootReal, target.real).split(path.sep).join('/') : null,
    loop,
  };
  return { link, kind: within && !loop ? target.kind : null, real: target?.real ?? null };
}

/**
 * What the walk makes of one root-relative path met outside a walk (a watched-file event): null when
 * it is no symbolic link; else the link as the walk reports it (null when the walk cannot reach it: its
 * directory is not inside the root) and the kind the walk follows it as (null: not followed).
 */
export function linkAt(root: string, rel: string): { link: HostLink | null; kind: Kind } | null {
  const abs = path.join(root, rel);
  const parentReal = attempt(() => (lstatSync(abs).isSymbolicLink() ? realpathSync.native(path.dirname(abs)) : null));
  if (parentReal === null) return null;
  const rootReal = attempt(() => realpathSync.native(root));
  if (rootReal === null || !isInside(rootReal, parentReal)) return { link: null, kind: null };
  const { link, kind } = judgeLink(rootReal, abs, parentReal, rel);
  return { link, kind };
}

/** The real path and kind of a link's target, or null when it dangles. */
function resolveLink(abs: string): { real: string; kind: Kind } | null {
  return attempt(() => {
    const real = realpathSync.native(abs);
    const stat = statSync(real);
    return { real, kind: stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null };
  });
}

function attempt<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}
