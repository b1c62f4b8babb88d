// The cross-file registry state — core entries, workspaces, the class index — with the indices that
// let an edit find exactly which contexts it affects. Maintained incrementally by the Workspace host.
import type { ComponentKind } from '../api';
import type { Location, Range } from '../types';
import type { NameRef, RegistrySource, StepEntry } from './source';
import { fieldStr } from './source';

export interface WsState {
  dir: string;
  /** Id: `WORKSPACE_METADATA["developer_id"]` when a string literal, else the directory name. */
  id: string;
  idRange: Range | null;
  source: RegistrySource;
  local: Map<string, StepEntry>;
  overrides: Map<string, StepEntry>;
  depRefs: NameRef[];
}

export interface ClassDef { name: string; file: string; range: Range; nameRange: Range }

/** Scope of components: '' for core, else the workspace directory. */
export type Scope = string;
export const CORE_SCOPE: Scope = '';

export class RegistryModel {
  coreSources = new Map<string, RegistrySource>();
  core = new Map<string, StepEntry>();
  /** config_class / spec_type → core step names, for RL011 in O(workspace size). */
  coreByConfig = new Map<string, string[]>();
  coreBySpec = new Map<string, string[]>();
  workspaces = new Map<string, WsState>();
  /** apcore modules by id (the registered one of each id), visible from every context. */
  modules = new Map<string, StepEntry>();
  /** Core steps by builder_step_name, for binding a companion to the step whose builder it describes. */
  coreByBuilder = new Map<string, string[]>();
  byId = new Map<string, string[]>();
  localNames = new Map<string, Set<string>>();
  private classes = new Map<Scope, Map<ComponentKind, Map<string, ClassDef[]>>>();
  private componentFiles = new Map<Scope, Map<ComponentKind, Map<string, number>>>();
  /** Component directories (with their file counts) per scope and kind: what RL005/RL006 name as searched. */
  private componentDirs = new Map<Scope, Map<ComponentKind, Map<string, number>>>();
  private sortedCache: WsState[] | null = null;

  rebuildCore(): void {
    this.core.clear();
    this.coreByConfig.clear();
    this.coreBySpec.clear();
    this.coreByBuilder.clear();
    const files = [...this.coreSources.keys()].sort();
    for (const f of files) {
      for (const e of this.coreSources.get(f)?.entries ?? []) if (!this.core.has(e.name)) this.core.set(e.name, e);
    }
    for (const e of this.core.values()) {
      push(this.coreByConfig, fieldStr(e, 'config_class'), e.name);
      push(this.coreBySpec, fieldStr(e, 'spec_type'), e.name);
      push(this.coreByBuilder, fieldStr(e, 'builder_step_name'), e.name);
    }
  }

  /** Replaces a workspace's registry source; null removes the workspace (its registry file is gone). */
  setWorkspaceSource(dir: string, source: RegistrySource | null): void {
    const old = this.workspaces.get(dir);
    if (old) {
      for (const n of old.local.keys()) {
        const s = this.localNames.get(n);
        s?.delete(dir);
        if (s?.size === 0) this.localNames.delete(n);
      }
      const ids = (this.byId.get(old.id) ?? []).filter((d) => d !== dir);
      if (ids.length > 0) this.byId.set(old.id, ids); else this.byId.delete(old.id);
      this.workspaces.delete(dir);
      this.sortedCache = null;
    }
    if (!source) return;
    const ws: WsState = {
      dir,
      id: source.developerId?.value ?? dir.slice(dir.lastIndexOf('/') + 1),
      idRange: source.developerId?.range ?? null,
      source,
      local: new Map(),
      overrides: new Map(),
      depRefs: source.depRefs,
    };
    for (const e of source.entries) (e.layer === 'override' ? ws.overrides : ws.local).set(e.name, e);
    this.workspaces.set(dir, ws);
    this.sortedCache = null;
    for (const n of ws.local.keys()) {
      let s = this.localNames.get(n);
      if (!s) this.localNames.set(n, (s = new Set()));
      s.add(dir);
    }
    this.byId.set(ws.id, [...(this.byId.get(ws.id) ?? []), dir].sort());
  }

  /** The workspace directory of a context id (first in path order when ids collide). */
  dirOfContext(id: string): string | null {
    return this.byId.get(id)?.[0] ?? null;
  }

