// The incremental host: per-file results cached by content, applied to the registry model as diffs,
// a set of dirty units (core, workspaces) so that the cost of an edit follows what it affects, and
// the discovery pipeline (companion metadata, apcore modules, dependencies) run on what changed.
// After any sequence of edits, update() yields exactly what a from-scratch analysis would.
import type { ContextInfo, Summary } from './api';
import { CORE, type ContextId, type Diagnostic, type ResolutionMode, type Settings } from './types';
import { diag } from './codes';
import { RoleClassifier, type ApcoreLayout, type FileRole, type HostLink } from './model/roles';
import { CORE_SCOPE, RegistryModel, type ClassDef } from './model/registry';
import { coreSourceFromPython, coreSourceFromYaml, fieldStr, workspaceSource, type RegistrySource } from './model/source';
import { parsePythonFacts, type PyClass } from './python/facts';
import { parseYamlLit } from './yaml/yamlLit';
import { resolvableNames } from './model/resolve';
import { checkCoreUnit, checkWorkspaceUnit } from './checks/units';
import { finalizeDiagnostics } from './checks/finalize';
import { UnitStore } from './unitStore';
import { loadMeta } from './pipeline/metadata';
import { subjectCandidates } from './pipeline/subject';
import { APCORE_CONFIG_FILES, DEFAULT_ID_MAP, DEFAULT_ROOT, readApcoreConfig, rootsFromSettings, type ApcoreConfig } from './pipeline/apcoreConfig';
import { readIdMap, type IdMapDoc } from './pipeline/idMap';
import { Pipeline, type ChangeSet, type ChangedRole, type PipelineHost } from './pipeline/incremental';
import type { MetaDoc } from './pipeline/types';

interface FileState {
  text: string;
  role: FileRole;
  /** What this file contributed to the model when last applied (null until update() sees it). */
  applied: Applied | null;
}

interface Applied {
  role: FileRole;
  source: RegistrySource | null;
  classes: ClassDef[];
  /** Classes of a Python component or code file, with what entry-point detection needs. */
  py: PyClass[] | null;
  meta: MetaDoc | null;
  apcore: ApcoreConfig | null;
  idMap: IdMapDoc | null;
  /** Diagnostics of the file alone (syntax, fields, schema, skipped). */
  local: Diagnostic[];
}

const CORE_UNIT = '#core';

function changedRole(a: Applied | null): ChangedRole {
  const r = a?.role;
  if (r?.role === 'meta') return 'meta';
  if (r?.role === 'apcore-config' || r?.role === 'id-map') return 'apcore';
  return r?.role === 'code' && r.module ? 'module' : 'other';
}

export class Workspace {
  settings: Settings;
  model = new RegistryModel();
  private classifier: RoleClassifier;
  private files = new Map<string, FileState>();
  /** Removed files still to be un-applied. */
  private removed = new Map<string, Applied>();
  private dirty = new Set<string>();
  private needsFull = true;
  private units = new UnitStore();
  readonly pipeline: Pipeline;
  private links: HostLink[] = [];
  private current: ApcoreLayout;
  private layoutDirty = false;
  private relevance = 0;
  /** Applied meta files and module candidates, for the pipeline's scans. */
  private metaPaths = new Set<string>();
  private modulePaths = new Set<string>();
  private unitClassRefs = new Map<string, Set<string>>();
  private classRefIndex = new Map<string, Set<string>>();
  private published = new Map<string, { diags: Diagnostic[]; sig: string }>();

  constructor(settings: Settings) {
    this.settings = settings;
    this.current = this.layout();
    this.classifier = new RoleClassifier(settings, this.current);
    this.pipeline = new Pipeline(this.pipelineHost(), this.units);
  }

  configure(settings: Settings): void {
    this.settings = settings;
    this.layoutDirty = true;
    this.refreshLayout(true);
  }

  /** Whether the host should feed this path: a registry, component, meta or apcore file, a module candidate, or a file a meta file names. */
  isRelevant(path: string): boolean {
    const r = this.classifier.classify(path);
    if (r.role === 'code') return r.module || this.pipeline.watches(path);
    return r.role !== 'none';
  }

  /** Files the host should also feed when this one exists (the subject beside a meta file). */
  companionsOf(path: string): string[] {
    return this.classifier.classify(path).role === 'meta' ? subjectCandidates(path) : [];
  }

  /** Paths the analysis looks at that the host has not fed (a subject or entry point file the walk did not know to read). */
  wantedFiles(): string[] {
    return this.pipeline.wanted().filter((p) => !this.files.has(p)).sort();
  }

