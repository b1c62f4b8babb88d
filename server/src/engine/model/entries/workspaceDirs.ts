// Where developer workspaces live (SPEC §1.2): each direct subdirectory of a configured root, with its
// registry and steps directories at fixed places inside it, which the members know (`WorkspacePaths`), with the
// texts of the component modules the fixes create there (`ComponentStubs`).
import type { Settings } from '../../types';
import { STEP_SETTINGS } from '../settings';
import { heldDir, isUnder } from '../../util/paths';

/**
 * What members say of a developer workspace (member.ts `StepParts.workspace`), paths relative to its directory:
 * `steps`, where its components go, a folder per kind; `interfaces`, where its step interfaces lie; `imports`, the
 * module its code imports each base class of a stub from.
 */
export interface WorkspacePaths {
  readonly steps?: string;
  readonly interfaces?: string;
  readonly imports?: Readonly<Record<string, string>>;
}

/** A member's templates of new component modules: `configCls`, the class a builder is built from (when named). */
export interface ComponentStubs {
  builder(step: string, cls: string, configCls: string | null): string;
  config(step: string, cls: string): string;
}

/**
 * `root/dir` when the path lies inside a developer workspace directory (one string per directory: entries and roles
 * keep it).
 */
export function wsDirOf(settings: Settings, path: string): string | null {
  // Asked for every path and again by the queries (131,469 times in a load of the large bench org): one slice of the
  // path, no prefix nor joined strings built.
  for (const root of STEP_SETTINGS.of(settings).workspacesRoots) {
    const start = root === '' ? 0 : root.length + 1;
    if (root !== '' && !(path.startsWith(root) && path.charCodeAt(root.length) === SLASH)) continue;
    const slash = path.indexOf('/', start);
    if (slash > start) return heldDir(path.slice(0, slash));
  }
  return null;
}

const SLASH = 0x2f;

/**
 * The workspace directory every path below `dir` lies in (what `wsDirOf` gives each of them), or null:
 * outside every workspace, or where it depends on the path (`dir` is a workspaces root or above one).
 */
export function wsDirBelow(settings: Settings, dir: string): string | null {
  // As `wsDirOf`, root by root in order: the first root that holds every path below `dir` decides.
  for (const root of STEP_SETTINGS.of(settings).workspacesRoots) {
    if (isUnder(root, dir)) return null;
    if (root === '' || dir.startsWith(`${root}/`)) {
      const start = root === '' ? 0 : root.length + 1;
      const slash = dir.indexOf('/', start);
      return heldDir(slash < 0 ? dir : dir.slice(0, slash));
    }
  }
  return null;
}
