// Stages 3–7 of the discovery pipeline as tracked queries, over the scan and id map (stages 1–2) and the
// modules map of stage 8 (moduleScan.ts) and the registry model: per group of meta files (a
// workspace's, or a bucket of core's) their bindings (stage 3), entry points and dependencies (stages
// 4, 6); per module its entry class and validation (stages 4–5); per context its cycles (stage 7).
// Each query calls its stage module and records what it reads, so no stage knows who depends on it.
// Where each stage lives (docs/pipeline.md says what each does against the SDKs), under families/apcore/:
// 1 scan.ts, apcoreConfig.ts; 2 idMap.ts, idMapFile.ts (both run by moduleScan.ts, with stage 8's modules map);
// 3 discovery/metadata.ts, metaSchema.ts, deprecation.ts, versionHint.ts, binding.ts; 4 discovery/entryPoint.ts,
// jsEntryPoint.ts (jsExports.ts, jsTokens.ts); 5 discovery/validate.ts; 6 discovery/dependencies.ts;
// 7 discovery/cycles.ts (util/graphOrder.ts); 8 discovery/moduleMerge.ts (model/discovery/mergedFields.ts).
// The step model runs them through its member interface (model/member.ts `stages`). Units: `apcore/apcore` (stages
// 1–2), `companions/metas:<group>` (a workspace's meta files, or one of 256 hash buckets of the others:
// what a group shares is read once, and binding never reads other companions' bindings),
// `apcore/mod:<file>` (stages 4–5 of one module), `companions/cyc:<context>` (stage 7: core reports every
// cycle among core entries and modules, a workspace only those through its own entries, and enters core
// only through an overridden name whose companion has edges).
import type { Diagnostic, Range } from '../../../types';
import type { PyClass } from '../../../python/facts';
import type { StepEntry } from '../../../model/entries/source';
import { resolvableNames, resolveName, type ResolutionLayer } from '../../../model/entries/resolve';
import { diag } from '../../../model/codes';
import { closest } from '../../../util/editDistance';
import { ZERO_RANGE } from '../../../text/ranges';
import { fieldValue } from '../../../model/entries/dictFields';
import { QueryGroup, type Query } from '../../../db/database';
import { sameData, sameJson, sameList } from '../../../util/equality';
import { STEP_SETTINGS } from '../../../model/settings';
import { entryKey, subjectCandidates, subjectFile } from '../../../model/discovery/subject';
import { bindMeta, type BindEnv } from './binding';
import { concreteCycle, cyclicComponents } from '../../../util/graphOrder';
import type { Binding, ClassFiles, DepEnv, Edge } from '../../../model/discovery/types';
import { CORE_GROUP, CORE_SCOPE } from '../../../model/discovery/stages';
import type { DiscoveryStages, StageInputs } from '../../../model/member';
import { parseVersion } from './versionHint';
import { bucketOf, byBucket } from '../../../util/buckets';
import { pairKey, pairOf } from '../../../util/pairKey';
import { invalidId } from '../scan';

interface MetaResult {
  diagnostics: Diagnostic[];
  edges: Edge[];
}

/**
 * Stages 4–5 of a module: its class (or export), what they report, the fields a TypeScript or JavaScript module's
 * code gives (null: read from the class), and whether its SDK puts it in the dependency graph (`graphed`).
 */
interface ModuleClassResult {
  cls: PyClass | null;
  file: string;
  diagnostics: Diagnostic[];
  code: Record<string, unknown> | null;
  graphed: boolean;
}

const NONE = '';

/** Buckets of core's edge owners read by its cycle search (2,000 owners: ~31 per bucket). */
const CYCLE_BUCKETS = 64;
/** Buckets of core's meta files (2,000 on a large org: ~8 per bucket, as many as a workspace has). */
const CORE_META_BUCKETS = 256;

