// What a family is to the shared step model: the facts its files give the model (registry sources,
// classes, companion metadata, module exports, bindings), which of its index keys play which part
// (workspace registries, component folders, metadata files, module candidates, id maps), the scan of
// modules, the rules and stages of discovery one member brings, and its tool's name and workspace paths
// (the model names no member: families/index.ts lists which are members; a family that is none is never
// read by the step model).
import type { Family } from '../analysis/family';
import type { FileFamily, FileQueries } from '../analysis/files';
import type { ComponentKind, DocumentLinkResult, ExplainSection } from '../api';
import type { Diagnostic, Location, Range, ResolutionMode, Settings } from '../types';
import type { FrameworkVersion } from '../analysis/family';
import type { AssumedFramework } from '../analysis/frameworkPins';
import type { RegistryModel } from './entries/registry';
import type { ResolutionLayer } from './entries/resolve';
import type { Database, Query } from '../db/database';
import type { ModuleClass, PyClass } from '../python/facts';
import type { RegistrySource, StepEntry } from './entries/source';
import type {
  Binding,
  ClassFiles,
  DepEnv,
  Edge,
  MappedClass,
  MetaDep,
  MetaDoc,
  ScannedModule,
} from './discovery/types';
import type { SchemaNode } from '../schema/walk';
import type { BindingDoc } from './discovery/bindingDoc';
import type { JsExport, JsModule } from './discovery/jsModule';
import type { BuildStrategies, BuilderDiscovery, LegacyAliases, SdkBindings } from './entries/registry';
import type { ComponentStubs, WorkspacePaths } from './entries/workspaceDirs';
import type { StepColumn } from './entries/listColumns';

/** The facts of a member's file that the step model reads (a member's own facts extend them). */
export interface StepFacts {
  /** A registry file's entries. */
  source?: RegistrySource | null;
  /**
   * Classes of a Python code file (a component, a module, a subject): what entry-point detection needs, and the class
   * index's entries.
   */
  py?: ModuleClass[] | null;
  /** Exports of a TypeScript or JavaScript module file, as its SDK's loader would see them. */
  js?: JsModule | null;
  meta?: MetaDoc | null;
  /** A binding file (`*.binding.yaml`). */
  bindings?: BindingDoc | null;
  /** How the repository's own builder discovery module finds builder classes (model/rowClasses.ts). */
  builders?: BuilderDiscovery | null;
  /** The build strategies the repository's `builder_templates.py` registers (model/registry.ts `routes`). */
  strategies?: BuildStrategies | null;
  /** The legacy aliases the repository's `step_catalog/step_catalog.py` maps (the member that reads them). */
  aliases?: LegacyAliases | null;
  /** The steps the repository's `step_catalog/sdk_bindings.py` binds to an SDK step class (model/rowClasses.ts). */
  sdkSteps?: SdkBindings | null;
}

/** Which of a member's files play which part of the step model. */
export interface StepParts<R> {
  /** Files whose registry sources join the core context (default: those under its index key `core`). */
  coreSources?(files: FileQueries): string[];
  /**
   * Files whose registry sources the project's tool does not read (a step pack under a release older than packs):
   * named where a step only they define is missing.
   */
  unreadSources?(files: FileQueries): string[];
  /** Files whose registry sources join a developer workspace besides its registry (default: those under `ws:<dir>`). */
  workspaceSources?(files: FileQueries, dir: string): string[];
  /** Its scan of modules (one member has one): built once per database, when the step model is. */
  modules?(files: FileQueries, lists: ModuleLists): ModuleStage;
  /** The rules of discovery stages 3–8 its SDKs apply (the member that scans modules brings them). */
  discovery?: DiscoveryRules;
  /** Discovery stages 3–7 as tracked queries over the model (the member that scans modules brings them). */
  stages?(db: Database, inputs: StageInputs): DiscoveryStages;
  /** Its `ws:<dir>` index keys list the developer workspaces' registries (the member that reads them). */
  workspaceRegistries?: boolean;
  /** The tool that loads its files, as the model's messages name it (default: the family's name). */
  tool?: string;
  /** Where its tool finds a developer workspace's files, and what their code imports (the first member's wins). */
  workspace?: WorkspacePaths;
  /** The texts of a new builder and config module, for the "Create … stub" fixes (the first member's win). */
  stubs?: ComponentStubs;
  /** The columns its registry fields add to `list`, shown for every step entry (every member's, in member order). */
  listColumns?: readonly StepColumn[];
  /** A component module's kind and folder (its files are listed under `component:<scope>`, `''` for core). */
  component?(role: R): { kind: ComponentKind; dir: string } | null;
  /**
   * Its index keys listing companion metadata files, module candidates, id maps, the modules of the base
   * classes abstract rows name (`bases`), the builder discovery module and binding files.
   */
  lists?: {
    meta?: string;
    module?: string;
    idMap?: string;
    bases?: string;
    builderDiscovery?: string;
    binding?: string;
  };
}

