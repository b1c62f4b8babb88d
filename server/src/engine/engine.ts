// The engine's single entry point: a pure, incremental analysis of registry files. Front ends feed it
// file texts (setFile/deleteFile), call update(), then ask for diagnostics or editor features. It is
// the one place that assembles the engine: the domain-free core (workspace.ts and below) with the
// families of families/index.ts and the shared step model's features and contexts.
import type {
  CodeLensResult,
  CompletionResult,
  DocumentLinkResult,
  ContextInfo,
  DependencyGraph,
  DocumentSymbolResult,
  ExplainQuery,
  Explanation,
  FrameworkPin,
  InstalledVersion,
  HoverResult,
  ListColumn,
  ListRow,
  NameSites,
  RenameResult,
  Summary,
  WorkspaceSymbolResult,
} from './api';
import {
  CORE,
  type Code,
  type ContextId,
  type Diagnostic,
  type Fix,
  type Location,
  type Position,
  type Range,
  type ResolutionMode,
  type Settings,
  type SettingsInput,
} from './types';
import type { HostLink } from './types';
import { initPython, type TreeWarmup, type WasmBinaries } from './python/parser';
import { warmPythonTree } from './python/facts';
export type { TreeWarmup } from './python/parser';
import { Workspace } from './workspace';
import type { IndexWrites } from './db/database';
import { joinPaths, type Family, type FamilyQueries } from './analysis/family';
import { resolveSettings, settingsGroups, type DeclaredSettings } from './settings';
import { CORE_CODES, catalogue, diag, type CodeEntry } from './codes';
import { finalizeDiagnostics } from './checks/finalize';
import { compileGlobs } from './util/globs';
import { FeatureDispatch } from './analysis/features';
import type { ModelView } from './model/modelView';
import type { Scaffold, ScaffoldRequest } from './analysis/scaffolding';
import { FAMILIES, WORKSPACES } from './families';
import type { CrossFileCheck } from './model/checks/registry';
import { STEP_MODEL } from './model/sharedModel';
import { builtInFrameworks, pinCheck } from './analysis/frameworkPins';
import { unusedEnvironmentCheck } from './analysis/unusedEnvironment';
import { PIN_FILE_NAMES } from './python/pinFiles';

/** Where the step graph's edges come from, in words (why a graph is empty). */
export const EDGE_SOURCES: readonly string[] = [
  ...STEP_MODEL.edgeSources,
  ...FAMILIES.flatMap((f) => (f.features?.flowSource === undefined ? [] : [f.features.flowSource])),
];
/** The templates of new workspaces, and their names and layouts as the family that lays them out names them. */
export const WORKSPACE_TEMPLATES = WORKSPACES.templates;
export type WorkspaceTemplateName = (typeof WORKSPACE_TEMPLATES)[number];
export type WorkspaceLayout = ReturnType<typeof WORKSPACES.layout>;
/** Where a workspace keeps its code (what a copy takes) and its step components, relative to the workspace. */
export const WORKSPACE_PATHS = { code: WORKSPACES.code, components: WORKSPACES.components } as const;
export type { Scaffold };
/** A registry family (analysis/family.ts), generic over its role, facts and layout. */
export type RegistryFamily<R = unknown, F = unknown, L = unknown> = Family<R, F, L>;
export type { WasmBinaries, HostLink, CrossFileCheck, CodeEntry, FamilyQueries };

/**
 * Every diagnostic code the engine raises, in code order: the core's, the step model's and each family's declarations.
 */
export const CODES: readonly CodeEntry[] = catalogue([
  CORE_CODES,
  STEP_MODEL.codes,
  ...FAMILIES.map((f) => f.codes ?? {}),
]);
/** The frameworks whose rules the families compile in (import package and version): what a check assumes of them. */
export const BUILT_IN_FRAMEWORKS: readonly { readonly name: string; readonly version: string }[] =
  builtInFrameworks(FAMILIES);
/**
 * The families' files as the front ends register them: watched names (with the root's pin files, which say the
 * frameworks' versions), followed languages, activation events (package.json's, checked by a test).
 */
