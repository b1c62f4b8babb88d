// The cross-file registry state — core entries, workspaces, the class index — as read-only views, and
// the pure functions that build each view from per-file facts (the tracked queries call them).
import type { ComponentKind } from '../../api';
import type { Range } from '../../types';
import type { NameRef, RegistrySource, StepEntry } from './source';
import { fieldStr } from './source';
import type { ComponentStubs, WorkspacePaths } from './workspaceDirs';
import type { StepColumn } from './listColumns';

export interface WsState {
  dir: string;
  /** Id: `WORKSPACE_METADATA["developer_id"]` when a string literal, else the directory name. */
  id: string;
  idRange: Range | null;
  source: RegistrySource;
  local: Map<string, StepEntry>;
  overrides: Map<string, StepEntry>;
  depRefs: NameRef[];
  /** The workspace's other sources (its interface files), in path order. */
  extraSources: RegistrySource[];
  /**
   * Entries of the other sources whose name the registry file defines too: the registry row is the
   * step (the real manager reads only the registry), the other entry supplies the rest (contract, spec).
   */
  supplements: Map<string, StepEntry>;
}

/** What the repository's builder discovery module does, read from its methods (rowClasses.ts). */
export interface BuilderDiscovery {
  file: string;
  /** It defines `_synthesize_builder` (cursus ≥ 2.0). */
  synthesizes: boolean;
  /** It defines `_scan_builder_directory` (file discovery: cursus 1.x to 2.5.0). */
  scansFiles: boolean;
}

/** The legacy step names of the repository's `step_catalog/step_catalog.py` (`StepCatalog.LEGACY_ALIASES`). */
export interface LegacyAliases {
  file: string;
  names: string[];
}

/** The steps the repository's `step_catalog/sdk_bindings.py` binds to an SDK step class (`SDK_STEP_CLASS_THUNKS`). */
export interface SdkBindings {
  file: string;
  steps: string[];
}

/** The build strategies `core/base/builder_templates.py` registers, by axis (cursus/registries/strategies.ts). */
export interface BuildStrategies {
  file: string;
  stepTypes: string[];
  stepAssemblies: string[];
}

/**
 * Whether a `sagemaker_step_type` routes to a build strategy (`strategy_registry.axis_name_for_step_type()`:
 * `Processing` by its `step_assembly`, which the interface schema restricts to registered ones); without
 * the module in the tree every type is taken to route.
 */
export function routes(strategies: BuildStrategies | null, sagemakerStepType: string): boolean {
  if (!strategies) return true;
  if (sagemakerStepType === 'Processing') return strategies.stepAssemblies.length > 0;
  return strategies.stepTypes.includes(sagemakerStepType);
}

export interface ClassDef {
  name: string;
  file: string;
  range: Range;
  nameRange: Range;
}

/** Scope of components: '' for core, else the workspace directory. */
export type Scope = string;
export const CORE_SCOPE: Scope = '';

/** The core registry merged from its files (first file in path order wins a name), with its inversions. */
export interface CoreView {
  core: Map<string, StepEntry>;
  /** config_class / spec_type / builder_step_name → core step names. */
  coreByConfig: Map<string, string[]>;
  coreBySpec: Map<string, string[]>;
  coreByBuilder: Map<string, string[]>;
  /** The config_class and spec_type values two or more core steps share (RL011), in the inversions' order. */
  shared: Record<SharedField, [string, string[]][]>;
  /** The sources it was merged from, in merge order (precedence, then path). */
  sorted: RegistrySource[];
  /** What the merge read, entry by entry (see `Slots`). */
  slots: Slots;
}

/**
 * Every entry of the sorted sources, in merge order (sources in `sorted` order, each one's entries in
 * order), with what the merge reads of it: an edit that renames an entry re-merges from these arrays
 * instead of reading again the entries (and their fields) of every other source — 2,000 interface
 * files of a core, each an object graph of its own.
 */
interface Slots {
  entries: StepEntry[];
  /** The index in `sorted` of each slot's source. */
  source: number[];
  /** Each slot's `INVERTED` values, three per slot. */
  inverted: (string | null)[];
  /** The first slot of each source, then the slot count (`sorted.length + 1` numbers). */
  start: number[];
}

export type SharedField = 'config_class' | 'spec_type';

