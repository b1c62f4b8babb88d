// The ONEX-contracts family's tracked queries: the `onex.nodes` entry points of every pyproject, each
// resolved to the module it loads and the contract auto-wiring reads (resolve.ts), the contracts each
// entry point owns, contract names in discovery's order, class references resolved to files, and the
// validators the repository runs. One group per engine, shared by checks and editor features.
import { perDatabase, QueryGroup, type Query } from '../../../db/database';
import type { FileQueries } from '../../../analysis/files';
import { sameJson, sameList } from '../../../util/equality';
import { dirOf, isUnder, joinRel } from '../../../util/paths';
import { classifyContract, FAMILY, type ContractFacts } from './facts';
import { explicitContractPath } from './explicitPath';
import { contractFiles } from './reader';
import type { EntryPoint, PyprojectDoc } from './pyproject';
import type { ClassRef, ContractDoc } from './contractDoc';
import type { ArtifactDoc } from './artifactDoc';
import { contractCandidates, moduleCandidates, sourceRoots, splitEntry, type Loaded } from './resolve';
import { originOf, type Origin, type OriginWalk } from './origin';
import { declaredValidators, reads, type ValidatorId } from './validators';
import { handlerFiles } from './handlerResolution';
import { ONEX_CONTRACT_SETTINGS } from './settings';
import { shapeObjections } from './shapeRules';
import { gatePublishes } from './ingress';
import type { IngressAllowlist, IngressOptions } from './ingressAllowlist';

const NONE = '';
/** The allowlist key of a contract with no pyproject.toml above it. */
const NO_ROOT = '\0';
/** core's default allowlist, beside the validator in core's package (validator_runtime_profiles.py:85). */
const CORE_DEFAULT_ALLOWLIST = /(^|\/)omnibase_core\/validation\/runtime_profiles_allowlist\.yaml$/;

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

  entry(key: string): EntryRef | null {
    return this.entriesQ(NONE).find((e) => entryKey(e.file, e.index) === key) ?? null;
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

  /**
   * Whether an entry point names a module in this directory's package or below it (its load may fail, but it names the
   * node).
   */
  namedByEntry(dir: string): boolean {
    return this.entriesQ(NONE).some((e) =>
      sourceRoots(e.file).some((r) => {
        const rel = (r === '' ? dir : dir.startsWith(`${r}/`) ? dir.slice(r.length + 1) : null)?.split('/').join('.');
        const m = splitEntry(e.ep.value).module;
        return !!rel && (m === rel || m.startsWith(`${rel}.`));
      }),
    );
  }

  /** The pyproject whose directory holds a path (the deepest), else the first. */
  pyprojectOf(path: string): string | null {
    const all = this.onexPyprojectsQ(NONE);
    const holding = all.filter((f) => dirOf(f) === '' || isUnder(path, dirOf(f)));
    return holding.sort((a, b) => b.length - a.length)[0] ?? all[0] ?? null;
  }

  /** One entry point resolved the way `discover_contracts` does (discovery.py:135-183). */
  readonly resolutionQ: Query<EntryResolution | null> = this.db.query(
    'onexEntryResolution',
    (key) => {
      const e = this.entry(key);
      if (!e) return null;
      const { module, attr } = splitEntry(e.ep.value);
      const own = this.ownPackagesQ(NONE).includes(module.split('.')[0] ?? '');
      let loaded: Loaded | null = null;
      for (const c of moduleCandidates(module, sourceRoots(e.file))) {
        if (this.deps.exists(c.pkgInit)) loaded = { kind: 'package', file: c.pkgInit, dir: c.pkgDir };
        else if (this.deps.exists(c.moduleFile))
          loaded = { kind: 'module', file: c.moduleFile, dir: dirOf(c.moduleFile) };
        else if (this.deps.exists(`${c.pkgDir}/contract.yaml`)) loaded = { kind: 'namespace', dir: c.pkgDir };
        if (loaded) break;
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
        const strategy = 'its contract_path (strategy 1, discovery.py:333)';
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

  /** Where `name` in `file` comes from (origin.ts), absolute imports under `pyproject`'s source roots. */
  originWalk(pyproject: string | null, file: string, name: string): OriginWalk {
    return this.originQ(`${pyproject ?? 'pyproject.toml'}\0${file}\0${name}`);
  }

  private readonly originQ: Query<OriginWalk> = this.db.query(
    'onexOrigin',
    (key) => {
      const [py = '', file = '', name = ''] = key.split('\0');
      const ctx = {
        exists: (p: string) => this.deps.exists(p),
        textOf: (p: string) => this.deps.textOf(p),
        roots: sourceRoots(py),
        own: this.ownPackagesQ(NONE),
      };
      return originOf(ctx, file, name);
    },
    sameJson,
  );

  /** The `contract_path` of a loaded module (`attr` null) or of its class `attr` (explicitPath.ts), judged. */
  private explicitOf(file: string, attr: string | null): ExplicitUse | null {
    const e = explicitContractPath(this.deps.textOf(file) ?? '', file, attr);
    if (!e) return null;
    if (e.kind !== 'path') return { file, line: e.line, path: null, outcome: e.kind, why: e.why };
    // Only files named contract.yaml are fed to the family: another name's existence is not known.
    if (classifyContract(e.path)?.role !== 'contract') {
      const why = `'${e.path}' is no contract.yaml this reads`;
      return { file, line: e.line, path: e.path, outcome: 'undecided', why };
    }
    const at = { file, line: e.line, path: e.path };
    return this.deps.exists(e.path)
      ? { ...at, outcome: 'read', why: `'${e.path}' exists` }
      : { ...at, outcome: 'missing', why: `'${e.path}' is no file: discovery falls through (discovery.py:335)` };
  }

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
    return doc === null || shapeObjections(doc).some((o) => o.validator === 'auto-wiring');
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

  /** The node ids exempt for a contract, whose repository is the nearest directory with a pyproject.toml (:146). */
  allowlistedFor(contract: string): ReadonlySet<string> {
    const roots = this.deps
      .filesOf(FAMILY, 'pyproject')
      .map(dirOf)
      .filter((d) => isUnder(contract, d))
      .sort((a, b) => b.length - a.length);
    return new Set(this.allowlistedQ(roots[0] ?? NO_ROOT));
  }

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
      const own = bare || this.ownPackagesQ(NONE).includes(ref.module.split('.')[0] ?? '');
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
      const own = this.ownPackagesQ(NONE);
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
      }
      for (const c of this.contracts().concat(this.handlerContracts())) {
        const doc = this.contract(c) ?? this.handler(c);
        for (const r of doc?.refs ?? []) {
          const bare = r.form === 'colon' && !r.module.includes('.');
          if (!bare && !own.includes(r.module.split('.')[0] ?? '')) continue;
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
