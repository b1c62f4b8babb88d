// The incremental host: per-file results cached by content, applied to the registry model as diffs,
// and a set of dirty units (core, workspaces) so that the cost of an edit follows what it affects.
// After any sequence of edits, update() yields exactly what a from-scratch analysis would.
import type { ContextInfo, Summary } from './api';
import { CORE, type ContextId, type Diagnostic, type ResolutionMode, type Settings } from './types';
import { diag } from './codes';
import { RoleClassifier, type FileRole } from './model/roles';
import { CORE_SCOPE, RegistryModel, type ClassDef } from './model/registry';
import { coreSourceFromPython, coreSourceFromYaml, workspaceSource, type RegistrySource } from './model/source';
import { parsePythonFacts } from './python/facts';
import { parseYamlLit } from './yaml/yamlLit';
import { resolvableNames } from './model/resolve';
import { checkCoreUnit, checkWorkspaceUnit } from './checks/units';
import { finalizeDiagnostics } from './checks/finalize';

/** Files larger than this are skipped with a diagnostic (generated registries are never this large). */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

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
  /** Diagnostics of the file alone (syntax, fields, skipped). */
  local: Diagnostic[];
}

const CORE_UNIT = '#core';

export class Workspace {
  settings: Settings;
  model = new RegistryModel();
  private classifier: RoleClassifier;
  private files = new Map<string, FileState>();
  /** Removed files still to be un-applied. */
  private removed = new Map<string, Applied>();
  private dirty = new Set<string>();
  private needsFull = true;
  private unitDiags = new Map<string, Diagnostic[]>();
  private unitFiles = new Map<string, Set<string>>();
  private unitClassRefs = new Map<string, Set<string>>();
  private classRefIndex = new Map<string, Set<string>>();
  private dirFileCount = new Map<string, number>();
  private published = new Map<string, { diags: Diagnostic[]; sig: string }>();

  constructor(settings: Settings) {
    this.settings = settings;
    this.classifier = new RoleClassifier(settings);
  }

  configure(settings: Settings): void {
    this.settings = settings;
    this.classifier = new RoleClassifier(settings);
    for (const [path, f] of this.files) f.role = this.classifier.classify(path);
    this.needsFull = true;
  }

  isRelevant(path: string): boolean { return this.classifier.classify(path).role !== 'none'; }

  setFile(path: string, text: string): void {
    const f = this.files.get(path);
    if (f && f.text === text) return;
    const role = this.classifier.classify(path);
    if (role.role === 'none' && !f) return;
    if (f) f.text = text; else this.files.set(path, { text, role, applied: null });
    this.dirty.add(path);
  }

  deleteFile(path: string): void {
    const f = this.files.get(path);
    if (!f) return;
    this.files.delete(path);
    if (f.applied) this.removed.set(path, f.applied);
    this.dirty.add(path);
  }

  fileNames(): string[] { return [...this.files.keys()].sort(); }
  text(path: string): string | undefined { return this.files.get(path)?.text; }
  role(path: string): FileRole { return this.files.get(path)?.role ?? this.classifier.classify(path); }
  source(path: string): RegistrySource | null { return this.files.get(path)?.applied?.source ?? null; }
  classesOf(path: string): ClassDef[] { return this.files.get(path)?.applied?.classes ?? []; }
  wsDirOf(path: string): string | null { return this.classifier.wsDirOf(path); }

  update(): string[] {
    const dirtyUnits = new Set<string>();
    const touched = new Set<string>();
    if (this.needsFull) this.resetModel(dirtyUnits, touched);
    else this.applyDirty(dirtyUnits, touched);
    for (const unit of dirtyUnits) this.recomputeUnit(unit, touched);
    return this.publish(touched);
  }

  diagnostics(path: string): Diagnostic[] { return this.published.get(path)?.diags ?? []; }

  allDiagnostics(): Diagnostic[] {
    return [...this.published.keys()].sort().flatMap((f) => this.published.get(f)?.diags ?? []);
  }