export const PATHS = ((p) => ({ ...p, names: [...new Set([...p.names, ...PIN_FILE_NAMES])] }))(joinPaths(FAMILIES));
/**
 * The families' settings groups, each once: what the front ends map from the user's settings (package.json's, checked
 * by a test).
 */
export const SETTING_GROUPS: readonly DeclaredSettings[] = settingsGroups(FAMILIES);
/** The columns the families add to `list`, in order: what the table, the JSON document and the MCP schema show. */
export const LIST_COLUMNS: readonly ListColumn[] = STEP_MODEL.listColumns(FAMILIES);

/** What the engine asks of a host that walks a root (see `RegistryEngine.interest`). */
export interface HostInterest {
  /** Changes when the answer depends on files only a new walk can find. */
  readonly walk: number;
  /** Whether to read a file the walk meets. */
  wants(path: string): boolean;
  /** Files to read together with an accepted one (a meta file's subject). */
  alongside(path: string): string[];
  /** Files the analysis refers to that were not read: read those that exist. */
  files: string[];
  /** Whether to report this directory's existence with `setTree`. */
  wantsDirectory(path: string): boolean;
  /**
   * For a host that analyses the files open in an editor first: whether a path is among what their
   * diagnostics read (every path when one of them needs the whole root). Read those, `updateSome` with
   * `onlyFirst`, publish the open files, then read the rest.
   */
  first(open: Iterable<string>): (path: string) => boolean;
  /**
   * Whether a directory may hold a path `first(open)` accepts: the host may list the others after the open files are
   * analysed.
   */
  firstBelow(open: Iterable<string>): (dir: string) => boolean;
}

/**
 * What an embedder may add to the analysis, with no invalidation code: cross-file checks and whole
 * registry families (after those of families/index.ts), each run as tracked queries.
 */
export interface EngineOptions {
  checks?: CrossFileCheck[];
  families?: RegistryFamily[];
  /**
   * The host's reading of a file it fed with `setFile(…, true)`: with it, the engine lets go of such
   * texts when their facts keep nothing of them (builder and config modules) and reads them again
   * through it when needed (undefined: the file is gone). Without it every text is kept.
   */
  reread?: (file: string) => string | undefined;
}

export class RegistryEngine {
  private readonly core: Workspace;
  /** The shared step model on the core workspace. */
  private readonly ws: ModelView;
  /** Editor features: a file's family first, the shared step model's otherwise. */
  private readonly features: FeatureDispatch;
  /**
   * What `interest()` returns: one object, whose members read the engine's state when asked (a host asks by the
   * thousand: 66,000 times on a cold start of the large org).
   */
  private readonly answers: HostInterest;
  /** Files (and directories) the host could not hand over — too large, binary, unreadable — and why. */
  private readonly skipped = new Map<string, Diagnostic[]>();
  private readonly skipChanged = new Set<string>();
  /** The settings groups of the families the engine is assembled with. */
  private readonly groups: readonly DeclaredSettings[];

  private constructor(settings: SettingsInput, options: EngineOptions) {
    const families = [...FAMILIES, ...(options.families ?? [])];
    const checks = [
      pinCheck(families),
      unusedEnvironmentCheck,
      ...(options.checks ?? []).map((c) => STEP_MODEL.unitCheck(c)),
    ];
    this.groups = settingsGroups(families);
    const ws = (this.core = new Workspace(resolveSettings(this.groups, settings), families, checks, options.reread));
    this.ws = STEP_MODEL.open(ws);
    this.features = new FeatureDispatch(ws, this.ws.features);
    this.answers = {
      // Read on demand: comparing the families' layouts costs more than the per-path questions a host asks by the
      // thousand.
      get walk() {
        return ws.relevanceVersion();
      },
      wants: (path) => ws.isRelevant(path),
      alongside: (path) => ws.companionsOf(path),
      get files() {
        return ws.wantedFiles();
      },
      wantsDirectory: (path) => ws.wantsDirectory(path),
      first: (open) => ws.readFirst(open),
      firstBelow: (open) => ws.readFirstBelow(open),
    };
  }

  /** Loads the tree-sitter wasm once per process (bytes come from the host; the engine reads no files). */
  static async create(
    wasm: WasmBinaries,
    settings: SettingsInput = {},
    options: EngineOptions = {},
  ): Promise<RegistryEngine> {
    await initPython(wasm);
    return new RegistryEngine(settings, options);
  }

