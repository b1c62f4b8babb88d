// Which config JSON a pipeline DAG is compiled with, and what the compiler's resolver makes of its
// nodes there. A DAG pairs with the config its own module or notebook compiles it with
// (`PipelineDAGCompiler(config_path=…)` then `.compile(dag)`, `.validate_dag_compatibility(dag)`,
// `.preview_resolution(dag)`; `compile_dag_to_pipeline(dag=…, config_path=…)`, also with `dag_path=` for a
// DAG file), else with its project's: the one config JSON of the `pipeline_config/` (else `pipeline_configs/`)
// folder beside it, as `cursus projects list` finds it (`core/utils/project_discovery.py` 128-133, 196-201);
// else the config the setting `registryLens.cursus.pipelineConfig` names.
// Each node is resolved as `validate_dag_compatibility()` and `preview_resolution()` resolve it
// (`core/compiler/dag_compiler.py` 399-540, ../pairing/resolver.ts).
import { perDatabase, QueryGroup, type Index, type Query } from '../../../db/database';
import type { FileQueries } from '../../../analysis/files';
import type { Diagnostic, Range } from '../../../types';
import type { RegistryModel } from '../../../model/entries/registry';
import { fieldStr } from '../../../model/entries/source';
import { sameJson } from '../../../util/equality';
import { ZERO_RANGE } from '../../../text/ranges';
import { baseName, dirOf } from '../../../util/paths';
import { readConfig, type ConfigDoc } from '../pipelineConfig/read';
import { configClass } from '../pipelineConfig/classes';
import {
  generatedStepName,
  resolveNode,
  stepTypeOf,
  THRESHOLD,
  type ConfigInstance,
  type Resolution,
} from '../pairing/resolver';
import { diag } from './codes';
import { DAG_SETTINGS } from './settings';
import type { NodeRef } from './read';
import type { DagQueries } from './resolve';
import type { PyDagsDoc } from './python/build';
import { pathFrom } from './python/paths';

/** The config folders of a project, in the order cursus looks (`_CONFIG_DIR_NAMES`). */
const CONFIG_DIRS = ['pipeline_config', 'pipeline_configs'] as const;

/** A DAG's config: its path, and whether its code names it (with the call), its project holds it, or a setting. */
export interface Pairing {
  config: string;
  how: 'code' | 'project' | 'setting';
  at: Range | null;
}

/** A config as the resolver sees it, and what its class gives it. */
export interface PairedConfig extends ConfigInstance {
  keyRange: Range;
  /** The registry step whose class it is (null: the registry names none, so no builder is found). */
  step: string | null;
  builder: string | null;
}

interface Deps {
  files: FileQueries;
  model: RegistryModel;
  dags: DagQueries;
  /** The DAGs a module or notebook builds. */
  docOf: (file: string) => PyDagsDoc | null;
  /** The modules and notebooks that may compile a DAG. */
  modules: () => string[];
}

const group = perDatabase<PairingQueries>();

export function pairingQueries(deps: Deps): PairingQueries {
  return group(deps.files.db, () => new PairingQueries(deps.files.db, deps));
}

export class PairingQueries extends QueryGroup<Deps> {
  /** A config JSON as the compiler loads it (null: none, or no `metadata.config_types`). */
  readonly configDoc: Query<ConfigDoc | null> = this.db.query('pairConfigDoc', (path) => {
    const text = this.deps.files.textOf(path);
    return text === undefined ? null : readConfig(text);
  });

  /** The config a folder's project holds: the one config JSON of its config folder (null: none, or several). */
  readonly projectConfig: Query<string | null> = this.db.query('pairProjectConfig', (dir) => {
    for (const name of CONFIG_DIRS) {
      const files = this.deps.files.dirFilesInput.get(dir === '' ? name : `${dir}/${name}`);
      if (files.length === 0) continue;
      const configs = files.filter((f) => {
        const b = baseName(f);
        const doc = b.endsWith('.json') && !/^execut(?:e|ion)_doc/.test(b);
        return doc && this.configDoc(f) !== null;
      });
      return configs.length === 1 ? (configs[0] as string) : null;
    }
    return null;
  });

