// Result shapes of the engine's query functions (hover, completion, explain, …): plain data that
// the LSP layer converts to protocol types and the CLI prints.
import type { ContextId, Location, Range, ResolutionMode, Strategy, TextEdit } from './types';

export interface HoverResult {
  range: Range;
  markdown: string;
}

export type CompletionKind = 'field' | 'value' | 'class' | 'step' | 'snippet' | 'module' | 'key';
export interface CompletionResult {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet (`$1`, `${1:x}`) when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  /** Range the insertion replaces (the word under the cursor, inside quotes). */
  range?: Range;
  sortText?: string;
}

export type SymbolKind = 'registry' | 'step' | 'field' | 'workspace' | 'class' | 'module';
export interface DocumentSymbolResult {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbolResult[];
}
export interface WorkspaceSymbolResult {
  name: string;
  kind: SymbolKind;
  location: Location;
  containerName: string;
}

/**
 * A path written in a registry (`range`: its characters inside the quotes) that the real loader resolves to a file:
 * `target`, root-relative, always an existing file inside the root.
 */
export interface DocumentLinkResult {
  range: Range;
  target: string;
}

export interface CodeLensResult {
  range: Range;
  title: string;
  command?: { name: 'explain' | 'references'; args: unknown[] };
}

export interface RenameResult {
  edits: { file: string; edits: TextEdit[] }[];
}

/** Where one definition of a step comes from: `core`, `workspace:<id>` or `override:<id>`. */
export interface SourcedLocation {
  source: string;
  file: string;
  range: Range;
}

/** A name's definitions (each with where it comes from) and the places that refer to it. */
export interface NameSites {
  name: string;
  definitions: SourcedLocation[];
  references: Location[];
}

/**
 * A dependent: the entry that depends (`name`, or `workspace:<id>` for a workspace's own dependencies), the context it
 * belongs to, where it comes from, and the node that declares the dependency.
 */
export interface Dependent extends SourcedLocation {
  name: string;
  context: ContextId;
}

export interface TraceStep {
  layer: string;
  hit: boolean;
  file: string | null;
  range: Range | null;
}
export interface ComponentHit {
  /** The class name (null for a file that is no class: a script, an interface's spec or contract). */
  class: string | null;
  file: string;
  range: Range;
  /**
   * A builder no file defines: cursus makes it at run time from the interface at `file`, as a subclass of `base`, in
   * `by` (its builder discovery module; null when the tree lacks it).
   */
  synthesized?: { base: string; by: string | null };
}
export type ComponentKind = 'builder' | 'config' | 'spec' | 'contract' | 'script';

export interface Explanation {
  step: string;
  context: ContextId;
  mode: ResolutionMode;
  found: boolean;
  winner: (SourcedLocation & { fields: Record<string, unknown> }) | null;
  trace: TraceStep[];
  shadowed: SourcedLocation[];
  conflicts: SourcedLocation[];
  strategy: { name: Strategy; reason: string } | null;
  /** Seed `to_legacy_format` of the winner. */
  legacy: Record<string, unknown> | null;
  /** Rows of the derived registries that mention the step. */
  derived: { registry: string; key: string; value: string }[];
  components: Record<ComponentKind, ComponentHit | null>;
  /** Directories searched for components (shown when missing). */
  searched: Record<ComponentKind, string[]>;
  /** The companion's dependencies, each resolved in the companion's context, with its version range. */
  dependencies: {
    name: string;
    resolved: SourcedLocation | null;
    optional: boolean;
    version?: string | null;
    satisfied?: boolean | null;
  }[];
  /** Where entries of the context (or the workspace itself) depend on the step: the module_id / dependency node. */
  dependents: Dependent[];
  /**
   * The companion metadata merged into `winner.fields` (YAML wins), and companions ignored because another came first.
   */
  meta?: { file: string; fromMeta: string[]; ignored: string[]; boundBy: string | null } | null;
  /** For an apcore module: its extension root and resolved class (instead of cursus components). */
  module?: { root: string; entryClass: ComponentHit | null } | null;
  /**
   * What only the entry's family knows (an interface step: its interface file, script, step-graph neighbours; an ONEX
   * artifact: its versions and policy).
   */
  sections?: ExplainSection[];
  /** False for an entry of a family without cursus components (an ONEX artifact): Explain shows no Components. */
  hasComponents?: boolean;
  suggestions: string[];
  /** `Step 'X' not found (workspace: W)` when not found, else a one-line summary. */
  summary: string;
}

