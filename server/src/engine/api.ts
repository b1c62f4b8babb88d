// Result shapes of the engine's query functions (hover, completion, explain, …): plain data that
// the LSP layer converts to protocol types and the CLI prints.
import type { ContextId, Location, Range, ResolutionMode, Severity, Strategy, TextEdit } from './types';

export interface HoverResult { range: Range; markdown: string }

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
export interface WorkspaceSymbolResult { name: string; kind: SymbolKind; location: Location; containerName: string }

export interface CodeLensResult { range: Range; title: string; command?: { name: 'explain' | 'references'; args: unknown[] } }

export interface RenameResult { edits: { file: string; edits: TextEdit[] }[] }

/** Where one definition of a step comes from: `core`, `workspace:<id>` or `override:<id>`. */
export interface SourcedLocation { source: string; file: string; range: Range }

export interface TraceStep { layer: string; hit: boolean; file: string | null; range: Range | null }
export interface ComponentHit { class: string | null; file: string; range: Range }
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
  dependencies: { name: string; resolved: SourcedLocation | null; optional: boolean }[];
  dependents: SourcedLocation[];
  suggestions: string[];
  /** `Step 'X' not found (workspace: W)` when not found, else a one-line summary. */
  summary: string;
}

export interface ExplainQuery {
  step: string;
  context?: ContextId;
  mode?: ResolutionMode;
  framework?: string;
  environmentTags?: string[];
}

export interface ListRow {
  name: string;
  source: string;
  file: string;
  range: Range;
  sagemakerStepType: string | null;
  builder: string | null;
  config: string | null;
  conflicts: string[];
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

export interface Summary {
  sources: number;
  entries: number;
  workspaces: number;
  errors: number;
  warnings: number;
  information: number;
  hints: number;
}

export type SeverityCounts = Record<Severity, number>;
