// Runs the eight stages incrementally: an update re-runs only what the edited files feed. The scan and
// id map (stages 1–2) re-run when the set of module files or the apcore files change; a meta file is
// re-bound (stage 3) when it, its subject or its context's registry changes; its entry point and
// dependencies (stages 4, 6) when it changes or a name it depends on does; a module's entry point and
// validation (stages 4–5) when its file or companion does; a context's cycles (stage 7) when one of
// its edges does. Each is a unit of the shared UnitStore.
import type { Diagnostic, Range, Settings } from '../types';
import type { PyClass } from '../python/facts';
import type { RegistryModel } from '../model/registry';
import type { StepEntry } from '../model/source';
import type { HostLink } from '../model/roles';
import { layersFor, resolvableNames, resolveName, type ResolutionLayer } from '../model/resolve';
import { diag } from '../codes';
import { closest } from '../util/editDistance';
import type { UnitStore } from '../unitStore';
import { ZERO_RANGE } from '../text/ranges';
import { isUnder } from '../util/paths';
import type { ApcoreConfig } from './apcoreConfig';
import { DEFAULT_MAX_DEPTH, DEFAULT_ROOT, rootsFromSettings } from './apcoreConfig';
import { activeRoots, checkIds, isScanCandidate, pathId, relToRoot, rootOf } from './scan';
import { applyIdMap, type Found, type IdMapDoc } from './idMap';
import { bindMeta, entryKey, subjectCandidates, type BindEnv } from './subject';
import { checkMetaEntryPoint, detectEntryClass, type ClassFiles } from './entryPoint';
import { validateModule } from './validate';
import { DEFAULT_VERSION, resolveDeps, type DepEnv, type Edge } from './dependencies';
import { concreteCycle, cycleDiagnostics, cyclicComponents } from './order';
import type { ApRoot, Binding, MetaDoc, ScannedModule } from './types';
import { parseVersion } from './versionHint';

/** What the pipeline reads from the workspace host. */
export interface PipelineHost {
  readonly settings: Settings;
  readonly model: RegistryModel;
  has(path: string): boolean;
  metaDoc(path: string): MetaDoc | null;
  /** Classes of a known Python file; null for unknown or non-Python files. */
  pyClasses(path: string): PyClass[] | null;
  /** Workspace directory a path lies in (whether or not that workspace has a registry). */
  wsDirOf(path: string): string | null;
  contextName(wsDir: string | null): string;
  metaFiles(): Iterable<string>;
  moduleCandidates(): Iterable<string>;
  apcoreConfig(): ApcoreConfig | null;
  idMapDoc(): IdMapDoc | null;
  links(): readonly HostLink[];
}

export type ChangedRole = 'meta' | 'module' | 'apcore' | 'other';

/** What changed since the last run. */
export interface ChangeSet {
  full: boolean;
  /** Files added, removed or edited; `existence` when the file appeared or vanished. */
  files: { path: string; role: ChangedRole; existence: boolean }[];
  /** Registry scopes whose pipeline signature changed (id, names, layers, builder and config classes): '' for core, else workspace directories. */
  registries: Set<string>;
  /** Step names a registry edit defined, removed or changed. */
  names: Set<string>;
  /** Registry scopes whose set of names changed (not only fields): their unknown dependencies get new suggestions. */
  nameSets: Set<string>;
  linksChanged: boolean;
}

interface Dirty {
  metas: Set<string>; mods: Set<string>; cycles: Set<string>; names: Set<string>; entries: Set<string>;
  /** Core entries whose edges changed, with the targets they gained (core cycles are re-checked only if that matters). */
  coreEdges: Map<string, string[]>;
  /** Contexts whose set of names changed (their unknown dependencies get new suggestions); 'all' for every context. */
  nameSets: Set<string> | 'all';
}

const CORE_SCOPE = '';