/** Classes and component files of one scope (core or a workspace), by kind. */
export interface ScopeComponents {
  classes: Map<ComponentKind, Map<string, ClassDef[]>>;
  files: Map<ComponentKind, string[]>;
  /** Component directories (`dir/`) that hold at least one file, by kind. */
  dirs: Map<ComponentKind, string[]>;
}

/**
 * The cross-file registry state as its readers see it. Every member is backed by a tracked query, so
 * a check or feature that reads it records exactly what it read.
 */
export interface RegistryModel {
  readonly coreSources: Map<string, RegistrySource>;
  /** Core entries by name (a lookup depends on that name only). */
  readonly core: ReadonlyMap<string, StepEntry>;
  /** config_class / spec_type / builder_step_name → core step names (a lookup depends on that value only). */
  readonly coreByConfig: ReadonlyMap<string, string[]>;
  readonly coreBySpec: ReadonlyMap<string, string[]>;
  readonly coreByBuilder: ReadonlyMap<string, string[]>;
  readonly workspaces: Map<string, WsState>;
  /** apcore modules by id (the registered one of each id), visible from every context. */
  readonly modules: Map<string, StepEntry>;
  /** Workspace id → directories using it (path order). */
  readonly byId: Map<string, string[]>;
  /** Local step name → workspace directories defining it. */
  readonly localNames: Map<string, Set<string>>;
  /** One workspace by directory (null when it has no registry). */
  workspace(dir: string): WsState | null;
  /** The id of a workspace (null when it has no registry): a reader of the id alone is not re-run by step edits. */
  workspaceId(dir: string): string | null;
  /** The first core registry file in path order (null without core). */
  coreFile(): string | null;
  /**
   * The values of a field two or more core steps share, in `coreByConfig` / `coreBySpec` order (equal while they are).
   */
  coreShared(field: SharedField): [string, string[]][];
  /** The core step names closest to a name (at most 3, best first; `closest()`), read one name at a time. */
  closestCore(name: string): string[];
  /** Workspace directories using an id, in path order (RL015 when more than one). */
  dirsWithId(id: string): string[];
  /**
   * The local step names of a workspace that other workspaces define locally too (RL002), with every directory defining
   * each, in path order.
   */
  sharedLocalNames(dir: string): Map<string, string[]>;
  /**
   * The workspace directory of a context id: the last in path order when ids collide, as cursus's manager
   * keeps the workspace loaded last under a repeated `developer_id` (registry/hybrid/manager.py:262-272).
   */
  dirOfContext(id: string): string | null;
  /** Workspaces sorted by id, then directory: the order hybrid resolution consults them in. */
  sortedWorkspaces(): WsState[];
  /** A class visible from a context: its own workspace's directories first, then core. */
  findClass(wsDir: string | null, kind: ComponentKind, name: string): ClassDef | null;
  /**
   * A base class abstract rows name (`StepBuilderBase`, `BasePipelineConfig`): where cursus imports it from, first in
   * path order.
   */
  findBaseClass(name: string): ClassDef | null;
  /** The directories of the base-class modules (searched for an abstract row's classes). */
  baseDirs(): string[];
  /** What the repository's builder discovery module does (null without one). */
  builderDiscovery(): BuilderDiscovery | null;
  /** Where a developer workspace's files go, as the members say (member.ts `StepParts.workspace`). */
  workspacePaths(): WorkspacePaths;
  /** The templates of new component modules, as the members say (member.ts `StepParts.stubs`). */
  componentStubs(): ComponentStubs | undefined;
  /** The columns of `list`, as the members say (member.ts `StepParts.listColumns`). */
  listColumns(): readonly StepColumn[];
  /**
   * The package's interface file `load_step_interface()` finds for a step (`steps/interfaces/__init__.py`
   * `_resolve_interface_path()`: its conventional name, else the one stem equal ignoring case and
   * separators), null when none: where cursus 1.10.0's step catalog loads the contract and spec from.
   */
  packageInterfaceOf(step: string): string | null;
  /** The step that interface defines (null without one, or when it defines no step). */
  packageInterface(step: string): StepEntry | null;
  /** The build strategies the repository registers (null without its `builder_templates.py`). */
  buildStrategies(): BuildStrategies | null;
  /** The legacy aliases of the repository's step catalog (null without its `step_catalog/step_catalog.py`). */
  legacyAliases(): LegacyAliases | null;
  /** The SDK step bindings of the repository's step catalog (null without its `step_catalog/sdk_bindings.py`). */
  sdkBindings(): SdkBindings | null;
  /** Class names of a kind visible from a context, for completion. */
  visibleClasses(wsDir: string | null, kind: ComponentKind): ClassDef[];
  /** Component files of a kind visible from a context (own workspace first, then core). */
  componentFilesOf(wsDir: string | null, kind: ComponentKind): string[];
  /** Directories searched for a kind from a context (for RL005/RL006 messages and Explain). */
  searchedDirs(wsDir: string | null, kind: ComponentKind): string[];
  /** Every definition of a step name, in core → workspaces (by id) → modules order. */
  definitions(name: string): StepEntry[];
  /** Every step once per context that defines it (the summary's `entries`). */
  entryCount(): number;
}

