// The ONEX-contracts family's tracked queries: the `onex.nodes` entry points of every pyproject, each
// resolved to the module it loads and the contract auto-wiring reads (resolve.ts), the contracts each
// entry point owns, contract names in discovery's order, class references resolved to files, and the
// validators the repository runs. One group per engine, shared by checks and editor features.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import type { FileQueries } from '../../../analysis/files';
import { sameJson, sameList } from '../../../util/equality';
import { dirOf, isUnder, joinRel } from '../../../util/paths';
import { classifyContract, FAMILY, type ContractFacts } from './facts';
import { explicitContractPath, moduleLines, type ModuleLines } from './explicitPath';
import { moduleBindings, type ModuleBindings } from './bindings';
import { contractFiles } from './reader';
import type { EntryPoint, PyprojectDoc } from './pyproject';
import type { ClassRef, ContractDoc } from './contractDoc';
import type { ArtifactDoc } from './artifactDoc';
import { contractCandidates, moduleCandidates, sourceRoots, splitEntry, type Loaded } from './resolve';
import { moduleFile, originOf, type Origin, type OriginContext, type OriginWalk } from './origin';
import { declaredValidators, reads, type ValidatorId } from './validators';
import { handlerFiles } from './handlerResolution';
import { ONEX_CONTRACT_SETTINGS } from './settings';
import { shapeObjections } from './shapeRules';
import { gatePublishes } from './ingress';
import type { IngressAllowlist, IngressOptions } from './ingressAllowlist';
import type { TopicLiteral } from './topicPython';
import { besideVersion, corePackageDir, coreTables, type CoreTables } from './coreTables';
import { assumedFramework } from '../../../analysis/frameworkPins';
import { BUILT_IN_CORE } from '../framework';

const NONE = '';
/** The allowlist key of a contract with no pyproject.toml above it. */
const NO_ROOT = '\0';
/** core's default allowlist, beside the validator in core's package (validator_runtime_profiles.py:85). */
const CORE_DEFAULT_ALLOWLIST = /(?:^|\/)omnibase_core\/validation\/runtime_profiles_allowlist\.yaml$/;

export interface EntryRef {
  file: string;
  index: number;
  ep: EntryPoint;
}

export interface EntryResolution {
  key: string;
  /** What `ep.load()` imports; null when it fails (or the module is outside the repository: `outside`). */
  loaded: Loaded | null;
  outside: boolean;
  /** The contract auto-wiring reads, and by which strategy; null when none. */
  contract: string | null;
  strategy: string | null;
  /** The contract paths tried, in order. */
  tried: string[];
  /** Why discovery records an error for this entry point (null: none). */
  problem: string | null;
  /** The loaded object's `contract_path` (strategy 1) and what discovery does with it; null when it has none. */
  explicit: ExplicitUse | null;
  /** Where `module:attr`'s object comes from (origin.ts); null for an entry point naming a module. */
  origin: Origin | null;
}

/** Strategy 1's outcome: its file `read`, a `missing` one discovery falls through (discovery.py:335), or not judged. */
export interface ExplicitUse {
  file: string;
  line: number;
  path: string | null;
  outcome: 'read' | 'missing' | 'undecided' | 'inert';
  why: string;
}

/** The entry point that registered a contract name first, and its contract. */
export interface Registration {
  name: string;
  contract: string;
  ep: string;
}

export interface RefResolution {
  status: 'ok' | 'outside' | 'no-module' | 'no-class';
  /** The module file defining the class (ok; the module named when that is not decided), or lacking it (no-class). */
  file: string | null;
  /** The module files looked for. */
  tried: string[];
  /** Where the named module's class comes from (null: no module file). */
  origin: Origin | null;
}

/** A reference's module: the files it may be, the first that exists, and where its class comes from. */
interface RefModule {
  files: string[];
  found: string | null;
  walk: OriginWalk | null;
}

export const entryKey = (file: string, index: number): string => `${file}#${index}`;

/** What `ep.load()` runs: the first import of the repository's own that fails, and the files that judgement reads. */
interface LoadRun {
  failure: { file: string; line: number; module: string } | null;
  wanted: string[];
}

/** Dotted module segments as a tree (each node: the next segments). */
type ModuleTrie = Map<string, ModuleTrie>;

