// The parts of a root as the step model's contexts divide it, for a host that analyses the files open
// in an editor before the rest: each developer workspace is a part, core (what lies outside every
// workspace) another, and each context's companion metadata a part of its own (only the companions'
// checks read them); the registries are read by every context (a workspace's checks compare its names
// and id with the other workspaces'). An open file inside a workspace reads its workspace and core (and
// their metadata when it is metadata); any other open file reads the whole root. Core's own checks
// report on core's files only, so they wait while only workspace files are open. Below a directory inside
// a workspace lie only that workspace's parts, unless the family keeps a shared file there (`sharedIn`).
import type { FamilyParts } from '../analysis/family';
import { isUnder } from '../util/paths';
import { wsDirBelow, wsDirOf } from './entries/workspaceDirs';

const CORE_PART = '';
const metadataOf = (context: string): string => `${context}#metadata`;

/** What a member's file is to the parts: read by every context (a registry), a context's own file, or its metadata. */
export type PartKind = 'shared' | 'context' | 'metadata';

/**
 * A member's parts, by the kind of each of its roles; `coreUnit`: its units named after no path that
 * report on core's files only; `sharedIn`: where inside a workspace directory its shared files may lie.
 */
export function contextParts<R>(
  kind: (role: R) => PartKind,
  coreUnit: (key: string) => boolean = () => false,
  sharedIn: readonly string[] = [],
): FamilyParts<R> {
  return {
    unit: (key) => (coreUnit(key) ? CORE_PART : null),
    of: (path, role, settings) => {
      const k = kind(role);
      const context = wsDirOf(settings, path) ?? CORE_PART;
      return k === 'shared' ? null : k === 'metadata' ? metadataOf(context) : context;
    },
    readBy: (path, role, settings) => {
      const ws = wsDirOf(settings, path);
      if (ws === null) return null;
      return kind(role) === 'metadata' ? [ws, CORE_PART, metadataOf(ws), metadataOf(CORE_PART)] : [ws, CORE_PART];
    },
    below: (dir, { settings }) => {
      const ws = wsDirBelow(settings, dir);
      if (ws === null || sharedIn.some((rel) => isUnder(`${ws}/${rel}`, dir))) return null;
      return [ws, metadataOf(ws)];
    },
  };
}
