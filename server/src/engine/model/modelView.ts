// The step layer as the engine sees it: the engine answers contexts, names, graphs, renames and fixes
// from it, and asks it where a file's family answers no editor feature. The core (analysis/) names no
// model: only engine.ts opens this one (sharedModel.ts) on its workspace.
import type { ContextInfo, DependencyGraph, ListColumn, NameSites, RenameResult } from '../api';
import type { Code, ContextId, Diagnostic, Fix, Position, Range, ResolutionMode, Settings } from '../types';
import type { CodeTable } from '../codes';
import type { FileFamily, FileQueries } from '../analysis/files';
import type { FeatureDispatch, FeatureSource, ModelFeatures } from '../analysis/features';
import type { UnitCheck } from '../analysis/family';

/** What the model reads of the core workspace: its tracked queries, texts and published diagnostics. */
export interface ModelCore extends FeatureSource {
  readonly files: FileQueries;
  readonly settings: Settings;
  fileNames(): string[];
  has(path: string): boolean;
  text(path: string): string | undefined;
  diagnostics(path: string): Diagnostic[];
}

/** A model on one engine's workspace. */
export interface ModelView {
  /** Its answers where a file's family answers no editor feature. */
  readonly features: ModelFeatures;
  /** How names resolve across contexts unless a request says otherwise. */
  resolutionMode(): ResolutionMode;
  /** What it adds to the summary: its registry sources, entries and contexts besides core. */
  counts(): { sources: number; entries: number; workspaces: number };
  contexts(): ContextInfo[];
  contextOf(file: string): ContextId;
  /** The names a context resolves. */
  names(context?: ContextId, mode?: ResolutionMode): string[];
  /** The directory of a context (null for core or an unknown id), and the one a file lies in. */
  dirOfContext(context: ContextId): string | null;
  dirOf(file: string): string | null;
  graph(opts: { context?: ContextId; mode?: ResolutionMode }): DependencyGraph;
  fileGraph(file: string): DependencyGraph | null;
  prepareRename(file: string, pos: Position): { range: Range; placeholder: string } | null;
  rename(file: string, pos: Position, newName: string): RenameResult | null;
  fixes(file: string, range: Range): { diagnostic: Diagnostic; fix: Fix }[];
  fixAll(file: string, code?: Code): Fix | null;
  /** Definitions and references of a name (references as the dispatch answers them). */
  nameSites(features: Pick<FeatureDispatch, 'familySymbols' | 'references'>, name: string): NameSites;
}

/** The shared model: its codes, an embedder's cross-file check (`C`) as a unit, and its view of a workspace. */
export interface SharedModel<C> {
  readonly codes: CodeTable;
  /** Where the graph's edges come from, in words (why a graph is empty). */
  readonly edgeSources: readonly string[];
  unitCheck(check: C): UnitCheck;
  /** The columns the families among its members add to `list`. */
  listColumns(families: readonly FileFamily[]): readonly ListColumn[];
  open(core: ModelCore): ModelView;
}