/** Files by their directory, the first of each. */
function byDirectory(files: readonly string[]): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const f of files) if (!m.has(dirOf(f))) m.set(dirOf(f), f);
  return m;
}

/** The file of the deepest directory holding `path` (the path itself, a directory above it, or the root). */
function deepestHolding(path: string, byDir: ReadonlyMap<string, string>): string | null {
  for (let d = path; ; d = dirOf(d)) {
    const f = byDir.get(d);
    if (f !== undefined) return f;
    if (d === '') return null;
  }
}

const group = perDatabase<ContractQueries>();
export function contractQueries(files: FileQueries): ContractQueries {
  return group(files.db, () => new ContractQueries(files.db, files));
}

/** `omnibase-infra` → `omnibase_infra`: the import name of a distribution (PEP 503 normalised). */
const importName = (project: string): string => project.toLowerCase().replace(/[-.]+/g, '_');

export class ContractQueries extends QueryGroup<FileQueries> {
  get files(): FileQueries {
    return this.deps;
  }

  facts(path: string): ContractFacts | null {
    return this.deps.appliedBy(contractFiles, path)?.facts ?? null;
  }
  pyproject(path: string): PyprojectDoc | null {
    const f = this.facts(path);
    return f?.kind === 'pyproject' ? f.doc : null;
  }
  contract(path: string): ContractDoc | null {
    const f = this.facts(path);
    return f?.kind === 'contract' ? f.doc : null;
  }
  handler(path: string): ContractDoc | null {
    const f = this.facts(path);
    return f?.kind === 'handler' ? f.doc : null;
  }
  artifacts(path: string): ArtifactDoc | null {
    const f = this.facts(path);
    return f?.kind === 'artifacts' ? f.doc : null;
  }
  ingressAllowlist(path: string): IngressAllowlist | null {
    const f = this.facts(path);
    return f?.kind === 'ingress' ? f.doc : null;
  }
  /** The topic-naming gate's baseline lines at a path (null: no such file). */
  topicBaseline(path: string): readonly string[] | null {
    const f = this.facts(path);
    return f?.kind === 'baseline' ? f.lines : null;
  }
  /** The topic constants of a module the topic-naming gate's Python half scans (topicPython.ts). */
  topicLiterals(path: string): readonly TopicLiteral[] {
    const f = this.facts(path);
    return f?.kind === 'topics' ? f.literals : [];
  }
  contracts(): string[] {
    return this.deps.filesOf(FAMILY, 'contract');
  }
  handlerContracts(): string[] {
    return this.deps.filesOf(FAMILY, 'handler');
  }
  artifactRegistries(): string[] {
    return this.deps.filesOf(FAMILY, 'artifacts');
  }

  /** The pyprojects declaring `onex.nodes` entry points: an ONEX repository (the family's checks run only in one). */
  readonly onexPyprojectsQ: Query<string[]> = this.db.query(
    'onexPyprojects',
    () =>
      this.deps
        .filesOf(FAMILY, 'pyproject')
        .filter((f) => this.pyproject(f)?.entries !== null && this.pyproject(f) !== null),
    sameList,
  );
  isOnexRepo(): boolean {
    return this.onexPyprojectsQ(NONE).length > 0;
  }

  /** Every entry point, in file then table order (the order `entry_points()` yields them). */
  readonly entriesQ: Query<EntryRef[]> = this.db.query(
    'onexEntries',
    () =>
      this.onexPyprojectsQ(NONE).flatMap((file) =>
        (this.pyproject(file)?.entries ?? []).map((ep, index) => ({ file, index, ep })),
      ),
    sameJson,
  );

  /** The entry points by key: looked up once each, not scanned per entry point. */
  private readonly entryIndexQ: Query<ReadonlyMap<string, EntryRef>> = this.db.query('onexEntryIndex', () => {
    const m = new Map<string, EntryRef>();
    for (const e of this.entriesQ(NONE)) m.set(entryKey(e.file, e.index), e);
    return m;
  });

  entry(key: string): EntryRef | null {
    return this.entryIndexQ(NONE).get(key) ?? null;
  }

