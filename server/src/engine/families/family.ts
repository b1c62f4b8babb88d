// The interface every registry family implements, and what a family may read. A family says what the
// paths it cares about are, reads one of its files into facts, names its units of cross-file
// diagnostics and computes each one, and tells the host which files and directories it needs. The
// engine consults the families listed in families/index.ts in order; families never import each other.
import type { Diagnostic, HostLink, Settings } from '../types';
import type { Applied } from '../analysis/facts';
import type { FileQueries } from '../analysis/files';
import type { ModelQueries } from '../analysis/model';
import type { PipelineQueries } from '../pipeline/queries';
import type { CheckContext } from '../checks/registry';

/** A path's part in one family: `role` is the family's own vocabulary; the rest is its payload. */
export interface FamilyRole { family: string; role: string }

/** What a family's classification may depend on besides the path (tracked; compared by value). */
export interface LayoutReads {
  settings: Settings;
  /** The text of a fed file (undefined when absent). */
  text(path: string): string | undefined;
  links: HostLink[];
}

export interface ClassifyEnv {
  settings: Settings;
  /** This family's layout (what `layout` returned), or null when it has none. */
  layout: unknown;
}

/** The engine's tracked queries, as families read them. */
export interface FamilyQueries {
  files: FileQueries;
  model: ModelQueries;
  pipeline: PipelineQueries;
  context: CheckContext;
}

export interface RegistryFamily {
  readonly name: string;
  /** Tracked: what classification depends on besides the path (apcore.yaml's roots, say); compared by value. */
  layout?(reads: LayoutReads): unknown;
  /** Builds the classifier: the family's role of a path, or null when the path is not its. */
  classifier(env: ClassifyEnv): (path: string) => FamilyRole | null;
  /** Index key of a classified path (files with one key are listed together, e.g. `core` or `component:<scope>`); null: not listed. */
  indexKey?(role: FamilyRole): string | null;
  /** What one file of the family says on its own (text within the engine's size limit). */
  read(path: string, role: FamilyRole, text: string, settings: Settings): Partial<Applied>;
  /** Files whose registry sources join the core context (default: those under the family's `core` index key). */
  coreSources?(files: FileQueries): string[];
  /** Files whose registry sources join a developer workspace besides its registry (default: those under `ws:<dir>`). */
  workspaceSources?(files: FileQueries, dir: string): string[];
  /** Keys of the family's units of cross-file diagnostics (each a tracked query). */
  unitKeys(q: FamilyQueries): string[];
  /** The diagnostics of one of its units. */
  unit(key: string, q: FamilyQueries): Diagnostic[];
  /** Host question: whether to feed a path this family classified (default: yes). */
  wants?(path: string, role: FamilyRole, q: FamilyQueries): boolean;
  /** Host question: files to feed together with this one when it exists. */
  companionsOf?(path: string, role: FamilyRole): string[];
  /** Host question: files the analysis refers to, to feed when they exist. */
  wantedFiles?(q: FamilyQueries): string[];
  /** Host question: a value that changes when only a new walk can find the files that became relevant. */
  relevance?(layout: unknown): string;
}
