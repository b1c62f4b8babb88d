// Root-relative POSIX path arithmetic for the engine, which sees paths but never a file system: the
// directory and name of a path, joining a relative reference (`../x.py`) onto a directory, and the one
// copy of a directory name that many records keep.
import { intern } from './intern';

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `dir/rel` normalised (`.`/`..` segments, duplicate slashes); null when it leaves the root. */
export function joinRel(dir: string, rel: string): string | null {
  if (rel.startsWith('/')) return null;
  const out: string[] = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return out.join('/');
}

/** Whether `path` is `dir` itself or lies below it (`dir` '' is the root, which holds everything). */
export function isUnder(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}

/**
 * The engine's copy of a directory name that many records keep (a workspace's directory, a component
 * folder: entries, roles and keys): one string for all of them, never a view into the path it was cut
 * from nor a chain of the strings it was built from.
 */
export function heldDir(dir: string): string {
  return intern(dir, Infinity);
}
