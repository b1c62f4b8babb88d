// Registry Lens's own requests and notifications (beyond LSP): method names and payloads, imported
// by both the server and the client so the two sides cannot drift apart. Types only, plus names
// and the Node options the server runs with.
import type { ContextInfo, Explanation, GraphEdge, GraphNode, Summary } from '../engine/api';
import type { CheckFilter } from '../engine/documents/checkFilter';
import type { JsonDocument } from '../engine/documents/jsonDocuments';
import type { Position, Range, ResolutionMode, Severity } from '../engine/types';

export type { ContextInfo, GraphEdge, GraphNode, JsonDocument };

/**
 * Node options the server runs with. The young generation grows to 16 MB semi-spaces while a large
 * org loads and keeps them (32 MB of resident memory holding nothing afterwards); at 4 MB the load is
 * as fast (large bench org: server RSS after load 404 → 380 MB). V8 lets the old generation grow by
 * up to 4× its live size between full collections on a machine with memory to spare: the load ended
 * with a 326 MB heap over ~225 MB live (the rest its garbage, not yet collected); with 50% growth,
 * 257 MB (RSS right after the load 401 → 316–322 MB, `initialized` → all diagnostics within the
 * machine's noise; 30% then collected so often that the load slowed by 7%). Once the load made less
 * garbage, 30%: the CLI's bound too (host/heapGrowth.ts; this module imports types only, so a test keeps
 * the two alike). V8 also starts the old generation with a small limit and marks it again and again
 * as a load grows it, though a load keeps nearly all it promotes: on a large org ten full collections
 * ran before 200 MB, their marking fighting the load for the two cores. From 224 MB the first falls
 * near the end of a large load (`initialized` → all diagnostics 3.34–3.48 → 3.02–3.17 s, RSS after the
 * load 290–294 MB); a smaller workspace's heap is collected once the server idles (V8's memory
 * reducer). Node reads its arguments only when the process starts: the client passes them, other
 * editors should too.
 */
export const SERVER_NODE_ARGS: readonly string[] = [
  '--max-semi-space-size=4',
  '--heap-growing-percent=30',
  '--initial-old-space-size=224',
];

/**
 * The notebooks whose cells the Node server reads as their `.ipynb` file's text (LSP notebook sync): Jupyter's, on
 * disk, their Python cells. The server syncs them; the client's selector names their cells, so they get the features.
 */
export const NOTEBOOK_CELLS = { notebookType: 'jupyter-notebook', scheme: 'file', language: 'python' } as const;