  get settings(): Settings {
    return this.core.settings;
  }
  /** How names resolve across workspaces unless a request says otherwise (the `resolution.mode` setting). */
  get resolutionMode(): ResolutionMode {
    return this.ws.resolutionMode();
  }
  /** Replaces the settings; every file is re-classified on the next update(). */
  configure(settings: SettingsInput): void {
    this.core.configure(resolveSettings(this.groups, settings));
  }

  /**
   * The host's one question, answered from every registry family: which paths to read, which to read
   * beside an accepted one, which files the analysis still refers to, which directories it must know
   * about; `walk` changes when only a new walk can find what became relevant (apcore roots moved). A pure read of
   * what was committed (`commit`, `update`): a host commits its writes before it asks.
   */
  interest(): HostInterest {
    return this.answers;
  }
  /**
   * Hands the writes since the last commit (`setFile`, `deleteFile`, `setSkipped`, `setTree`) to the analysis in one
   * batch: this is where a changed text is read again by its family (its facts, and the indices over them, settled
   * before anything reads them). `update` commits what is left.
   */
  commit(): void {
    this.core.commit();
  }
  /**
   * What the host's walk found besides files: symbolic links (judged under apcore roots) and the directories `interest`
   * asked about.
   */
  setTree(tree: { links: HostLink[]; directories?: string[] }): void {
    this.core.setTree(tree.links, tree.directories ?? []);
  }
  /**
   * Folders (as paths are fed) of library code: a framework installed in the project's Python environment, fed for
   * its facts. No diagnostic is ever reported in a file below one, in any front end; those its facts cause in the
   * project's files are.
   */
  setLibrary(folders: readonly string[]): void {
    this.core.setLibrary(folders);
    for (const file of [...this.skipped.keys()]) if (this.core.isLibrary(file)) this.unskip(file);
  }
  /**
   * The frameworks (import packages: `omnibase_core`, and their versions) the host found installed in the project's
   * Python environment: their version is the environment's, so a pin of the root's files is not judged against the
   * built-in one (RL080), and the rules that differ between versions follow it (analysis/frameworkPins.ts).
   */
  setInstalled(frameworks: readonly InstalledVersion[]): void {
    this.core.setInstalled(frameworks);
  }
  /**
   * The folder of the root a Python tool would take as the project's environment (`.venv`, root-relative) that the
   * host did not use, as it is a symbolic link out of the root (null: none): said once, with how to choose it (RL081).
   */
  setUnusedEnvironment(folder: string | null): void {
    this.core.setUnusedEnvironment(folder);
  }
  /**
   * The Python environment the host searched for the frameworks, in words: which one and why it was taken, or that
   * none was found and where it looked. A message saying a framework is missing names it (RL079).
   */
  setSearchedEnvironment(described: string): void {
    this.core.setSearchedEnvironment(described);
  }
  /** The versions the root's pin files pin, for each name the first file believed (`FrameworkPin`). */
  frameworkPins(): FrameworkPin[] {
    return this.core.frameworkPins();
  }
  /** The built-in frameworks (import packages) the root has files for: those the front ends name as built in. */
  frameworksInUse(): string[] {
    return this.core.frameworksInUse();
  }
  /**
   * `onDisk`: the text is the file's content on disk, which `EngineOptions.reread` reads again (never an open
   * document's unsaved text).
   */
  setFile(file: string, text: string, onDisk = false): void {
    this.unskip(file);
    this.core.setFile(file, text, onDisk);
  }
  /**
   * Runs ahead, in slices the host spreads over its event loop, the parse that setting `file` to `text` will need
   * (see warmTree: a Python file whose last parse had a syntax error); undefined when there is none to run.
   */
  warm(file: string, text: string): TreeWarmup | undefined {
    return warmPythonTree(text, file);
  }
  deleteFile(file: string): void {
    this.unskip(file);
    this.core.deleteFile(file);
  }
  /**
   * A path the host does not analyse (its size-limit policy, a binary or unreadable file, a directory
   * it cannot list): any text it had leaves the analysis, and the path gets one diagnostic saying why.
   */
  setSkipped(file: string, reason: string): void {
    this.core.deleteFile(file);
    // A library file not read is one fact less, never a diagnostic (`setLibrary`).
    if (this.core.isLibrary(file)) return;
    const message = `Not analysed: ${reason}`;
    if (this.skipped.get(file)?.[0]?.message === message) return;
    this.skipped.set(file, [
      diag(file, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'RL030', message, {
        severity: 'warning',
      }),
    ]);
    this.skipChanged.add(file);
  }
  private unskip(file: string): void {
    if (this.skipped.delete(file)) this.skipChanged.add(file);
  }
  files(): string[] {
    return this.core.fileNames();
  }
  /** Whether the file was fed (and not deleted since). */
  has(file: string): boolean {
    return this.core.has(file);
  }
  text(file: string): string | undefined {
    return this.core.text(file);
  }