  /**
   * The import names of the repository's own packages: its projects' names, and the top-level packages of its source
   * roots that entry points name.
   */
  readonly ownPackagesQ: Query<string[]> = this.db.query(
    'onexOwnPackages',
    () => {
      const own = new Set<string>();
      for (const f of this.onexPyprojectsQ(NONE)) {
        const d = this.pyproject(f);
        if (d?.project) own.add(importName(d.project));
        for (const ep of d?.entries ?? []) {
          const top = splitEntry(ep.value).module.split('.')[0] ?? '';
          if (moduleCandidates(top, sourceRoots(f)).some((c) => this.deps.exists(c.pkgInit))) own.add(top);
        }
      }
      return [...own].filter(Boolean).sort();
    },
    sameList,
  );
  /** The same, to look a package up in (many entry points may name many packages). */
  private readonly ownSetQ: Query<ReadonlySet<string>> = this.db.query(
    'onexOwnSet',
    () => new Set(this.ownPackagesQ(NONE)),
  );
  isOwn(module: string): boolean {
    return this.ownSetQ(NONE).has(module.split('.')[0] ?? '');
  }

  /**
   * Whether an entry point names a module in this directory's package or below it (its load may fail, but it names the
   * node).
   */
  namedByEntry(dir: string): boolean {
    // The directory as a module under each source root that may hold it (each directory above it, or the root).
    const tries = this.entryModulesQ(NONE);
    for (let r = dir; ; r = dirOf(r)) {
      const rel = r === dir ? '' : r === '' ? dir : dir.slice(r.length + 1);
      let node = rel ? tries.get(r) : undefined;
      for (const seg of node ? rel.split(/[/.]/) : []) node = node?.get(seg);
      if (node) return true;
      if (r === '') return false;
    }
  }

  /**
   * The modules entry points name, by source root: a tree of their dotted segments, so a directory is matched against
   * all of them at once (`namedByEntry`).
   */
  private readonly entryModulesQ: Query<ReadonlyMap<string, ModuleTrie>> = this.db.query('onexEntryModules', () => {
    const out = new Map<string, ModuleTrie>();
    for (const e of this.entriesQ(NONE)) {
      const segs = splitEntry(e.ep.value).module.split('.');
      for (const r of sourceRoots(e.file)) {
        let node: ModuleTrie | undefined = out.get(r);
        if (!node) out.set(r, (node = new Map<string, ModuleTrie>()));
        for (const seg of segs) {
          let next: ModuleTrie | undefined = node.get(seg);
          if (!next) node.set(seg, (next = new Map<string, ModuleTrie>()));
          node = next;
        }
      }
    }
    return out;
  });

  /** The pyproject whose directory holds a path (the deepest), else the first. */
  pyprojectOf(path: string): string | null {
    const all = this.onexPyprojectsQ(NONE);
    return deepestHolding(path, this.onexPyprojectDirsQ(NONE)) ?? all[0] ?? null;
  }
  /** The ONEX pyprojects by directory (the first of a directory). */
  private readonly onexPyprojectDirsQ: Query<ReadonlyMap<string, string>> = this.db.query('onexPyprojectDirs', () =>
    byDirectory(this.onexPyprojectsQ(NONE)),
  );