export class Pipeline {
  private scanned = new Map<string, ScannedModule>();
  private bindings = new Map<string, Binding>();
  /** Meta files none of whose subject candidates exists. */
  private orphans = new Set<string>();
  private companions = new Map<string, string[]>();
  private edges = new Map<string, Edge[]>();
  /** Meta files with an unknown dependency, and the context they resolve in ('' for core). */
  private unresolved = new Map<string, string>();
  /** Entry keys whose primary companion has edges, by the entry's scope. */
  private edgeOwners = new Map<string, Set<string>>();
  /** Workspaces whose cycles can run through core (they override a name whose companion has edges). */
  private entangled = new Set<string>();
  /** Core's graph (name → dependency names) and the names in its cycles, for cheap re-checks of core edits. */
  private coreAdj = new Map<string, string[]>();
  private coreCyclic = new Set<string>();
  private byPath = new Map<string, Set<string>>();
  private byScope = new Map<string, Set<string>>();
  private byDep = new Map<string, Set<string>>();
  private indexed = new Map<string, { paths: string[]; scope: string; deps: string[] }>();
  private mappedPaths = new Set<string>();
  private layerCache = new Map<string, ResolutionLayer[]>();
  /** Suggestions for unknown dependencies, per context, kept until that context's set of names changes. */
  private suggestions = new Map<string, Map<string, string[]>>();

  constructor(private readonly host: PipelineHost, private readonly units: UnitStore) {}

  reset(): void {
    for (const m of [this.scanned, this.bindings, this.companions, this.edges, this.edgeOwners, this.byPath, this.byScope, this.byDep, this.indexed]) m.clear();
    this.unresolved.clear();
    this.suggestions.clear();
    this.orphans.clear();
    this.entangled.clear();
    this.coreAdj.clear();
    this.coreCyclic.clear();
    this.mappedPaths.clear();
  }

  run(cs: ChangeSet, touched: Set<string>): void {
    this.layerCache.clear();
    const d: Dirty = { metas: new Set(), mods: new Set(), cycles: new Set(), names: new Set(cs.names), entries: new Set(), coreEdges: new Map(), nameSets: new Set() };
    if (cs.full) {
      this.reset();
      for (const m of this.host.metaFiles()) { this.reindex(m); d.metas.add(m); }
    }
    for (const f of cs.files) if (f.role === 'meta') { this.reindex(f.path); d.metas.add(f.path); }
    if (cs.full || cs.linksChanged || cs.files.some((f) => this.feedsScan(f))) this.rescan(d, touched);
    const hybrid = this.host.settings.mode === 'hybrid';
    if (cs.full || cs.registries.has(CORE_SCOPE) || (hybrid && cs.registries.size > 0)) {
      for (const m of this.indexed.keys()) d.metas.add(m);
      for (const s of this.allScopes()) d.cycles.add(s);
      d.nameSets = 'all';
    } else {
      for (const s of cs.registries) {
        for (const m of this.byScope.get(s) ?? []) d.metas.add(m);
        d.cycles.add(s);
      }
      if (d.nameSets !== 'all') for (const s of cs.nameSets) d.nameSets.add(s);
    }
    for (const f of cs.files) {
      for (const m of this.byPath.get(f.path) ?? []) {
        d.metas.add(m);
        const b = this.bindings.get(m);
        if (b?.name && b.entry?.startsWith('module|')) d.names.add(b.name);
      }
      const s = this.scanned.get(f.path);
      if (s) { d.mods.add(f.path); d.names.add(s.id); }
    }
    const edited = new Set(cs.files.filter((f) => f.role === 'meta').map((f) => f.path));
    for (const m of [...d.metas]) this.rebind(m, edited.has(m), d);
    for (const e of d.entries) {
      for (const m of this.companions.get(e) ?? []) d.metas.add(m);
      d.names.add(nameOfKey(e));
      if (e.startsWith('module|')) { const file = this.host.model.modules.get(nameOfKey(e))?.file; if (file) d.mods.add(file); }
    }
    for (const n of d.names) for (const m of this.byDep.get(n) ?? []) d.metas.add(m);
    const sets = d.nameSets;
    if (sets === 'all') this.suggestions.clear(); else for (const s of sets) this.suggestions.delete(s);
    for (const [m, scope] of this.unresolved) if (sets === 'all' || sets.has(scope)) d.metas.add(m);
    for (const m of d.metas) this.recomputeMeta(m, d, touched);
    for (const e of d.entries) this.refreshOwner(e, d);
    for (const f of d.mods) this.recomputeModule(f, touched);
    if (!d.cycles.has(CORE_SCOPE) && this.coreCyclesChanged(d.coreEdges)) d.cycles.add(CORE_SCOPE);
    for (const s of d.cycles) this.recomputeCycles(s, touched);
  }

