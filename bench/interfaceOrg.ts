// Deterministic synthetic interface-first cursus organisation (cursus 2.x, docs/cursus-interfaces.md,
// modelled on examples/interface-workspace): one `*.step.yaml` interface per core step beside its
// config module and script, the loader module's literal `_EXTRAS`, and developer workspaces laid out
// as cursus's `hybrid/setup.py` creates them (their own interfaces, configs, scripts, a
// `workspace_registry.py` with LOCAL_STEPS rows and STEP_OVERRIDES of core steps). A few planted
// problems per org give RL004, RL006, RL008, RL010, RL012, RL017, RL018, RL019, RL020 and RL032.
// Edits: interface files (description, compatible_sources, a typo and its fix, a contract input the
// spec lacks, a step_type taken from another file) and workspace registries; the central file is a
// core interface many steps consume; components are workspace config modules.
import { Rng, hashString } from './rng';
import type { BenchEdit, EditStream, GeneratedSpec, Workload } from './workload';

export interface InterfaceOrgParams {
  name: string;
  coreInterfaces: number;
  workspaces: number;
  interfacesPerWorkspace: number;
  seed: number;
}

export const INTERFACE_ORGS: Record<'interfaces-small' | 'interfaces', InterfaceOrgParams> = {
  'interfaces-small': {
    name: 'interfaces-small',
    coreInterfaces: 200,
    workspaces: 30,
    interfacesPerWorkspace: 5,
    seed: 20_262,
  },
  // The real cursus 2.x has 61 core interfaces; this is the scale of the cursus 1.x large org's core.
  interfaces: { name: 'interfaces', coreInterfaces: 2_000, workspaces: 300, interfacesPerWorkspace: 5, seed: 20_262 },
};

const GENERATOR_VERSION = 1;
const CORE = 'src/cursus';
const WS_ROOT = 'developer_workspaces/developers';

const FRAMEWORKS = ['XGBoost', 'PyTorch', 'LightGBM', 'Pandas', 'Spark', 'SKLearn', 'Bedrock', 'Dask'];
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
  'Percentile',
  'Pseudo',
  'Cradle',
  'Sequence',
  'Text',
  'Image',
  'Graph',
  'Embedding',
  'Fraud',
  'Customer',
  'Session',
  'Geo',
  'Price',
  'Demand',
];
const ACTIONS = [
  'Preprocessing',
  'Training',
  'Evaluation',
  'Calibration',
  'Inference',
  'Selection',
  'Mapping',
  'Imputation',
  'Conversion',
  'Generation',
  'Sampling',
  'Loading',
  'Packaging',
  'Validation',
  'Aggregation',
  'Encoding',
  'Scoring',
  'Merge',
  'Split',
];
const STEP_TYPE_OF: Record<string, string> = {
  Training: 'Training',
  Inference: 'Transform',
  Scoring: 'Transform',
  Packaging: 'Processing',
};
const TEAMS = ['nlp', 'vision', 'risk', 'ads', 'search', 'fraud', 'pricing', 'supply', 'growth', 'speech'];
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'olivia', 'peggy'];
/** Names cursus's own interfaces list in compatible_sources that are no step (hints by design). */
const GENERIC_SOURCES = ['DataLoad', 'S3Source', 'UserProvided', 'ProcessingStep'];

export interface Port {
  name: string;
  sources: string[];
}
export interface InterfaceModel {
  path: string;
  /** Workspace directory name, null for core. */
  ws: string | null;
  stepType: string;
  words: string[];
  nodeType: string;
  sagemakerStepType: string | null;
  description: string;
  entryPoint: string;
  inputs: Port[];
  outputs: string[];
  /** A contract input the spec does not declare (RL019). */
  contractOnly: string | null;
}
interface WsModel {
  dir: string;
  registryPath: string;
  local: string[];
  overrides: { name: string; config: string; description: string }[];
}
interface ConfigModel {
  path: string;
  classes: string[];
  human: string;
}

export interface InterfaceOrgModel {
  params: InterfaceOrgParams;
  interfaces: InterfaceModel[];
  workspaces: WsModel[];
  configs: ConfigModel[];
  scripts: string[];
  /** The core interface the most steps consume (the central file of the edits). */
  hub: InterfaceModel;
  seeded: Record<string, number>;
}

function snakeOf(words: string[]): string {
  return words.map((w) => w.toLowerCase()).join('_');
}
function stepTypeOf(words: string[]): string {
  return STEP_TYPE_OF[words[words.length - 1] ?? ''] ?? 'Processing';
}