  /** One entry point resolved the way `discover_contracts` does (discovery.py:135-183). */
  readonly resolutionQ: Query<EntryResolution | null> = this.db.query(
    'onexEntryResolution',
    (key) => {
      const e = this.entry(key);
      if (!e) return null;
      const { module, attr } = splitEntry(e.ep.value);
      const own = this.isOwn(module);
      let loaded: Loaded | null = null;
      for (const c of moduleCandidates(module, sourceRoots(e.file))) {
        if (this.deps.exists(c.pkgInit)) loaded = { kind: 'package', file: c.pkgInit, dir: c.pkgDir };
        else if (this.deps.exists(c.moduleFile))
          loaded = { kind: 'module', file: c.moduleFile, dir: dirOf(c.moduleFile) };
        else if (this.deps.exists(`${c.pkgDir}/contract.yaml`)) loaded = { kind: 'namespace', dir: c.pkgDir };
        if (loaded) break;
      }
      const failed = loaded ? this.loadOf(e.file, module, loaded).failure : null;
      if (loaded && failed) {
        const problem =
          `Failed to load entry point: No module named '${failed.module}' ` +
          `(imported by ${failed.file}:${failed.line + 1}, which the load runs)`;
        return {
          key,
          loaded,
          outside: false,
          contract: null,
          strategy: null,
          tried: [],
          explicit: null,
          origin: null,
          problem,
        };
      }
      const base = {
        key,
        loaded,
        outside: !loaded && !own,
        contract: null,
        strategy: null,
        tried: [] as string[],
        explicit: null,
        origin: null,
      };
      if (!loaded)
        return {
          ...base,
          problem: own
            ? `Failed to load entry point: No module named '${module}' ` +
              `(no ${module.split('.').join('/')}/__init__.py or .py under ` +
              `${sourceRoots(e.file)
                .map((r) => r || '.')
                .join(', ')})`
            : null,
        };
      // A class: `inspect.getfile` names the module defining it (discovery.py:352), where re-exports lead.
      let target: Loaded = loaded;
      let name = attr;
      let origin: Origin | null = null;
      if (attr && loaded.kind !== 'namespace') {
        origin = this.originWalk(e.file, loaded.file, attr).origin;
        if (origin.status === 'absent') {
          const problem =
            origin.via.length === 0
              ? `module '${module}' has no attribute '${attr}'`
              : `cannot import name '${origin.name}' (${origin.file} neither defines nor imports it)`;
          return { ...base, origin, problem: `Failed to load entry point: ${problem}` };
        }
        // Not decided from the source: nothing to say about which contract discovery reads.
        if (origin.status === 'unknown') return { ...base, origin, problem: null };
        target = { kind: origin.kind === 'package' ? 'package' : 'module', file: origin.file, dir: dirOf(origin.file) };
        name = origin.kind === 'defined' ? origin.name : null;
      }
      const at = { ...base, origin };
      const explicit = target.kind === 'namespace' ? null : this.explicitOf(target.file, name);
      if (explicit?.outcome === 'read' && explicit.path) {
        // discovery.py:333.
        const strategy = 'its contract_path (strategy 1)';
        return { ...at, explicit, contract: explicit.path, strategy, tried: [explicit.path], problem: null };
      }
      const first = explicit?.outcome === 'missing' && explicit.path ? [explicit.path] : [];
      const cands = contractCandidates(target, name);
      const hit = cands.find((c) => this.deps.exists(c.path));
      if (!hit) {
        const tried = [...first, ...cands.map((c) => c.path)];
        // A contract_path Registry Lens cannot judge may name the file discovery reads.
        if (explicit?.outcome === 'undecided') return { ...at, explicit, tried, problem: null };
        const searched =
          cands.length === 1
            ? `in namespace package paths: ['${target.dir}']`
            : `(searched ${cands.map((c) => dirOf(c.path) || '.').join(' and ')})`;
        return { ...at, explicit, tried, problem: `No contract.yaml found ${searched}` };
      }
      const tried = [...first, ...cands.slice(0, cands.indexOf(hit) + 1).map((c) => c.path)];
      return { ...at, explicit, contract: hit.path, strategy: hit.strategy, tried, problem: null };
    },
    sameJson,
  );

  /** How origin.ts reads the repository's modules, absolute imports under `pyproject`'s source roots. */
  private originContext(pyproject: string): OriginContext {
    return {
      exists: (p: string) => this.deps.exists(p),
      bindings: (p: string) => this.bindingsQ(p),
      roots: sourceRoots(pyproject),
      own: this.ownSetQ(NONE),
    };
  }

  /**
   * The files `ep.load()` runs importing `module`: each enclosing package's `__init__.py`, then the module
   * (importlib.import_module imports the parents first).
   */
  private loadedFiles(module: string, loaded: Loaded & { file: string }): string[] {
    const pkgDir = dirOf(loaded.file);
    const out: string[] = [];
    let dir = loaded.kind === 'package' ? dirOf(pkgDir) : pkgDir;
    for (let k = module.split('.').length - 1; k > 0 && dir !== ''; k--, dir = dirOf(dir))
      out.unshift(`${dir}/__init__.py`);
    return [...out.filter((f) => this.deps.exists(f)), loaded.file];
  }