  /** The configs DAG files are compiled with by `compile_dag_to_pipeline(dag_path=…, config_path=…)`, by DAG file. */
  readonly dagFileConfigs: Index<Pairing[]> = this.db.index(
    'pairDagFileConfigs',
    () => {
      const out = new Map<string, Pairing[]>();
      for (const m of this.deps.modules()) {
        for (const p of this.deps.docOf(m)?.dagFiles ?? []) {
          const dag = pathFrom(dirOf(m), p.dag);
          const config = pathFrom(dirOf(m), p.config.path);
          if (dag === null || config === null) continue;
          out.set(dag, [...(out.get(dag) ?? []), { config, how: 'code', at: null }]);
        }
      }
      return out;
    },
    sameJson,
  );

  /** A config's entries as the resolver sees them, in `config_types` order (null: no config there). */
  readonly instances: Query<PairedConfig[] | null> = this.db.query(
    'pairInstances',
    (path) => {
      const doc = this.configDoc(path);
      return doc ? instancesOf(doc, this.deps.model, (f) => this.deps.files.textOf(f)) : null;
    },
    sameJson,
  );

  /** The configs a DAG file's code or project pairs it with. */
  pairingsOf(file: string, named: readonly { path: string | null; at: Range }[]): Pairing[] {
    const code = named.flatMap((n) => (n.path === null ? [] : [{ config: n.path, how: 'code' as const, at: n.at }]));
    const fromModules = file.endsWith('.dag.json') ? (this.dagFileConfigs.get(file) ?? []) : [];
    const all = [...code, ...fromModules];
    if (all.length > 0) return all.filter((p, i) => all.findIndex((q) => q.config === p.config) === i);
    const project = this.projectConfig(dirOf(file));
    if (project !== null) return [{ config: project, how: 'project', at: null }];
    const set = DAG_SETTINGS.of(this.deps.files.settings()).dagPipelineConfig;
    return set === null ? [] : [{ config: set, how: 'setting', at: null }];
  }

  /** How each node resolves in a config (null: the node resolves to none). */
  resolveAll(nodes: readonly NodeRef[], configs: readonly PairedConfig[]): Map<string, Resolution | null> {
    const out = new Map<string, Resolution | null>();
    const base = (n: string): string | null => this.deps.dags.resolve(n)?.step ?? null;
    for (const n of nodes) if (!out.has(n.name)) out.set(n.name, resolveNode(n.name, configs, base));
    return out;
  }

  /** The Explain rows of the nodes of one DAG that name `step`, each resolved as `preview_resolution()` shows it. */
  explainRows(file: string, nodes: readonly NodeRef[], pairings: readonly Pairing[], step: string): ExplainRow[] {
    const mine = nodes.filter((n, i) => nodes.findIndex((m) => m.name === n.name) === i);
    const named = mine.filter((n) => this.deps.dags.resolve(n.name)?.step === step);
    return pairings.flatMap((p) => {
      const configs = named.length ? this.instances(p.config) : null;
      if (!configs) return [];
      const resolved = this.resolveAll(named, configs);
      return named.map((n) => explainRow(file, n, p, resolved.get(n.name) ?? null));
    });
  }

  /** The diagnostics of a DAG's nodes against the configs it pairs with. */
  check(file: string, nodes: readonly NodeRef[], pairings: readonly Pairing[]): Diagnostic[] {
    return pairings.flatMap((p) => {
      const configs = this.instances(p.config);
      return configs ? checkNodes(file, nodes, p, configs, this.resolveAll(nodes, configs)) : [];
    });
  }
}

