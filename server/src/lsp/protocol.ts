// Registry Lens's own requests and notifications (beyond LSP): method names and payloads, imported
// by both the server and the client so the two sides cannot drift apart. Types only, plus names.
import type { ContextInfo, Explanation, Summary } from '../engine/api';
import type { Position, Range, ResolutionMode } from '../engine/types';

export const Methods = {
  explain: 'registryLens/explain',
  stepAt: 'registryLens/stepAt',
  stepNames: 'registryLens/stepNames',
  contexts: 'registryLens/contexts',
  setContext: 'registryLens/setContext',
  overview: 'registryLens/overview',
  status: 'registryLens/status',
} as const;

/** Without `context` the folder's active context is used (else the context of `uri`, else core). */
export interface ExplainParams {
  uri?: string;
  step: string;
  context?: string;
  mode?: ResolutionMode;
  framework?: string;
  environmentTags?: string[];
}
/** `folder` is the root URI the explanation's relative paths are resolved against. */
export interface ExplainResult { folder: string; explanation: Explanation; text: string }

export interface StepAtParams { uri: string; position: Position }
export interface StepNamesParams { uri?: string; context?: string }
/** Limits the answer to the folder of `uri`; every folder without it. */
export interface ContextsParams { uri?: string }
export type OverviewParams = ContextsParams;
/** `current`: the context of the file named by the request's `uri`, when there is one. */
export interface FolderContexts { folder: string; name: string; active: string; current?: string; contexts: ContextInfo[] }
/** Without `folder`, the context becomes active in every folder that has it. */
export interface SetContextParams { context: string; folder?: string }

export interface LocationRef { uri: string; range: Range }
export interface OverviewStep extends LocationRef { name: string; source: string; sagemakerStepType: string | null; conflicts: string[] }
export interface OverviewContext extends ContextInfo { uri: string | null; steps: OverviewStep[] }
/** A diagnostic between registries (conflicts, shadowing, duplicate ids, cycles), for the tree view. */
export interface OverviewProblem extends LocationRef { code: string; message: string; related: (LocationRef & { message: string })[] }
export interface FolderOverview {
  folder: string;
  name: string;
  active: string;
  summary: Summary;
  contexts: OverviewContext[];
  conflicts: OverviewProblem[];
  /** Entries of the other registry families (ONEX artifacts), by family: `source` is e.g. `onex nodes`, `detail` "3 versions · latest 1.2.0". */
  families: { name: string; entries: (OverviewStep & { detail: string })[] }[];
}

export interface StatusParams {
  folder: string;
  context: string;
  errors: number;
  warnings: number;
  entries: number;
  workspaces: number;
  lastAnalysisMs: number;
}

/** Client → server `initializationOptions`. */
export interface InitializationOptions { debounceMs?: number }