  /**
   * The first top-level import of the repository's own modules, in the files the load runs, that names no module
   * there (ModuleNotFoundError): relative imports and absolute imports of its own packages. An import in a block
   * (`try:`, `if TYPE_CHECKING:`, a function's) may never run, so it is not judged; nor is a module whose directory
   * the host does not know (a namespace package may be there).
   */
  private loadOf(pyproject: string, module: string, loaded: Loaded): LoadRun {
    return this.loadQ(
      `${pyproject}\0${module}\0${loaded.kind}\0${loaded.kind === 'namespace' ? loaded.dir : loaded.file}`,
    );
  }
  /** One per module an entry point names (thousands of entry points may name one): what its load runs and reads. */
  private readonly loadQ: Query<LoadRun> = this.db.query(
    'onexLoadRun',
    (key) => {
      const [pyproject = '', module = '', kind = '', file = ''] = key.split('\0');
      // Every enclosing package's `__init__.py` may be one the host has not fed yet.
      const parts = module.split('.');
      const wanted = parts
        .slice(0, -1)
        .flatMap((_, i) =>
          moduleCandidates(parts.slice(0, i + 1).join('.'), sourceRoots(pyproject)).map((c) => c.pkgInit),
        );
      if (kind === 'namespace') return { failure: null, wanted };
      const ctx = this.originContext(pyproject);
      const read = new Set<string>();
      let failure: LoadRun['failure'] = null;
      const loaded = { kind: kind as 'package' | 'module', file, dir: dirOf(file) };
      for (const f of this.loadedFiles(module, loaded)) {
        for (const imp of this.bindingsQ(f)?.imports ?? []) {
          if (imp.nested) continue;
          const target = moduleFile(ctx, f, imp, read);
          if (failure || typeof target === 'string' || !target.looked) continue;
          const dir = (target.looked[0] ?? '').replace(/\/__init__\.py$/, '');
          if (this.deps.dirExists(dir) || !this.deps.dirExists(dirOf(dir))) continue;
          failure = { file: f, line: imp.line, module: this.dottedOf(pyproject, f, imp) };
        }
      }
      return { failure, wanted: [...wanted, ...read] };
    },
    sameJson,
  );

  /** The module name Python reports for an import in `file` (a relative one made absolute under a source root). */
  private dottedOf(pyproject: string, file: string, imp: { level: number; module: string }): string {
    if (imp.level === 0) return imp.module;
    const root = sourceRoots(pyproject).find((r) => r === '' || isUnder(file, r));
    let pkg = dirOf(file);
    for (let k = 1; k < imp.level; k++) pkg = dirOf(pkg);
    const rel = root === undefined ? null : root === '' ? pkg : pkg.slice(root.length + 1);
    const base = rel ? rel.split('/').join('.') : '';
    return base && imp.module ? `${base}.${imp.module}` : base || imp.module || `${'.'.repeat(imp.level)}`;
  }

  /** Where `name` in `file` comes from (origin.ts), absolute imports under `pyproject`'s source roots. */
  originWalk(pyproject: string | null, file: string, name: string): OriginWalk {
    return this.originQ(`${pyproject ?? 'pyproject.toml'}\0${file}\0${name}`);
  }

  private readonly originQ: Query<OriginWalk> = this.db.query(
    'onexOrigin',
    (key) => {
      const [py = '', file = '', name = ''] = key.split('\0');
      return originOf(this.originContext(py), file, name);
    },
    sameJson,
  );

  /** How a module binds its names, read once per text (bindings.ts); undefined when the host did not feed it. */
  private readonly bindingsQ: Query<ModuleBindings | undefined> = this.db.query('onexModuleBindings', (file) => {
    const text = this.deps.textOf(file);
    return text === undefined ? undefined : moduleBindings(text);
  });

  /** A module's lines and top-level classes, read once per text (explicitPath.ts). */
  private readonly moduleLinesQ: Query<ModuleLines> = this.db.query('onexModuleLines', (file) =>
    moduleLines(this.deps.textOf(file) ?? ''),
  );

  /** A line of a module (0-based), split once per text. */
  lineOf(file: string, line: number): string | undefined {
    return this.moduleLinesQ(file).lines[line];
  }