export class PipelineQueries extends QueryGroup<StageInputs> implements DiscoveryStages {
  private get host(): StageInputs {
    return this.deps;
  }

  // ---- stage 3

  /** The context a meta file resolves in (its workspace when that workspace has a registry). */
  scopeOf(path: string): string | null {
    const dir = this.host.wsDirOf(path);
    return dir && this.host.model.workspaceId(dir) !== null ? dir : null;
  }

  private layers(wsDir: string | null): ResolutionLayer[] {
    return this.host.layers(wsDir);
  }
  private resolved(wsDir: string | null, name: string): StepEntry | null {
    return this.host.resolved(wsDir, name);
  }

  /**
   * Meta files are read in groups: each workspace partition (a workspace's own meta files, ~10) is one,
   * and core's (2,000 on a large org) fall in buckets by a hash of their path. A group's bindings,
   * results and edges are one query each, reading what its files share (the context's layers, the
   * settings) once: ten per-file queries for each meta file cost ~200,000 dependency links on a large
   * org. An edit of a meta file reads its group again.
   */
  private groupOf(m: string): string {
    const part = this.host.wsDirOf(m) ?? CORE_SCOPE;
    return part === CORE_SCOPE ? `${CORE_GROUP}${bucketOf(m, CORE_META_BUCKETS)}` : part;
  }
  /** Core's meta files by bucket. */
  private readonly coreMetaBucketsQ = this.db.query('coreMetaBuckets', () =>
    byBucket(this.partitionMetasQ(CORE_SCOPE), CORE_META_BUCKETS),
  );
  /** The meta files of a group, in path order. */
  private readonly groupMetasQ = this.db.query(
    'groupMetas',
    (group) =>
      (group.startsWith(CORE_GROUP)
        ? this.coreMetaBucketsQ(NONE).get(group.slice(CORE_GROUP.length))
        : this.partitionMetasQ(group)) ?? [],
    sameList,
  );
  /** Every group holding meta files (one unit each). */
  readonly metaGroupsQ = this.db.query(
    'metaGroups',
    () => [
      ...this.partitionNamesQ(NONE).filter((p) => p !== CORE_SCOPE),
      ...[...this.coreMetaBucketsQ(NONE).keys()].map((b) => `${CORE_GROUP}${b}`),
    ],
    sameList,
  );

  /** The bindings (stage 3) of a group's meta files. */
  private readonly groupBindingsQ: Query<Map<string, Binding | null>> = this.db.query(
    'groupBindings',
    (group) => {
      const out = new Map<string, Binding | null>();
      for (const m of this.groupMetasQ(group))
        out.set(m, this.host.metaDoc(m) ? bindMeta(m, this.bindEnv(this.scopeOf(m))) : null);
      return out;
    },
    sameData,
  );
  bindingOf(metaFile: string): Binding | null {
    return this.groupBindingsQ(this.groupOf(metaFile)).get(metaFile) ?? null;
  }

  /**
   * Meta files by partition: the workspace directory their path lies in, '' elsewhere. A companion in
   * a workspace with a registry binds only to that workspace's entries, so most lookups read one
   * partition; core and module entries are gathered from every partition that binds to them.
   */
  private readonly metaPartitionsQ = this.db.query('metaPartitions', () => {
    const out = new Map<string, string[]>();
    for (const m of this.host.metaFiles()) {
      const part = this.host.wsDirOf(m) ?? CORE_SCOPE;
      const list = out.get(part);
      if (list) list.push(m);
      else out.set(part, [m]);
    }
    return out;
  });
  private readonly partitionMetasQ = this.db.query(
    'partitionMetas',
    (part) => this.metaPartitionsQ(NONE).get(part) ?? [],
    sameList,
  );
  private readonly partitionNamesQ = this.db.query(
    'partitionNames',
    () => [...this.metaPartitionsQ(NONE).keys()],
    sameList,
  );