/**
 * The member that scans modules (stages 1–2 of the discovery pipeline, docs/pipeline.md) gives the model its
 * modules and what the later stages and features read of the scan, as tracked queries.
 */
export interface ModuleStage {
  /** Stage 8: the registered modules by id, visible from every context. */
  readonly modulesQ: Query<Map<string, StepEntry>>;
  /** Files of the scanned modules, in path order. */
  readonly moduleFilesQ: Query<string[]>;
  /** The scanned module of a file (stage 1–2's record, keyed by file). */
  readonly scannedQ: Query<ScannedModule | null>;
  /** The scanned module of a file, null when the scan found none there. */
  moduleOf(file: string): ScannedModule | null;
  /** The scan's own diagnostics (roots, ids, the id map). */
  readonly diagnosticsQ: Query<Diagnostic[]>;
  /** Every path an id map item may name (their appearance re-runs the scan). */
  readonly mappedQ: Query<string[]>;
  /** Stages 4–5 for the TypeScript and JavaScript module files it scans. */
  readonly jsEntries: JsEntryStages;
  /** The document links of a file: the id map's (each item's `file` to the module it names), when it is that map. */
  idMapLinksOf(file: string): DocumentLinkResult[];
}

/** Stages 4–5 for TypeScript and JavaScript module files, as their SDK runs them on what importing the file gives. */
export interface JsEntryStages {
  /** Stage 4: the export the SDK registers for a module file, or null (with why, when it is certain). */
  resolve(file: string, mod: JsModule, meta: MetaDoc | null): { entry: JsExport | null; diagnostics: Diagnostic[] };
  /** A companion's `entry_point` on a TypeScript or JavaScript subject. */
  check(doc: MetaDoc, subject: string, mod: JsModule): { entry: JsExport | null; diagnostics: Diagnostic[] };
  /** Stage 5: the SDK's validation of the registered export. */
  validate(file: string, id: string, e: JsExport): Diagnostic[];
  /** The export as the class the later stages read. */
  asClass(e: JsExport): PyClass;
}

/**
 * What discovery stages 3–8 (docs/pipeline.md) decide and say, as the SDKs of the member that scans modules do: the
 * step model runs the stages (which file, which context, when) and asks these.
 */
export interface DiscoveryRules {
  /** Stage 3: a companion metadata file read alone. */
  readMeta(path: string, text: string): MetaDoc;
  /** Stage 4: a companion's `entry_point` looked up in its Python subject. */
  checkEntryPoint(doc: MetaDoc, subject: string | null, files: ClassFiles): EntryClass;
  /** Stage 4 without `entry_point`: the id map's class, or the one duck-typed class of a Python module file. */
  detectEntryClass(file: string, classes: PyClass[], mapped: MappedClass | null): EntryClass;
  /** Stage 5: the validation of a Python module's class. */
  validate(file: string, id: string, cls: PyClass): Diagnostic[];
  /** Stage 8: what registering a valid Python module with its companion's examples reports. */
  exampleProblems(meta: MetaDoc, id: string): Diagnostic[];
  /** Stage 6: a companion's dependencies resolved in its context. */
  resolveDeps(doc: MetaDoc, env: DepEnv): { edges: Edge[]; diagnostics: Diagnostic[] };
  /** Stage 6 for one dependency (Explain): the entry, its version, whether the `version` hint holds (null: none). */
  resolveDep(
    dep: MetaDep,
    env: Pick<DepEnv, 'resolve' | 'versionOf'>,
  ): {
    entry: StepEntry | null;
    version: { value: string; declared: boolean; at: Location | null } | null;
    satisfied: boolean | null;
  };
  /** A module's version when neither its code nor its companion declares one. */
  defaultVersion: string;
  /** The companion metadata schema, and the schema of the value at a path: hover and completion in a companion. */
  metaSchema: SchemaNode;
  metaSchemaAt(segments: readonly string[]): SchemaNode | null;
  /** Stage 7: what one concrete cycle reports (on every edge; `context` names a workspace's own cycle). */
  cycleDiagnostics(
    cycle: readonly string[],
    edgeAt: (from: string, to: string) => { file: string; range: Range } | null,
    context: string | null,
  ): Diagnostic[];
  /** Stage 8 for Explain: a module's code (read through `text`) merged with its companion as its SDK merges them. */
  registered(
    text: (path: string) => string | undefined,
    file: string,
    cls: PyClass,
    code: Record<string, unknown> | null,
    meta: MetaDoc | null,
  ): RegisteredModule;
}

