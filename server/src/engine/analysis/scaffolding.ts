// New workspaces, laid out by the family that has them (the registry of families names it): the engine
// hands it the front end's request with the queries it reads, and returns the directories and files to
// create, or why there are none; the host writes them. The core names no template or layout.
import type { FamilyQueries } from './family';

/** The directories and files of a new workspace (root-relative). */
export interface Scaffold {
  dir: string;
  dirs: string[];
  files: { file: string; text: string }[];
}

/**
 * A front end's request: the new workspace's id, template and layout (default: the root's), where workspaces are
 * (default: the family's setting), and another workspace to copy instead of a template.
 */
export interface ScaffoldRequest<T extends string, L extends string> {
  id: string;
  template: T;
  layout?: L;
  workspacesRoot?: string;
  copyFrom?: { id: string; files: { path: string; text: string }[] };
}

/** A family's hook for new workspaces, over its template names `T` and layouts `L`. */
export interface WorkspaceScaffolding<T extends string = string, L extends string = string> {
  readonly templates: readonly T[];
  /** A workspace's code, relative to the workspace: what a copy takes (`copyFrom.files` are relative to it). */
  readonly code: string;
  /** Where a workspace's step components go, relative to the workspace. */
  readonly components: string;
  /** The layout a new workspace follows unless the request names one. */
  layout(q: FamilyQueries): L;
  scaffold(o: ScaffoldRequest<T, L>, q: FamilyQueries): Scaffold | { error: string };
}