  /** One partition's meta files by the entry key they bind to, in path order. */
  private readonly partitionBindingsQ = this.db.query(
    'partitionBindings',
    (part) => {
      const out = new Map<string, string[]>();
      for (const m of this.partitionMetasQ(part)) {
        const key = this.bindingOf(m)?.entry;
        if (!key) continue;
        const list = out.get(key);
        if (list) list.push(m);
        else out.set(key, [m]);
      }
      return out;
    },
    sameData,
  );
  /** Whether a partition binds any core or module entry (only then is it read for them). */
  private readonly bindsCoreQ = this.db.query('bindsCore', (part) =>
    [...this.partitionBindingsQ(part).keys()].some((k) => scopeOfKey(k) === CORE_SCOPE),
  );
  private readonly coreBindingPartitionsQ = this.db.query(
    'coreBindingPartitions',
    () => this.partitionNamesQ(NONE).filter((p) => this.bindsCoreQ(p)),
    sameList,
  );

  /** Meta files bound to core and module entries, by key, in path order. */
  private readonly coreCompanions = this.db.index(
    'coreCompanions',
    () => {
      const out = new Map<string, string[]>();
      for (const part of this.coreBindingPartitionsQ(NONE)) {
        for (const [key, metas] of this.partitionBindingsQ(part)) {
          if (scopeOfKey(key) !== CORE_SCOPE) continue;
          const list = out.get(key);
          if (list) list.push(...metas);
          else out.set(key, [...metas]);
        }
      }
      for (const list of out.values()) list.sort();
      return out;
    },
    sameList,
  );

  /** Meta files bound to an entry key, in path order (the first is the entry's companion). */
  private companionsOfKey(key: string): string[] {
    const scope = scopeOfKey(key);
    return (scope === CORE_SCOPE ? this.coreCompanions.get(key) : this.partitionBindingsQ(scope).get(key)) ?? [];
  }

  /** Meta files listing a name among their dependencies (read by the editor features only). */
  private readonly depIndexQ = this.db.query('dependents', () => {
    const out = new Map<string, string[]>();
    for (const m of this.host.metaFiles()) {
      for (const n of this.depNamesQ(m)) {
        const list = out.get(n);
        if (list) list.push(m);
        else out.set(n, [m]);
      }
    }
    return out;
  });
  private readonly depNamesQ = this.db.query(
    'depNames',
    (m) => [...new Set((this.host.metaDoc(m)?.deps ?? []).map((d) => d.moduleId))],
    sameJson,
  );

  private bindEnv(wsDir: string | null): BindEnv {
    const { host } = this;
    const model = host.model;
    const ws = wsDir ? model.workspace(wsDir) : null;
    const own = this.layers(wsDir).filter((l) => (ws ? l.own && l.wsDir === wsDir : l.source === 'core'));
    const winner = (name: string): StepEntry | null => resolveName(own, name)?.entry ?? null;
    return {
      exists: (p) => host.exists(p),
      heldPath: (p) => host.heldPath(p),
      moduleOf: (file) => {
        const s = this.host.scan.moduleOf(file);
        if (!s) return null;
        const e = this.host.scan.modulesQ(NONE).get(s.id);
        return { entry: e && e.file === file ? e : null, mapped: s.idOrigin !== null };
      },
      classNames: (file) => (host.pyClasses(file) ?? []).map((c) => c.name),
      stepsUsing: (classes) => {
        const hits = new Map<string, StepEntry>();
        const consider = (e: StepEntry | null): void => {
          if (e && winner(e.name) === e) hits.set(e.name, e);
        };
        if (ws) {
          for (const l of own) for (const e of l.entries.values()) if (usesClass(e, classes)) consider(e);
        } else {
          for (const c of classes)
            for (const n of [...(model.coreByBuilder.get(c) ?? []), ...(model.coreByConfig.get(c) ?? [])])
              consider(model.core.get(n) ?? null);
        }
        return [...hits.values()];
      },
      stepNames: () => own.flatMap((l) => [...l.entries.keys()]),
      winner,
    };
  }

