// Deterministic synthetic cursus organisation for the benchmark: a core STEP_NAMES registry, developer
// workspaces with LOCAL_STEPS/STEP_OVERRIDES/WORKSPACE_METADATA, and builder/config modules shaped like
// the real ones (examples/demo-workspace), with a sprinkling of seeded problems so the diagnostics are
// not trivially empty. The same parameters always give byte-identical files, so a generated tree is
// reused across runs and results are comparable across machines and commits.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Rng, hashString } from './rng';
import { planMetas, renderMeta, type MetaModel } from './metaFiles';
import { ensureWritten, type GeneratedOrg, type GeneratedSpec } from './workload';

/** Bump when the shape of generated files changes on purpose (the fingerprint catches most accidents too). */
export const GENERATOR_VERSION = 2;

export interface OrgParams {
  name: string;
  coreSteps: number;
  workspaces: number;
  entriesPerWorkspace: number;
  /** Builder + config modules, core and workspaces together (excluding `__init__.py`). */
  componentFiles: number;
  /** Companion `*_meta.yaml` files, one beside each builder module (core first) up to this many. */
  metaFiles: number;
  seed: number;
}

export const ORGS: Record<'small' | 'large' | 'xlarge', OrgParams> = {
  small: {
    name: 'small',
    coreSteps: 200,
    workspaces: 100,
    entriesPerWorkspace: 25,
    componentFiles: 2_000,
    metaFiles: 1_000,
    seed: 20_241,
  },
  large: {
    name: 'large',
    coreSteps: 2_000,
    workspaces: 1_000,
    entriesPerWorkspace: 25,
    componentFiles: 20_000,
    metaFiles: 10_000,
    seed: 20_241,
  },
  // 3× the workspaces, their modules and companions of large; the core stays at 2,000 steps, since a
  // core registry of 6,000 (2.3 MB) is over the 2 MiB file cap and would be skipped.
  xlarge: {
    name: 'xlarge',
    coreSteps: 2_000,
    workspaces: 3_000,
    entriesPerWorkspace: 25,
    componentFiles: 52_000,
    metaFiles: 30_000,
    seed: 20_241,
  },
};

export type PyValue = string | number | string[];
export interface Field {
  key: string;
  value: PyValue;
  comment?: string;
}
export interface EntryModel {
  name: string;
  fields: Field[];
  comment?: string;
}

export interface WsModel {
  /** Directory name under developer_workspaces/developers. */
  dirName: string;
  registryPath: string;
  team: string;
  local: EntryModel[];
  overrides: EntryModel[];
  metadata: Field[];
  /** Family base names (each has its own builder and config module). */
  families: string[];
}

export interface ComponentSpec {
  path: string;
  kind: 'builder' | 'config';
  /** Human words of the step (for docstrings). */
  words: string[];
  snake: string;
  /** The classes the module defines (the first is the main one). */
  classes: string[];
  /** Class the builder imports from its config module. */
  configClass: string;
  stepType: string;
  /** Variant suffixes, for config modules that also define variant configs. */
  variants: string[];
  seed: number;
}

export interface OrgModel {
  params: OrgParams;
  corePath: string;
  core: EntryModel[];
  workspaces: WsModel[];
  components: ComponentSpec[];
  /** Every step name used anywhere, so edits can invent fresh ones. */
  taken: Set<string>;
  /** What problems were planted, for the report. */
  seeded: Record<string, number>;
  metas: MetaModel[];
}

export const WS_ROOT = 'developer_workspaces/developers';
const CORE_ROOT = 'src/cursus';