  /** Workspaces sorted by id, then directory: the order hybrid resolution consults them in. */
  sortedWorkspaces(): WsState[] {
    this.sortedCache ??= [...this.workspaces.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.dir < b.dir ? -1 : 1));
    return this.sortedCache;
  }

  addClass(scope: Scope, kind: ComponentKind, def: ClassDef): void {
    let byKind = this.classes.get(scope);
    if (!byKind) this.classes.set(scope, (byKind = new Map()));
    let byName = byKind.get(kind);
    if (!byName) byKind.set(kind, (byName = new Map()));
    const list = byName.get(def.name) ?? [];
    list.push(def);
    list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    byName.set(def.name, list);
  }

  removeClass(scope: Scope, kind: ComponentKind, name: string, file: string): void {
    const byName = this.classes.get(scope)?.get(kind);
    const list = byName?.get(name)?.filter((d) => d.file !== file);
    if (!byName) return;
    if (list && list.length > 0) byName.set(name, list); else byName.delete(name);
  }

  /** A class visible from a context: its own workspace's directories first, then core. */
  findClass(wsDir: string | null, kind: ComponentKind, name: string): ClassDef | null {
    if (wsDir) {
      const own = this.classes.get(wsDir)?.get(kind)?.get(name)?.[0];
      if (own) return own;
    }
    return this.classes.get(CORE_SCOPE)?.get(kind)?.get(name)?.[0] ?? null;
  }

  /** Class names of a kind visible from a context, for completion. */
  visibleClasses(wsDir: string | null, kind: ComponentKind): ClassDef[] {
    const out: ClassDef[] = [];
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE]) {
      for (const defs of this.classes.get(scope)?.get(kind)?.values() ?? []) if (defs[0]) out.push(defs[0]);
    }
    return out;
  }

  /** Returns true when the file's directory was not a component directory before (RL005/RL006 messages change). */
  addComponentFile(scope: Scope, kind: ComponentKind, file: string, dir: string): boolean {
    let byKind = this.componentFiles.get(scope);
    if (!byKind) this.componentFiles.set(scope, (byKind = new Map()));
    let files = byKind.get(kind);
    if (!files) byKind.set(kind, (files = new Map()));
    if (files.has(file)) return false;
    files.set(file, dir.length);
    let dirs = this.componentDirs.get(scope);
    if (!dirs) this.componentDirs.set(scope, (dirs = new Map()));
    let counts = dirs.get(kind);
    if (!counts) dirs.set(kind, (counts = new Map()));
    const n = (counts.get(`${dir}/`) ?? 0) + 1;
    counts.set(`${dir}/`, n);
    return n === 1;
  }

  /** Returns true when the file was the last of its directory. */
  removeComponentFile(scope: Scope, kind: ComponentKind, file: string): boolean {
    const files = this.componentFiles.get(scope)?.get(kind);
    const dirLen = files?.get(file);
    if (!files || dirLen === undefined) return false;
    files.delete(file);
    const counts = this.componentDirs.get(scope)?.get(kind);
    const dir = `${file.slice(0, dirLen)}/`;
    const n = (counts?.get(dir) ?? 0) - 1;
    if (n > 0) counts?.set(dir, n); else counts?.delete(dir);
    return n <= 0;
  }

  /** Component files of a kind visible from a context (own workspace first, then core). */
  componentFilesOf(wsDir: string | null, kind: ComponentKind): string[] {
    const out: string[] = [];
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE]) out.push(...[...(this.componentFiles.get(scope)?.get(kind)?.keys() ?? [])].sort());
    return out;
  }

  /** Directories searched for a kind from a context (for RL005/RL006 messages and Explain). */
  searchedDirs(wsDir: string | null, kind: ComponentKind): string[] {
    const dirs = new Set<string>();
    for (const scope of wsDir ? [wsDir, CORE_SCOPE] : [CORE_SCOPE]) {
      for (const dir of this.componentDirs.get(scope)?.get(kind)?.keys() ?? []) dirs.add(dir);
    }
    return [...dirs].sort((a, b) => (wsDir && a.startsWith(wsDir) !== b.startsWith(wsDir) ? (a.startsWith(wsDir) ? -1 : 1) : a.localeCompare(b)));
  }

  /** Every definition of a step name, in core → workspaces (by id) order. */
  definitions(name: string): StepEntry[] {
    const out: StepEntry[] = [];
    const c = this.core.get(name);
    if (c) out.push(c);
    for (const ws of this.sortedWorkspaces()) {
      const l = ws.local.get(name);
      if (l) out.push(l);
      const o = ws.overrides.get(name);
      if (o) out.push(o);
    }
    const m = this.modules.get(name);
    if (m) out.push(m);
    return out;
  }

  entryCount(): number {
    let n = 0;
    for (const s of this.coreSources.values()) n += s.entries.length;
    for (const ws of this.workspaces.values()) n += ws.source.entries.length;
    return n + this.modules.size;
  }
}

export function locationOf(e: { file: string; keyRange: Range }): Location {
  return { file: e.file, range: e.keyRange };
}

function push(m: Map<string, string[]>, key: string | null, v: string): void {
  if (!key) return;
  const l = m.get(key);
  if (l) l.push(v); else m.set(key, [v]);
}