  /** Recomputes what the edits since the last call affect; returns files whose diagnostics changed. */
  update(): string[] {
    return this.updateSome().changed;
  }
  /**
   * `update()` in steps: units new since the last call (all of them on a cold start) start until
   * `stop()` says so (never, without it), `waiting` counting those left for the next call; the units of the files in
   * `first` (and of their directories) start before the others, `waitingFirst` counting those left. With
   * `onlyFirst`, only those start: a host that has read only what the files of `first` need
   * (`interest().first`) gets their final diagnostics before it reads the rest. Between calls, answers
   * read the files given so far in full (queries are pulled on demand); only publication follows the steps.
   */
  updateSome(
    stop?: () => boolean,
    first?: ReadonlySet<string>,
    onlyFirst = false,
  ): { changed: string[]; waiting: number; waitingFirst: number } {
    const { changed, waiting, waitingFirst } = this.core.update(stop, first, onlyFirst);
    const all = new Set(changed);
    for (const f of this.skipChanged) all.add(f);
    this.skipChanged.clear();
    return { changed: [...all].sort(), waiting, waitingFirst };
  }
  /**
   * Reads whole the texts an `onlyFirst` update held back (those its units did not read: other
   * workspaces' registries) and lets them go. A host calls it once the open files' diagnostics are
   * out, before it reads the rest of its root; otherwise the next update does.
   */
  releaseHeld(): void {
    this.core.releaseHeld();
  }
  diagnostics(file: string): Diagnostic[] {
    const skip = this.skipped.get(file);
    return skip ? finalizeDiagnostics(skip, this.settings) : this.core.diagnostics(file);
  }
  /** Every diagnostic, sorted by file, line, character, code. */
  allDiagnostics(): Diagnostic[] {
    const all = this.core.allDiagnostics();
    if (this.skipped.size === 0) return all;
    const skips = [...this.skipped.keys()].sort().flatMap((f) => this.diagnostics(f));
    const byFile = (a: Diagnostic, b: Diagnostic): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
    return [...all, ...skips].sort(byFile);
  }
  /**
   * The diagnostics `paths` may cause, sorted as `allDiagnostics` (see `Workspace.causedBy`; `check --files`, MCP
   * `check` with `causedBy`): a path is a root-relative file, or a folder standing for the files the engine knows below
   * it. Which keys of an index (workspace ids, local names) a file gives is what its deletion rewrites (the engine
   * analyses the root without it, then with it again: work in proportion to what the file feeds), so a workspace's
   * check that looked its own id and names up among the others' is not caused by every other workspace's registry.
   * That is asked only when some unit reads the files through an index alone.
   */
  diagnosticsCausedBy(paths: readonly string[]): Diagnostic[] {
    const files = this.filesUnder(paths);
    const fed = files.filter((f) => this.has(f) && !this.skipped.has(f));
    return this.causedIn(files, () => this.keysReachedBy(fed));
  }
  /**
   * Of the diagnostics `files` may cause, those their change since `base` brings (`check --base REV
   * --files`): every one in the files or pointing into them, and those elsewhere that the files' texts at
   * `base` (null: absent there) did not give — so an error another file already had is not the change's.
   * The engine is analysed at `base` and back again (incrementally: what the files feed). The files are all
   * that differs, so whatever is new elsewhere is their change's (a deleted builder's RL005 in core's registry too).
   */
  diagnosticsNewSince(files: readonly string[], base: ReadonlyMap<string, string | null>): Diagnostic[] {
    const then = new Map([...base].filter(([f, t]) => !this.skipped.has(f) && (this.has(f) || t !== null)));
    let before: ReadonlySet<string> = new Set();
    const fed = this.feedAndBack(then, () => {
      before = new Set(this.allDiagnostics().map(sameDiagnostic));
    });
    if (!fed) return this.causedIn(this.filesUnder(files));
    const set = new Set(files);
    return this.allDiagnostics().filter(
      (d) => set.has(d.file) || d.related.some((r) => set.has(r.file)) || !before.has(sameDiagnostic(d)),
    );
  }
  /** Each path, and the files the engine knows below those that are folders. */
  filesUnder(paths: readonly string[]): string[] {
    const folders = paths.map((p) => (p === '' ? '' : `${p}/`));
    return [...paths, ...this.files().filter((f) => folders.some((d) => f.startsWith(d)))];
  }
  /** The published diagnostics `files` may cause (see `Workspace.causedBy`, which asks `keysReached`). */
  private causedIn(files: readonly string[], keysReached?: () => IndexWrites | undefined): Diagnostic[] {
    const skipped = new Set(files.filter((f) => this.skipped.has(f)));
    const caused = this.core.causedBy(files, keysReached);
    return this.allDiagnostics().filter((d) => skipped.has(d.file) || caused(d));
  }
  /** The index keys the fed `files` give: those their deletion rewrites (undefined: not known). */
  private keysReachedBy(files: readonly string[]): IndexWrites | undefined {
    let fed = false;
    const reached = this.core.indexWritesDuring(() => {
      fed = this.feedAndBack(new Map(files.map((f) => [f, null])));
    });
    return fed ? reached : undefined;
  }
  /**
   * Feeds the files `texts` (null: absent) and analyses, calls `between`, then feeds them as they were and analyses
   * again: the engine ends as it began. False, changing nothing, when the text of one of the files can no longer be
   * had (the host cannot read it again).
   */
  private feedAndBack(texts: ReadonlyMap<string, string | null>, between?: () => void): boolean {
    const back = new Map<string, { text: string; onDisk: boolean } | null>();
    for (const f of texts.keys()) {
      if (!this.has(f)) {
        back.set(f, null);
        continue;
      }
      const text = this.text(f);
      if (text === undefined) return false;
      back.set(f, { text, onDisk: this.core.fedFromDisk(f) });
    }
    const feed = (to: ReadonlyMap<string, string | { text: string; onDisk: boolean } | null>): void => {
      for (const [f, t] of to)
        if (t === null) this.deleteFile(f);
        else if (typeof t === 'string') this.setFile(f, t);
        else this.setFile(f, t.text, t.onDisk);
      this.update();
    };
    feed(texts);
    between?.();
    feed(back);
    return true;
  }
  summary(): Summary {
    const s = this.core.summary(this.ws.counts());
    for (const f of this.skipped.keys()) {
      for (const d of this.diagnostics(f)) {
        if (d.severity === 'error') s.errors++;
        else if (d.severity === 'warning') s.warnings++;
        else if (d.severity === 'information') s.information++;
        else s.hints++;
      }
    }
    return s;
  }