  // ---- stages 4 and 6, per group of meta files

  /** Stages 4 and 6 of a group's meta files: their diagnostics and dependency edges. */
  private readonly groupResultsQ: Query<Map<string, MetaResult | null>> = this.db.query(
    'groupResults',
    (group) => new Map(this.groupMetasQ(group).map((m) => [m, this.metaResult(m)])),
  );
  /** The diagnostics of a group's meta files (its unit). */
  groupDiagnostics(group: string): Diagnostic[] {
    return [...this.groupResultsQ(group).values()].flatMap((r) => r?.diagnostics ?? []);
  }
  /** The dependency edges of a group's meta files, equal while every file's are. */
  private readonly groupEdgesQ: Query<Map<string, Edge[]>> = this.db.query(
    'groupEdges',
    (group) => new Map([...this.groupResultsQ(group)].map(([m, r]) => [m, r?.edges ?? []])),
    sameData,
  );

  private metaResult(m: string): MetaResult | null {
    const doc = this.host.metaDoc(m);
    const b = this.bindingOf(m);
    if (!doc || !b) return null;
    const diagnostics: Diagnostic[] = [];
    if (!b.subject)
      diagnostics.push(
        diag(
          m,
          ZERO_RANGE,
          'RL021',
          `No subject file: ${m} describes ${subjectCandidates(m)[0] ?? ''}, which does not exist`,
        ),
      );
    const primary = b.entry ? this.companionsOfKey(b.entry)[0] : undefined;
    if (b.entry && primary && primary !== m) {
      diagnostics.push(
        diag(m, ZERO_RANGE, 'RL024', `'${b.name}' already has companion metadata in ${primary}; this file is ignored`, {
          severity: 'warning',
          related: [{ file: primary, range: ZERO_RANGE, message: `companion of '${b.name}'` }],
        }),
      );
    }
    const js = b.subject ? this.host.jsModule(b.subject) : null;
    const ep =
      js && b.subject
        ? this.host.scan.jsEntries.check(doc, b.subject, js)
        : this.host.rules.checkEntryPoint(doc, b.subject, this.classFiles());
    for (const d of ep.diagnostics) diagnostics.push(d);
    // discover() reads no dependency of a module it skips before the sort: the module is not in the graph
    if (b.subject && this.skippedFile(b.subject)) return { diagnostics, edges: [] };
    const env = this.depEnv(this.scopeOf(m));
    // a module is never suggested as its own dependency: the change would be a cycle (RL023)
    const deps = this.host.rules.resolveDeps(doc, {
      ...env,
      suggest: (name) => env.suggest(name).filter((n) => n !== b.name),
    });
    for (const d of deps.diagnostics) diagnostics.push(d);
    return { diagnostics, edges: deps.edges };
  }

  private classFiles(): ClassFiles {
    return { classes: (f) => this.host.pyClasses(f) };
  }

  /** `core` or the workspace id of a context. */
  contextName(wsDir: string | null): string {
    return wsDir ? (this.host.model.workspaceId(wsDir) ?? wsDir) : 'core';
  }

  private depEnv(wsDir: string | null): DepEnv {
    return {
      context: this.contextName(wsDir),
      resolve: (name) => this.resolved(wsDir, name),
      bound: (name) => this.host.boundId(name),
      suggest: (name) => this.suggestQ(pairKey(wsDir ?? CORE_SCOPE, name)),
      versionOf: (e) => this.versionOf(e),
      framework: (b) => this.host.framework(b),
      skipped: (e) => e.layer === 'module' && this.skippedFile(e.file),
    };
  }