  /** Bumped whenever the set of relevant files changes in a way only a new walk can find (apcore roots, id map, links). */
  relevanceVersion(): number { return this.relevance; }

  /** Symbolic links the host found while walking (the engine never sees the disk). */
  setLinks(links: HostLink[]): void {
    const sorted = [...links].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    if (JSON.stringify(sorted) === JSON.stringify(this.links)) return;
    this.links = sorted;
    this.layoutDirty = true;
  }

  setFile(path: string, text: string): void {
    const f = this.files.get(path);
    if (f && f.text === text) return;
    // Every file given is kept, relevant or not: which files matter can depend on others of the same
    // batch (apcore.yaml naming roots and an id map), and is settled when update() classifies again.
    const role = this.classifier.classify(path);
    if (f) f.text = text; else this.files.set(path, { text, role, applied: null });
    this.dirty.add(path);
    if (role.role === 'apcore-config') this.layoutDirty = true;
  }

  deleteFile(path: string): void {
    const f = this.files.get(path);
    if (!f) return;
    this.files.delete(path);
    if (f.applied) this.removed.set(path, f.applied);
    this.dirty.add(path);
    if (f.role.role === 'apcore-config') this.layoutDirty = true;
  }

  /** The apcore layout the classifier needs: possible extension roots, the id map path, the links. */
  private layout(): ApcoreLayout {
    const cfgFile = APCORE_CONFIG_FILES.find((p) => this.files?.has(p));
    const text = cfgFile ? this.files.get(cfgFile)?.text : undefined;
    const cfg = cfgFile && text !== undefined ? readApcoreConfig(cfgFile, text) : null;
    const roots = [...new Set([...rootsFromSettings(this.settings.apcoreRoots), ...(cfg?.roots ?? [])].map((r) => r.path))];
    const idMap = this.settings.apcoreIdMap ?? (cfg?.idMap ? cfg.idMap.path ?? '' : DEFAULT_ID_MAP);
    return { roots: roots.length > 0 ? roots : [DEFAULT_ROOT], idMap, links: this.links ?? [] };
  }

  /** Re-classifies every file when the layout changed (which then needs a full analysis, and a new walk when roots or the id map moved). */
  private refreshLayout(force = false): void {
    if (!this.layoutDirty && !force) return;
    this.layoutDirty = false;
    const layout = this.layout();
    if (JSON.stringify(layout) === JSON.stringify(this.current) && !force) return;
    if (JSON.stringify([layout.roots, layout.idMap]) !== JSON.stringify([this.current.roots, this.current.idMap])) this.relevance++;
    this.current = layout;
    this.classifier = new RoleClassifier(this.settings, layout);
    for (const [path, f] of this.files) f.role = this.classifier.classify(path);
    this.needsFull = true;
  }

  fileNames(): string[] { return [...this.files.keys()].sort(); }
  text(path: string): string | undefined { return this.files.get(path)?.text; }
  role(path: string): FileRole { return this.files.get(path)?.role ?? this.classifier.classify(path); }
  source(path: string): RegistrySource | null { return this.files.get(path)?.applied?.source ?? null; }
  /** Top-level classes of a component or code file. */
  classesOf(path: string): ClassDef[] {
    const a = this.files.get(path)?.applied;
    if (!a) return [];
    return a.role.role === 'component' ? a.classes : (a.py ?? []).map((c) => ({ name: c.name, file: path, range: c.range, nameRange: c.nameRange }));
  }
  wsDirOf(path: string): string | null { return this.classifier.wsDirOf(path); }
  has(path: string): boolean { return this.files.has(path); }
  metaDoc(path: string): MetaDoc | null { return this.files.get(path)?.applied?.meta ?? null; }
  pyClasses(path: string): PyClass[] | null { return this.files.get(path)?.applied?.py ?? null; }

  update(): string[] {
    const dirtyUnits = new Set<string>();
    const touched = new Set<string>();
    this.refreshLayout();
    const cs: ChangeSet = this.needsFull
      ? this.resetModel(dirtyUnits, touched)
      : this.applyDirty(dirtyUnits, touched);
    for (const unit of dirtyUnits) this.recomputeUnit(unit, touched);
    this.pipeline.run(cs, touched);
    return this.publish(touched);
  }

  diagnostics(path: string): Diagnostic[] { return this.published.get(path)?.diags ?? []; }