/** A titled block of Explain: each row a label, a text, and where it points when it points somewhere. */
export interface ExplainSection {
  title: string;
  rows: { label: string; text: string; file?: string; range?: Range }[];
}

export interface ExplainQuery {
  step: string;
  context?: ContextId;
  mode?: ResolutionMode;
  framework?: string;
  environmentTags?: string[];
}

/**
 * A column a family adds to `list` (the step model's members: `StepParts.listColumns`): its key in the JSON document
 * and the protocol, its header in the table, and what the MCP tool's schema says of it.
 */
export interface ListColumn {
  readonly key: string;
  readonly header: string;
  readonly description?: string;
}

/** A row of `list`: an entry a context resolves. */
export interface ListRow {
  name: string;
  source: string;
  file: string;
  range: Range;
  /** The entry's value in each column the families add (`LIST_COLUMNS`), by key; absent or null where it has none. */
  columns: Readonly<Record<string, string | null>>;
  /** The sources of the same name in other workspaces. */
  conflicts: string[];
  /** A family's one-line summary of the entry (ONEX: "3 versions · latest 1.2.0"). */
  detail?: string;
}

/** A node of a context's dependency graph: an entry (step or module), or the workspace itself. */
export interface GraphNode {
  id: string;
  kind: 'step' | 'module' | 'workspace';
  /** `core`, `workspace:<id>`, `override:<id>`, `module`, or the workspace's own node. */
  source: string;
  file: string | null;
  range: Range | null;
  /** The companion metadata file whose dependencies are the node's edges. */
  meta: string | null;
  /** Member of a dependency cycle. */
  cycle: boolean;
  /** The step the node names when its id is no step's name (a DAG node `X_training` → `X`). */
  step?: string;
}

/** `from` depends on `to`, as declared at `file`/`range` (a module_id node or a WORKSPACE_METADATA item). */
/**
 * `flow` (data flows from producer `from` to consumer `to`, e.g. `compatible_sources`); otherwise `from` depends on
 * `to`.
 */
export interface GraphEdge {
  from: string;
  to: string;
  optional: boolean;
  file: string;
  range: Range;
  cycle: boolean;
  kind?: 'flow';
  label?: string;
}

export interface DependencyGraph {
  context: ContextId;
  mode: ResolutionMode;
  /** The file declaring the graph (a pipeline DAG: each edge data flow, in order and cycles); none for a context's. */
  file?: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Kahn order with a sorted zero-in-degree set: dependencies first. */
  order: string[];
  /** Nodes that cannot be ordered: in a cycle or depending on one. */
  blocked: string[];
  /** One concrete cycle per strongly connected component: `[a, b]` is a -> b -> a. */
  cycles: string[][];
}

export interface ContextInfo {
  id: ContextId;
  /** Workspace directory (root-relative), null for core. */
  dir: string | null;
  /** Registry file, when the workspace has one. */
  file: string | null;
  localSteps: number;
  overrides: number;
}

/**
 * A version the root's pin files (a lock, `requirements*.txt`, `pyproject.toml`) pin, of the first file believed;
 * `name` import-style (`omnibase_core`).
 */
/** A framework the host found installed in the project's Python environment: its import package and version. */
export interface InstalledVersion {
  name: string;
  version: string;
}

export interface FrameworkPin {
  name: string;
  version: string;
  file: string;
  range: Range;
}

export interface Summary {
  sources: number;
  entries: number;
  workspaces: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}
