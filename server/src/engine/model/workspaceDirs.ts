// Where developer workspaces live (SPEC §1.2): each direct subdirectory of a configured root, with its
// registry and steps directories at fixed places inside it.
import type { Settings } from '../types';
import { intern } from '../util/intern';

export const WS_REGISTRY_SUFFIX = 'src/cursus_dev/registry/workspace_registry.py';
export const WS_STEPS_DIR = 'src/cursus_dev/steps';

/** `root/dir` when the path lies inside a developer workspace directory (one string per directory: entries and roles keep it). */
export function wsDirOf(settings: Settings, path: string): string | null {
  for (const root of settings.workspacesRoots) {
    const prefix = root === '' ? '' : `${root}/`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash > 0) return intern(prefix + rest.slice(0, slash), Infinity);
  }
  return null;
}