/** Core source files in merge order: a higher precedence first, then path order. */
export function mergeOrder(files: { file: string; precedence: number }[]): string[] {
  return [...files]
    .sort((a, b) => b.precedence - a.precedence || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((f) => f.file);
}

/**
 * The core view of `sorted` (the core sources in `mergeOrder`). `previous` (the view of the last
 * sources) is only a hint: when the sources that changed kept their file, precedence and entry count,
 * only their slots are filled again; when they also kept their entry names, the same sources win the
 * same names, so only their entries are put in place (a core of 2,000 interface files is otherwise
 * merged whole on every edit of one); the result is what a build without it gives.
 */
export function buildCore(sorted: RegistrySource[], previous?: CoreView): CoreView {
  return (previous && fromPrevious(sorted, previous)) ?? merge(sorted, slotsOf(sorted));
}

function slotsOf(sorted: RegistrySource[]): Slots {
  const slots: Slots = { entries: [], source: [], inverted: [], start: [] };
  sorted.forEach((s, i) => {
    slots.start.push(slots.entries.length);
    for (const e of s.entries) {
      slots.entries.push(e);
      slots.source.push(i);
      for (const f of INVERTED) slots.inverted.push(fieldStr(e, f));
    }
  });
  slots.start.push(slots.entries.length);
  return slots;
}

/** The view from the slots: the first source in merge order wins a name, unless a later one overwrites it. */
function merge(sorted: RegistrySource[], slots: Slots): CoreView {
  const core = new Map<string, StepEntry>();
  /** The winning slot of each name, set with `core` (so in the same order). */
  const from = new Map<string, number>();
  const { entries, source } = slots;
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k] as StepEntry;
    const had = from.get(e.name);
    if (
      had !== undefined &&
      !overwrittenBy(sorted[source[had] as number] as RegistrySource, sorted[source[k] as number] as RegistrySource)
    )
      continue;
    core.set(e.name, e);
    from.set(e.name, k);
  }
  const view: CoreView = {
    core,
    coreByConfig: new Map(),
    coreBySpec: new Map(),
    coreByBuilder: new Map(),
    shared: { config_class: [], spec_type: [] },
    sorted,
    slots,
  };
  const inverted = [view.coreByConfig, view.coreBySpec, view.coreByBuilder];
  for (const [name, k] of from)
    for (let f = 0; f < 3; f++) push(inverted[f] as Map<string, string[]>, slots.inverted[3 * k + f] ?? null, name);
  for (const [field, index] of [
    ['config_class', view.coreByConfig],
    ['spec_type', view.coreBySpec],
  ] as const) {
    for (const [value, names] of index) if (names.length > 1) view.shared[field].push([value, names]);
  }
  return view;
}

/**
 * The view from the previous one: its slots with those of the changed sources filled again (null when a source came,
 * went or changed more than its entries).
 */