  /** The `contract_path` of a loaded module (`attr` null) or of its class `attr` (explicitPath.ts), judged. */
  private explicitOf(file: string, attr: string | null): ExplicitUse | null {
    return this.explicitQ(`${file}\0${attr ?? ''}`);
  }
  private readonly explicitQ: Query<ExplicitUse | null> = this.db.query(
    'onexExplicit',
    (key) => {
      const [file = '', attr = ''] = key.split('\0');
      return this.judgeExplicit(file, attr === '' ? null : attr);
    },
    sameJson,
  );
  private judgeExplicit(file: string, attr: string | null): ExplicitUse | null {
    const defines = (): boolean => this.bindingsQ(file)?.of('contract_path').last != null;
    const e = explicitContractPath(this.moduleLinesQ(file), file, attr, defines);
    if (!e) return null;
    if (e.kind !== 'path') return { file, line: e.line, path: null, outcome: e.kind, why: e.why };
    // Only files named contract.yaml are fed to the family: another name's existence is not known.
    if (classifyContract(e.path)?.role !== 'contract') {
      const why = `'${e.path}' is no contract.yaml this reads`;
      return { file, line: e.line, path: e.path, outcome: 'undecided', why };
    }
    const at = { file, line: e.line, path: e.path };
    // discovery.py:335: a path that is no file falls through to the next strategy.
    return this.deps.exists(e.path)
      ? { ...at, outcome: 'read', why: `'${e.path}' exists` }
      : { ...at, outcome: 'missing', why: `'${e.path}' is no file: discovery falls through` };
  }

  /**
   * Discovery's duplicate-name guard (OMN-11958, discovery.py:216-248) in entry point order: each entry point whose
   * contract's name an earlier one registered, with that first registration. A contract auto-wiring cannot parse is
   * skipped before its name is recorded (discovery.py:183-202).
   */
  readonly duplicatesQ: Query<ReadonlyMap<string, Registration>> = this.db.query('onexDuplicates', () => {
    const seen = new Map<string, Registration>();
    const out = new Map<string, Registration>();
    for (const e of this.entriesQ(NONE)) {
      const key = entryKey(e.file, e.index);
      const r = this.resolutionQ(key);
      const doc = r?.contract && !r.problem ? this.contract(r.contract) : null;
      if (!r?.contract || !doc || this.wiringSkipsQ(r.contract)) continue;
      const name = doc.name?.value ?? e.ep.name;
      const first = seen.get(name);
      if (first) out.set(key, first);
      else seen.set(name, { name, contract: r.contract, ep: e.ep.name });
    }
    return out;
  });

  /** Contract path → the entry points whose resolution reads it. */
  readonly ownersQ: Query<Readonly<Record<string, readonly string[]>>> = this.db.query(
    'onexContractOwners',
    () => {
      const m: Record<string, string[]> = {};
      for (const e of this.entriesQ(NONE)) {
        const key = entryKey(e.file, e.index);
        const c = this.resolutionQ(key)?.contract;
        if (c) (m[c] ??= []).push(key);
      }
      return m;
    },
    sameJson,
  );
  ownersOf(contract: string): readonly string[] {
    return Object.hasOwn(this.ownersQ(NONE), contract) ? (this.ownersQ(NONE)[contract] ?? []) : [];
  }

  /**
   * The validators the repository runs: the setting, or those always run and those its gate files name (validators.ts).
   */
  readonly validatorsQ: Query<ValidatorId[]> = this.db.query(
    'onexValidators',
    () => {
      const set = ONEX_CONTRACT_SETTINGS.of(this.deps.settings()).onexValidators;
      if (set) return [...set];
      const named = new Set<ValidatorId>();
      for (const f of this.deps.filesOf(FAMILY, 'gates')) {
        const x = this.facts(f);
        if (x?.kind === 'gates') for (const v of x.validators) named.add(v);
      }
      return declaredValidators(named);
    },
    sameList,
  );

  /**
   * Whether auto-wiring cannot parse a contract and skips it before recording its name (discovery.py:183):
   * a query of its own, so an edit of one contract does not judge every other contract's shape again.
   */
  readonly wiringSkipsQ: Query<boolean> = this.db.query('onexWiringSkips', (file) => {
    const doc = this.contract(file);
    return doc === null || doc.broken || shapeObjections(doc).some((o) => o.validator === 'auto-wiring');
  });

