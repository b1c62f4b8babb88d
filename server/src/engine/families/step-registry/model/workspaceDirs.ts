// Where developer workspaces live (SPEC §1.2): each direct subdirectory of a configured root, with its
// registry and steps directories at fixed places inside it.
import type { Settings } from '../../../types';
import { STEP_SETTINGS } from '../settings';
import { heldDir } from '../../../util/paths';

export const WS_REGISTRY_SUFFIX = 'src/cursus_dev/registry/workspace_registry.py';
export const WS_STEPS_DIR = 'src/cursus_dev/steps';

/** `root/dir` when the path lies inside a developer workspace directory (one string per directory: entries and roles keep it). */
export function wsDirOf(settings: Settings, path: string): string | null {
  // Asked for every path and again by the queries (131,469 times in a load of the large bench org): one slice of the path, no prefix nor joined strings built.
  for (const root of STEP_SETTINGS.of(settings).workspacesRoots) {
    const start = root === '' ? 0 : root.length + 1;
    if (root !== '' && !(path.startsWith(root) && path.charCodeAt(root.length) === SLASH)) continue;
    const slash = path.indexOf('/', start);
    if (slash > start) return heldDir(path.slice(0, slash));
  }
  return null;
}

const SLASH = 0x2f;