export const Methods = {
  explain: 'registryLens/explain',
  stepAt: 'registryLens/stepAt',
  stepNames: 'registryLens/stepNames',
  contexts: 'registryLens/contexts',
  setContext: 'registryLens/setContext',
  overview: 'registryLens/overview',
  status: 'registryLens/status',
  graph: 'registryLens/graph',
  newWorkspace: 'registryLens/newWorkspace',
  checkDocument: 'registryLens/checkDocument',
  explainDocument: 'registryLens/explainDocument',
  listDocument: 'registryLens/listDocument',
  graphDocument: 'registryLens/graphDocument',
  locateDocument: 'registryLens/locateDocument',
  fixesDocument: 'registryLens/fixesDocument',
  pythonEnvironments: 'registryLens/pythonEnvironments',
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
export interface ExplainResult {
  folder: string;
  explanation: Explanation;
  text: string;
}

export interface StepAtParams {
  uri: string;
  position: Position;
}
export interface StepNamesParams {
  uri?: string;
  context?: string;
}
/** Limits the answer to the folder of `uri`; every folder without it. */
export interface ContextsParams {
  uri?: string;
}
export type OverviewParams = ContextsParams;
/**
 * `current`: the context of the file named by the request's `uri`, when there is one; `currentDir` its
 * workspace directory (null in core) — two workspaces may declare one id, so the directory tells them apart.
 * `library`: that file is library code, a file of this framework as the project's Python environment installs it
 * (never a diagnostic in it; the editor shows it read-only).
 */
export interface FolderContexts {
  folder: string;
  name: string;
  active: string;
  current?: string;
  currentDir?: string | null;
  library?: { name: string; version: string };
  contexts: ContextInfo[];
}
/** Without `folder`, the context becomes active in every folder that has it. */
export interface SetContextParams {
  context: string;
  folder?: string;
}

export interface LocationRef {
  uri: string;
  range: Range;
}
export interface OverviewStep extends LocationRef {
  name: string;
  source: string;
  sagemakerStepType: string | null;
  conflicts: string[];
}
export interface OverviewContext extends ContextInfo {
  uri: string | null;
  steps: OverviewStep[];
}
/** A diagnostic between registries (conflicts, shadowing, duplicate ids, cycles), for the tree view. */
export interface OverviewProblem extends LocationRef {
  code: string;
  severity: Severity;
  message: string;
  related: (LocationRef & { message: string })[];
}
export interface FolderOverview {
  folder: string;
  name: string;
  active: string;
  summary: Summary;
  contexts: OverviewContext[];
  conflicts: OverviewProblem[];
  /**
   * Entries of the other registry families (ONEX artifacts), by family: `source` is e.g. `onex nodes`, `detail` "3
   * versions · latest 1.2.0".
   */
  families: { name: string; entries: (OverviewStep & { detail: string })[] }[];
}

/**
 * Client → server notification: the Python environment the Python extension (ms-python.python) has selected for each
 * workspace folder (`path`: the interpreter or the environment's folder, as its API gives it), every folder each time.
 * The server takes it after the machine-scoped setting `registryLens.python.environment`; a folder left out has none.
 */
export interface PythonEnvironmentsParams {
  environments: { folder: string; path: string }[];
}

export interface StatusParams {
  folder: string;
  context: string;
  errors: number;
  warnings: number;
  entries: number;
  workspaces: number;
  /**
   * The last analysis of any kind (often an edit's, which re-checks only what changed): the engine's
   * time in it (fractions of a millisecond kept) and when it finished (epoch ms; 0: none yet).
   */
  lastAnalysisMs: number;
  lastAnalysisAt: number;
  /**
   * The last full analysis (a load: every file read, then analysed): wall-clock time from the start of
   * the reading to the end of the analysis, and when it finished (epoch ms; 0: none yet).
   */
  fullAnalysisMs: number;
  fullAnalysisAt: number;
  /**
   * The framework versions the checks assume, one line each with its source: `cursus 2.9.32 from .venv (…)`,
   * `omnibase_core 0.46.8 pinned in uv.lock`, `apcore 0.19.0 (built-in rules)`.
   */
  frameworks: string[];
}

/**
 * The graph of a context (default: the context of `uri`'s file, else the folder's active one); without
 * `context`, the graph `uri`'s file declares when it declares one (a pipeline DAG).
 */
export interface GraphParams {
  uri?: string;
  context?: string;
}
/** Dependency nodes and edges, plus every step visible in the context (a graph node or not), with URIs to open. */
export interface GraphView {
  folder: string;
  name: string;
  context: string;
  /** The file declaring the graph (a pipeline DAG; `steps` is empty then), absent for a context's graph. */
  file?: { path: string; uri: string };
  nodes: (GraphNode & { uri: string | null })[];
  edges: GraphEdge[];
  cycles: string[][];
  steps: OverviewStep[];
}

export type WorkspaceTemplateChoice = 'minimal' | 'standard' | 'advanced';
/** Create a developer workspace in the folder of `uri` (the first folder without). */
export interface NewWorkspaceParams {
  uri?: string;
  id: string;
  template: WorkspaceTemplateChoice;
  copyFrom?: string;
}
/** Root URIs of what was created and kept, the registry file to open, or why nothing was created. */
export interface NewWorkspaceResult {
  error?: string;
  created: string[];
  kept: string[];
  registry?: string;
}

/**
 * The CLI's JSON documents (`check`/`explain`/`list --format json`) of what the server has now —
 * unsaved edits included, as in the Problems panel — for the editor's language-model tools; those of
 * check, list and graph paged as the MCP server's tools page them (engine/documents/pagedDocuments.ts).
 * `folder` is the root URI the documents' relative paths are resolved against.
 */
export interface FolderDocument {
  folder: string;
  name: string;
  document: JsonDocument;
  /** A paged document's line saying which part it holds and the cursor of the next page, as the MCP tools say it. */
  pageNote?: string;
}
/** A document, or why there is none (`workspace` names no workspace of the folder). */
export type DocumentAnswer = FolderDocument | { error: string };
/**
 * As the MCP server's tools: one page of the long array (`limit` items, default as the tool's; 0: the summary only)
 * from `cursor` (a previous answer's `page.nextCursor`).
 */
export interface PageParams {
  limit?: number;
  cursor?: string;
}
/**
 * The check of the folder of `uri` (every folder without), narrowed by the filter. As the CLI's check: `mode`
 * resolves names isolated or hybrid (default: the folder's setting).
 */
export interface CheckDocumentParams extends CheckFilter, PageParams {
  uri?: string;
  mode?: ResolutionMode;
}
/** As the CLI: the context is the developer workspace `workspace`, core without it. */
export interface ExplainDocumentParams {
  uri?: string;
  step: string;
  workspace?: string;
  mode?: ResolutionMode;
  framework?: string;
  env?: string[];
}
export interface ListDocumentParams extends PageParams {
  uri?: string;
  workspace?: string;
  mode?: ResolutionMode;
  conflictsOnly?: boolean;
}
export interface GraphDocumentParams extends PageParams {
  uri?: string;
  workspace?: string;
  mode?: ResolutionMode;
}
/** Every definition and reference of `name` in the folder of `uri` (the first folder without). */
export interface LocateDocumentParams {
  uri?: string;
  name: string;
}
/**
 * The quick fixes of the diagnostics of `file` (relative to the folder of `uri`), of `code` when given: proposed, never
 * applied.
 */
export interface FixesDocumentParams {
  uri?: string;
  file: string;
  code?: string;
}
export type { CheckFilter };

/** Client → server `initializationOptions`. */
/**
 * The client command a Fix All action runs once VS Code has applied its edit, to say what it did (the
 * editor applies a fix-all silently): the text edits, the files they are in and the files created.
 */
export const FIX_ALL_DONE = 'registryLens.fixAllDone';
export interface FixAllDone {
  edits: number;
  files: string[];
  created: string[];
}

export interface InitializationOptions {
  debounceMs?: number;
  /**
   * How long one step of an analysis that starts new units runs before publishing (a cold start; default 100 ms; 0: one
   * unit per step).
   */
  analysisStepMs?: number;
  /** The web extension's server (a web worker): the URI of the diagnostics reference its codes link to. */
  web?: { codeDoc: string };
}

/**
 * The web extension's first message to its worker, before any of the protocol's: the tree-sitter wasm files, which the
 * client reads from the extension's folder (a worker reaches no file system, and the workbench's content security
 * policy may not let it fetch the folder's URLs).
 */
export interface WasmMessage {
  registryLensWasm: { treeSitter: ArrayBuffer; python: ArrayBuffer };
}

/**
 * The web extension's own requests, sent by its server (a web worker) to the client, which reaches the folder through
 * `workspace.fs` on any URI scheme: the server decides what is read (host/fileSource.ts), the client only lists and
 * reads.
 */
export const WebMethods = {
  /**
   * The URIs of the files below `folder`, as a walk of its directories through `workspace.fs` meets them (a file search
   * serves only the schemes a search provider knows): directories named in `skipped` and links to directories are not
   * entered.
   */
  listFiles: 'registryLens/web/listFiles',
  /** Each file's size in bytes and, within `maxBytes`, its content decoded as UTF-8; null for no readable file. */
  readFiles: 'registryLens/web/readFiles',
  /**
   * A notification to the client: how far the reading of a folder is (its status item says it while it lasts). Steps
   * in order: `listing` the folder, reading its `registries`, then the `rest`, `done`.
   */
  reading: 'registryLens/web/reading',
} as const;

export interface ReadingParams {
  folder: string;
  step: 'listing' | 'registries' | 'rest' | 'done';
  /** The files read of those the server has to read so far (more may follow what it reads). */
  read: number;
  total: number;
  /** Some of the URIs still being read. */
  pending: string[];
}

export interface ListFilesParams {
  folder: string;
  skipped: readonly string[];
}

export interface ReadFilesParams {
  uris: string[];
  maxBytes: number;
}

export type ReadFilesResult = ({ size: number; text?: string } | null)[];
