// Lists the files of a root folder that the engine wants: a recursive walk that prunes excluded
// directories, never follows a symbolic link out of the root, visits each real directory once (so
// symlink loops end), and reports the links it meets (the engine judges links under apcore roots).
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { HostLink } from '../engine/engine';
import type { Limiter } from './limit';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

export interface ScanFilter {
  /** Root-relative POSIX path of a file or directory that must not be visited. */
  skip(rel: string): boolean;
  /** Whether a (not skipped) file is wanted. */
  accept(rel: string): boolean;
  /** Every symbolic link met (not skipped): its real target relative to the root, null outside it. */
  link?(link: HostLink): void;
  /** A directory that could not be listed (root-relative, '' for the root) and why. */
  unreadable?(rel: string, reason: string): void;
}

type Kind = 'dir' | 'file' | null;

/** Root-relative POSIX paths of the accepted files, sorted. */
export async function listFiles(root: string, filter: ScanFilter, run: Limiter): Promise<string[]> {
  const rootReal = await fs.realpath(root);
  const seen = new Set<string>();
  const found: string[] = [];

  const inside = (real: string): boolean => real === rootReal || real.startsWith(rootReal + path.sep);
  const relOf = (real: string): string => path.relative(rootReal, real).split(path.sep).join('/');

  async function walk(dir: string, rel: string): Promise<void> {
    const real = await run(() => fs.realpath(dir)).catch(() => null);
    if (real === null || !inside(real) || seen.has(real)) return;
    seen.add(real);
    const entries = await run(() => fs.readdir(dir, { withFileTypes: true })).catch((e: NodeJS.ErrnoException): Dirent[] => {
      if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') filter.unreadable?.(rel, `it cannot be listed (${e.code ?? e.message})`);
      return [];
    });
    await Promise.all(entries.map(async (entry) => {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (ALWAYS_SKIPPED.has(entry.name) || filter.skip(childRel)) return;
      const abs = path.join(dir, entry.name);
      let kind: Kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null;
      if (entry.isSymbolicLink()) {
        const target = await resolveLink(abs, run);
        const within = target !== null && inside(target.real);
        // A loop: the link points at a directory that contains it.
        const loop = within && target.kind === 'dir' && (real === target.real || real.startsWith(target.real + path.sep));
        filter.link?.({ path: childRel, target: within ? relOf(target.real) : null, loop });
        kind = within && !loop ? target.kind : null;
      }
      if (kind === 'dir') await walk(abs, childRel);
      else if (kind === 'file' && filter.accept(childRel)) found.push(childRel);
    }));
  }

  await walk(root, '');
  return found.sort();
}

/** The real path and kind of a link's target, or null when it dangles. */
async function resolveLink(abs: string, run: Limiter): Promise<{ real: string; kind: Kind } | null> {
  try {
    const real = await run(() => fs.realpath(abs));
    const stat = await run(() => fs.stat(real));
    return { real, kind: stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null };
  } catch {
    return null;
  }
}