const FRAMEWORKS = [
  'XGBoost',
  'PyTorch',
  'LightGBM',
  'Pandas',
  'Polars',
  'Spark',
  'SKLearn',
  'TensorFlow',
  'Bedrock',
  'Dask',
];
const SUBJECTS = [
  'Tabular',
  'Temporal',
  'Currency',
  'Risk',
  'Label',
  'Feature',
  'Model',
  'Batch',
  'Payload',
  'Stratified',
  'Missing',
  'Duplicate',
  'Percentile',
  'Pseudo',
  'Active',
  'Hyperparameter',
  'Cradle',
  'Dummy',
  'Sequence',
  'Text',
  'Image',
  'Graph',
  'Embedding',
  'Fraud',
  'Customer',
  'Transaction',
  'Session',
  'Geo',
  'Price',
  'Inventory',
  'Demand',
  'Churn',
  'Ranking',
  'Search',
  'Click',
  'Audio',
  'Anomaly',
  'Forecast',
  'Policy',
  'Consent',
];
const ACTIONS = [
  'Preprocessing',
  'Training',
  'Evaluation',
  'Calibration',
  'Inference',
  'Registration',
  'Selection',
  'Mapping',
  'Normalization',
  'Imputation',
  'Removal',
  'Conversion',
  'Generation',
  'Execution',
  'Sampling',
  'Loading',
  'Packaging',
  'Validation',
  'Monitoring',
  'Aggregation',
  'Encoding',
  'Tokenization',
  'Extraction',
  'Scoring',
  'Merge',
  'Split',
  'Export',
  'Deployment',
  'Compilation',
  'Profiling',
];
const STEP_TYPE_OF: Record<string, string> = {
  Training: 'Training',
  Inference: 'Transform',
  Scoring: 'Transform',
  Registration: 'RegisterModel',
  Deployment: 'Lambda',
  Compilation: 'CreateModel',
};
const TEAMS = [
  ['nlp', 'Nlp'],
  ['vision', 'Vision'],
  ['risk', 'RiskMl'],
  ['ads', 'Ads'],
  ['search', 'SearchRel'],
  ['fraud', 'FraudOps'],
  ['pricing', 'Pricing'],
  ['supply', 'Supply'],
  ['growth', 'Growth'],
  ['speech', 'Speech'],
  ['recsys', 'Recsys'],
  ['payments', 'Payments'],
  ['trust', 'Trust'],
  ['maps', 'Maps'],
  ['ops', 'MlOps'],
  ['health', 'Health'],
  ['media', 'Media'],
  ['retail', 'Retail'],
  ['logistics', 'Logistics'],
  ['forecast', 'Forecasting'],
] as const;
const FIRST_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'victor',
  'walter',
  'yara',
  'zoe',
  'amir',
  'bea',
  'chen',
  'dana',
  'eli',
  'fatima',
  'gus',
  'hana',
  'ines',
];
const VARIANT_SUFFIXES = [
  'Training',
  'Validation',
  'Calibration',
  'Testing',
  'Batch',
  'Export',
  'Scoring',
  'Lite',
  'V2',
  'Streaming',
  'Incremental',
  'Distributed',
];
const ENVIRONMENTS = ['development', 'staging', 'production', 'cpu', 'gpu', 'memory_optimized', 'spot'];
const JOB_TYPES = ['training', 'validation', 'testing', 'calibration'];
const STRATEGIES = ['workspace_priority', 'framework_match', 'environment_match', 'priority_based'];

/**
 * Where generated orgs live: outside the clone (`vsce package` walks every file of the checkout before
 * applying `.vscodeignore`, so tens of thousands of generated files there slowed every packaging), in a
 * cache that later runs reuse; `RL_BENCH_DIR` moves it.
 */
export const GENERATED = process.env.RL_BENCH_DIR || join(homedir(), '.cache', 'registry-lens-bench', 'orgs');

/** Where a generated org lives: GENERATED/<name>. */
export function orgDir(generatedRoot: string, p: OrgParams): string {
  return join(generatedRoot, p.name);
}

export function wsRegistryPath(dirName: string): string {
  return `${WS_ROOT}/${dirName}/src/cursus_dev/registry/workspace_registry.py`;
}

function snakeOf(words: string[]): string {
  return words.map((w) => w.toLowerCase()).join('_');
}

function humanOf(words: string[]): string {
  return words.join(' ');
}

function stepTypeOf(words: string[]): string {
  const action = words[words.length - 1] ?? '';
  if (words.includes('Cradle') && action === 'Loading') return 'CradleDataLoading';
  return STEP_TYPE_OF[action] ?? 'Processing';
}