  allDiagnostics(): Diagnostic[] {
    return [...this.published.keys()].sort().flatMap((f) => this.published.get(f)?.diags ?? []);
  }

  summary(): Summary {
    const s: Summary = { sources: 0, entries: this.model.entryCount(), workspaces: this.model.workspaces.size, errors: 0, warnings: 0, information: 0, hints: 0 };
    s.sources = this.model.coreSources.size + this.model.workspaces.size + this.model.modules.size;
    for (const { diags } of this.published.values()) {
      for (const d of diags) {
        if (d.severity === 'error') s.errors++;
        else if (d.severity === 'warning') s.warnings++;
        else if (d.severity === 'information') s.information++;
        else s.hints++;
      }
    }
    return s;
  }

  contextOf(path: string): ContextId {
    const dir = this.classifier.wsDirOf(path);
    return (dir && this.model.workspaces.get(dir)?.id) ?? CORE;
  }

  /** Workspace directory of a context id; null for core or unknown ids. */
  dirOfContext(context: ContextId | undefined): string | null {
    return !context || context === CORE ? null : this.model.dirOfContext(context);
  }

  contextInfos(): ContextInfo[] {
    const core: ContextInfo = { id: CORE, dir: null, file: [...this.model.coreSources.keys()].sort()[0] ?? null, localSteps: this.model.core.size, overrides: 0 };
    return [core, ...this.model.sortedWorkspaces().map((w) => ({ id: w.id, dir: w.dir, file: w.source.file, localSteps: w.local.size, overrides: w.overrides.size }))];
  }

  stepNames(context?: ContextId, mode?: ResolutionMode): string[] {
    return resolvableNames(this.model, this.dirOfContext(context), mode ?? this.settings.mode);
  }

  private resetModel(dirtyUnits: Set<string>, touched: Set<string>): ChangeSet {
    this.needsFull = false;
    this.model = new RegistryModel();
    this.removed.clear();
    this.dirty.clear();
    this.units.clear();
    this.metaPaths.clear();
    this.modulePaths.clear();
    this.unitClassRefs.clear();
    this.classRefIndex.clear();
    for (const path of this.published.keys()) touched.add(path);
    for (const [path, f] of this.files) {
      f.applied = this.derive(path, f);
      this.apply(path, f.applied, +1);
      touched.add(path);
    }
    this.model.rebuildCore();
    dirtyUnits.add(CORE_UNIT);
    for (const dir of this.model.workspaces.keys()) dirtyUnits.add(dir);
    return { full: true, files: [], registries: new Set(), names: new Set(), nameSets: new Set(), linksChanged: true };
  }

  private applyDirty(dirtyUnits: Set<string>, touched: Set<string>): ChangeSet {
    let coreChanged = false;
    let everything = false;
    const paths = [...this.dirty].sort();
    const cs: ChangeSet = { full: false, files: [], registries: new Set(), names: new Set(), nameSets: new Set(), linksChanged: false };
    this.dirty.clear();
    for (const path of paths) {
      touched.add(path);
      const f = this.files.get(path);
      const before = f?.applied ?? this.removed.get(path) ?? null;
      this.removed.delete(path);
      const after = f ? this.derive(path, f) : null;
      if (f) f.applied = after;
      const roleOf = (a: Applied | null): string => a?.role.role ?? 'none';
      cs.files.push({ path, role: changedRole(after ?? before), existence: !before || !after });
      for (const a of [before, after]) {
        if (!a) continue;
        const r = a.role;
        if (r.role === 'core-py' || r.role === 'core-yaml') coreChanged = true;
        if (r.role === 'ws-registry') this.collectWorkspaceImpact(r.wsDir, dirtyUnits);
      }
      this.collectPipelineImpact(before, after, cs);
      if (before) this.apply(path, before, -1);
      if (after) this.apply(path, after, +1);
      for (const a of [before, after]) if (a?.role.role === 'ws-registry') this.collectWorkspaceImpact(a.role.wsDir, dirtyUnits);
      if (roleOf(before) === 'component' || roleOf(after) === 'component') {
        everything = this.collectClassImpact(before, after, dirtyUnits) || everything;
      }
    }
    if (coreChanged) this.model.rebuildCore();
    if (coreChanged || everything || (this.settings.mode === 'hybrid' && dirtyUnits.size > 0)) {
      dirtyUnits.add(CORE_UNIT);
      for (const dir of this.model.workspaces.keys()) dirtyUnits.add(dir);
    }
    for (const unit of [...dirtyUnits]) if (unit !== CORE_UNIT && !this.model.workspaces.has(unit)) this.dropUnit(unit, touched);
    return cs;
  }