  /**
   * Whether a file is a registered module its SDK's discover() skips before the dependency sort (its class does not
   * resolve or validate; for apcore-typescript, its id is invalid too): such a module is not in the dependency graph.
   */
  private skippedFile(file: string): boolean {
    const r = this.host.scan.moduleOf(file) ? this.moduleClassQ(file) : null;
    return r !== null && !r.graphed;
  }

  /**
   * The names of a context closest to an unknown one (at most 3, best first). The closest of all its
   * names are among the closest of the shared names and the closest of its own names (one order ranks
   * them: distance, then locale, then code units), so a context whose own names change reads the shared
   * names' part again, not the 2,000 core names.
   */
  private readonly suggestQ = this.db.query(
    'suggest',
    (key) => {
      const [scope, name] = pairOf(key);
      const shared = this.sharedSuggestQ(name);
      if (scope === CORE_SCOPE) return shared;
      return closest(name, mergeSorted([...shared].sort(), closest(name, this.ownNamesQ(scope), 3).sort()), 3);
    },
    sameList,
  );
  private readonly sharedSuggestQ = this.db.query(
    'sharedSuggest',
    (name) => closest(name, this.sharedNamesQ(NONE), 3),
    sameList,
  );
  /** Names a context resolves through workspace layers, sorted; equal while no name comes or goes. */
  private readonly ownNamesQ = this.db.query(
    'ownNames',
    (scope) => {
      const own = new Set<string>();
      for (const l of this.layers(scope)) if (l.wsDir !== null) for (const n of l.entries.keys()) own.add(n);
      return [...own].sort();
    },
    sameList,
  );
  /** The names every context resolves (core and modules: the layers without a workspace), sorted. */
  private readonly sharedNamesQ = this.db.query(
    'sharedNames',
    () => resolvableNames(this.host.model, null, STEP_SETTINGS.of(this.host.settings()).mode),
    sameList,
  );

  versionOf(e: StepEntry): { value: string; declared: boolean; at: { file: string; range: Range } | null } {
    const meta = this.primaryOf(e);
    const doc = meta ? this.host.metaDoc(meta) : null;
    const node = doc?.fields.get('version');
    if (doc?.version && node)
      return { value: doc.version, declared: true, at: { file: doc.file, range: node.value.range } };
    const found = e.layer === 'module' ? this.entryClassOf(e.file) : null;
    const attr = found?.cls.strAttrs['version'];
    if (found && attr && parseVersion(attr))
      return { value: attr, declared: true, at: { file: found.file, range: found.cls.nameRange } };
    return { value: this.host.rules.defaultVersion, declared: false, at: null };
  }

  // ---- stages 4–5, per module

  /**
   * Stages 4–5 for a registered module: its class from `entry_point`, the id map's `class`, or duck
   * typing, and its validation; for a TypeScript or JavaScript module, the export apcore-typescript
   * registers (`code`: the fields its code gives), validated as that SDK does.
   */
  readonly moduleClassQ: Query<ModuleClassResult | null> = this.db.query(
    'moduleClass',
    (file) => {
      const s = this.host.scan.scannedQ(file);
      const entry = s ? this.host.scan.modulesQ(NONE).get(s.id) : undefined;
      if (!s || !entry || entry.file !== file) return null;
      const primary = this.primaryOf(entry);
      const meta = primary ? this.host.metaDoc(primary) : null;
      const js = this.host.jsModule(file);
      if (js) {
        const r = this.host.scan.jsEntries.resolve(file, js, meta);
        const validation = r.entry ? this.host.scan.jsEntries.validate(file, s.id, r.entry) : [];
        return {
          cls: r.entry ? this.host.scan.jsEntries.asClass(r.entry) : null,
          file,
          diagnostics: [...r.diagnostics, ...validation],
          code: r.entry?.fields ?? null,
          // apcore-typescript drops an invalid id before the sort (registry.ts:428-429, `_filterIdConflicts`)
          graphed: r.entry !== null && validation.length === 0 && invalidId(s.id) === null,
        };
      }
      const classes = this.host.pyClasses(file);
      if (classes === null) return null;
      const found = meta?.entryPoint
        ? { cls: this.host.rules.checkEntryPoint(meta, file, this.classFiles()).cls, diagnostics: [] }
        : this.host.rules.detectEntryClass(file, classes, s.mappedClass);
      const validation = found.cls ? this.host.rules.validate(file, s.id, found.cls) : [];
      // a valid class registers, and its companion's examples are merged then
      const examples = found.cls && validation.length === 0 && meta ? this.host.rules.exampleProblems(meta, s.id) : [];
      return {
        cls: found.cls,
        file,
        diagnostics: [...found.diagnostics, ...validation, ...examples],
        code: null,
        // apcore-python sorts every valid class and drops a reserved id only after (registry.py:420-422)
        graphed: found.cls !== null && validation.length === 0,
      };
    },
    sameJson,
  );

