// The registry model as tracked queries: core merged from its files, each workspace from its registry,
// the id and local-name indices, the class index of each scope, and the modules. Checks and
// features read it through the `RegistryModel` interface, so every read is recorded where it happens.
import type { ComponentKind } from '../../api';
import { QueryGroup, type Index, type Query } from '../../db/database';
import { KeyedView } from '../../db/keyedView';
import {
  CORE_SCOPE,
  buildCore,
  buildScopeComponents,
  buildWorkspace,
  defaultWorkspaceId,
  mergeOrder,
  type ClassDef,
  type CoreView,
  type RegistryModel,
  type ScopeComponents,
  type SharedField,
  type WsState,
} from './registry';
import type { RegistrySource, StepEntry } from './source';
import type { StepFiles } from '../files';
import type { ComponentStubs, WorkspacePaths } from './workspaceDirs';
import type { StepColumn } from './listColumns';
import { closest } from '../../util/editDistance';
import { byBucket } from '../../util/buckets';

import { sameData, sameList } from '../../util/equality';
import { sameEntry } from './entry';
import { workspaceNames } from './wsNames';
import { interfaceDirs } from './rowClasses';
import { conventionalFileName } from '../../util/naming';

/** `_canonical_key()` of `steps/interfaces/__init__.py`: lower case, letters and digits only. */
const looseKey = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
import type { BuildStrategies, BuilderDiscovery, LegacyAliases, SdkBindings } from './registry';

const NONE = '';
/** Core files per chunk of the merged view's reads (2,000 interface files: 32 chunks). */
const CORE_CHUNK = 64;
/**
 * Core's entries and inversions are looked up by every workspace, mostly in vain (its new steps'
 * names, config classes and spec types: 63,000 lookups on a large org): those lookups are tracked by
 * bucket, not by a cell each. Only a core edit adding a key re-runs the few lookups of its bucket.
 */
const ABSENT = { absentBuckets: 4096 };
/** Buckets of workspaces read by the shared local names (1,000 workspaces: ~16 per bucket). */
const WS_BUCKETS = 64;
const NO_NAMES: readonly string[] = [];

interface WsIndex {
  byId: Map<string, string[]>;
  localNames: Map<string, Set<string>>;
}
/** A workspace's id and local names (wsSummaryQ). */
interface WsSummary {
  id: string;
  local: readonly string[];
}

