// The parts of a root as the step model's contexts divide it, for a host that analyses the files open
// in an editor before the rest: each developer workspace is a part, core (what lies outside every
// workspace) another, and the registries are read by every context (a workspace's checks compare its
// names and id with the other workspaces'). An open file inside a workspace reads its workspace and
// core; any other open file reads the whole root.
import type { FamilyParts } from '../../analysis/family';
import { wsDirOf } from './model/workspaceDirs';

const CORE_PART = '';

/** A member's parts; `shared`: the roles every context reads (its registries). */
export function contextParts<R>(shared: (role: R) => boolean): FamilyParts<R> {
  return {
    of: (path, role, settings) => (shared(role) ? null : wsDirOf(settings, path) ?? CORE_PART),
    readBy: (path, _role, settings) => {
      const ws = wsDirOf(settings, path);
      return ws === null ? null : [ws, CORE_PART];
    },
  };
}