  summary(): Summary {
    const s: Summary = { sources: 0, entries: this.model.entryCount(), workspaces: this.model.workspaces.size, errors: 0, warnings: 0, information: 0, hints: 0 };
    s.sources = this.model.coreSources.size + this.model.workspaces.size;
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

  private resetModel(dirtyUnits: Set<string>, touched: Set<string>): void {
    this.needsFull = false;
    this.model = new RegistryModel();
    this.removed.clear();
    this.dirty.clear();
    this.unitDiags.clear();
    this.unitFiles.clear();
    this.unitClassRefs.clear();
    this.classRefIndex.clear();
    this.dirFileCount.clear();
    for (const path of this.published.keys()) touched.add(path);
    for (const [path, f] of this.files) {
      f.applied = this.derive(path, f);
      this.apply(path, f.applied, +1);
      touched.add(path);
    }
    this.model.rebuildCore();
    dirtyUnits.add(CORE_UNIT);
    for (const dir of this.model.workspaces.keys()) dirtyUnits.add(dir);
  }

  private applyDirty(dirtyUnits: Set<string>, touched: Set<string>): void {
    let coreChanged = false;
    let everything = false;
    const paths = [...this.dirty].sort();
    this.dirty.clear();
    for (const path of paths) {
      touched.add(path);
      const f = this.files.get(path);
      const before = f?.applied ?? this.removed.get(path) ?? null;
      this.removed.delete(path);
      const after = f ? this.derive(path, f) : null;
      if (f) f.applied = after;
      const roleOf = (a: Applied | null): string => a?.role.role ?? 'none';
      for (const a of [before, after]) {
        if (!a) continue;
        const r = a.role;
        if (r.role === 'core-py' || r.role === 'core-yaml') coreChanged = true;
        if (r.role === 'ws-registry') this.collectWorkspaceImpact(r.wsDir, dirtyUnits);
      }
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
    const applied: Applied = { role, source: null, classes: [], local: [] };
    if (role.role === 'none') return applied;
    if (f.text.length > MAX_FILE_CHARS || f.text.includes('\0')) {
      const why = f.text.length > MAX_FILE_CHARS ? `larger than ${MAX_FILE_CHARS / 1024 / 1024} MiB` : 'binary (contains NUL bytes)';
      applied.local.push(diag(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'RL030', `File skipped: it is ${why}`, { severity: 'warning' }));
      return applied;
    }
    if (role.role === 'core-yaml') {
      applied.source = coreSourceFromYaml(path, parseYamlLit(f.text), this.settings);
    } else {
      const facts = parsePythonFacts(f.text);
      if (role.role === 'core-py') applied.source = coreSourceFromPython(path, facts, this.settings);
      else if (role.role === 'ws-registry') applied.source = workspaceSource(path, role.wsDir, facts, this.settings);
      else applied.classes = facts.classes.map((c) => ({ name: c.name, file: path, range: c.range, nameRange: c.nameRange }));
    }
    if (applied.source) applied.local = applied.source.diagnostics;
    return applied;
  }

  private apply(path: string, a: Applied, sign: 1 | -1): void {
    const r = a.role;
    if (r.role === 'core-py' || r.role === 'core-yaml') {
      if (sign > 0 && a.source) this.model.coreSources.set(path, a.source); else this.model.coreSources.delete(path);
    } else if (r.role === 'ws-registry') {
      this.model.setWorkspaceSource(r.wsDir, sign > 0 ? a.source : null);
    } else if (r.role === 'component') {
      const scope = r.wsDir ?? CORE_SCOPE;
      for (const c of a.classes) {
        if (sign > 0) this.model.addClass(scope, r.kind, c); else this.model.removeClass(scope, r.kind, c.name, path);
      }
      if (sign > 0) this.model.addComponentFile(scope, r.kind, path, r.dir); else this.model.removeComponentFile(scope, r.kind, path);
      const key = `${scope}|${r.kind}|${r.dir}`;
      const n = (this.dirFileCount.get(key) ?? 0) + sign;
      if (n <= 0) this.dirFileCount.delete(key); else this.dirFileCount.set(key, n);
      if ((sign > 0 && n === 1) || (sign < 0 && n <= 0)) this.dirsChanged = true;
    }
  }

  private recomputeUnit(unit: string, touched: Set<string>): void {
    const ws = unit === CORE_UNIT ? null : this.model.workspaces.get(unit);
    if (unit !== CORE_UNIT && !ws) return;
    const result = ws ? checkWorkspaceUnit(this.model, ws, this.settings) : checkCoreUnit(this.model, this.settings);
    for (const f of this.unitFiles.get(unit) ?? []) touched.add(f);
    const files = new Set(result.diagnostics.map((d) => d.file));
    if (ws) files.add(ws.source.file);
    else for (const f of this.model.coreSources.keys()) files.add(f);
    for (const f of files) touched.add(f);
    this.unitDiags.set(unit, result.diagnostics);
    this.unitFiles.set(unit, files);
    for (const c of this.unitClassRefs.get(unit) ?? []) this.classRefIndex.get(c)?.delete(unit);
    for (const c of result.classRefs) {
      let s = this.classRefIndex.get(c);
      if (!s) this.classRefIndex.set(c, (s = new Set()));
      s.add(unit);
    }
    this.unitClassRefs.set(unit, result.classRefs);
  }

  private dropUnit(unit: string, touched: Set<string>): void {
    for (const f of this.unitFiles.get(unit) ?? []) touched.add(f);
    for (const c of this.unitClassRefs.get(unit) ?? []) this.classRefIndex.get(c)?.delete(unit);
    this.unitDiags.delete(unit);
    this.unitFiles.delete(unit);
    this.unitClassRefs.delete(unit);
  }

  private publish(touched: Set<string>): string[] {
    const changed: string[] = [];
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of touched) byFile.set(f, [...(this.files.get(f)?.applied?.local ?? [])]);
    for (const [unit, diags] of this.unitDiags) {
      const files = this.unitFiles.get(unit);
      if (!files || ![...files].some((f) => touched.has(f))) continue;
      for (const d of diags) byFile.get(d.file)?.push(d);
    }
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
}