  /**
   * Node ids ValidatorRuntimeProfiles exempts in a repository (key: its root, NO_ROOT for none), the union of
   * validator_runtime_profiles.py:268: the base (the allowlists its gates pass, else core's default in core's
   * package) and the repository's baseline `validation/runtime_profiles_allowlist.yaml` (:92).
   */
  readonly allowlistedQ: Query<string[]> = this.db.query(
    'onexProfileAllowlist',
    (root) => {
      const all = this.deps.filesOf(FAMILY, 'allowlist');
      const passed = this.deps.filesOf(FAMILY, 'gates').flatMap((f) => {
        const x = this.facts(f);
        return x?.kind === 'gates' ? x.allowlists : [];
      });
      const base = passed.length > 0 ? passed : all.filter((f) => CORE_DEFAULT_ALLOWLIST.test(f));
      const repo = root === NO_ROOT ? [] : [joinRel(root, 'validation/runtime_profiles_allowlist.yaml') ?? ''];
      return [
        ...new Set(
          [...base, ...repo]
            .filter((f) => all.includes(f))
            .flatMap((f) => {
              const x = this.facts(f);
              return x?.kind === 'allowlist' ? x.nodeIds : [];
            }),
        ),
      ].sort();
    },
    sameList,
  );

  /**
   * The runtime-profile tables, from the project's omnibase_core (its fed modules: coreTables.ts) or built in; read
   * by every contract's profile rules, recomputed only when one of those modules or the METADATA beside them changes.
   */
  readonly coreTablesQ: Query<CoreTables> = this.db.query(
    'onexCoreTables',
    () => {
      const modules = this.deps.filesOf(FAMILY, 'core');
      const metadata = this.deps.filesOf(FAMILY, 'coreMetadata');
      const dir = corePackageDir(modules, metadata);
      const version = (f: string): string | null => {
        const x = this.facts(f);
        return x?.kind === 'coreMetadata' ? x.version : null;
      };
      // With no package, the pin the root's files give omnibase_core says which version the built-in tables stand for.
      const assumed = dir === null ? assumedFramework(this.files, BUILT_IN_CORE) : null;
      return coreTables({
        dir,
        version: dir === null ? null : besideVersion(dir, metadata, version),
        pinned: assumed?.pin ? { version: assumed.pin.version, file: assumed.pin.file } : null,
        module: (rel) => {
          const file = `${dir}/${rel}`;
          const x = modules.includes(file) ? this.facts(file) : null;
          return x?.kind === 'core' ? { file, facts: x } : null;
        },
      });
    },
    sameJson,
  );

  /** The node ids exempt for a contract, whose repository is the nearest directory with a pyproject.toml (:146). */
  allowlistedFor(contract: string): ReadonlySet<string> {
    const py = deepestHolding(contract, this.pyprojectDirsQ(NONE));
    return this.allowlistedSetQ(py === null ? NO_ROOT : dirOf(py));
  }
  private readonly allowlistedSetQ: Query<ReadonlySet<string>> = this.db.query(
    'onexProfileAllowlistSet',
    (root) => new Set(this.allowlistedQ(root)),
  );
  /** Every pyproject (ONEX or not) by directory: a repository's root for the allowlist. */
  private readonly pyprojectDirsQ: Query<ReadonlyMap<string, string>> = this.db.query('onexAllPyprojectDirs', () =>
    byDirectory(this.deps.filesOf(FAMILY, 'pyproject')),
  );

  /** The paths the gate files pass the tenant_scoped_ingress gate, the first file's first (ingressAllowlist.ts). */
  readonly ingressOptionsQ: Query<IngressOptions> = this.db.query(
    'onexIngressOptions',
    () => {
      const out: IngressOptions = { allowlist: null, producerRoot: null };
      for (const f of [...this.deps.filesOf(FAMILY, 'gates')].sort()) {
        const x = this.facts(f);
        if (x?.kind !== 'gates' || !x.ingress) continue;
        out.allowlist ??= x.ingress.allowlist;
        out.producerRoot ??= x.ingress.producerRoot;
      }
      return out;
    },
    sameJson,
  );

  /**
   * Topic → the contracts under a producer-scan root (the key) that publish it, as the tenant_scoped_ingress
   * gate's `collect_published_topics` indexes them (tenant_scoped_ingress_schema.py:157): read only when a
   * contract keeps a trusted-internal topic, so other edits never re-judge it.
   */
  readonly publishersQ: Query<Readonly<Record<string, readonly string[]>>> = this.db.query(
    'onexPublishers',
    (root) => {
      const m: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
      for (const f of this.contracts()) {
        const doc = this.contract(f);
        if (!doc || !isUnder(f, root) || f.split('/').includes('__pycache__')) continue;
        for (const t of new Set(gatePublishes(doc).map((p) => p.value))) (m[t] ??= []).push(f);
      }
      return m;
    },
    sameJson,
  );