function instancesOf(doc: ConfigDoc, model: RegistryModel, textOf: (f: string) => string | undefined): PairedConfig[] {
  const steps = [...model.core.values()].map((e) => ({
    name: e.name,
    configClass: fieldStr(e, 'config_class'),
    builderStepName: fieldStr(e, 'builder_step_name'),
  }));
  const sharedJob = doc.shared.find((f) => f.name === 'job_type');
  return doc.types.flatMap((t) => {
    if (t.cls === null) return [];
    const own = doc.specific.find((s) => s.name === t.step)?.fields.find((f) => f.name === 'job_type') ?? sharedJob;
    const declared = configClass(model, t.cls, textOf)?.fields.has('job_type') ?? false;
    const value = own?.value.kind === 'str' ? own.value.value : own ? null : undefined;
    const row = steps.find((s) => s.configClass === t.cls) ?? null;
    const stepType = stepTypeOf(t.cls, steps);
    const step = row?.name ?? (model.core.has(stepType) ? stepType : null);
    const entry = step === null ? undefined : model.core.get(step);
    return [
      {
        key: t.step,
        keyRange: t.keyRange,
        cls: t.cls,
        stepType,
        jobType: value === undefined && declared ? null : value,
        step,
        builder: entry ? fieldStr(entry, 'builder_step_name') : null,
      },
    ];
  });
}

export interface ExplainRow {
  label: string;
  text: string;
  file: string;
  range: Range;
}

/** A node's resolution: config key, class, step, builder, job type, and how it matched (`preview_resolution()`). */
function explainRow(file: string, n: NodeRef, p: Pairing, r: Resolution | null): ExplainRow {
  const label = `${file}: ${n.name}`;
  if (!r) return { label, text: `no configuration in ${p.config} (RL097)`, file, range: n.range };
  const c = r.config as PairedConfig;
  const job = c.jobType ?? 'N/A';
  const text =
    `config '${c.key}' of ${p.config}, class ${c.cls}, step ${c.step ?? `${c.stepType} (not in the registry)`}, ` +
    `builder ${c.builder ?? 'none'}, job_type ${job}; matched by ${r.method}, confidence ${r.confidence.toFixed(2)}`;
  return { label, text, file, range: n.range };
}

/** Where the pairing comes from: the compile call, else the project's config. */
function pairedBy(file: string, p: Pairing): { file: string; range: Range; message: string } {
  if (p.at) return { file, range: p.at, message: 'the call compiling it with this config' };
  return {
    file: p.config,
    range: ZERO_RANGE,
    message: p.how === 'code' ? 'the config its code names' : "the project's config",
  };
}

function checkNodes(
  file: string,
  nodes: readonly NodeRef[],
  p: Pairing,
  configs: readonly PairedConfig[],
  resolved: ReadonlyMap<string, Resolution | null>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const byStep = new Map<string, NodeRef[]>();
  for (const n of nodes) {
    if (seen.has(n.name)) continue;
    seen.add(n.name);
    const r = resolved.get(n.name) ?? null;
    if (!r) {
      const message = `No configuration found for node '${n.name}' in ${p.config}: the compiler raises ResolutionError`;
      out.push(diag(file, n.range, 'RL097', message, { related: [pairedBy(file, p)] }));
      continue;
    }
    const c = r.config as PairedConfig;
    if (r.confidence < 1) {
      const how = r.confidence < THRESHOLD ? 'logging only a warning' : 'silently';
      const message =
        `No config key '${n.name}': the resolver binds it to '${c.key}' (${c.cls}) by a ${r.method} match ` +
        `(${r.confidence.toFixed(2)}), ${how}`;
      const related = [{ file: p.config, range: c.keyRange, message: 'the config it is bound to' }];
      out.push(diag(file, n.range, 'RL098', message, { related }));
    }
    if (c.step === null) {
      const message = `${c.cls} is no registry step's config_class: no builder is found for node '${n.name}'`;
      out.push(diag(file, n.range, 'RL100', message));
    }
    const name = generatedStepName(c);
    byStep.set(name, [...(byStep.get(name) ?? []), n]);
  }
  for (const [name, same] of byStep) {
    if (same.length < 2) continue;
    for (const n of same) {
      const others = same.filter((o) => o !== n);
      const message =
        `Node '${n.name}' and ${others.length} other(s) generate the step name '${name}': ` +
        'the compiler raises ResolutionError';
      const related = others.slice(0, 8).map((o) => ({ file, range: o.range, message: `'${o.name}'` }));
      out.push(diag(file, n.range, 'RL099', message, { related }));
    }
  }
  return out;
}
