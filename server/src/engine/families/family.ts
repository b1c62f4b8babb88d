// The interface every registry family implements, and what a family may read. A family says what the
// paths it cares about are, reads one of its files into facts, names its units of cross-file
// diagnostics and computes each one, and tells the host which files and directories it needs. The
// engine consults the families listed in families/index.ts in order; families never import each other.
import type { Diagnostic, Position, Range } from '../types';
import type { CompletionResult, ExplainSection, HoverResult } from '../api';
import type { StepEntry } from '../model/entry';
import type { FamilyRole } from '../analysis/facts';
import type { FileFamily, FileQueries } from '../analysis/files';
import type { ModelQueries } from '../analysis/model';
import type { PipelineQueries } from '../pipeline/queries';
import type { CheckContext } from '../checks/registry';


/** The engine's tracked queries, as families read them. */
export interface FamilyQueries {
  files: FileQueries;
  model: ModelQueries;
  pipeline: PipelineQueries;
  context: CheckContext;
}

export type { FamilyRole, ExplainSection };

/** A family: the per-file part (analysis/files.ts: classify, index, read) and the cross-file part below. */
export interface RegistryFamily extends FileFamily {
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
  /** Host question: whether the analysis needs to know that this directory exists (tell it with `setTree`). */
  wantsDirectory?(path: string, q: FamilyQueries): boolean;
  /** Feature: hover in one of its files where the generic hover has nothing (keys documented by a schema). */
  hover?(file: string, pos: Position, q: FamilyQueries): HoverResult | null;
  /** Feature: completion in one of its files; null lets the generic completion answer. */
  completion?(file: string, pos: Position, text: string, q: FamilyQueries): CompletionResult[] | null;
  /** Feature: sections of an entry's Explain that only this family knows (label → value lines). */
  explainSections?(entry: StepEntry, wsDir: string | null, q: FamilyQueries): ExplainSection[];
  /** Feature: data-flow edges (producer → consumer) of a context, for the graph and code lenses. */
  flowEdges?(wsDir: string | null, q: FamilyQueries): FlowEdge[];
}

/** Data flows from `from` (producer) to `to` (consumer); declared at `file`/`range`. */
export interface FlowEdge { from: string; to: string; file: string; range: Range; label: string }