  /**
   * What a registry edit means for the discovery pipeline: only the workspace id and each entry's name,
   * layer, builder and config class matter to it (binding, resolution, winners), so a field edit costs
   * the pipeline nothing.
   */
  private collectPipelineImpact(before: Applied | null, after: Applied | null, cs: ChangeSet): void {
    const scopeOf = (a: Applied | null): string | null => {
      const r = a?.role;
      return r?.role === 'ws-registry' ? r.wsDir : r?.role === 'core-py' || r?.role === 'core-yaml' ? '' : null;
    };
    const scope = scopeOf(before) ?? scopeOf(after);
    if (scope === null) return;
    const names = (a: Applied | null): string[] => (a?.source?.entries ?? []).map((e) => e.name);
    const sig = (a: Applied | null): string => JSON.stringify([a?.source?.developerId?.value ?? null, (a?.source?.entries ?? []).map((e) => [e.layer, e.name, fieldStr(e, 'builder_step_name'), fieldStr(e, 'config_class')])]);
    if (before && after && scopeOf(before) === scopeOf(after) && sig(before) === sig(after)) return;
    cs.registries.add(scope);
    for (const n of [...names(before), ...names(after)]) cs.names.add(n);
    if ([...names(before)].sort().join('\n') !== [...names(after)].sort().join('\n')) cs.nameSets.add(scope);
  }

  /** A workspace edit affects itself, every workspace defining one of its local names (RL002), and those sharing its id (RL015). */
  private collectWorkspaceImpact(dir: string, dirtyUnits: Set<string>): void {
    dirtyUnits.add(dir);
    const ws = this.model.workspaces.get(dir);
    if (!ws) return;
    for (const n of ws.local.keys()) for (const d of this.model.localNames.get(n) ?? []) dirtyUnits.add(d);
    for (const d of this.model.byId.get(ws.id) ?? []) dirtyUnits.add(d);
  }

  /** Returns true when every unit must be re-checked (a component directory appeared or vanished in core). */
  private collectClassImpact(before: Applied | null, after: Applied | null, dirtyUnits: Set<string>): boolean {
    const role = (after ?? before)?.role;
    if (!role || role.role !== 'component') return false;
    const scope = role.wsDir ?? CORE_SCOPE;
    const names = new Set<string>();
    const b = new Set((before?.classes ?? []).map((c) => c.name));
    const a = new Set((after?.classes ?? []).map((c) => c.name));
    for (const n of b) if (!a.has(n)) names.add(n);
    for (const n of a) if (!b.has(n)) names.add(n);
    if (before?.role.role === 'component' && after?.role.role === 'component' && before.role.kind !== after.role.kind) {
      for (const n of [...a, ...b]) names.add(n);
    }
    for (const n of names) {
      for (const unit of this.classRefIndex.get(n) ?? []) if (scope === CORE_SCOPE || unit === scope) dirtyUnits.add(unit);
    }
    const fileSetChanged = !before || !after;
    const kind = role.kind;
    if (fileSetChanged && (this.dirsChanged || (this.settings.checkAllComponents && (kind === 'spec' || kind === 'contract' || kind === 'script')))) {
      this.dirsChanged = false;
      if (scope === CORE_SCOPE) return true;
      dirtyUnits.add(scope);
    }
    this.dirsChanged = false;
    return false;
  }

  private dirsChanged = false;

  private derive(path: string, f: FileState): Applied {
    const role = f.role;
    const applied: Applied = { role, source: null, classes: [], py: null, meta: null, apcore: null, idMap: null, local: [] };
    if (role.role === 'none') return applied;
    // The size limit is the host's policy (RegistryEngine.setSkipped); a text handed over anyway is read.
    if (f.text.includes('\0')) {
      applied.local.push(diag(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'RL030', 'Not analysed: it is a binary file (it contains a NUL byte)', { severity: 'warning' }));
      return applied;
    }
    if (role.role === 'core-yaml') {
      applied.source = coreSourceFromYaml(path, parseYamlLit(f.text), this.settings);
    } else if (role.role === 'meta') {
      applied.meta = loadMeta(path, f.text);
      applied.local = applied.meta.diagnostics;
    } else if (role.role === 'apcore-config') {
      applied.apcore = readApcoreConfig(path, f.text);
      applied.local = applied.apcore.diagnostics;
    } else if (role.role === 'id-map') {
      applied.idMap = readIdMap(path, f.text);
      applied.local = applied.idMap.diagnostics;
    } else if (role.role !== 'code' || path.endsWith('.py')) {
      const facts = parsePythonFacts(f.text, role.role === 'core-py' || role.role === 'ws-registry', path);
      if (role.role === 'core-py') applied.source = coreSourceFromPython(path, facts, this.settings);
      else if (role.role === 'ws-registry') applied.source = workspaceSource(path, role.wsDir, facts, this.settings);
      else applied.py = facts.classes;
      if (role.role === 'component') applied.classes = facts.classes.map((c) => ({ name: c.name, file: path, range: c.range, nameRange: c.nameRange }));
    }
    if (applied.source) applied.local = applied.source.diagnostics;
    return applied;
  }