function fromPrevious(sorted: RegistrySource[], previous: CoreView): CoreView | null {
  const was = previous.sorted;
  if (was.length !== sorted.length) return null;
  const { start } = previous.slots;
  let slots: Slots | null = null;
  let renamed = false;
  let inversionsKept = true;
  /** Entries that replace the winner of their name (while no name changes, the same slots win the same names). */
  const winners: StepEntry[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i] as RegistrySource;
    const o = was[i] as RegistrySource;
    if (s === o) continue;
    if (
      s.file !== o.file ||
      s.precedence !== o.precedence ||
      s.overwrites !== o.overwrites ||
      s.entries.length !== o.entries.length
    )
      return null;
    slots ??= {
      entries: [...previous.slots.entries],
      source: previous.slots.source,
      inverted: [...previous.slots.inverted],
      start,
    };
    const at = start[i] as number;
    for (let j = 0; j < s.entries.length; j++) {
      const e = s.entries[j] as StepEntry;
      const old = o.entries[j] as StepEntry;
      // An entry a splice kept as it was (every entry of a core registry but the one edited) changes no slot.
      if (e === old) continue;
      slots.entries[at + j] = e;
      for (let f = 0; f < 3; f++) {
        const v = fieldStr(e, INVERTED[f] as string);
        // A field of an entry that does not win its name changes no inversion.
        if (v !== slots.inverted[3 * (at + j) + f] && previous.core.get(old.name) === old) inversionsKept = false;
        slots.inverted[3 * (at + j) + f] = v;
      }
      if (e.name !== old.name) renamed = true;
      else if (previous.core.get(e.name) === old) winners.push(e);
    }
  }
  if (!slots) return { ...previous, sorted };
  if (renamed || !inversionsKept) return merge(sorted, slots);
  if (winners.length === 0) return { ...previous, sorted, slots };
  const core = new Map(previous.core);
  for (const e of winners) core.set(e.name, e);
  return { ...previous, core, sorted, slots };
}

const INVERTED = ['config_class', 'spec_type', 'builder_step_name'] as const;

/**
 * A workspace from its registry source (id: `WORKSPACE_METADATA["developer_id"]` when literal, else the directory
 * name).
 */
export function buildWorkspace(dir: string, source: RegistrySource, extraSources: RegistrySource[] = []): WsState {
  const ws: WsState = {
    dir,
    id: source.developerId?.value ?? defaultWorkspaceId(dir),
    idRange: source.developerId?.range ?? null,
    source,
    local: new Map(),
    overrides: new Map(),
    depRefs: source.depRefs,
    extraSources,
    supplements: new Map(),
  };
  for (const e of source.entries) (e.layer === 'override' ? ws.overrides : ws.local).set(e.name, e);
  const own = new Set(source.entries.map((e) => e.name));
  const from = new Map<string, RegistrySource>();
  for (const s of [...extraSources].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    for (const e of s.entries) {
      const into = own.has(e.name) ? ws.supplements : ws.local;
      const had = from.get(e.name);
      if (had && !overwrittenBy(had, s)) continue;
      into.set(e.name, e);
      from.set(e.name, s);
    }
  }
  return ws;
}

/** The id of a workspace whose metadata declares none: its directory's name. */
export function defaultWorkspaceId(dir: string): string {
  return dir.slice(dir.lastIndexOf('/') + 1);
}

/** Whether a later source (in path order) replaces an earlier one's entry of the same name. */
function overwrittenBy(earlier: RegistrySource, later: RegistrySource): boolean {
  return !!earlier.overwrites && !!later.overwrites && (earlier.precedence ?? 0) === (later.precedence ?? 0);
}

/** Classes of component files of one scope, each file with its kind and directory. */
export function buildScopeComponents(
  files: { file: string; kind: ComponentKind; dir: string; classes: ClassDef[] }[],
): ScopeComponents {
  const out: ScopeComponents = { classes: new Map(), files: new Map(), dirs: new Map() };
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const f of sorted) {
    let byName = out.classes.get(f.kind);
    if (!byName) out.classes.set(f.kind, (byName = new Map<string, ClassDef[]>()));
    for (const c of f.classes) {
      const list = byName.get(c.name);
      if (list) list.push(c);
      else byName.set(c.name, [c]);
    }
    const list = out.files.get(f.kind);
    if (list) list.push(f.file);
    else out.files.set(f.kind, [f.file]);
    const dirs = out.dirs.get(f.kind);
    const d = `${f.dir}/`;
    if (!dirs) out.dirs.set(f.kind, [d]);
    else if (!dirs.includes(d)) dirs.push(d);
  }
  return out;
}

function push(m: Map<string, string[]>, key: string | null, v: string): void {
  if (!key) return;
  const l = m.get(key);
  if (l) l.push(v);
  else m.set(key, [v]);
}