export class ModelQueries
  extends QueryGroup<{ files: StepFiles; modules: Query<Map<string, StepEntry>> }>
  implements RegistryModel
{
  private get f(): StepFiles {
    return this.deps.files;
  }

  /** The files each family puts in the core context, family by family (not all of them registry sources). */
  private readonly coreFilesQ = this.db.query('coreFiles', () => this.f.coreFiles(), sameList);

  readonly coreSourcesQ: Query<Map<string, RegistrySource>> = this.db.query('coreSources', () => {
    const out = new Map<string, RegistrySource>();
    for (const file of this.coreFilesQ(NONE)) {
      const s = this.f.source(file);
      if (s) out.set(file, s);
    }
    return out;
  });

  /**
   * A core file's precedence, null when it is no registry source: equal while it is, so edits do not sort the core
   * files again.
   */
  private readonly corePrecedenceQ = this.db.query('corePrecedence', (file): number | null => {
    const s = this.f.source(file);
    return s ? (s.precedence ?? 0) : null;
  });
  /**
   * The core files that are registry sources, in merge order: sorted again only when one comes, goes or changes
   * precedence.
   */
  private readonly coreOrderQ = this.db.query(
    'coreOrder',
    () => {
      const files = new Map<string, number>();
      for (const file of this.coreFilesQ(NONE)) {
        const precedence = this.corePrecedenceQ(file);
        if (precedence !== null) files.set(file, precedence);
      }
      return mergeOrder([...files].map(([file, precedence]) => ({ file, precedence })));
    },
    sameList,
  );
  /** The same files in path order (what the core context's file is chosen by). */
  private readonly corePathOrderQ = this.db.query('corePathOrder', () => [...this.coreOrderQ(NONE)].sort(), sameList);
  /**
   * Whether a core file defines entries: equal while it does, so an edit of one does not re-choose the core context's
   * file.
   */
  private readonly coreHasEntriesQ = this.db.query(
    'coreHasEntries',
    (file) => (this.f.source(file)?.entries.length ?? 0) > 0,
  );

  /**
   * The sources of the core files in merge order, `CORE_CHUNK` files per key: an edit of one file re-reads its chunk's
   * sources only.
   */
  private readonly coreChunkQ = this.db.query(
    'coreChunk',
    (i) => {
      const at = Number(i) * CORE_CHUNK;
      return this.coreOrderQ(NONE)
        .slice(at, at + CORE_CHUNK)
        .map((file) => this.f.source(file) as RegistrySource);
    },
    sameList,
  );

  readonly coreViewQ: Query<CoreView> = this.db.query('core', (_k, previous) => {
    const sorted: RegistrySource[] = [];
    for (let i = 0; i * CORE_CHUNK < this.coreOrderQ(NONE).length; i++)
      for (const s of this.coreChunkQ(String(i))) sorted.push(s);
    return buildCore(sorted, previous);
  });
  /**
   * Core entries one at a time: equal while an entry's text and place are, so a core edit reaches only the readers of
   * what it changed.
   */
  private readonly coreIndex = this.db.index('coreEntries', () => this.coreViewQ(NONE).core, sameEntry, ABSENT);
  readonly core = this.view(this.coreIndex);
  readonly coreByConfig = this.view(
    this.db.index('coreByConfig', () => this.coreViewQ(NONE).coreByConfig, sameList, ABSENT),
  );
  readonly coreBySpec = this.view(this.db.index('coreBySpec', () => this.coreViewQ(NONE).coreBySpec, sameList, ABSENT));
  readonly coreByBuilder = this.view(
    this.db.index('coreByBuilder', () => this.coreViewQ(NONE).coreByBuilder, sameList),
  );
  private view<V>(index: Index<V>): KeyedView<V> {
    return new KeyedView(
      () => index.keys(),
      (k) => index.get(k),
    );
  }
  /**
   * The core context's file, as Explain, the status and the contexts name it: the first core registry
   * (path order) that defines entries — never a shim whose STEP_NAMES is not a literal (RL031) — else
   * the first core registry. Every context's layers read it: a cell, so that an edit of the core
   * registry that leaves it as it is does not reach them.
   */
  private readonly coreFileCell = this.db.cell('coreFile', () => {
    const files = this.corePathOrderQ(NONE);
    return files.find((f) => this.coreHasEntriesQ(f)) ?? files[0] ?? null;
  });

  readonly workspaceQ: Query<WsState | null> = this.db.query('workspace', (dir) => {
    const file = this.f.workspaceRegistry(dir);
    const src = file ? this.f.source(file) : null;
    if (!src) return null;
    // The registry file is one member's; the other members' sources of the workspace join it.
    const extra = this.f
      .workspaceExtras(dir)
      .map((p) => this.f.source(p))
      .filter((x): x is RegistrySource => !!x);
    return buildWorkspace(dir, src, extra);
  });

  /**
   * What the id and local-name indices and the contexts read of a workspace (null without a registry):
   * from its registry's keys alone while the engine holds the text and the names reader answers
   * (wsNames.ts, proven equal to the whole read), else from the whole workspace. A first pass for one
   * open registry reads the other workspaces' registries for this only, not whole.
   */
  private readonly wsSummaryQ = this.db.query(
    'wsSummary',
    (dir): WsSummary | null => {
      const file = this.f.workspaceRegistry(dir);
      if (!file) return null;
      const text = this.f.workspaceExtras(dir).length === 0 ? this.f.heldText(file) : null;
      const names = text === null ? null : workspaceNames(text);
      if (names) return { id: names.developerId ?? defaultWorkspaceId(dir), local: names.local };
      const ws = this.workspaceQ(dir);
      return ws ? { id: ws.id, local: [...ws.local.keys()] } : null;
    },
    (a, b) => a === b || (a !== null && b !== null && a.id === b.id && sameList(a.local, b.local)),
  );
  /** A workspace's id (null without a registry): what the id index reads, so a step edit never reaches it. */
  private readonly wsIdQ = this.db.query('wsId', (dir) => this.wsSummaryQ(dir)?.id ?? null);
  /** A workspace's local names, in file order (null without a registry); a field edit leaves them equal. */
  private readonly wsLocalQ = this.db.query(
    'wsLocal',
    (dir): readonly string[] | null => this.wsSummaryQ(dir)?.local ?? null,
  );

  /** Directories of the workspaces that have a registry, in path order (equal while none comes or goes). */
  readonly contextDirsQ: Query<string[]> = this.db.query(
    'contextDirs',
    () => this.wsDirsQ(NONE).filter((d) => this.hasWorkspaceQ(d)),
    sameList,
  );
  /** Directories of the developer workspaces that have a registry file. */
  private readonly wsDirsQ = this.db.query('wsDirs', () => this.f.workspaceRegistryDirs(), sameList);
  private readonly hasWorkspaceQ = this.db.query('hasWorkspace', (dir) => this.wsSummaryQ(dir) !== null);

  readonly workspacesQ: Query<Map<string, WsState>> = this.db.query('workspaces', () => {
    const out = new Map<string, WsState>();
    for (const dir of this.contextDirsQ(NONE)) out.set(dir, this.workspaceQ(dir) as WsState);
    return out;
  });

  readonly wsIndexQ: Query<WsIndex> = this.db.query('wsIndex', () => {
    const idx: WsIndex = { byId: new Map(), localNames: new Map() };
    for (const dir of this.wsDirsQ(NONE)) {
      const id = this.wsIdQ(dir);
      if (id === null) continue;
      const ids = idx.byId.get(id);
      if (ids) ids.push(dir);
      else idx.byId.set(id, [dir]);
      for (const name of this.wsLocalQ(dir) ?? []) {
        const s = idx.localNames.get(name);
        if (s) s.add(dir);
        else idx.localNames.set(name, new Set([dir]));
      }
    }
    for (const dirs of idx.byId.values()) dirs.sort();
    return idx;
  });

  /** Directories sharing a workspace id (RL015), per id. */
  private readonly idIndex = this.db.index(
    'dirsWithId',
    () => {
      const byId = new Map<string, string[]>();
      for (const dir of this.wsDirsQ(NONE)) {
        const id = this.wsIdQ(dir);
        if (id === null) continue;
        const dirs = byId.get(id);
        if (dirs) dirs.push(dir);
        else byId.set(id, [dir]);
      }
      // Path order whatever order the walk listed the directories in: the last one keeps the id (RL015).
      for (const dirs of byId.values()) dirs.sort();
      return byId;
    },
    sameList,
  );

  /**
   * Workspace directories by bucket (a hash of the directory): a workspace that comes or goes changes its bucket only.
   */
  private readonly wsDirBuckets = this.db.index(
    'wsDirBuckets',
    () => byBucket(this.wsDirsQ(NONE), WS_BUCKETS),
    sameList,
  );
  /** One bucket's workspaces with their local names: a new value only when one of them changes its names. */
  private readonly wsLocalBucketQ = this.db.query(
    'wsLocalBucket',
    (b): [string, readonly string[]][] =>
      (this.wsDirBuckets.get(b) ?? []).map((dir) => [dir, this.wsLocalQ(dir) ?? NO_NAMES]),
    (a, b) => a.length === b.length && a.every(([dir, names], i) => dir === b[i]?.[0] && names === b[i]?.[1]),
  );

  /**
   * Per workspace, its local names that other workspaces define locally too (RL002); absent when none.
   * Kept up to date from the buckets whose workspaces changed names (an edit of one workspace costs its
   * bucket's names, not every workspace's); the result is the same as building it from scratch.
   */
  private readonly sharedLocalNamesIndex = this.db.index(
    'sharedLocalNames',
    (): ReadonlyMap<string, Map<string, string[]>> => {
      const { owners, seen, shared, sorted, buckets } = this.localNamesState;
      const affected = new Set<string>();
      const changed = new Set<string>();
      const touch = (dir: string, names: readonly string[], add: boolean): void => {
        for (const name of names) {
          // A name one workspace owns (most of them) is kept as that directory, not a set of one.
          const dirs = owners.get(name);
          if (add) {
            if (dirs === undefined || dirs === dir) owners.set(name, dir);
            else if (typeof dirs === 'string') owners.set(name, new Set([dirs, dir]));
            else dirs.add(dir);
          } else if (dirs === dir) owners.delete(name);
          else if (typeof dirs !== 'string' && dirs?.delete(dir) && dirs.size === 1)
            owners.set(name, dirs.values().next().value as string);
          changed.add(name);
        }
        affected.add(dir);
      };
      for (let b = 0; b < WS_BUCKETS; b++) {
        const pairs = this.wsLocalBucketQ(String(b));
        const before = buckets[b];
        if (before === pairs) continue;
        buckets[b] = pairs;
        // A directory always falls in the same bucket: one gone from the bucket is gone from the workspaces.
        const now = new Set(pairs.map(([dir]) => dir));
        for (const [dir] of before ?? []) {
          const names = seen.get(dir);
          if (now.has(dir) || !names) continue;
          touch(dir, names, false);
          seen.delete(dir);
        }
        for (const [dir, names] of pairs) {
          const was = seen.get(dir);
          if (was === names) continue;
          if (was) touch(dir, was, false);
          touch(dir, names, true);
          seen.set(dir, names);
        }
      }
      // One sorted list per shared name, kept while its owners are unchanged: every workspace holding the
      // name points at it (N workspaces sharing a step cost N, not N², in time and memory).
      for (const name of changed) {
        const owning = owners.get(name);
        if (typeof owning !== 'object') {
          if (owning !== undefined) affected.add(owning);
          sorted.delete(name);
          continue;
        }
        for (const d of owning) affected.add(d);
        const list = [...owning].sort();
        const old = sorted.get(name);
        if (!old || !sameList(old, list)) sorted.set(name, list);
      }
      for (const dir of affected) {
        const mine = new Map<string, string[]>();
        for (const name of seen.get(dir) ?? []) {
          const list = sorted.get(name);
          if (list) mine.set(name, list);
        }
        if (mine.size > 0) shared.set(dir, mine);
        else shared.delete(dir);
      }
      return new Map(shared);
    },
    sameData,
  );
  private readonly localNamesState = {
    /** Each local name's workspaces: the directory when only one owns it, else the set (two or more). */
    owners: new Map<string, string | Set<string>>(),
    seen: new Map<string, readonly string[]>(),
    shared: new Map<string, Map<string, string[]>>(),
    sorted: new Map<string, string[]>(),
    /** Each bucket's value as last read (`wsLocalBucketQ`), by bucket number. */
    buckets: [] as ([string, readonly string[]][] | undefined)[],
  };

  /** What RL011 reads of core: a core edit that changes no shared value does not re-run it over every inversion key. */
  private readonly coreSharedQ = this.db.query(
    'coreShared',
    (field) => this.coreViewQ(NONE).shared[field as SharedField],
    sameData,
  );
  /**
   * Per name, so that the checks suggesting core names are not re-run when a core name comes or goes unless their
   * suggestions change.
   */
  private readonly coreSuggestQ = this.db.query('coreSuggest', (name) => closest(name, this.core.keys(), 3), sameList);

  readonly sortedWorkspacesQ = this.db.query('sortedWorkspaces', () =>
    [...this.workspacesQ(NONE).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.dir < b.dir ? -1 : 1)),
  );

  readonly scopeComponentsQ: Query<ScopeComponents> = this.db.query('scopeComponents', (scope) =>
    buildScopeComponents(this.f.components(scope)),
  );

  // ---- RegistryModel

  get coreSources(): Map<string, RegistrySource> {
    return this.coreSourcesQ(NONE);
  }
  get workspaces(): Map<string, WsState> {
    return this.workspacesQ(NONE);
  }
  get modules(): Map<string, StepEntry> {
    return this.deps.modules(NONE);
  }
  get byId(): Map<string, string[]> {
    return this.wsIndexQ(NONE).byId;
  }
  get localNames(): Map<string, Set<string>> {
    return this.wsIndexQ(NONE).localNames;
  }

  workspace(dir: string): WsState | null {
    return this.workspaceQ(dir);
  }
  workspaceId(dir: string): string | null {
    return this.wsIdQ(dir);
  }
  coreFile(): string | null {
    return this.coreFileCell();
  }

  closestCore(name: string): string[] {
    return this.coreSuggestQ(name);
  }
  coreShared(field: SharedField): [string, string[]][] {
    return this.coreSharedQ(field);
  }
  dirsWithId(id: string): string[] {
    return this.idIndex.get(id) ?? [];
  }
  sharedLocalNames(dir: string): Map<string, string[]> {
    return this.sharedLocalNamesIndex.get(dir) ?? new Map<string, string[]>();
  }
  dirOfContext(id: string): string | null {
    return this.idIndex.get(id)?.at(-1) ?? null;
  }
  sortedWorkspaces(): WsState[] {
    return this.sortedWorkspacesQ(NONE);
  }

  findClass(wsDir: string | null, kind: ComponentKind, name: string): ClassDef | null {
    if (wsDir) {
      const own = this.scopeComponentsQ(wsDir).classes.get(kind)?.get(name)?.[0];
      if (own) return own;
    }
    return this.scopeComponentsQ(CORE_SCOPE).classes.get(kind)?.get(name)?.[0] ?? null;
  }

  /** The base-class modules' classes by name, the first in path order. */
  private readonly baseClassesQ = this.db.query('baseClasses', () => {
    const out = new Map<string, ClassDef>();
    for (const file of this.f.baseFiles())
      for (const c of this.f.classesOf(file)) if (!out.has(c.name)) out.set(c.name, c);
    return out;
  });
  findBaseClass(name: string): ClassDef | null {
    return this.baseClassesQ(NONE).get(name) ?? null;
  }
  private readonly baseDirsQ = this.db.query(
    'baseDirs',
    () => [...new Set(this.f.baseFiles().map((f) => f.slice(0, f.lastIndexOf('/') + 1)))],
    sameList,
  );
  baseDirs(): string[] {
    return this.baseDirsQ(NONE);
  }
  builderDiscovery(): BuilderDiscovery | null {
    return this.f.builderDiscoveryQ(NONE);
  }
  workspacePaths(): WorkspacePaths {
    return this.f.workspacePaths;
  }
  componentStubs(): ComponentStubs | undefined {
    return this.f.stubs;
  }
  listColumns(): readonly StepColumn[] {
    return this.f.listColumns;
  }
  packageInterfaceOf(step: string): string | null {
    const dir = interfaceDirs(this, null)[0] ?? '';
    const primary = `${dir}${conventionalFileName(step)}.step.yaml`;
    if (this.f.files.exists(primary)) return primary;
    const key = looseKey(step);
    const hits = this.f.files.dirFilesInput
      .get(dir.replace(/\/$/, ''))
      .filter((p) => p.endsWith('.step.yaml') && looseKey(p.slice(dir.length, -'.step.yaml'.length)) === key);
    return hits.length === 1 ? (hits[0] as string) : null;
  }
  packageInterface(step: string): StepEntry | null {
    const file = this.packageInterfaceOf(step);
    return file === null ? null : (this.f.source(file)?.entries[0] ?? null);
  }
  buildStrategies(): BuildStrategies | null {
    return this.f.buildStrategiesQ(NONE);
  }
  legacyAliases(): LegacyAliases | null {
    return this.f.legacyAliasesQ(NONE);
  }
  sdkBindings(): SdkBindings | null {
    return this.f.sdkBindingsQ(NONE);
  }

  visibleClasses(wsDir: string | null, kind: ComponentKind): ClassDef[] {
    const out: ClassDef[] = [];
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE]) {
      for (const defs of this.scopeComponentsQ(scope).classes.get(kind)?.values() ?? []) if (defs[0]) out.push(defs[0]);
    }
    return out;
  }

  componentFilesOf(wsDir: string | null, kind: ComponentKind): string[] {
    const out: string[] = [];
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE])
      out.push(...(this.scopeComponentsQ(scope).files.get(kind) ?? []));
    return out;
  }

  searchedDirs(wsDir: string | null, kind: ComponentKind): string[] {
    const dirs = new Set<string>();
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE])
      for (const d of this.scopeComponentsQ(scope).dirs.get(kind) ?? []) dirs.add(d);
    return [...dirs].sort((a, b) =>
      wsDir && a.startsWith(wsDir) !== b.startsWith(wsDir) ? (a.startsWith(wsDir) ? -1 : 1) : a.localeCompare(b),
    );
  }

  definitions(name: string): StepEntry[] {
    const out: StepEntry[] = [];
    const c = this.core.get(name);
    if (c) out.push(c);
    for (const ws of this.sortedWorkspaces()) {
      const l = ws.local.get(name);
      if (l) out.push(l);
      const o = ws.overrides.get(name);
      if (o) out.push(o);
      const x = ws.supplements.get(name);
      if (x) out.push(x);
    }
    const m = this.modules.get(name);
    if (m) out.push(m);
    return out;
  }

  /**
   * The steps as the tools hold them, each once: core's merged table (a pack step over a package step is one row,
   * as `refresh_registry()` leaves it; so is an interface over an `_EXTRAS` row), each workspace's local steps and
   * overrides (an interface beside its registry row supplements it), the modules.
   */
  entryCount(): number {
    let n = this.coreViewQ(NONE).core.size;
    for (const ws of this.workspaces.values()) n += ws.local.size + ws.overrides.size;
    return n + this.modules.size;
  }
}