/** Builds the whole org as data (cheap: component texts are rendered only when written). */
export function buildOrg(p: OrgParams): OrgModel {
  const wsFiles = p.componentFiles - 2 * p.coreSteps;
  const familiesPerWs = wsFiles / p.workspaces / 2;
  if (!Number.isInteger(familiesPerWs) || familiesPerWs < 1)
    throw new Error(`${p.name}: component files must split evenly into builder+config pairs per workspace`);
  const rng = new Rng(p.seed ^ hashString(p.name));
  const taken = new Set<string>();
  const seeded: Record<string, number> = {};
  const plant = (what: string): void => {
    seeded[what] = (seeded[what] ?? 0) + 1;
  };

  // ---- core
  const coreRng = rng.fork(1);
  const coreWords: string[][] = [];
  while (coreWords.length < p.coreSteps) {
    const words = coreRng.chance(0.55)
      ? [coreRng.pick(FRAMEWORKS), coreRng.pick(SUBJECTS), coreRng.pick(ACTIONS)]
      : [coreRng.pick(SUBJECTS), coreRng.pick(ACTIONS)];
    const name = words.join('');
    if (taken.has(name)) continue;
    taken.add(name);
    coreWords.push(words);
  }
  const core: EntryModel[] = [];
  const components: ComponentSpec[] = [];
  const coreBuilderTypos = new Set(coreRng.sample(range(p.coreSteps), Math.max(1, Math.round(p.coreSteps * 0.005))));
  const coreConfigTypos = new Set(coreRng.sample(range(p.coreSteps), Math.max(1, Math.round(p.coreSteps * 0.005))));
  const coreNoDescription = new Set(coreRng.sample(range(p.coreSteps), Math.max(1, Math.round(p.coreSteps * 0.002))));
  coreWords.forEach((words, i) => {
    const name = words.join('');
    const utility = coreRng.chance(0.01);
    const stepType = utility ? 'Utility' : stepTypeOf(words);
    const fields: Field[] = [
      { key: 'config_class', value: `${name}Config` },
      { key: 'builder_step_name', value: `${name}StepBuilder` },
      { key: 'spec_type', value: name },
      {
        key: 'sagemaker_step_type',
        value: stepType,
        comment: utility ? 'compile-time helper, creates no SageMaker step' : undefined,
      },
    ];
    if (!coreNoDescription.has(i))
      fields.push({
        key: 'description',
        value: `${humanOf(words)} step${coreRng.chance(0.3) ? ` for ${coreRng.pick(SUBJECTS).toLowerCase()} pipelines` : ''}`,
      });
    else plant('core RL008 missing description');
    if (FRAMEWORKS.includes(words[0] ?? '')) fields.push({ key: 'framework', value: (words[0] ?? '').toLowerCase() });
    if (coreRng.chance(0.4)) fields.push({ key: 'job_types', value: coreRng.sample(JOB_TYPES, coreRng.int(1, 4)) });
    if (coreRng.chance(0.5))
      fields.push({ key: 'environment_tags', value: coreRng.sample(ENVIRONMENTS, coreRng.int(1, 3)) });
    core.push({ name, fields });
    const snake = snakeOf(words);
    const builderClass = coreBuilderTypos.has(i) ? `${name}StepBuiler` : `${name}StepBuilder`;
    const configClass = coreConfigTypos.has(i) ? `${name}Confg` : `${name}Config`;
    if (coreBuilderTypos.has(i))
      plant(utility ? 'core builder class typo (exempt Utility step)' : 'core RL005 builder class typo');
    if (coreConfigTypos.has(i))
      plant(utility ? 'core config class typo (exempt Utility step)' : 'core RL006 config class typo');
    components.push({
      path: `${CORE_ROOT}/steps/builders/builder_${snake}_step.py`,
      kind: 'builder',
      words,
      snake,
      classes: [builderClass],
      configClass,
      stepType,
      variants: [],
      seed: coreRng.int(0, 2 ** 30),
    });
    components.push({
      path: `${CORE_ROOT}/steps/configs/config_${snake}_step.py`,
      kind: 'config',
      words,
      snake,
      classes: [configClass],
      configClass,
      stepType,
      variants: [],
      seed: coreRng.int(0, 2 ** 30),
    });
  });
  // RL011: one core pair shares a spec_type.
  const a = core[3];
  const b = core[4];
  if (a && b) {
    const spec = a.fields.find((f) => f.key === 'spec_type');
    if (spec) {
      spec.value = b.name;
      plant('core RL011 shared spec_type (pair)');
    }
  }

  // ---- workspaces
  const workspaces: WsModel[] = [];
  const overridable = core.filter((e) =>
    e.fields.some((f) => f.key === 'sagemaker_step_type' && f.value !== 'Utility'),
  );
  for (let k = 0; k < p.workspaces; k++) {
    const wr = rng.fork(1000 + k);
    const [teamDir, teamWord] = wr.pick(TEAMS);
    const dirName = `${wr.pick(FIRST_NAMES)}_${teamDir}_${String(k).padStart(4, '0')}`;
    const nOverrides = wr.pick([0, 0, 1, 1, 1, 2, 2, 3, 4]);
    const nLocal = p.entriesPerWorkspace - nOverrides;
    const families: { words: string[]; variants: string[] }[] = [];
    while (families.length < familiesPerWs) {
      const words = [teamWord, wr.pick(SUBJECTS), wr.pick(ACTIONS)];
      if (wr.chance(0.3)) words.splice(1, 0, wr.pick(FRAMEWORKS));
      const name = words.join('');
      if (taken.has(name)) continue;
      taken.add(name);
      families.push({ words, variants: [] });
    }
    for (let v = 0; v < nLocal - familiesPerWs; v++) {
      const fam = families[v % families.length];
      if (!fam) break;
      const base = fam.words.join('');
      let suffix = wr.pick(VARIANT_SUFFIXES);
      for (let tries = 0; (fam.variants.includes(suffix) || taken.has(base + suffix)) && tries < 50; tries++)
        suffix = wr.pick(VARIANT_SUFFIXES) + (tries > 10 ? String(tries) : '');
      taken.add(base + suffix);
      fam.variants.push(suffix);
    }
    const local: EntryModel[] = [];
    const wsDir = `${WS_ROOT}/${dirName}/src/cursus_dev/steps`;
    for (const fam of families) {
      const base = fam.words.join('');
      const stepType = stepTypeOf(fam.words);
      local.push(
        localEntry(
          wr,
          base,
          fam.words,
          `${base}Config`,
          `${base}StepBuilder`,
          stepType,
          fam.words.includes('PyTorch') ? 'pytorch' : undefined,
        ),
      );
      for (const s of fam.variants) {
        local.push(
          localEntry(wr, base + s, [...fam.words, s], `${base}${s}Config`, `${base}StepBuilder`, stepType, undefined),
        );
      }
      const snake = snakeOf(fam.words);
      components.push({
        path: `${wsDir}/builders/builder_${snake}_step.py`,
        kind: 'builder',
        words: fam.words,
        snake,
        classes: [`${base}StepBuilder`],
        configClass: `${base}Config`,
        stepType,
        variants: [],
        seed: wr.int(0, 2 ** 30),
      });
      components.push({
        path: `${wsDir}/configs/config_${snake}_step.py`,
        kind: 'config',
        words: fam.words,
        snake,
        classes: [`${base}Config`, ...fam.variants.map((s) => `${base}${s}Config`)],
        configClass: `${base}Config`,
        stepType,
        variants: fam.variants,
        seed: wr.int(0, 2 ** 30),
      });
    }
    const overrides: EntryModel[] = wr.sample(overridable, nOverrides).map((c) => overrideEntry(wr, c));
    const ws: WsModel = {
      dirName,
      registryPath: wsRegistryPath(dirName),
      team: teamDir,
      local,
      overrides,
      metadata: metadataOf(wr, dirName, teamDir),
      families: families.map((f) => f.words.join('')),
    };
    plantWorkspaceProblems(wr, ws, core, plant);
    workspaces.push(ws);
  }
  // RL002: a few local names shared by two workspaces; RL015: one pair of workspaces with one id.
  const pr = rng.fork(2);
  const pairs = Math.max(2, Math.round(p.workspaces / 200));
  for (let i = 0; i < pairs; i++) {
    const [wa, wb] = pr.sample(workspaces, 2);
    if (!wa || !wb) break;
    const donor = pr.pick(wb.local);
    const victim = wa.local[wa.local.length - 1];
    if (!victim || wa.local.some((e) => e.name === donor.name)) continue;
    renameEntry(victim, donor.name);
    victim.comment = `also defined by workspace ${wb.dirName}`;
    plant('RL002 local name in two workspaces (pair)');
  }
  const [d1, d2] = pr.sample(workspaces, 2);
  if (d1 && d2) {
    const id = d1.metadata.find((f) => f.key === 'developer_id');
    const id2 = d2.metadata.find((f) => f.key === 'developer_id');
    if (id && id2) {
      id2.value = id.value;
      plant('RL015 duplicate developer_id (pair)');
    }
  }
  const org: OrgModel = {
    params: p,
    corePath: `${CORE_ROOT}/registry/step_names.py`,
    core,
    workspaces,
    components,
    taken,
    seeded,
    metas: [],
  };
  org.metas = planMetas(org, rng.fork(3), plant);
  return org;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function localEntry(
  r: Rng,
  name: string,
  words: string[],
  config: string,
  builder: string,
  stepType: string,
  framework: string | undefined,
): EntryModel {
  const fields: Field[] = [
    { key: 'config_class', value: config },
    { key: 'builder_step_name', value: builder },
    { key: 'spec_type', value: name },
    { key: 'sagemaker_step_type', value: stepType },
    {
      key: 'description',
      value: `${humanOf(words)}${r.chance(0.5) ? ` with ${r.pick(['early stopping', 'custom metrics', 'feature caching', 'checkpointing', 'schema checks', 'spot instances'])}` : ''}`,
    },
  ];
  const fw = framework ?? (r.chance(0.5) ? r.pick(FRAMEWORKS).toLowerCase() : undefined);
  if (fw) fields.push({ key: 'framework', value: fw });
  if (fw && r.chance(0.4))
    fields.push({ key: 'framework_version', value: `${r.int(1, 2)}.${r.int(0, 9)}.${r.int(0, 3)}` });
  if (r.chance(0.5)) fields.push({ key: 'job_types', value: r.sample(JOB_TYPES, r.int(1, 3)) });
  if (r.chance(0.6)) fields.push({ key: 'environment_tags', value: r.sample(ENVIRONMENTS, r.int(1, 3)) });
  if (r.chance(0.3))
    fields.push({
      key: 'compatibility_tags',
      value: r.sample(['tabular', 'deep_learning', 'nlp', 'vision', 'streaming', 'enhanced'], r.int(1, 2)),
    });
  if (r.chance(0.4)) fields.push({ key: 'priority', value: r.int(50, 120) });
  if (r.chance(0.2)) fields.push({ key: 'conflict_resolution_strategy', value: r.pick(STRATEGIES) });
  return { name, fields };
}

function overrideEntry(r: Rng, core: EntryModel): EntryModel {
  const fields: Field[] = core.fields
    .filter((f) => f.key !== 'description')
    .map((f) => ({ ...f, value: Array.isArray(f.value) ? [...f.value] : f.value }));
  fields.push({
    key: 'description',
    value: `${core.name} tuned for this workspace (${r.pick(['larger instances', 'custom hyperparameters', 'extra validation', 'cheaper spot capacity'])})`,
  });
  fields.push({ key: 'priority', value: r.int(50, 95), comment: 'Higher priority than core (100)' });
  fields.push({ key: 'conflict_resolution_strategy', value: 'workspace_priority' });
  return { name: core.name, fields };
}

function metadataOf(r: Rng, dirName: string, team: string): Field[] {
  return [
    { key: 'developer_id', value: dirName },
    { key: 'version', value: `${r.int(0, 3)}.${r.int(0, 12)}.${r.int(0, 9)}` },
    { key: 'description', value: `${team} team extensions` },
    {
      key: 'dependencies',
      value: r.sample(
        [
          'pandas>=1.3.0',
          'polars>=0.20.0',
          'xgboost>=1.7.0',
          'torch>=2.1.0',
          'transformers>=4.30',
          'scikit-learn>=1.3',
        ],
        r.int(1, 4),
      ),
    },
    { key: 'default_resolution_strategy', value: r.pick(STRATEGIES) },
    {
      key: 'preferred_frameworks',
      value: r.sample(['xgboost', 'pytorch', 'polars', 'lightgbm', 'pandas'], r.int(1, 3)),
    },
    { key: 'environment_preferences', value: r.sample(ENVIRONMENTS, r.int(1, 3)) },
    { key: 'conflict_tolerance', value: r.pick(['low', 'medium', 'high']) },
  ];
}

function plantWorkspaceProblems(r: Rng, ws: WsModel, core: EntryModel[], plant: (what: string) => void): void {
  const variants = ws.local.filter((e) => !ws.families.includes(e.name));
  if (r.chance(0.04) && variants.length > 0) {
    const e = r.pick(variants);
    setField(e, 'builder_step_name', `${e.name}StepBuilder`);
    plant('ws RL005 builder never written');
  }
  if (r.chance(0.02)) {
    const e = r.pick(ws.local);
    const f = e.fields.find((x) => x.key === 'sagemaker_step_type');
    if (f) {
      f.value = `${String(f.value)}Job`;
      plant('ws RL010 unknown sagemaker_step_type');
    }
  }
  if (r.chance(0.015)) {
    const e = r.pick(ws.local);
    const f = e.fields.find((x) => x.key === 'builder_step_name');
    if (f) {
      f.key = 'builder_stepname';
      plant('ws RL016 field typo (+RL005)');
    }
  }
  if (r.chance(0.01) && variants.length > 0) {
    const c = r.pick(core);
    const e = r.pick(variants);
    if (!ws.local.some((x) => x.name === c.name)) {
      renameEntry(e, c.name);
      plant('ws RL003 local shadows core');
    }
  }
  if (r.chance(0.01) && ws.overrides.length > 0) {
    const e = r.pick(ws.overrides);
    e.name = `${e.name.slice(0, -2)}${e.name.slice(-1)}`;
    plant('ws RL004 override of a missing core step');
  }
}

export function setField(e: EntryModel, key: string, value: PyValue): void {
  const f = e.fields.find((x) => x.key === key);
  if (f) f.value = value;
  else e.fields.push({ key, value });
}

export function renameEntry(e: EntryModel, name: string): void {
  e.name = name;
  setField(e, 'spec_type', name);
}

// ---------------------------------------------------------------- rendering

function py(v: PyValue): string {
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `[${v.map((s) => JSON.stringify(s)).join(', ')}]`;
  return JSON.stringify(v);
}

function renderDict(name: string, entries: EntryModel[], annotation: string): string[] {
  const out = [`${name}${annotation} = {`];
  for (const e of entries) {
    if (e.comment) out.push(`    # ${e.comment}`);
    out.push(`    ${JSON.stringify(e.name)}: {`);
    for (const f of e.fields)
      out.push(`        ${JSON.stringify(f.key)}: ${py(f.value)},${f.comment ? `  # ${f.comment}` : ''}`);
    out.push('    },');
  }
  out.push('}');
  return out;
}

export function renderCoreRegistry(org: OrgModel): string {
  const lines = [
    '"""',
    'Central registry for all pipeline step names.',
    '',
    'Single source of truth for step naming across configs, builders and specifications.',
    '(generated by bench/generate.ts)',
    '"""',
    '',
    'from typing import Dict, Any, List, Optional',
    '',
    '# Core step name registry - canonical names used throughout the system',
    ...renderDict('STEP_NAMES', org.core, ': Dict[str, Dict[str, Any]]'),
    '',
    '# Derived registries (computed here; Registry Lens computes them itself)',
    'CONFIG_STEP_REGISTRY = {info["config_class"]: step_name for step_name, info in STEP_NAMES.items()}',
    'BUILDER_STEP_NAMES = {step_name: info["builder_step_name"] for step_name, info in STEP_NAMES.items()}',
    'SPEC_STEP_TYPES = {step_name: info["spec_type"] for step_name, info in STEP_NAMES.items()}',
    '',
    '',
    'def get_config_class_name(step_name: str) -> str:',
    '    """Get the config class name for a step."""',
    '    if step_name not in STEP_NAMES:',
    '        raise ValueError(f"Unknown step name: {step_name}")',
    '    return STEP_NAMES[step_name]["config_class"]',
    '',
    '',
    'def get_all_step_names() -> List[str]:',
    '    """Get all canonical step names."""',
    '    return list(STEP_NAMES.keys())',
    '',
  ];
  return lines.join('\n');
}

export function renderWorkspaceRegistry(ws: WsModel): string {
  const lines = [
    '"""',
    `Workspace registry for ${ws.dirName}.`,
    '',
    `Steps registered here are visible only in the ${ws.dirName} workspace context; the core`,
    'registry (src/cursus/registry/step_names.py) is inherited unchanged otherwise.',
    '"""',
    '',
    '# Local step definitions (new steps specific to this workspace)',
    ...renderDict('LOCAL_STEPS', ws.local, ''),
    '',
    '# Step overrides (replace core step definitions in this workspace only)',
    ...renderDict('STEP_OVERRIDES', ws.overrides, ''),
    '',
    '# Workspace metadata',
    'WORKSPACE_METADATA = {',
    ...ws.metadata.map((f) => `    ${JSON.stringify(f.key)}: ${py(f.value)},`),
    '}',
    '',
  ];
  return lines.join('\n');
}

const STEP_CLASS: Record<string, string> = {
  Training: 'TrainingStep',
  Transform: 'TransformStep',
  CreateModel: 'CreateModelStep',
  RegisterModel: 'ModelStep',
  Lambda: 'LambdaStep',
};

export function renderComponent(c: ComponentSpec): string {
  const r = new Rng(c.seed);
  const human = humanOf(c.words);
  const cls = c.classes[0] ?? 'Unnamed';
  if (c.kind === 'builder') {
    const stepClass = STEP_CLASS[c.stepType] ?? 'ProcessingStep';
    const attrs = r.sample(
      [
        'processing_entry_point',
        'processing_instance_count',
        'processing_volume_size',
        'source_dir',
        'framework_version',
        'instance_type',
      ],
      r.int(2, 4),
    );
    const lines = [
      '"""',
      `${human} step builder.`,
      '',
      `Builds the SageMaker ${stepClass} of the ${human} step from its configuration.`,
      '"""',
      '',
      'from typing import Any, Dict, List, Optional',
      'import logging',
      '',
      `from sagemaker.workflow.steps import ${stepClass}, Step`,
      '',
      'from ...core.base.builder_base import StepBuilderBase',
      `from ..configs.config_${c.snake}_step import ${c.configClass}`,
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      `class ${cls}(StepBuilderBase):`,
      `    """Builder for the ${human} step: turns a ${c.configClass} into a ${stepClass}."""`,
      '',
      `    def __init__(self, config: ${c.configClass}, sagemaker_session=None, role: Optional[str] = None, **kwargs):`,
      `        if not isinstance(config, ${c.configClass}):`,
      `            raise ValueError("${cls} requires a ${c.configClass} instance.")`,
      '        super().__init__(config=config, sagemaker_session=sagemaker_session, role=role, **kwargs)',
      `        self.config: ${c.configClass} = config`,
      '',
      '    def validate_configuration(self) -> None:',
      '        """Fail early when a required attribute is missing."""',
      `        for attr in (${attrs.map((a) => JSON.stringify(a)).join(', ')}):`,
      '            if not getattr(self.config, attr, None):',
      `                raise ValueError(f"${c.configClass} missing required attribute: {attr}")`,
    ];
    if (r.chance(0.6)) {
      lines.push(
        '',
        '    def _get_environment_variables(self) -> Dict[str, str]:',
        '        """Environment of the container."""',
        '        env = super()._get_environment_variables()',
        `        env["STEP_NAME"] = "${c.words.join('')}"`,
        `        env["LOG_LEVEL"] = "${r.pick(['INFO', 'DEBUG', 'WARNING'])}"`,
        '        return env',
      );
    }
    if (r.chance(0.5)) {
      lines.push(
        '',
        '    def _get_job_arguments(self) -> List[str]:',
        '        """Command-line arguments of the job."""',
        `        return ["--job-type", self.config.job_type, "--seed", "${r.int(1, 999)}"]`,
      );
    }
    lines.push(
      '',
      '    def create_step(self, **kwargs) -> Step:',
      `        """Create the ${stepClass}."""`,
      '        inputs: Dict[str, Any] = kwargs.get("inputs", {})',
      '        outputs: Dict[str, Any] = kwargs.get("outputs", {})',
      '        dependencies: List[Step] = kwargs.get("dependencies", [])',
      `        step = ${stepClass}(`,
      '            name=self._get_step_name(),',
      '            step_args=self._build_step_args(self._get_inputs(inputs), self._get_outputs(outputs)),',
      '            depends_on=dependencies,',
      '            cache_config=self._get_cache_config(kwargs.get("enable_caching", True)),',
      '        )',
      '        setattr(step, "_spec", self.spec)',
      '        return step',
      '',
    );
    return lines.join('\n');
  }
  const fields = r.sample(
    [
      'entry_point: str = Field(default="main.py", description="Entry point script.")',
      'source_dir: str = Field(default="dockers/scripts", description="Directory of the step scripts.")',
      `instance_type: str = Field(default="ml.m5.${r.pick(['xlarge', '2xlarge', '4xlarge'])}", description="Instance type of the job.")`,
      'instance_count: int = Field(default=1, ge=1, description="Number of instances.")',
      `volume_size: int = Field(default=${r.pick([30, 50, 100])}, ge=1, description="Volume size (GB).")`,
      'job_type: str = Field(default="training", description="One of training, validation, testing, calibration.")',
      `framework_version: str = Field(default="${r.int(1, 2)}.${r.int(0, 9)}", description="Framework version of the container.")`,
      'label_name: Optional[str] = Field(default=None, description="Name of the label column.")',
    ],
    r.int(4, 7),
  );
  const lines = [
    '"""',
    `Configuration for the ${human} step.`,
    '"""',
    '',
    'from typing import Any, Dict, List, Optional',
    '',
    'from pydantic import Field',
    '',
    'from ...core.base.config_base import BasePipelineConfig',
    '',
    '',
    `class ${cls}(BasePipelineConfig):`,
    '    """',
    `    Configuration for the ${human} step.`,
    '',
    '    Pipeline-wide settings (region, role, pipeline_s3_loc, ...) are inherited from BasePipelineConfig.',
    '    """',
    '',
    ...fields.map((f) => `    ${f}`),
    '',
    '    def get_script_path(self) -> str:',
    '        """Path of the entry point script."""',
    '        return f"{self.source_dir}/{self.entry_point}"',
  ];
  if (r.chance(0.5)) {
    lines.push(
      '',
      '    def get_output_path(self) -> str:',
      '        """S3 prefix of the step outputs."""',
      `        return f"{self.pipeline_s3_loc}/${c.snake}"`,
    );
  }
  c.variants.forEach((s, i) => {
    lines.push(
      '',
      '',
      `class ${c.classes[i + 1] ?? `${cls}${s}`}(${cls}):`,
      `    """${s} variant of the ${human} configuration."""`,
      '',
      `    job_type: str = Field(default="${s.toLowerCase()}", description="Job type of this variant.")`,
    );
  });
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------- writing / reuse

function fingerprint(org: OrgModel): string {
  const sample = [
    renderCoreRegistry(org).slice(0, 20_000),
    ...org.workspaces.slice(0, 3).map(renderWorkspaceRegistry),
    ...org.components.slice(0, 4).map(renderComponent),
    ...org.components.slice(-4).map(renderComponent),
    ...org.metas.slice(0, 4).map(renderMeta),
    ...org.metas.slice(-4).map(renderMeta),
  ].join('\0');
  return hashString(sample).toString(16);
}

/** What bench/workload.ts writes for a cursus org (the manifest keeps the shape of earlier runs, so a generated tree is reused). */
export function cursusGenerated(org: OrgModel): GeneratedSpec {
  return {
    generator: GENERATOR_VERSION,
    params: org.params,
    fingerprint: () => fingerprint(org),
    write(write) {
      write(org.corePath, renderCoreRegistry(org));
      write(`${CORE_ROOT}/steps/builders/__init__.py`, '');
      write(`${CORE_ROOT}/steps/configs/__init__.py`, '');
      for (const ws of org.workspaces) {
        write(ws.registryPath, renderWorkspaceRegistry(ws));
        write(`${WS_ROOT}/${ws.dirName}/src/cursus_dev/steps/builders/__init__.py`, '');
        write(`${WS_ROOT}/${ws.dirName}/src/cursus_dev/steps/configs/__init__.py`, '');
      }
      for (const c of org.components) write(c.path, renderComponent(c));
      for (const m of org.metas) write(m.path, renderMeta(m));
    },
  };
}

export function ensureGenerated(root: string, org: OrgModel, log: (s: string) => void): GeneratedOrg {
  return ensureWritten(root, cursusGenerated(org), org.params.name, log);
}