  readonly moduleDiagnosticsQ: Query<Diagnostic[]> = this.db.query(
    'moduleDiagnostics',
    (file) => this.moduleClassQ(file)?.diagnostics ?? [],
    sameJson,
  );

  // ---- stage 7, per context

  /**
   * Keys of the entries whose first companion is one of a group's meta files and lists some dependency,
   * sorted: equal while they are, so a dependency added or dropped beside others reaches no cycle search.
   */
  private readonly groupOwnersQ = this.db.query(
    'groupOwners',
    (group) => {
      const out = new Set<string>();
      for (const m of this.groupMetasQ(group)) {
        const key = this.bindingOf(m)?.entry;
        if (key && this.companionsOfKey(key)[0] === m && this.edgesOf(m).length > 0) out.add(key);
      }
      return [...out].sort();
    },
    sameList,
  );

  /** Keys of the entries of a scope whose companion has edges (the starts of its cycle search). */
  readonly edgeOwnersOfQ: Query<string[]> = this.db.query(
    'edgeOwnersOf',
    (scope) => {
      // A workspace's entries have their companions in its own partition; core's and the modules', in
      // core's buckets and the partitions that bind them.
      const groups =
        scope !== CORE_SCOPE
          ? [scope]
          : [
              ...this.metaGroupsQ(NONE).filter((g) => g.startsWith(CORE_GROUP)),
              ...this.coreBindingPartitionsQ(NONE).filter((p) => p !== CORE_SCOPE),
            ];
      const out = new Set<string>();
      for (const g of groups) for (const key of this.groupOwnersQ(g)) if (scopeOfKey(key) === scope) out.add(key);
      return [...out].sort();
    },
    sameList,
  );

  /** Core's edge owner names by bucket (a hash of the name): an owner that comes or goes changes one bucket. */
  private readonly coreEdgeBuckets = this.db.index(
    'coreEdgeBuckets',
    () => byBucket(this.coreEdgeOwnersQ(NONE), CYCLE_BUCKETS),
    sameList,
  );
  /**
   * The out-neighbours of one bucket of core's edge owners: a dependency edit re-reads one bucket's edges, not the
   * whole core graph's.
   */
  private readonly coreEdgeBucketQ = this.db.query(
    'coreEdgeBucket',
    (b) => new Map((this.coreEdgeBuckets.get(b) ?? []).map((n) => [n, this.outEdges(null, n).map((e) => e.to)])),
    sameData,
  );
  private readonly coreEdgeOwnersQ = this.db.query(
    'coreEdgeOwners',
    () => [...new Set(this.edgeOwnersOfQ(CORE_SCOPE).map(nameOfKey))].sort(),
    sameList,
  );

  /** Scopes with cycles to check: core and every workspace (edges are owned by entries of those only). */
  readonly cycleScopesQ = this.db.query('cycleScopes', () => [CORE_SCOPE, ...this.host.contextDirs()], sameList);