  private apply(path: string, a: Applied, sign: 1 | -1): void {
    const r = a.role;
    if (r.role === 'meta') { if (sign > 0) this.metaPaths.add(path); else this.metaPaths.delete(path); }
    if (r.role === 'code' && r.module) { if (sign > 0) this.modulePaths.add(path); else this.modulePaths.delete(path); }
    if (r.role === 'core-py' || r.role === 'core-yaml') {
      if (sign > 0 && a.source) this.model.coreSources.set(path, a.source); else this.model.coreSources.delete(path);
    } else if (r.role === 'ws-registry') {
      this.model.setWorkspaceSource(r.wsDir, sign > 0 ? a.source : null);
    } else if (r.role === 'component') {
      const scope = r.wsDir ?? CORE_SCOPE;
      for (const c of a.classes) {
        if (sign > 0) this.model.addClass(scope, r.kind, c); else this.model.removeClass(scope, r.kind, c.name, path);
      }
      const dirMoved = sign > 0 ? this.model.addComponentFile(scope, r.kind, path, r.dir) : this.model.removeComponentFile(scope, r.kind, path);
      if (dirMoved) this.dirsChanged = true;
    }
  }

  private recomputeUnit(unit: string, touched: Set<string>): void {
    const ws = unit === CORE_UNIT ? null : this.model.workspaces.get(unit);
    if (unit !== CORE_UNIT && !ws) return;
    const result = ws ? checkWorkspaceUnit(this.model, ws, this.settings) : checkCoreUnit(this.model, this.settings);
    this.units.set(unit, result.diagnostics, touched);
    for (const c of this.unitClassRefs.get(unit) ?? []) this.classRefIndex.get(c)?.delete(unit);
    for (const c of result.classRefs) {
      let s = this.classRefIndex.get(c);
      if (!s) this.classRefIndex.set(c, (s = new Set()));
      s.add(unit);
    }
    this.unitClassRefs.set(unit, result.classRefs);
  }

  private dropUnit(unit: string, touched: Set<string>): void {
    this.units.drop(unit, touched);
    for (const c of this.unitClassRefs.get(unit) ?? []) this.classRefIndex.get(c)?.delete(unit);
    this.unitClassRefs.delete(unit);
  }

  private publish(touched: Set<string>): string[] {
    const changed: string[] = [];
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of touched) byFile.set(f, [...(this.files.get(f)?.applied?.local ?? []), ...this.units.forFile(f)]);
    for (const [file, raw] of byFile) {
      const diags = finalizeDiagnostics(raw, this.settings);
      const sig = JSON.stringify(diags);
      const prev = this.published.get(file);
      if (prev?.sig === sig) continue;
      if (diags.length === 0) {
        if (!prev) continue;
        this.published.delete(file);
      } else {
        this.published.set(file, { diags, sig });
      }
      changed.push(file);
    }
    return changed.sort();
  }

  private pipelineHost(): PipelineHost {
    const host = this;
    return {
      get settings() { return host.settings; },
      get model() { return host.model; },
      has: (p) => this.files.has(p),
      metaDoc: (p) => this.metaDoc(p),
      pyClasses: (p) => this.pyClasses(p),
      wsDirOf: (p) => this.classifier.wsDirOf(p),
      contextName: (dir) => (dir ? this.model.workspaces.get(dir)?.id ?? dir : CORE),
      metaFiles: () => this.metaPaths,
      moduleCandidates: () => this.modulePaths,
      apcoreConfig: () => APCORE_CONFIG_FILES.map((p) => this.files.get(p)?.applied?.apcore ?? null).find((c) => c) ?? null,
      idMapDoc: () => (this.classifier.idMapPath ? this.files.get(this.classifier.idMapPath)?.applied?.idMap ?? null : null),
      links: () => this.links,
    };
  }
}