  /**
   * A class reference resolved to the module file that defines the class; `default_handler`'s bare module relative to
   * the contract (discovery.py:583).
   */
  resolveRef(ref: ClassRef, contract: string): RefResolution {
    const { files, found, walk } = this.refModule(ref, contract);
    if (!found) {
      const bare = ref.form === 'colon' && !ref.module.includes('.');
      const own = bare || this.isOwn(ref.module);
      return { status: own ? 'no-module' : 'outside', file: null, tried: files, origin: null };
    }
    const origin = walk?.origin ?? null;
    if (origin?.status === 'absent') return { status: 'no-class', file: origin.file, tried: files, origin };
    return { status: 'ok', file: origin?.status === 'found' ? origin.file : found, tried: files, origin };
  }

  /** A reference's module (RefModule). */
  private refModule(ref: ClassRef, contract: string): RefModule {
    const py = this.pyprojectOf(contract);
    const bare = ref.form === 'colon' && !ref.module.includes('.');
    const files = bare
      ? [`${dirOf(contract)}/${ref.module}.py`]
      : moduleCandidates(ref.module, py ? sourceRoots(py) : ['src', '']).flatMap((c) => [c.pkgInit, c.moduleFile]);
    const found = files.find((f) => this.deps.exists(f)) ?? null;
    return { files, found, walk: found ? this.originWalk(py, found, ref.cls) : null };
  }

  /** Files the analysis reads when they exist: entry point modules, modules class references name, handler files. */
  readonly wantedQ: Query<string[]> = this.db.query(
    'onexContractWanted',
    () => {
      if (!this.isOnexRepo()) return [];
      const out = new Set<string>();
      for (const e of this.entriesQ(NONE)) {
        for (const c of moduleCandidates(splitEntry(e.ep.value).module, sourceRoots(e.file))) {
          out.add(c.pkgInit);
          out.add(c.moduleFile);
        }
        // The modules a re-export leads to, one hop further each time the host feeds them.
        const r = this.resolutionQ(entryKey(e.file, e.index));
        const attr = splitEntry(e.ep.value).attr;
        const loaded = r?.loaded?.kind === 'namespace' ? null : r?.loaded;
        const walk = attr && loaded ? this.originWalk(e.file, loaded.file, attr) : null;
        for (const f of walk?.read ?? []) out.add(f);
        // The contracts it may read: one another family claims (in a version directory) is read with the open ones.
        for (const f of r?.tried ?? []) out.add(f);
        // The packages the load runs, and the modules their imports name.
        const module = splitEntry(e.ep.value).module;
        if (r?.loaded) for (const f of this.loadOf(e.file, module, r.loaded).wanted) out.add(f);
      }
      for (const c of this.contracts().concat(this.handlerContracts())) {
        const doc = this.contract(c) ?? this.handler(c);
        for (const r of doc?.refs ?? []) {
          const bare = r.form === 'colon' && !r.module.includes('.');
          if (!bare && !this.isOwn(r.module)) continue;
          const m = this.refModule(r, c);
          for (const f of [...m.files, ...(m.walk?.read ?? [])]) out.add(f);
        }
      }
      for (const f of this.artifactRegistries())
        for (const p of this.artifactPaths(f)) if (!/[*?[]/.test(p)) out.add(p);
      // `onex compliance check` looks for a handler file beside each contract it reads (handlerResolution.ts).
      if (this.validatorsQ(NONE).includes('compliance-check')) {
        for (const c of this.contracts()) {
          const doc = this.contract(c);
          if (doc && reads('compliance-check', c)) for (const h of handlerFiles(c, doc)) out.add(h);
        }
      }
      return [...out].sort();
    },
    sameList,
  );

  /**
   * An artifact registry's paths and trigger globs, relative to the root (they are the repository's: the pyproject's
   * directory).
   */
  artifactPaths(file: string): string[] {
    const py = this.pyprojectOf(file);
    const base = py ? dirOf(py) : '';
    return (this.artifacts(file)?.artifacts ?? [])
      .flatMap((a) => [...(a.path ? [a.path.value] : []), ...a.triggers.map((t) => t.value)])
      .map((p) => (base === '' ? p : `${base}/${p}`));
  }
}