  /**
   * The globs of the files that make a registry (settings and every family): what a root without one was searched for.
   */
  registryGlobs(): string[] {
    return this.core.registryGlobs();
  }
  /** The files read that those globs match: what a root without a registry was checked for instead. */
  registryFilesRead(): string[] {
    const matches = compileGlobs(this.registryGlobs()).matches;
    return this.files().filter((f) => matches(f));
  }
  contexts(): ContextInfo[] {
    return this.ws.contexts();
  }
  /** The context a workspace id names (core when absent), or why there is none, naming the known ids. */
  contextFor(workspace: string | undefined): ContextId | { error: string } {
    if (workspace === undefined) return CORE;
    const ids = this.contexts().map((c) => c.id);
    if (ids.includes(workspace)) return workspace;
    const known = ids.filter((id) => id !== CORE);
    return { error: `unknown workspace '${workspace}'; known: ${known.length === 0 ? '(none)' : known.join(', ')}` };
  }
  contextOf(file: string): ContextId {
    return this.ws.contextOf(file);
  }
  /** Names Explain takes in a context: its steps, then the other families' names (ONEX `name@latest`). */
  stepNames(context?: ContextId, mode?: ResolutionMode): string[] {
    return [...this.ws.names(context, mode), ...this.features.familyNames()];
  }