export function buildInterfaceOrg(p: InterfaceOrgParams): InterfaceOrgModel {
  const rng = new Rng(p.seed ^ hashString(p.name));
  const seeded: Record<string, number> = {};
  const plant = (what: string): void => {
    seeded[what] = (seeded[what] ?? 0) + 1;
  };
  const taken = new Set<string>(['Base', 'Processing', 'HyperparameterPrep']);
  const fresh = (r: Rng, prefix: string[]): string[] => {
    for (;;) {
      const words = [...prefix, ...(r.chance(0.5) ? [r.pick(FRAMEWORKS)] : []), r.pick(SUBJECTS), r.pick(ACTIONS)];
      if (!taken.has(words.join(''))) {
        taken.add(words.join(''));
        return words;
      }
    }
  };
  const interfaces: InterfaceModel[] = [];
  const configs: ConfigModel[] = [];
  const scripts: string[] = [];
  const make = (r: Rng, words: string[], ws: string | null, producers: string[]): InterfaceModel => {
    const name = words.join('');
    const snake = snakeOf(words);
    const base = ws ? `${WS_ROOT}/${ws}/src/cursus_dev/steps` : `${CORE}/steps`;
    const inputs: Port[] =
      producers.length === 0
        ? []
        : Array.from({ length: r.int(1, 2) }, (_, k) => ({
            name: k === 0 ? 'input_data' : 'model_artifacts',
            sources: r.sample(producers, r.int(1, 3)),
          }));
    if (inputs[0] && r.chance(0.08)) {
      const generic = r.pick(GENERIC_SOURCES);
      inputs[0].sources.push(generic);
      // ProcessingStep is accepted (cursus's trailing-Step equivalence names the Processing row).
      if (generic !== 'ProcessingStep') plant('RL018 generic compatible_sources name (hint, as in cursus)');
    }
    const m: InterfaceModel = {
      path: `${base}/interfaces/${snake}.step.yaml`,
      ws,
      stepType: name,
      words,
      nodeType: producers.length === 0 ? 'source' : 'internal',
      sagemakerStepType: stepTypeOf(words),
      description: `${words.join(' ')} step`,
      entryPoint: `${snake}.py`,
      inputs,
      outputs: ['processed_data', ...(r.chance(0.3) ? ['metrics'] : [])],
      contractOnly: null,
    };
    configs.push({
      path: `${base}/configs/config_${snake}_step.py`,
      classes: [`${name}Config`],
      human: words.join(' '),
    });
    scripts.push(`${base}/scripts/${snake}.py`);
    return m;
  };

  // ---- core: each step consumes a few of the 40 steps before it; the first few are sources.
  const cr = rng.fork(1);
  const core: InterfaceModel[] = [];
  for (let i = 0; i < p.coreInterfaces; i++) {
    const producers = core.slice(Math.max(0, i - 40), i).map((x) => x.stepType);
    core.push(make(cr, fresh(cr, []), null, i < 5 ? [] : producers));
  }
  // The hub: a source step many others consume.
  const hub = core[0] as InterfaceModel;
  for (const c of cr.sample(core.slice(5), Math.round(p.coreInterfaces / 10))) c.inputs[0]?.sources.push(hub.stepType);
  interfaces.push(...core);

  // ---- workspaces
  const workspaces: WsModel[] = [];
  for (let k = 0; k < p.workspaces; k++) {
    const wr = rng.fork(1000 + k);
    const dir = `${wr.pick(NAMES)}_${wr.pick(TEAMS)}_${String(k).padStart(4, '0')}`;
    const own: InterfaceModel[] = [];
    for (let j = 0; j < p.interfacesPerWorkspace; j++) {
      const producers = [...wr.sample(core, 3).map((x) => x.stepType), ...own.map((x) => x.stepType)];
      own.push(make(wr, fresh(wr, [dir.split('_')[1]?.replace(/^./, (c) => c.toUpperCase()) ?? 'Ws']), dir, producers));
    }
    interfaces.push(...own);
    const overrides = wr
      .sample(core, wr.pick([0, 0, 1, 1, 2]))
      .map((c) => ({ name: c.stepType, config: `${c.stepType}Config`, description: `${c.stepType} tuned for ${dir}` }));
    workspaces.push({
      dir,
      registryPath: `${WS_ROOT}/${dir}/src/cursus_dev/registry/workspace_registry.py`,
      local: own.filter(() => wr.chance(0.5)).map((x) => x.stepType),
      overrides,
    });
  }

  // ---- planted problems
  const pr = rng.fork(2);
  const few = (share: number): number => Math.max(1, Math.round(p.coreInterfaces * share));
  for (const c of pr.sample(core.slice(5), few(0.003))) {
    interfaces.push({
      ...c,
      path: c.path.replace(/\.step\.yaml$/, '_v2.step.yaml'),
      inputs: c.inputs.map((i) => ({ ...i, sources: [...i.sources] })),
      description: `${c.description} (v2)`,
    });
    plant('core RL032 a copy of an interface (x_v2.step.yaml; +RL012: cursus loads the original)');
  }
  for (const c of pr.sample(
    interfaces.filter((x) => x.inputs[0]),
    few(0.005),
  )) {
    const src = c.inputs[0]?.sources[0];
    if (c.inputs[0] && src && src.length > 4) {
      c.inputs[0].sources[0] = src.slice(0, 2) + src.slice(3);
      plant('RL018 typo of a step name (warning)');
    }
  }
  for (const c of pr.sample(interfaces, few(0.003))) {
    c.contractOnly = 'extra_channel';
    plant('RL019 contract input missing from spec');
  }
  for (const c of pr.sample(interfaces, few(0.005))) {
    const i = scripts.indexOf(scriptPathOf(c));
    if (i >= 0) {
      scripts.splice(i, 1);
      plant('RL017 script not shipped');
    }
  }
  for (const c of pr.sample(core.slice(5), few(0.002))) {
    c.path = c.path.replace(/\/([^/]+)\.step\.yaml$/, '/legacy_$1_v2.step.yaml');
    plant('RL012 file name cursus cannot find');
  }
  for (const c of pr.sample(
    interfaces.filter((x) => x.ws),
    few(0.002),
  )) {
    c.sagemakerStepType = null;
    plant('ws RL008 missing sagemaker_step_type');
  }
  for (const c of pr.sample(interfaces, few(0.002))) {
    c.sagemakerStepType = `${c.sagemakerStepType ?? 'Processing'}Job`;
    plant('RL010 unknown sagemaker_step_type (also on its LOCAL_STEPS row, if any)');
  }
  for (const c of pr.sample(interfaces, few(0.002))) {
    c.nodeType = 'intermediate';
    plant('RL020 node_type not in the enum');
  }
  for (const ws of pr.sample(
    workspaces.filter((w) => w.overrides.length > 0),
    Math.max(1, Math.round(p.workspaces / 100)),
  )) {
    const o = ws.overrides[0];
    if (o) {
      o.config = `Custom${o.config}`;
      plant('ws RL006 override config class missing');
    }
  }
  for (const ws of pr.sample(
    workspaces.filter((w) => w.overrides.length > 0),
    Math.max(1, Math.round(p.workspaces / 150)),
  )) {
    const o = ws.overrides[ws.overrides.length - 1];
    if (o && !o.config.startsWith('Custom')) {
      o.name = `${o.name.slice(0, -2)}${o.name.slice(-1)}`;
      plant('ws RL004 override of a missing core step (+RL005, RL011)');
    }
  }
  plant('core RL032 HyperparameterPrep in _EXTRAS and an interface');
  const hp = make(pr, ['Hyperparameter', 'Prep'], null, []);
  hp.stepType = 'HyperparameterPrep';
  hp.path = `${CORE}/steps/interfaces/hyperparameter_prep.step.yaml`;
  hp.sagemakerStepType = 'Lambda';
  interfaces.push(hp);
  return { params: p, interfaces, workspaces, configs, scripts, hub, seeded };
}

