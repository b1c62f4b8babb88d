// The engine's inputs (file texts, the set of known paths, symbolic links, settings) and the tracked
// per-file queries over them: what part each path plays, and what one file says on its own (its
// registry source, classes, meta document, apcore config or id map, and its local diagnostics).
import type { Diagnostic, Settings } from '../types';
import { diag } from '../codes';
import { QueryGroup, type Query } from '../db/database';
import { RoleClassifier, type ApcoreLayout, type FileRole, type HostLink } from '../model/roles';
import type { ClassDef } from '../model/registry';
import { coreSourceFromPython, coreSourceFromYaml, workspaceSource, type RegistrySource } from '../model/source';
import { parsePythonFacts, type PyClass } from '../python/facts';
import { parseYamlLit } from '../yaml/yamlLit';
import { loadMeta } from '../pipeline/metadata';
import { APCORE_CONFIG_FILES, DEFAULT_ID_MAP, DEFAULT_ROOT, readApcoreConfig, rootsFromSettings, type ApcoreConfig } from '../pipeline/apcoreConfig';
import { readIdMap, type IdMapDoc } from '../pipeline/idMap';
import type { MetaDoc } from '../pipeline/types';
import type { ComponentKind } from '../api';
import { sameJson, sameList } from './equality';

/** Files larger than this are skipped with a diagnostic (generated registries are never this large). */
export const MAX_FILE_CHARS = 2 * 1024 * 1024;

/** What one file contributes, read from its text alone. */
export interface Applied {
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

/** Every known path grouped by the part it plays (recomputed only when paths appear or vanish). */
export interface RoleIndex {
  core: string[];
  /** Workspace directory → its registry file. */
  wsRegistries: Map<string, string>;
  components: Map<string, { file: string; kind: ComponentKind; dir: string }[]>;
  metas: string[];
  modules: string[];
}

const NONE = '';

export class FileQueries extends QueryGroup<null> {
  readonly text = this.db.input<string | undefined>('text', undefined);
  readonly settingsInput = this.db.input<Settings | null>('settings', null);
  readonly linksInput = this.db.input<HostLink[]>('links', [], sameJson);
  /** The set of fed paths, replaced as a whole when paths appear or vanish. */
  readonly pathsInput = this.db.input<ReadonlySet<string>>('paths', new Set());

  settings(): Settings { return this.settingsInput.get(NONE) as Settings; }
  links(): HostLink[] { return this.linksInput.get(NONE); }
  paths(): ReadonlySet<string> { return this.pathsInput.get(NONE); }

  /** Whether a path was fed (answers per path, so readers are not re-run when other paths come and go). */
  readonly exists: Query<boolean> = this.db.query('exists', (p) => this.paths().has(p));

  /** The apcore layout: possible extension roots, the id map path, the links. */
  readonly layoutQ: Query<ApcoreLayout> = this.db.query('layout', () => {
    const settings = this.settings();
    const cfg = this.apcoreConfigFromText();
    const roots = [...new Set([...rootsFromSettings(settings.apcoreRoots), ...(cfg?.roots ?? [])].map((r) => r.path))];
    const idMap = settings.apcoreIdMap ?? (cfg?.idMap ? cfg.idMap.path ?? '' : DEFAULT_ID_MAP);
    return { roots: roots.length > 0 ? roots : [DEFAULT_ROOT], idMap, links: this.links() };
  }, sameJson);

  readonly classifierQ: Query<RoleClassifier> = this.db.query('classifier', () => new RoleClassifier(this.settings(), this.layoutQ(NONE)));
  classifier(): RoleClassifier { return this.classifierQ(NONE); }

  readonly role: Query<FileRole> = this.db.query('role', (p) => this.classifier().classify(p), sameJson);

  readonly applied: Query<Applied> = this.db.query('applied', (p) => derive(p, this.role(p), this.text.get(p), this.settings()));

  readonly roleIndexQ: Query<RoleIndex> = this.db.query('roleIndex', () => {
    const classifier = this.classifier();
    const idx: RoleIndex = { core: [], wsRegistries: new Map(), components: new Map(), metas: [], modules: [] };
    for (const p of [...this.paths()].sort()) {
      const r = classifier.classify(p);
      if (r.role === 'core-py' || r.role === 'core-yaml') idx.core.push(p);
      else if (r.role === 'ws-registry') idx.wsRegistries.set(r.wsDir, p);
      else if (r.role === 'component') {
        const scope = r.wsDir ?? '';
        const list = idx.components.get(scope);
        const item = { file: p, kind: r.kind, dir: r.dir };
        if (list) list.push(item); else idx.components.set(scope, [item]);
      } else if (r.role === 'meta') idx.metas.push(p);
      else if (r.role === 'code' && r.module) idx.modules.push(p);
    }
    return idx;
  });