  /**
   * RL023 of one context. Core: every cycle among core entries and modules. A workspace (isolated
   * mode): only cycles through its own entries — the others are core's.
   */
  readonly cyclesQ: Query<Diagnostic[]> = this.db.query('cycles', (scope) => {
    const wsDir = scope === CORE_SCOPE ? null : scope;
    const model = this.host.model;
    if (wsDir && model.workspaceId(wsDir) === null) return [];
    const hybrid = STEP_SETTINGS.of(this.host.settings()).mode === 'hybrid';
    const isSpecific = (n: string): boolean => this.specificQ(pairKey(scope, n));
    // Each name's out-neighbours read once (the search asks again); core's owners' come from the buckets.
    const memo = new Map<string, string[]>();
    const edgesOf = (n: string): string[] => {
      let to = memo.get(n);
      if (!to) memo.set(n, (to = this.outEdges(wsDir, n).map((e) => e.to)));
      return to;
    };
    let out = edgesOf;
    let starts: string[];
    if (!wsDir) {
      // Only owners have out-edges in core's context (a name's out-edges are those of its winner's first
      // companion, and that companion makes the winner an owner): the others' lists are empty.
      starts = this.coreEdgeOwnersQ(NONE);
      for (let b = 0; b < CYCLE_BUCKETS; b++) for (const [n, to] of this.coreEdgeBucketQ(String(b))) memo.set(n, to);
      out = (n) => memo.get(n) ?? [];
    } else if (hybrid) {
      starts = this.edgeSources(wsDir).filter(isSpecific);
    } else {
      starts = [...new Set(this.edgeOwnersOfQ(wsDir).map(nameOfKey))].filter((n) => isSpecific(n) && out(n).length > 0);
      if (!starts.some((n) => model.core.has(n) || model.modules.has(n))) {
        const specific = new Map<string, string[]>();
        out = (n) => {
          let to = specific.get(n);
          if (!to) specific.set(n, (to = edgesOf(n).filter(isSpecific)));
          return to;
        };
      }
    }
    const diags: Diagnostic[] = [];
    for (const scc of cyclicComponents(starts, out)) {
      if (wsDir && !scc.some(isSpecific)) continue;
      diags.push(
        ...this.host.rules.cycleDiagnostics(
          concreteCycle(scc, out),
          (from, to) => {
            const e = this.outEdges(wsDir, from).find((x) => x.to === to);
            return e ? { file: e.file, range: e.range } : null;
          },
          wsDir ? this.contextName(wsDir) : null,
        ),
      );
    }
    return diags;
  });

  /**
   * Whether a name resolves, in a context, to a workspace's entry that the context's cycles are about (its own; any
   * workspace's in hybrid mode).
   */
  private readonly specificQ: Query<boolean> = this.db.query('specific', (key) => {
    const [scope, name] = pairOf(key);
    const wsDir = scope === CORE_SCOPE ? null : scope;
    const l = resolveName(this.layers(wsDir), name)?.layer;
    return !!l && l.wsDir !== null && (STEP_SETTINGS.of(this.host.settings()).mode === 'hybrid' || l.wsDir === wsDir);
  });

  /** Out-edges of a name in a context, equal while its winner's companion and that companion's edges are. */
  private readonly outEdgesQ: Query<{ to: string; optional: boolean; file: string; range: Range }[]> = this.db.query(
    'outEdges',
    (key) => {
      const [scope, name] = pairOf(key);
      const e = this.resolved(scope === CORE_SCOPE ? null : scope, name);
      const meta = e ? this.primaryOf(e) : null;
      // Built field by field: a spread gave each of these objects a hidden class of its own (15,000 on a large org).
      return meta
        ? this.edgesOf(meta).map((x) => ({ to: x.to, range: x.range, optional: x.optional, file: meta }))
        : [];
    },
    sameData,
  );

  // ---- reads for the hosts and the editor features