/** A module's class found by stage 4, or null, with what stage 4 reports. */
export interface EntryClass {
  cls: PyClass | null;
  diagnostics: Diagnostic[];
}

/** A module's metadata as registered: the merged fields, those its companion gave, and Explain's section on it. */
export interface RegisteredModule {
  merge: { fields: Record<string, unknown>; fromMeta: string[] };
  section: ExplainSection;
}

/** What the module scan reads of the step model's files besides the core's queries (each a tracked read). */
export interface ModuleLists {
  metaFiles(): string[];
  moduleCandidates(): string[];
  idMapFiles(): string[];
}

/** What stages 3–7 read: per-file facts, the scan and the registry model, all tracked. */
export interface StageInputs {
  settings(): Settings;
  /** Stages 1–2 and the modules map (built before the model, which reads its modules there). */
  readonly scan: ModuleStage;
  /** What the stages decide and report (the rules of the member that scans modules). */
  readonly rules: DiscoveryRules;
  readonly model: RegistryModel;
  /** A context's layers in resolution order (core's for null). */
  layers(wsDir: string | null): ResolutionLayer[];
  /** The entry a name resolves to in a context. */
  resolved(wsDir: string | null, name: string): StepEntry | null;
  exists(path: string): boolean;
  /** The engine's own copy of a path it knows (equal to `path`). */
  heldPath(path: string): string;
  metaDoc(path: string): MetaDoc | null;
  /** Where a binding file registers a module id, null when none does. */
  boundId(id: string): { file: string; range: Range } | null;
  /** Classes of a known Python file; null for unknown or non-Python files. */
  pyClasses(path: string): PyClass[] | null;
  /** Exports of a known TypeScript or JavaScript module file; null for others. */
  jsModule(path: string): JsModule | null;
  /** Workspace directory a path lies in (whether or not that workspace has a registry). */
  wsDirOf(path: string): string | null;
  metaFiles(): string[];
  /** Directories of the workspaces that have a registry. */
  contextDirs(): string[];
  /** The version of a framework the project has (analysis/frameworkPins.ts `assumedFramework`). */
  framework(builtIn: FrameworkVersion): AssumedFramework;
}

/** An out-edge of a name in a context: a resolved dependency of its winner's companion. */
export interface OutEdge {
  to: string;
  optional: boolean;
  file: string;
  range: Range;
}

/** What the model, its features and the members read of stages 3–7 (each a tracked read). */
export interface DiscoveryStages {
  /** The context a meta file resolves in (its workspace when that workspace has a registry). */
  scopeOf(path: string): string | null;
  /** Every group holding meta files (one unit each). */
  readonly metaGroupsQ: Query<string[]>;
  /** Stages 4 and 6 of a group's meta files: their diagnostics. */
  groupDiagnostics(group: string): Diagnostic[];
  /** Stage 3: what a meta file is bound to. */
  bindingOf(metaFile: string): Binding | null;
  /** How the messages name a context. */
  contextName(wsDir: string | null): string;
  /** A module's version, whether declared, and where. */
  versionOf(e: StepEntry): { value: string; declared: boolean; at: { file: string; range: Range } | null };
  /** Stages 4–5 of a registered module file: what they report. */
  readonly moduleDiagnosticsQ: Query<Diagnostic[]>;
  /** The contexts that search for cycles (one unit each). */
  readonly cycleScopesQ: Query<string[]>;
  /** Stage 7: the cycles a context reports. */
  readonly cyclesQ: Query<Diagnostic[]>;
  /** Files worth looking for on disk: subject candidates of meta files without a subject, mapped files. */
  readonly wantedQ: Query<string[]>;
  /** Whether a file is looked at by a meta file (subject, entry point) or named by the id map. */
  watches(path: string): boolean;
  /** The companion that describes an entry (the first in path order when several bind to it). */
  primaryOf(e: StepEntry): string | null;
  companionsOf(e: StepEntry): string[];
  edgesOf(metaFile: string): Edge[];
  /** The class a registered module resolves to (stage 4), with the file it is defined in. */
  entryClassOf(moduleFile: string): { file: string; cls: PyClass; code: Record<string, unknown> | null } | null;
  /** Meta files that list `name` among their dependencies. */
  dependentsOf(name: string): string[];
  outEdges(wsDir: string | null, name: string): OutEdge[];
  /** Names of entries whose companion has edges, visible from a context in a mode (the settings' by default). */
  edgeSources(wsDir: string | null, mode?: ResolutionMode): string[];
}

export interface StepFamily<R = unknown, F extends StepFacts = StepFacts, L = unknown> extends Family<R, F, L> {
  readonly step: StepParts<R>;
}

/** Whether a family is a member of the step model (it declares its parts). */
export function isStepFamily(family: FileFamily): family is StepFamily {
  return 'step' in family;
}