  explain(q: ExplainQuery): Explanation {
    return this.features.explain(q);
  }
  list(opts: { context?: ContextId; mode?: ResolutionMode; conflictsOnly?: boolean } = {}): ListRow[] {
    return this.features.list(opts);
  }
  /** The dependency graph of a context: nodes, edges, Kahn order and cycles (SPEC §2). */
  graph(opts: { context?: ContextId; mode?: ResolutionMode } = {}): DependencyGraph {
    return this.ws.graph(opts);
  }
  /** The graph `file` declares (a pipeline DAG), in the shape of a context's; null when it declares none. */
  fileGraph(file: string): DependencyGraph | null {
    return this.ws.fileGraph(file);
  }
  /** The step name at a position (a registry key or a reference), for Explain at the cursor. */
  stepAt(file: string, pos: Position): string | null {
    return this.features.nameAt(file, pos);
  }

  hover(file: string, pos: Position): HoverResult | null {
    return this.features.hover(file, pos);
  }
  definition(file: string, pos: Position): Location[] {
    return this.features.definition(file, pos);
  }
  references(file: string, pos: Position, includeDeclaration = true): Location[] {
    return this.features.references(file, pos, includeDeclaration);
  }
  /** Every definition of a name and every reference to it, from the name alone (the MCP server's `locate`). */
  locateName(name: string): NameSites {
    return this.ws.nameSites(this.features, name);
  }
  prepareRename(file: string, pos: Position): { range: Range; placeholder: string } | null {
    return this.ws.prepareRename(file, pos);
  }
  rename(file: string, pos: Position, newName: string): RenameResult | null {
    return this.ws.rename(file, pos, newName);
  }
  completion(file: string, pos: Position): CompletionResult[] {
    return this.features.completion(file, pos);
  }
  /** Quick fixes of the diagnostics that overlap `range`. */
  fixes(file: string, range: Range): { diagnostic: Diagnostic; fix: Fix }[] {
    return this.ws.fixes(file, range);
  }
  /** The file's unambiguous fixes as one ("Fix all", `source.fixAll.registryLens`); null when there is none. */
  fixAll(file: string, code?: Code): Fix | null {
    return this.ws.fixAll(file, code);
  }
  documentSymbols(file: string): DocumentSymbolResult[] {
    return this.features.documentSymbols(file);
  }
  workspaceSymbols(query: string): WorkspaceSymbolResult[] {
    return this.features.workspaceSymbols(query);
  }
  codeLenses(file: string): CodeLensResult[] {
    return this.features.codeLenses(file);
  }
  /** The paths written in a registry file that resolve to existing files, as its family's loader resolves them. */
  documentLinks(file: string): DocumentLinkResult[] {
    return this.features.documentLinks(file);
  }

  /** Workspace directory a file lies in (null outside every workspace). */
  workspaceDirOf(file: string): string | null {
    return this.ws.dirOf(file);
  }
  /** Workspace directory of a context id (null for core or an unknown id). */
  workspaceDir(context: ContextId): string | null {
    return this.ws.dirOfContext(context);
  }
  /** The layout new workspaces follow unless a request names one (the family that lays them out reads the root). */
  workspaceLayout(): WorkspaceLayout {
    return WORKSPACES.layout(this.core.queries);
  }
  /**
   * Files and directories of a new developer workspace, or why it cannot be created (the front end writes them, never
   * over a file).
   */
  scaffoldWorkspace(o: ScaffoldRequest<WorkspaceTemplateName, WorkspaceLayout>): Scaffold | { error: string } {
    return WORKSPACES.scaffold(o, this.core.queries);
  }
}

/** A diagnostic's identity across two analyses of files other than its own. */
function sameDiagnostic(d: Diagnostic): string {
  const r = d.range;
  return (
    `${d.file}\0${d.code}\0${d.severity}\0` +
    `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}\0${d.message}`
  );
}