function scriptPathOf(m: InterfaceModel): string {
  return `${m.ws ? `${WS_ROOT}/${m.ws}/src/cursus_dev/steps` : `${CORE}/steps`}/scripts/${m.entryPoint}`;
}

// ---------------------------------------------------------------- rendering

function flow(xs: string[]): string {
  return `[${xs.join(', ')}]`;
}

export function renderInterface(m: InterfaceModel): string {
  const lines = [`step_type: ${m.stepType}`, `node_type: ${m.nodeType}`, 'registry:'];
  if (m.sagemakerStepType) lines.push(`  sagemaker_step_type: ${m.sagemakerStepType}`);
  lines.push(
    `  description: ${m.description}`,
    'patterns:',
    '  step_assembly: step_args',
    'compute:',
    '  kind: sklearn',
    '  framework_version_field: processing_framework_version',
    'contract:',
    `  entry_point: ${m.entryPoint}`,
  );
  const contractInputs = [...m.inputs.map((i) => i.name), ...(m.contractOnly ? [m.contractOnly] : [])];
  if (contractInputs.length > 0) {
    lines.push('  inputs:');
    for (const i of contractInputs)
      lines.push(`    ${i}:`, `      path: /opt/ml/processing/input/${i}`, '      required: true');
  }
  lines.push('  outputs:');
  for (const o of m.outputs) lines.push(`    ${o}:`, `      path: /opt/ml/processing/output/${o}`);
  lines.push(
    '  env_vars:',
    '    required: [LABEL_FIELD]',
    '    optional:',
    "      TRAIN_RATIO: '0.7'",
    `  description: ${m.description}.`,
    'spec:',
  );
  if (m.inputs.length > 0) {
    lines.push('  dependencies:');
    for (const i of m.inputs) {
      lines.push(
        `    ${i.name}:`,
        '      type: processing_output',
        '      required: true',
        `      compatible_sources: ${flow(i.sources)}`,
        `      semantic_keywords: ${flow(['data', i.name.split('_')[0] ?? 'input'])}`,
      );
    }
  }
  lines.push('  outputs:');
  for (const o of m.outputs) {
    lines.push(
      `    ${o}:`,
      '      type: processing_output',
      `      property_path: properties.ProcessingOutputConfig.Outputs['${o}'].S3Output.S3Uri`,
      `      semantic_keywords: ${flow([o.split('_')[0] ?? 'output'])}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function row(name: string, config: string, stepType: string, description: string): string[] {
  return [
    `    "${name}": {`,
    `        "config_class": "${config}",`,
    `        "builder_step_name": "${name}StepBuilder",`,
    `        "spec_type": "${name}",`,
    `        "sagemaker_step_type": "${stepType}",`,
    `        "description": "${description}",`,
    '    },',
  ];
}

export function renderWsRegistry(ws: WsModel, byName: Map<string, InterfaceModel>): string {
  const lines = [
    '"""',
    `Local registry for ${ws.dir} workspace.`,
    '"""',
    '',
    '# Local step definitions (contract and spec are in steps/interfaces/)',
    'LOCAL_STEPS = {',
  ];
  for (const n of ws.local)
    lines.push(
      ...row(n, `${n}Config`, byName.get(n)?.sagemakerStepType ?? 'Processing', byName.get(n)?.description ?? n),
    );
  lines.push('}', '', '# Step overrides (override core step definitions for this workspace)', 'STEP_OVERRIDES = {');
  for (const o of ws.overrides)
    lines.push(...row(o.name, o.config, byName.get(o.name)?.sagemakerStepType ?? 'Processing', o.description));
  lines.push(
    '}',
    '',
    'WORKSPACE_METADATA = {',
    `    "developer_id": "${ws.dir}",`,
    '    "version": "1.0.0",',
    `    "description": "${ws.dir} extensions",`,
    '}',
    '',
  );
  return lines.join('\n');
}

function renderConfig(c: ConfigModel, base: string): string {
  const lines = [
    '"""',
    `Configuration for the ${c.human} step.`,
    '"""',
    '',
    `from ${base} import BasePipelineConfig`,
    '',
  ];
  for (const cls of c.classes)
    lines.push(
      '',
      `class ${cls}(BasePipelineConfig):`,
      `    """Configuration of the ${c.human} step."""`,
      '',
      '    job_type: str = "training"',
    );
  return `${lines.join('\n')}\n`;
}

const SCRIPT =
  '"""Entry point of the step (runs in the container)."""\n\n\ndef main():\n    pass\n\n\nif __name__ == "__main__":\n    main()\n';

const EXTRAS = [
  ['Base', 'BasePipelineConfig', 'StepBuilderBase', 'Base', 'Base pipeline configuration'],
  ['Processing', 'ProcessingStepConfigBase', 'ProcessingStepBuilder', 'Processing', 'Base processing step'],
  [
    'HyperparameterPrep',
    'HyperparameterPrepConfig',
    'HyperparameterPrepStepBuilder',
    'Lambda',
    'Hyperparameter preparation step',
  ],
];

function renderLoader(): string {
  const lines = [
    '"""',
    'Derives the step table from steps/interfaces/*.step.yaml plus the steps that have no interface.',
    '(generated by bench/interfaceOrg.ts)',
    '"""',
    '',
    'from pathlib import Path',
    'from typing import Dict',
    '',
    'import yaml',
    '',
    '# Steps without a .step.yaml interface.',
    '_EXTRAS: Dict[str, Dict[str, str]] = {',
  ];
  for (const [name, config, builder, type, description] of EXTRAS) {
    lines.push(
      `    "${name}": {`,
      `        "config_class": "${config}",`,
      `        "builder_step_name": "${builder}",`,
      `        "spec_type": "${name}",`,
      `        "sagemaker_step_type": "${type}",`,
      `        "description": "${description}",`,
      '    },',
    );
  }
  lines.push(
    '}',
    '',
    '',
    'def build_registry_from_interfaces(interfaces_dir: Path) -> Dict[str, Dict[str, str]]:',
    '    table = {name: dict(row) for name, row in _EXTRAS.items()}',
    '    for path in sorted(interfaces_dir.glob("*.step.yaml")):',
    '        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}',
    '        table[data["step_type"]] = data.get("registry") or {}',
    '    return table',
    '',
  );
  return lines.join('\n');
}

const STEP_NAMES =
  '"""The step table, derived from the interfaces (see interface_registry_loader); not a literal."""\n\nfrom typing import Dict\n\n' +
  'from .interface_registry_loader import build_registry_from_interfaces\n\nSTEP_NAMES: Dict[str, Dict[str, str]] = build_registry_from_interfaces()\n';

// ---------------------------------------------------------------- edits

const KINDS = ['description', 'sources', 'typo', 'align', 'collide', 'fix', 'registry'] as const;
type Kind = (typeof KINDS)[number];
const WEIGHTS: [Kind, number][] = [
  ['description', 30],
  ['sources', 20],
  ['typo', 12],
  ['align', 8],
  ['collide', 5],
  ['fix', 15],
  ['registry', 10],
];

class InterfaceEdits implements EditStream {
  private undo: { m: InterfaceModel; restore: () => void }[] = [];
  private readonly byName: Map<string, InterfaceModel>;

  constructor(private readonly org: InterfaceOrgModel) {
    this.byName = new Map(org.interfaces.map((m) => [m.stepType, m]));
  }

  next(rng: Rng): BenchEdit {
    let kind = rng.weighted(WEIGHTS, 'description');
    if (kind === 'fix' && this.undo.length === 0) kind = 'typo';
    if (kind === 'registry') {
      const ws = rng.pick(this.org.workspaces);
      if (ws.overrides[0]) ws.overrides[0].description = `${ws.overrides[0].name} (revised ${rng.int(1, 999)})`;
      else ws.local.reverse();
      return { kind, file: ws.registryPath, text: renderWsRegistry(ws, this.byName) };
    }
    if (kind === 'fix') {
      const u = this.undo.splice(rng.int(0, this.undo.length - 1), 1)[0] as { m: InterfaceModel; restore: () => void };
      u.restore();
      return { kind, file: u.m.path, text: renderInterface(u.m) };
    }
    // Seven edits in ten are in workspaces, the rest in core interfaces.
    const pool = rng.chance(0.7)
      ? this.org.interfaces.filter((m) => m.ws !== null)
      : this.org.interfaces.filter((m) => m.ws === null);
    const m = rng.pick(pool);
    const port = m.inputs[0];
    if (kind === 'description' || ((kind === 'sources' || kind === 'typo') && !port)) {
      m.description = `${m.words.join(' ')} step (revised ${rng.int(1, 999)})`;
      return { kind: 'description', file: m.path, text: renderInterface(m) };
    }
    if (kind === 'sources' && port) {
      if (port.sources.length > 1 && rng.chance(0.5)) port.sources.pop();
      else port.sources.push(rng.pick(this.org.interfaces).stepType);
    } else if (kind === 'typo' && port) {
      const before = [...port.sources];
      const s = port.sources[0] ?? 'X';
      port.sources[0] = s.length > 4 ? s.slice(0, 2) + s.slice(3) : `${s}x`;
      this.undo.push({
        m,
        restore: () => {
          port.sources.splice(0, port.sources.length, ...before);
        },
      });
    } else if (kind === 'align') {
      const before = m.contractOnly;
      m.contractOnly = 'unaligned_channel';
      this.undo.push({
        m,
        restore: () => {
          m.contractOnly = before;
        },
      });
    } else {
      const before = m.stepType;
      m.stepType = rng.pick(this.org.interfaces).stepType;
      this.undo.push({
        m,
        restore: () => {
          m.stepType = before;
        },
      });
    }
    return { kind, file: m.path, text: renderInterface(m) };
  }
}

// ---------------------------------------------------------------- the workload

export function interfaceWorkload(p: InterfaceOrgParams): Workload {
  const org = buildInterfaceOrg(p);
  const byName = new Map(org.interfaces.map((m) => [m.stepType, m]));
  const generated: GeneratedSpec = {
    generator: GENERATOR_VERSION,
    params: p,
    fingerprint: () =>
      hashString(
        [
          ...org.interfaces.slice(0, 4).map(renderInterface),
          ...org.interfaces.slice(-4).map(renderInterface),
          ...org.workspaces.slice(0, 3).map((ws) => renderWsRegistry(ws, byName)),
          renderLoader(),
        ].join('\0'),
      ).toString(16),
    write(write) {
      write(`${CORE}/registry/interface_registry_loader.py`, renderLoader());
      write(`${CORE}/registry/step_names.py`, STEP_NAMES);
      write(
        `${CORE}/steps/configs/config_base.py`,
        '"""Base configuration."""\n\n\nclass BasePipelineConfig:\n    """Pipeline-wide settings."""\n',
      );
      write(
        `${CORE}/steps/configs/config_processing_step_base.py`,
        '"""Base of processing configs."""\n\nfrom .config_base import BasePipelineConfig\n\n\nclass ProcessingStepConfigBase(BasePipelineConfig):\n    """Processing settings."""\n',
      );
      write(
        `${CORE}/steps/configs/config_hyperparameter_prep_step.py`,
        renderConfig({ path: '', classes: ['HyperparameterPrepConfig'], human: 'Hyperparameter Prep' }, '.config_base'),
      );
      for (const m of org.interfaces) write(m.path, renderInterface(m));
      for (const c of org.configs)
        write(c.path, renderConfig(c, c.path.startsWith(CORE) ? '.config_base' : 'cursus.steps.configs.config_base'));
      for (const s of org.scripts) write(s, SCRIPT);
      for (const ws of org.workspaces) write(ws.registryPath, renderWsRegistry(ws, byName));
    },
  };
  const wsConfigs = org.configs.filter((c) => c.path.startsWith(WS_ROOT));
  return {
    name: p.name,
    family: 'interfaces',
    seed: p.seed,
    summary:
      `interface-first cursus 2.x: ${p.coreInterfaces.toLocaleString('en-US')} core interfaces + _EXTRAS, ${p.workspaces.toLocaleString('en-US')} workspaces × ${p.interfacesPerWorkspace} interfaces, ` +
      `${org.configs.length.toLocaleString('en-US')} config modules, ${org.scripts.length.toLocaleString('en-US')} scripts`,
    entries: org.interfaces.length + 3 + org.workspaces.reduce((n, ws) => n + ws.overrides.length, 0),
    seeded: org.seeded,
    editKinds: KINDS,
    secondaryKinds: [],
    generated,
    readsReferencedFiles: false,
    staleProbe: () =>
      [...org.interfaces.slice(0, 25), ...org.interfaces.slice(-25)].map((m) => ({
        file: m.path,
        text: renderInterface(m),
      })),
    edits: () => new InterfaceEdits(org),
    centralLabel: `the core interface '${org.hub.path.split('/').pop() ?? ''}' that ${Math.round(p.coreInterfaces / 10)} steps consume (description and an output change)`,
    centralEdits(rng: Rng, n: number): BenchEdit[] {
      return Array.from({ length: n }, (_, i) => {
        org.hub.description = `${org.hub.words.join(' ')} step (revision ${i}, ${rng.int(1, 1e6)})`;
        org.hub.outputs =
          i % 2 === 0 ? [...org.hub.outputs, 'extra_output'] : org.hub.outputs.filter((o) => o !== 'extra_output');
        return { kind: 'core', file: org.hub.path, text: renderInterface(org.hub) };
      });
    },
    componentLabel: 'workspace config modules (the class is renamed, then restored: RL006 appears and goes)',
    componentEdits(rng: Rng): BenchEdit[] {
      return rng.sample(wsConfigs, 10).flatMap((c) => [
        {
          kind: 'component',
          file: c.path,
          text: renderConfig({ ...c, classes: c.classes.map((x) => `${x}Legacy`) }, 'cursus.steps.configs.config_base'),
        },
        { kind: 'component', file: c.path, text: renderConfig(c, 'cursus.steps.configs.config_base') },
      ]);
    },
  };
}