  /**
   * Files worth looking for on disk: subject candidates of meta files without a subject, mapped files. A meta file
   * has a binding when its document reads and a subject when `subjectFile` finds one (`bindMeta`): asked in the other
   * order, the files are the same and no binding is made (a host asks this between the steps of a cold start, before
   * the units that bind the meta files have run: binding them all held the event loop; bench/README.md).
   */
  readonly wantedQ = this.db.query(
    'wanted',
    () => {
      const out = new Set<string>(this.host.scan.mappedQ(NONE));
      const exists = (p: string): boolean => this.host.exists(p);
      for (const m of this.host.metaFiles())
        if (subjectFile(m, exists) === undefined && this.host.metaDoc(m))
          for (const p of subjectCandidates(m)) out.add(p);
      return [...out].sort();
    },
    sameJson,
  );

  /** Files a meta file or the id map looks at: every subject candidate, mapped files. */
  readonly watchedQ = this.db.query('watched', () => {
    const out = new Set<string>(this.host.scan.mappedQ(NONE));
    for (const m of this.host.metaFiles()) for (const p of subjectCandidates(m)) out.add(p);
    return out;
  });

  /** Whether a file is looked at by a meta file (subject, entry point) or named by the id map. */
  watches(path: string): boolean {
    return this.watchedQ(NONE).has(path);
  }

  /** The companion that describes an entry (the first in path order when several bind to it). */
  primaryOf(e: StepEntry): string | null {
    return this.companionsOfKey(entryKey(e))[0] ?? null;
  }
  companionsOf(e: StepEntry): string[] {
    return this.companionsOfKey(entryKey(e));
  }
  edgesOf(metaFile: string): Edge[] {
    return this.groupEdgesQ(this.groupOf(metaFile)).get(metaFile) ?? [];
  }
  /** The class a registered module resolves to (stage 4), with the file it is defined in. */
  entryClassOf(moduleFile: string): { file: string; cls: PyClass; code: Record<string, unknown> | null } | null {
    const r = this.moduleClassQ(moduleFile);
    return r?.cls ? { file: r.file, cls: r.cls, code: r.code } : null;
  }
  /** Meta files that list `name` among their dependencies. */
  dependentsOf(name: string): string[] {
    return [...(this.depIndexQ(NONE).get(name) ?? [])].sort();
  }
  /** Out-edges of a name in a context: the resolved dependencies of its winner's companion. */
  outEdges(wsDir: string | null, name: string): { to: string; optional: boolean; file: string; range: Range }[] {
    return this.outEdgesQ(pairKey(wsDir ?? CORE_SCOPE, name));
  }
  /** Names of entries whose companion has edges, visible from a context in a mode (the settings' by default). */
  edgeSources(wsDir: string | null, mode = STEP_SETTINGS.of(this.host.settings()).mode): string[] {
    const out = new Set<string>();
    const scopes = mode === 'isolated' ? [CORE_SCOPE, ...(wsDir ? [wsDir] : [])] : this.cycleScopesQ(NONE);
    for (const scope of scopes) for (const k of this.edgeOwnersOfQ(scope)) out.add(nameOfKey(k));
    return [...out].sort();
  }
}

function usesClass(e: StepEntry, classes: ReadonlySet<string>): boolean {
  for (const f of ['builder_step_name', 'config_class']) {
    const v = fieldValue(e.fields, f);
    if (v?.kind === 'str' && classes.has(v.value)) return true;
  }
  return false;
}

function nameOfKey(key: string): string {
  return key.slice(key.indexOf('|', key.indexOf('|') + 1) + 1);
}

function scopeOfKey(key: string): string {
  const [layer, wsDir] = key.split('|');
  return layer === 'core' || layer === 'module' ? CORE_SCOPE : (wsDir ?? CORE_SCOPE);
}

/** The sorted union of two sorted lists of distinct names (the order of `Array.prototype.sort`). */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) {
      out.push(x as string);
      i++;
    } else if (x === undefined || y < x) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}