  /**
   * Whether changed core edges can change core's cycles: only if an entry already in a cycle changed,
   * or a gained edge X -> Y closes one (Y reaches X). Anything else leaves every cycle as it was.
   */
  private coreCyclesChanged(changes: Map<string, string[]>): boolean {
    for (const [from, gained] of changes) {
      if (this.coreCyclic.has(from)) return true;
      for (const to of gained) if (this.coreReaches(to, from)) return true;
    }
    return false;
  }

  private coreReaches(start: string, goal: string): boolean {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length > 0) {
      const n = stack.pop() as string;
      if (n === goal) return true;
      for (const m of this.coreAdj.get(n) ?? []) if (!seen.has(m)) { seen.add(m); stack.push(m); }
    }
    return false;
  }

  // ---- queries for the hosts and the editor features

  /** Whether a file is looked at by a meta file (subject, entry point) or named by the id map. */
  watches(path: string): boolean { return (this.byPath.get(path)?.size ?? 0) > 0 || this.mappedPaths.has(path); }
  /** Files worth looking for on disk: the subject candidates of meta files without a subject, mapped files. */
  wanted(): string[] {
    const out = new Set<string>(this.mappedPaths);
    for (const m of this.orphans) for (const p of subjectCandidates(m)) out.add(p);
    return [...out];
  }

  bindingOf(metaFile: string): Binding | null { return this.bindings.get(metaFile) ?? null; }
  /** The companion that describes an entry (the first in path order when several bind to it). */
  primaryOf(e: StepEntry): string | null { return this.companions.get(entryKey(e))?.[0] ?? null; }
  companionsOf(e: StepEntry): string[] { return this.companions.get(entryKey(e)) ?? []; }
  edgesOf(metaFile: string): Edge[] { return this.edges.get(metaFile) ?? []; }
  moduleOf(file: string): ScannedModule | null { return this.scanned.get(file) ?? null; }
  /** The class a registered module resolves to (stage 4), with the file it is defined in. */
  entryClassOf(moduleFile: string): { file: string; cls: PyClass } | null {
    const r = this.moduleClass(moduleFile);
    return r?.cls ? { file: r.file, cls: r.cls } : null;
  }
  /** Meta files that list `name` among their dependencies. */
  dependentsOf(name: string): string[] { return [...(this.byDep.get(name) ?? [])].sort(); }
  /** The context a meta file resolves in (its workspace when that workspace has a registry). */
  scopeOf(path: string): string | null {
    const dir = this.host.wsDirOf(path);
    return dir && this.host.model.workspaces.has(dir) ? dir : null;
  }
  layers(wsDir: string | null): ResolutionLayer[] {
    const key = wsDir ?? CORE_SCOPE;
    let l = this.layerCache.get(key);
    if (!l) this.layerCache.set(key, (l = layersFor(this.host.model, wsDir, this.host.settings.mode)));
    return l;
  }
  /** Out-edges of a name in a context: the resolved dependencies of its winner's companion. */
  outEdges(wsDir: string | null, name: string): { to: string; optional: boolean; file: string; range: Range }[] {
    const e = resolveName(this.layers(wsDir), name)?.entry;
    const meta = e ? this.primaryOf(e) : null;
    return meta ? (this.edges.get(meta) ?? []).map((x) => ({ ...x, file: meta })) : [];
  }
  /** Names of entries whose companion has edges, visible from a context. */
  edgeSources(wsDir: string | null): string[] {
    const out = new Set<string>();
    for (const [scope, keys] of this.edgeOwners) {
      if (scope !== CORE_SCOPE && scope !== wsDir && this.host.settings.mode === 'isolated') continue;
      for (const k of keys) out.add(nameOfKey(k));
    }
    return [...out].sort();
  }

  // ---- stages 1–2

  private feedsScan(f: ChangeSet['files'][number]): boolean {
    if (f.role === 'apcore') return true;
    if (!f.existence) return false;
    return f.role === 'module' || this.mappedPaths.has(f.path) || (f.role === 'meta' && isUnder(f.path, DEFAULT_ROOT));
  }

  private rescan(d: Dirty, touched: Set<string>): void {
    const { host } = this;
    const cfg = host.apcoreConfig();
    const idMap = host.idMapDoc();
    const decls = [...rootsFromSettings(host.settings.apcoreRoots), ...(cfg?.roots ?? [])];
    const defaultHasMeta = decls.length === 0 && [...host.metaFiles()].some((m) => isUnder(m, DEFAULT_ROOT));
    const candidates = [...host.moduleCandidates()].sort();
    const anchorOf = (root: { path: string }): { file: string; range: Range } | null => {
      const first = candidates.find((c) => isUnder(c, root.path));
      return cfg ? { file: cfg.file, range: ZERO_RANGE } : first ? { file: first, range: ZERO_RANGE } : null;
    };
    const active = activeRoots(decls, defaultHasMeta, anchorOf);
    const maxDepth = cfg?.maxDepth ?? DEFAULT_MAX_DEPTH;
    const behindLink = (file: string): boolean => !cfg?.followSymlinks && host.links().some((l) => isUnder(file, l.path));
    const found: Found[] = [];
    for (const file of candidates) {
      const root = rootOf(file, active.roots);
      if (root && isScanCandidate(relToRoot(file, root), maxDepth) && !behindLink(file)) found.push({ file, root, pathId: pathId(file, root, active.prefixed) });
    }
    const mapped = applyIdMap(found, active.roots, idMap, (p) => host.has(p));
    const ids = checkIds(mapped.modules);
    const diags: Diagnostic[] = [...active.diagnostics, ...mapped.diagnostics, ...ids.diagnostics, ...this.linkProblems(active.roots)];
    if (cfg?.idMap?.path && !host.has(cfg.idMap.path)) diags.push(diag(cfg.file, cfg.idMap.range, 'RL029', `Id map '${cfg.idMap.path}' not found`));
    this.units.set('#apcore', diags, touched);
    this.mappedPaths = new Set(mapped.watched);

    const kept = new Set(ids.kept.map((m) => m.file));
    const next = new Map(mapped.modules.map((m) => [m.file, m]));
    const sameModule = (a: ScannedModule | undefined, b: ScannedModule | undefined): boolean =>
      !!a && !!b && a.id === b.id && JSON.stringify([a.idOrigin, a.mappedClass]) === JSON.stringify([b.idOrigin, b.mappedClass]);
    const model = host.model;
    const wasKept = (file: string): boolean => { const m = this.scanned.get(file); return !!m && model.modules.get(m.id)?.file === file; };
    for (const file of new Set([...this.scanned.keys(), ...next.keys()])) {
      const before = this.scanned.get(file);
      const after = next.get(file);
      if (sameModule(before, after) && wasKept(file) === kept.has(file)) continue;
      if (before) { d.names.add(before.id); d.entries.add(`module||${before.id}`); }
      if (after) { d.names.add(after.id); d.entries.add(`module||${after.id}`); }
      d.nameSets = 'all';
      for (const s2 of this.allScopes()) d.cycles.add(s2);
      d.mods.add(file);
      for (const m of this.byPath.get(file) ?? []) d.metas.add(m);
    }
    this.scanned = next;
    model.modules = new Map(ids.kept.map((m) => [m.id, moduleEntry(m)]));
  }

  private linkProblems(roots: readonly ApRoot[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const l of this.host.links()) {
      const root = rootOf(l.path, roots);
      if (!root) continue;
      if (l.loop) out.push(diag(l.path, ZERO_RANGE, 'RL030', `Symbolic link loop: ${l.path} points back to ${l.target ?? 'an ancestor'}; the scan does not follow it`, { severity: 'warning' }));
      else if (l.target === null || !isUnder(l.target, root.path)) out.push(diag(l.path, ZERO_RANGE, 'RL030', `Symbolic link ${l.path} leaves the extension root ${root.path}/; the scan does not follow it`, { severity: 'information' }));
      else if (!this.host.apcoreConfig()?.followSymlinks) out.push(diag(l.path, ZERO_RANGE, 'RL030', `Symbolic link ${l.path} is not followed: apcore's scanner skips links unless extensions.follow_symlinks is true, so nothing behind it is discovered`, { severity: 'information' }));
    }
    return out;
  }

  // ---- stage 3

  private reindex(m: string): void {
    const old = this.indexed.get(m);
    if (old) {
      for (const p of old.paths) this.byPath.get(p)?.delete(m);
      this.byScope.get(old.scope)?.delete(m);
      for (const n of old.deps) this.byDep.get(n)?.delete(m);
      this.indexed.delete(m);
    }
    const doc = this.host.metaDoc(m);
    if (!doc) return;
    const entry = { paths: subjectCandidates(m), scope: this.host.wsDirOf(m) ?? CORE_SCOPE, deps: [...new Set(doc.deps.map((x) => x.moduleId))] };
    this.indexed.set(m, entry);
    for (const p of entry.paths) addTo(this.byPath, p, m);
    addTo(this.byScope, entry.scope, m);
    for (const n of entry.deps) addTo(this.byDep, n, m);
  }

  private rebind(m: string, edited: boolean, d: Dirty): void {
    const before = this.bindings.get(m)?.entry ?? null;
    const doc = this.host.metaDoc(m);
    const b = doc ? bindMeta(m, this.bindEnv(this.scopeOf(m))) : null;
    if (b) this.bindings.set(m, b); else this.bindings.delete(m);
    if (b && !b.subject) this.orphans.add(m); else this.orphans.delete(m);
    const after = b?.entry ?? null;
    if (before !== after) {
      if (before) this.setCompanion(before, m, false);
      if (after) this.setCompanion(after, m, true);
      if (before) d.entries.add(before);
      if (after) d.entries.add(after);
    } else if (after && edited) {
      d.entries.add(after);
    }
  }

  private setCompanion(key: string, m: string, on: boolean): void {
    const list = (this.companions.get(key) ?? []).filter((x) => x !== m);
    if (on) list.push(m);
    list.sort();
    if (list.length > 0) this.companions.set(key, list); else this.companions.delete(key);
  }

  private bindEnv(wsDir: string | null): BindEnv {
    const { host } = this;
    const model = host.model;
    const ws = wsDir ? model.workspaces.get(wsDir) : undefined;
    const own = this.layers(wsDir).filter((l) => (ws ? l.own && l.wsDir === wsDir : l.source === 'core'));
    const winner = (name: string): StepEntry | null => resolveName(own, name)?.entry ?? null;
    return {
      exists: (p) => host.has(p),
      moduleOf: (file) => {
        const s = this.scanned.get(file);
        if (!s) return null;
        const e = model.modules.get(s.id);
        return { entry: e && e.file === file ? e : null, mapped: s.idOrigin !== null };
      },
      classNames: (file) => (host.pyClasses(file) ?? []).map((c) => c.name),
      stepsUsing: (classes) => {
        const hits = new Map<string, StepEntry>();
        const consider = (e: StepEntry | null): void => { if (e && winner(e.name) === e) hits.set(e.name, e); };
        if (ws) {
          for (const l of own) for (const e of l.entries.values()) if (usesClass(e, classes)) consider(e);
        } else {
          for (const c of classes) for (const n of [...(model.coreByBuilder.get(c) ?? []), ...(model.coreByConfig.get(c) ?? [])]) consider(model.core.get(n) ?? null);
        }
        return [...hits.values()];
      },
      stepNames: () => own.flatMap((l) => [...l.entries.keys()]),
      winner,
    };
  }

  // ---- stages 4 and 6, per meta file

  private recomputeMeta(m: string, d: Dirty, touched: Set<string>): void {
    const unit = `meta:${m}`;
    const doc = this.host.metaDoc(m);
    const b = this.bindings.get(m);
    const oldEdges = this.edges.get(m) ?? [];
    if (!doc || !b) {
      this.units.drop(unit, touched);
      this.edges.delete(m);
      this.unresolved.delete(m);
      return;
    }
    const diags: Diagnostic[] = [];
    if (!b.subject) {
      diags.push(diag(m, ZERO_RANGE, 'RL021', `No subject file: ${m} describes ${subjectCandidates(m)[0] ?? ''}, which does not exist`));
    }
    const primary = b.entry ? this.companions.get(b.entry)?.[0] : undefined;
    if (b.entry && primary && primary !== m) {
      diags.push(diag(m, ZERO_RANGE, 'RL024', `'${b.name}' already has companion metadata in ${primary}; this file is ignored`, {
        severity: 'warning', related: [{ file: primary, range: ZERO_RANGE, message: `companion of '${b.name}'` }],
      }));
    }
    diags.push(...checkMetaEntryPoint(doc, b.subject, this.classFiles()).diagnostics);
    const wsDir = this.scopeOf(m);
    const deps = resolveDeps(doc, this.depEnv(wsDir));
    diags.push(...deps.diagnostics);
    this.units.set(unit, diags, touched);
    this.edges.set(m, deps.edges);
    if (deps.unresolved) this.unresolved.set(m, wsDir ?? CORE_SCOPE); else this.unresolved.delete(m);
    if (b.entry && (primary === m || !primary) && JSON.stringify(oldEdges) !== JSON.stringify(deps.edges)) d.entries.add(b.entry);
    if (b.entry?.startsWith('module|')) {
      const file = this.host.model.modules.get(b.name ?? '')?.file;
      if (file) d.mods.add(file);
    }
  }

  private classFiles(): ClassFiles {
    return { classes: (f) => this.host.pyClasses(f) };
  }

  contextName(wsDir: string | null): string { return this.host.contextName(wsDir); }

  private depEnv(wsDir: string | null): DepEnv {
    const key = wsDir ?? CORE_SCOPE;
    return {
      context: this.host.contextName(wsDir),
      resolve: (name) => resolveName(this.layers(wsDir), name)?.entry ?? null,
      suggest: (name) => {
        let cache = this.suggestions.get(key);
        if (!cache) this.suggestions.set(key, (cache = new Map()));
        let near = cache.get(name);
        if (!near) cache.set(name, (near = closest(name, resolvableNames(this.host.model, wsDir, this.host.settings.mode), 3)));
        return near;
      },
      versionOf: (e) => this.versionOf(e),
    };
  }

  versionOf(e: StepEntry): { value: string; declared: boolean; at: { file: string; range: Range } | null } {
    const meta = this.primaryOf(e);
    const doc = meta ? this.host.metaDoc(meta) : null;
    const node = doc?.fields.get('version');
    if (doc?.version && node) return { value: doc.version, declared: true, at: { file: doc.file, range: node.value.range } };
    const found = e.layer === 'module' ? this.entryClassOf(e.file) : null;
    const attr = found?.cls.strAttrs['version'];
    if (found && attr && parseVersion(attr)) return { value: attr, declared: true, at: { file: found.file, range: found.cls.nameRange } };
    return { value: DEFAULT_VERSION, declared: false, at: null };
  }

  private refreshOwner(key: string, d: Dirty): void {
    const scope = scopeOfKey(key);
    const primary = this.companions.get(key)?.[0];
    const has = !!primary && (this.edges.get(primary)?.length ?? 0) > 0;
    const set = this.edgeOwners.get(scope);
    if (has) addTo(this.edgeOwners, scope, key); else set?.delete(key);
    if (set?.size === 0) this.edgeOwners.delete(scope);
    if (this.host.settings.mode === 'hybrid') for (const s of this.allScopes()) d.cycles.add(s);
    if (scope !== CORE_SCOPE) { d.cycles.add(scope); return; }
    for (const s of this.entangled) d.cycles.add(s);
    const name = nameOfKey(key);
    const before = this.coreAdj.get(name) ?? [];
    const after = this.outEdges(null, name).map((e) => e.to);
    if (after.length > 0) this.coreAdj.set(name, after); else this.coreAdj.delete(name);
    d.coreEdges.set(name, [...(d.coreEdges.get(name) ?? []), ...after.filter((t) => !before.includes(t))]);
  }

  // ---- stages 4–5, per module

  /** Stage 4 for a registered module: its class from `entry_point`, the id map's `class`, or duck typing. */
  private moduleClass(file: string): { cls: PyClass | null; file: string; diagnostics: Diagnostic[] } | null {
    const s = this.scanned.get(file);
    const entry = s ? this.host.model.modules.get(s.id) : undefined;
    const classes = this.host.pyClasses(file);
    if (!s || !entry || entry.file !== file || classes === null) return null;
    const primary = this.primaryOf(entry);
    const meta = primary ? this.host.metaDoc(primary) : null;
    if (meta?.entryPoint) return { cls: checkMetaEntryPoint(meta, file, this.classFiles()).cls, file, diagnostics: [] };
    return { ...detectEntryClass(file, classes, s.mappedClass), file };
  }

  private recomputeModule(file: string, touched: Set<string>): void {
    const unit = `mod:${file}`;
    const found = this.moduleClass(file);
    const s = this.scanned.get(file);
    if (!found || !s) { this.units.drop(unit, touched); return; }
    const diags = [...found.diagnostics];
    if (found.cls) diags.push(...validateModule(found.file, s.id, found.cls));
    this.units.set(unit, diags, touched);
  }

  // ---- stage 7, per context

  private allScopes(): string[] {
    return [CORE_SCOPE, ...this.host.model.workspaces.keys(), ...this.edgeOwners.keys()];
  }

  /**
   * RL023 of one context. Core: every cycle among core entries and modules. A workspace (isolated
   * mode): only cycles through its own entries — the others are core's. Such a cycle can leave the
   * workspace only if it comes back through a name the workspace overrides (core edges point at core
   * names); when none of those has edges of its own, the search never enters core, and core edits
   * cannot change the result ("entangled" workspaces are the exception, re-checked on core edits).
   */
  private recomputeCycles(scope: string, touched: Set<string>): void {
    const unit = `cyc:${scope}`;
    const wsDir = scope === CORE_SCOPE ? null : scope;
    this.entangled.delete(scope);
    if (wsDir && !this.host.model.workspaces.has(wsDir)) { this.units.drop(unit, touched); return; }
    const model = this.host.model;
    const hybrid = this.host.settings.mode === 'hybrid';
    const layers = this.layers(wsDir);
    const isSpecific = (n: string): boolean => { const l = resolveName(layers, n)?.layer; return !!l && l.wsDir !== null && (hybrid || l.wsDir === wsDir); };
    let out = (n: string): string[] => this.outEdges(wsDir, n).map((e) => e.to);
    let starts: string[];
    if (!wsDir) {
      starts = [...(this.edgeOwners.get(CORE_SCOPE) ?? [])].map(nameOfKey);
    } else if (hybrid) {
      starts = this.edgeSources(wsDir).filter(isSpecific);
    } else {
      starts = [...new Set([...(this.edgeOwners.get(wsDir) ?? [])].map(nameOfKey))].filter((n) => isSpecific(n) && out(n).length > 0);
      if (starts.some((n) => model.core.has(n) || model.modules.has(n))) {
        this.entangled.add(scope);
      } else {
        const all = out;
        out = (n) => all(n).filter(isSpecific);
      }
    }
    if (!wsDir) {
      this.coreAdj = new Map(starts.map((n) => [n, out(n)]));
      out = (n) => this.coreAdj.get(n) ?? [];
    }
    const diags: Diagnostic[] = [];
    const sccs = cyclicComponents(starts, out);
    if (!wsDir) this.coreCyclic = new Set(sccs.flat());
    for (const scc of sccs) {
      if (wsDir && !scc.some(isSpecific)) continue;
      diags.push(...cycleDiagnostics(concreteCycle(scc, out), (from, to) => {
        const e = this.outEdges(wsDir, from).find((x) => x.to === to);
        return e ? { file: e.file, range: e.range } : null;
      }, wsDir ? this.host.contextName(wsDir) : null));
    }
    this.units.set(unit, diags, touched);
  }
}

function usesClass(e: StepEntry, classes: ReadonlySet<string>): boolean {
  for (const f of ['builder_step_name', 'config_class']) {
    const v = e.fields.get(f)?.value;
    if (v?.kind === 'str' && classes.has(v.value)) return true;
  }
  return false;
}

/** An apcore module as an entry of the registry model (layer `module`, named by its id). */
function moduleEntry(m: ScannedModule): StepEntry {
  return {
    name: m.id, file: m.file, layer: 'module', wsDir: null, variable: m.root.path, keyRange: ZERO_RANGE, keyInner: ZERO_RANGE,
    range: ZERO_RANGE, value: { kind: 'dict', entries: [], range: ZERO_RANGE }, fields: new Map(),
  };
}

function nameOfKey(key: string): string {
  return key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
}

function scopeOfKey(key: string): string {
  const [layer, wsDir] = key.split('|');
  return layer === 'core' || layer === 'module' ? CORE_SCOPE : wsDir ?? CORE_SCOPE;
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