  readonly coreFilesQ = this.db.query('coreFiles', () => this.roleIndexQ(NONE).core, sameList);
  readonly wsDirsQ = this.db.query('wsDirs', () => [...this.roleIndexQ(NONE).wsRegistries.keys()], sameList);
  readonly wsRegistry = this.db.query('wsRegistry', (dir) => this.roleIndexQ(NONE).wsRegistries.get(dir) ?? null);
  readonly componentsOf = this.db.query('componentsOf', (scope) => this.roleIndexQ(NONE).components.get(scope) ?? [], sameJson);
  readonly metaFilesQ = this.db.query('metaFiles', () => this.roleIndexQ(NONE).metas, sameList);
  readonly moduleCandidatesQ = this.db.query('moduleCandidates', () => this.roleIndexQ(NONE).modules, sameList);

  readonly apcoreConfigQ = this.db.query('apcoreConfig', () => APCORE_CONFIG_FILES.map((p) => this.applied(p).apcore).find((c) => c) ?? null);
  readonly idMapDocQ = this.db.query('idMapDoc', () => {
    const p = this.classifier().idMapPath;
    return p ? this.applied(p).idMap : null;
  });

  /** `apcore.yaml` read for the layout itself (which decides the roles, so it cannot go through them). */
  private apcoreConfigFromText(): ApcoreConfig | null {
    const file = APCORE_CONFIG_FILES.find((p) => this.text.get(p) !== undefined);
    const text = file ? this.text.get(file) : undefined;
    return file && text !== undefined ? readApcoreConfig(file, text) : null;
  }

  metaDoc(p: string): MetaDoc | null { return this.applied(p).meta; }
  pyClasses(p: string): PyClass[] | null { return this.applied(p).py; }
  source(p: string): RegistrySource | null { return this.applied(p).source; }
  /** Top-level classes of a component or code file. */
  classesOf(p: string): ClassDef[] {
    const a = this.applied(p);
    return a.role.role === 'component' ? a.classes : (a.py ?? []).map((c) => ({ name: c.name, file: p, range: c.range, nameRange: c.nameRange }));
  }
  wsDirOf(p: string): string | null { return this.classifier().wsDirOf(p); }
}

function derive(path: string, role: FileRole, text: string | undefined, settings: Settings): Applied {
  const applied: Applied = { role, source: null, classes: [], py: null, meta: null, apcore: null, idMap: null, local: [] };
  if (role.role === 'none' || text === undefined) return applied;
  if (text.length > MAX_FILE_CHARS || text.includes('\0')) {
    const why = text.length > MAX_FILE_CHARS ? `larger than ${MAX_FILE_CHARS / 1024 / 1024} MiB` : 'binary (contains NUL bytes)';
    applied.local.push(diag(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'RL030', `File skipped: it is ${why}`, { severity: 'warning' }));
    return applied;
  }
  if (role.role === 'core-yaml') {
    applied.source = coreSourceFromYaml(path, parseYamlLit(text), settings);
  } else if (role.role === 'meta') {
    applied.meta = loadMeta(path, text);
    applied.local = applied.meta.diagnostics;
  } else if (role.role === 'apcore-config') {
    applied.apcore = readApcoreConfig(path, text);
    applied.local = applied.apcore.diagnostics;
  } else if (role.role === 'id-map') {
    applied.idMap = readIdMap(path, text);
    applied.local = applied.idMap.diagnostics;
  } else if (role.role !== 'code' || path.endsWith('.py')) {
    const facts = parsePythonFacts(text, role.role === 'core-py' || role.role === 'ws-registry', path);
    if (role.role === 'core-py') applied.source = coreSourceFromPython(path, facts, settings);
    else if (role.role === 'ws-registry') applied.source = workspaceSource(path, role.wsDir, facts, settings);
    else applied.py = facts.classes;
    if (role.role === 'component') applied.classes = facts.classes.map((c) => ({ name: c.name, file: path, range: c.range, nameRange: c.nameRange }));
  }
  if (applied.source) applied.local = applied.source.diagnostics;
  return applied;
}
