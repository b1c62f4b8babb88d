// The one containment rule of every front end (server, CLI, MCP): a path the product reads or writes
// must lie inside the root once links are resolved — the real path of what exists, the real path of
// the nearest existing ancestor of what it creates. A cloned repository's settings, links or requests
// can then never make Registry Lens read or write outside the folder it was opened on.
import { lstatSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { displayPath } from './displayPath';

/** A path admitted under the root (absolute, and root-relative POSIX), or why it was refused. */
export type Contained = { abs: string; rel: string } | { refused: string };

/**
 * Whether `rel` is a path the walk could list: root-relative POSIX, each segment a name (no empty, `.` or `..`
 * segment, no backslash, no NUL, no drive), so joined to the root it stays inside it. What a file written elsewhere
 * names (a cache entry) is judged by this before anything is opened.
 */
export function isRootRelative(rel: unknown): rel is string {
  return (
    typeof rel === 'string' &&
    !/[\\\0]|^[A-Z]:/i.test(rel) &&
    rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** `real` is `rootReal` or below it (both real, absolute paths). */
export function isInside(rootReal: string, real: string): boolean {
  return real === rootReal || real.startsWith(rootReal.endsWith(path.sep) ? rootReal : rootReal + path.sep);
}

/**
 * Resolves `p` (root-relative, or absolute) under `root` for reading (`read`: the path's real target
 * must be inside) or for creating (`create`: its nearest existing ancestor's real path must be inside,
 * so a link anywhere on the way out is refused before anything is written). Nothing is read or written.
 */
export function resolveInRoot(root: string, p: string, mode: 'read' | 'create'): Contained {
  if (p.includes('\0')) return { refused: 'the path contains a NUL character' };
  const rootAbs = path.resolve(root);
  const abs = path.resolve(rootAbs, p);
  const lexical = path.relative(rootAbs, abs);
  if (lexical === '..' || lexical.startsWith(`..${path.sep}`) || path.isAbsolute(lexical)) {
    return { refused: `${displayPath(p)} is outside the root` };
  }
  let rootReal: string;
  try {
    rootReal = realpathSync.native(rootAbs);
  } catch (e) {
    return { refused: `the root cannot be resolved (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  const rel = lexical.split(path.sep).join('/');
  const real = mode === 'read' ? realOrNull(abs) : null;
  if (real !== null) {
    return isInside(rootReal, real)
      ? { abs, rel }
      : { refused: `${displayPath(p)} leads outside the root through a symbolic link` };
  }
  // Missing (or being created): judge its nearest existing ancestor. A dangling link on the way is an
  // existing entry whose target is missing: refused, since writing through it would create its target.
  for (let dir = abs; ; dir = path.dirname(dir)) {
    const kind = lstatKind(dir);
    if (kind === 'link' && realOrNull(dir) === null)
      return { refused: `${displayPath(p)} passes through a dangling symbolic link` };
    if (kind !== null) {
      const ancestorReal = realOrNull(dir);
      if (ancestorReal === null || !isInside(rootReal, ancestorReal)) {
        return { refused: `${displayPath(p)} leads outside the root through a symbolic link` };
      }
      return { abs, rel };
    }
    if (dir === path.dirname(dir)) return { refused: `${displayPath(p)} cannot be resolved` };
  }
}

function realOrNull(abs: string): string | null {
  try {
    return realpathSync.native(abs);
  } catch {
    return null;
  }
}

function lstatKind(abs: string): 'link' | 'other' | null {
  try {
    return lstatSync(abs).isSymbolicLink() ? 'link' : 'other';
  } catch {
    return null;
  }
}

/**
 * Resolves `p` under `root` for writing a file (editing or creating it): inside the root as for
 * `create`, and besides never inside a `.git` folder (a repository's configuration and hooks run
 * code), never through a symbolic link anywhere below the root (the file itself included), and never
 * an existing file that is not a regular file with one link (a hard link would carry the edit to a
 * file elsewhere). `replaceFile` (lockedWrite.ts) checks the last two again, and replaces the file by a rename,
 * which neither follows a link nor reaches another name of the file.
 */
export function resolveForWriting(root: string, p: string): Contained {
  const r = resolveInRoot(root, p, 'create');
  if ('refused' in r) return r;
  const shown = displayPath(p);
  if (r.rel.split('/').some((s) => s.toLowerCase() === '.git')) return { refused: `${shown} is inside a .git folder` };
  const rootReal = realOrNull(path.resolve(root));
  const parts = r.rel === '' ? [] : r.rel.split('/');
  for (let n = parts.length; n >= 0 && rootReal !== null; n--) {
    const lexical = path.join(rootReal, ...parts.slice(0, n));
    const kind = lstatKind(lexical);
    if (kind === null) continue;
    if (kind === 'link' || realOrNull(lexical) !== lexical)
      return { refused: `${shown} passes through a symbolic link` };
    if (n === parts.length) {
      const st = lstatSync(lexical);
      if (!st.isFile()) return { refused: `${shown} is not a regular file` };
      if (st.nlink > 1)
        return { refused: `${shown} has ${st.nlink} hard links (an edit would change the other names too)` };
    }
    break;
  }
  return r;
}
