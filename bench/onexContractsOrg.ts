// Deterministic synthetic ONEX node-contracts organisation (docs/onex-contracts.md, modelled on
// examples/onex-contracts and on the shape of omnibase_infra dev 7aef2f6dd: 113 entry points, 116
// contracts among 5,952 files, 4,705 of them Python, median module 3.8 KB, median contract 4 KB).
// `pyproject.toml`'s `onex.nodes` table, one `nodes/<name>/` package per node (contract.yaml, node.py,
// handler, models, registry), handler contracts, the artifact registry, the pre-commit and CI files
// that choose the validators, and the rest of the tree as filler modules and files nobody reads.
// Planted problems give RL046–RL059 and RL068. Edits: contract.yaml files (pooled, with handler modules),
// the entry-point table (central), handler modules (components: a class renamed, then restored).
import { Rng, hashString } from './rng';
import type { BenchEdit, EditStream, GeneratedSpec, Workload } from './workload';

export interface OnexContractsParams {
  name: string;
  /** Node packages with an entry point (infra: 113). */
  nodes: number;
  handlerContracts: number;
  /** The whole tree and its Python files (infra: 5,952 and 4,705). */
  files: number;
  python: number;
  seed: number;
}

export const ONEX_CONTRACT_ORGS: Record<'onex-contracts-small' | 'onex-contracts', OnexContractsParams> = {
  'onex-contracts-small': {
    name: 'onex-contracts-small',
    nodes: 12,
    handlerContracts: 2,
    files: 600,
    python: 470,
    seed: 20_264,
  },
  'onex-contracts': {
    name: 'onex-contracts',
    nodes: 113,
    handlerContracts: 5,
    files: 5_952,
    python: 4_705,
    seed: 20_264,
  },
};

const GENERATOR_VERSION = 1;
const PKG = 'bench_infra';
const SRC = `src/${PKG}`;
const KINDS_OF_NODE = ['effect', 'compute', 'reducer', 'orchestrator'] as const;
const WORDS = [
  'baseline',
  'capture',
  'ledger',
  'projection',
  'chain',
  'verify',
  'replay',
  'checkpoint',
  'session',
  'broker',
  'watermark',
  'auth',
  'gate',
  'artifact',
  'change',
  'detector',
  'reconciliation',
  'build',
  'loop',
  'write',
  'forwarder',
  'agent',
  'registration',
  'heartbeat',
  'policy',
  'routing',
  'intent',
  'snapshot',
  'metrics',
  'drift',
  'topic',
  'catalog',
  'schema',
  'audit',
  'budget',
  'quota',
  'lease',
  'compaction',
];
/** Top-level fields infra's contracts carry that ContractLinter does not know (65 RL053 warnings on the real tree). */
const REAL_EXTRAS = [
  'runtime_profiles',
  'node_capabilities',
  'feature_flags',
  'fingerprint',
  'profile_tags',
  'changelog',
  'terminal_event',
];
/** Sections infra's contracts fill their size with (all known to the linter). */
const SECTIONS = ['capabilities', 'dependencies', 'health_check', 'error_handling', 'io_operations'];

export interface NodeModel {
  name: string;
  stem: string;
  kind: (typeof KINDS_OF_NODE)[number];
  /** The entry point's name (the contract's `name` unless RL048 is planted), or null for an orphan package (RL047). */
  entry: string | null;
  contractName: string;
  nodeType: string;
  description: string;
  /** A structured model reference, or the dotted string ContractLinter rejects (RL056). */
  stringModel: boolean;
  hasOutput: boolean;
  /** `contract_version: "1.0.0"`, which ContractLinter rejects (RL052), instead of its mapping. */
  versionString: boolean;
  typo: boolean;
  extras: string[];
  flatHandler: boolean;
  /** The class the contract names (`Handler<Stem>` unless RL055 is planted) and the class the module defines. */
  handlerRef: string;
  handlerClass: string;
  publish: string[];
  subscribe: string[];
  /** Filler sections (deterministic per node) that give contracts their real sizes. */
  padding: string;
  handlerBytes: number;
  /** The package is on disk (an RL046 entry point has none). */
  onDisk: boolean;
}

export interface OnexContractsModel {
  params: OnexContractsParams;
  nodes: NodeModel[];
  /** Entry points to packages that do not exist, added by central-file edits (RL046). */
  drafts: number;
  seeded: Record<string, number>;
}

const nodeDir = (n: NodeModel): string => `${SRC}/nodes/${n.name}`;
const contractPath = (n: NodeModel): string => `${nodeDir(n)}/contract.yaml`;
const handlerPath = (n: NodeModel): string => `${nodeDir(n)}/handlers/handler_${n.stem}.py`;
const camel = (s: string): string =>
  s
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
const topic = (n: NodeModel, verb: string): string => `onex.evt.bench-infra.${n.stem.replace(/_/g, '-')}-${verb}.v1`;

/** Lognormal sizes with infra's Python median (3.8 KB) and mean (9 KB), capped at 200 KB. */
function moduleBytes(rng: Rng, median = 4_500): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return Math.min(200_000, Math.max(300, Math.round(median * Math.exp(1.31 * z))));
}

function paddingOf(rng: Rng, n: NodeModel): string {
  const target = Math.min(36_000, Math.max(600, Math.round(3_000 * Math.exp(0.7 * (rng.next() + rng.next() - 1) * 2))));
  const out: string[] = [];
  let size = 0;
  for (const s of rng.sample(SECTIONS, rng.int(2, SECTIONS.length))) {
    out.push(`${s}:`);
    for (let i = 0; size < target / 1.2 || i < 2; i++) {
      const what = `${rng.pick(WORDS)} ${rng.pick(WORDS)} for ${n.stem.replace(/_/g, ' ')} (step ${i})`;
      const line = `  - name: "${s}_${n.stem}_${i}"\n    description: "${what}"\n    enabled: ${rng.chance(0.7)}`;
      out.push(line);
      size += line.length;
      if (i > 400 || size > target / 1.2) break;
    }
  }
  return out.join('\n');
}

export function buildOnexContractsOrg(p: OnexContractsParams): OnexContractsModel {
  const rng = new Rng(p.seed ^ hashString(p.name));
  const seeded: Record<string, number> = {};
  const plant = (what: string): void => {
    seeded[what] = (seeded[what] ?? 0) + 1;
  };
  const taken = new Set<string>();
  const nodes: NodeModel[] = [];
  const nr = rng.fork(1);
  for (let i = 0; i < p.nodes; i++) {
    const kind = nr.pick(KINDS_OF_NODE);
    let stem = '';
    const crowded = taken.size > WORDS.length ** 2 / 2;
    while (stem === '' || taken.has(stem)) stem = `${nr.pick(WORDS)}_${nr.pick(WORDS)}${crowded ? `_${i}` : ''}`;
    taken.add(stem);
    const name = `node_${stem}_${kind}`;
    const n: NodeModel = {
      name,
      stem,
      kind,
      entry: name,
      contractName: name,
      nodeType: `${kind.toUpperCase()}_GENERIC`,
      description: `${kind} node: ${stem.replace(/_/g, ' ')} of the bench infrastructure.`,
      stringModel: false,
      hasOutput: true,
      versionString: false,
      typo: false,
      extras: [],
      flatHandler: false,
      handlerRef: `Handler${camel(stem)}`,
      handlerClass: `Handler${camel(stem)}`,
      publish: [],
      subscribe: [],
      padding: '',
      handlerBytes: Math.max(2_000, moduleBytes(nr, 6_000)),
      onDisk: true,
    };
    n.padding = paddingOf(nr, n);
    if (nr.chance(0.6)) n.publish.push(topic(n, 'done'));
    nodes.push(n);
  }
  // Subscriptions to earlier nodes' topics, as the event bus links them (the graph's data-flow edges).
  const publishers = nodes.filter((n) => n.publish.length > 0);
  for (const n of nodes) {
    if (publishers.length > 0 && nr.chance(0.4)) n.subscribe.push(nr.pick(publishers).publish[0] as string);
  }
  // ---- planted problems, each on a node no other plant touched
  const pr = rng.fork(2);
  const few = (share: number): number => Math.max(1, Math.round(p.nodes * share));
  const clean = (): NodeModel[] =>
    nodes.filter(
      (n) =>
        n.entry === n.name &&
        n.contractName === n.name &&
        n.onDisk &&
        !n.stringModel &&
        n.hasOutput &&
        !n.versionString &&
        !n.typo &&
        !n.flatHandler &&
        n.handlerRef === n.handlerClass &&
        n.nodeType.endsWith('_GENERIC') &&
        n.publish.every((t) => t.startsWith('onex.')),
    );
  const one = (share: number, what: string, change: (n: NodeModel) => void): void => {
    for (const n of pr.sample(clean(), few(share))) {
      change(n);
      plant(what);
    }
  };
  one(0.01, 'RL046 entry point whose package is missing', (n) => {
    n.onDisk = false;
  });
  one(0.02, 'RL047 node package no entry point reaches', (n) => {
    n.entry = null;
  });
  one(0.02, 'RL048 contract name differs from its entry point', (n) => {
    n.contractName = n.stem;
  });
  one(0.01, 'RL049 contract name taken by another contract', (n) => {
    n.contractName = (nodes[0] === n ? nodes[1] : nodes[0])?.name ?? n.name;
  });
  one(0.01, 'RL050 output_model missing', (n) => {
    n.hasOutput = false;
  });
  one(0.01, 'RL051 node_type not a linter type', (n) => {
    n.nodeType = n.kind.toUpperCase();
  });
  one(0.01, 'RL052 contract_version a string', (n) => {
    n.versionString = true;
  });
  one(0.01, 'RL053 description misspelt', (n) => {
    n.typo = true;
  });
  one(0.01, 'RL054 flat handler_routing entry', (n) => {
    n.flatHandler = true;
  });
  one(0.01, 'RL055 handler class the module lacks', (n) => {
    n.handlerRef = `${n.handlerClass}V2`;
  });
  one(0.01, 'RL056 model given as a dotted string', (n) => {
    n.stringModel = true;
  });
  one(0.01, 'RL057 topic outside onex.*', (n) => {
    n.publish = [`bench.${n.stem}.done`];
  });
  // Infra's unknown top-level fields (RL053, ContractLinter CONTRACT-013): in about half of the contracts on disk.
  for (const n of nodes) {
    if (!n.onDisk || !nr.chance(0.5)) continue;
    n.extras.push(nr.pick(REAL_EXTRAS));
    plant("RL053 unknown field (as infra's contracts have)");
  }
  // As in infra, handlers live in `handlers/`, never in a `handler.py` beside the contract: `onex compliance check`,
  // which the CI runs, fails check 2 on every contract on disk (RL068).
  for (const n of nodes) if (n.onDisk) plant("RL068 no handler.py beside the contract (as infra's contracts)");
  plant('RL058 handler_id without its archetype prefix');
  plant('RL059 artifact path missing');
  plant('RL059 trigger glob under a missing directory');
  return { params: p, nodes, drafts: 0, seeded };
}

// ---------------------------------------------------------------- rendering

const PYDANTIC = 'from pydantic import BaseModel';
const FILLER_LINES: Record<string, string> = {
  sql: "INSERT INTO bench_events (id, topic) VALUES (1, 'onex.evt.bench-infra.filler.v1');",
  json: '{"key": "value", "enabled": true}',
  sh: 'echo "bench step"',
  md: 'Bench documentation line.',
};
const HEADER = '# SPDX-FileCopyrightText: 2026 Bench Inc.\n# SPDX-License-Identifier: MIT\n';

export function renderPyproject(org: OnexContractsModel): string {
  const lines = [
    '[project]',
    'name = "bench-infra"',
    'version = "0.38.0"',
    'requires-python = ">=3.12"',
    'dependencies = [',
    '    "omnibase-core>=0.46.0",',
    '    "pydantic>=2.11",',
    '    "asyncpg>=0.30",',
    '    "aiokafka>=0.12",',
    ']',
    '',
    '[project.scripts]',
    'bench-infra = "bench_infra.cli.main:app"',
    '',
    '[project.entry-points."onex.nodes"]',
  ];
  for (const n of org.nodes) if (n.entry !== null) lines.push(`${n.entry} = "${PKG}.nodes.${n.name}"`);
  for (let i = 0; i < org.drafts; i++) lines.push(`node_draft_${i}_effect = "${PKG}.nodes.node_draft_${i}_effect"`);
  lines.push(
    '',
    '[build-system]',
    'requires = ["hatchling"]',
    'build-backend = "hatchling.build"',
    '',
    '[tool.ruff]',
    'line-length = 88',
    'target-version = "py312"',
    '',
  );
  return lines.join('\n');
}

function modelRef(field: string, cls: string, module: string, asString: boolean): string[] {
  return asString ? [`${field}: "${module}.${cls}"`] : [`${field}:`, `  name: "${cls}"`, `  module: "${module}"`];
}

export function renderContract(n: NodeModel): string {
  const models = `${PKG}.nodes.${n.name}.models`;
  const version = n.versionString
    ? ['contract_version: "1.0.0"']
    : ['contract_version:', '  major: 1', '  minor: 0', '  patch: 0'];
  const lines = [
    HEADER.trimEnd(),
    `name: "${n.contractName}"`,
    `node_type: "${n.nodeType}"`,
    ...version,
    'node_version: "1.0.0"',
  ];
  lines.push(`${n.typo ? 'descripton' : 'description'}: "${n.description}"`);
  lines.push(...modelRef('input_model', `Model${camel(n.stem)}Command`, models, n.stringModel));
  if (n.hasOutput) lines.push(...modelRef('output_model', `Model${camel(n.stem)}Output`, models, false));
  if (n.publish.length > 0 || n.subscribe.length > 0) {
    lines.push('event_bus:');
    if (n.publish.length > 0) lines.push('  publish_topics:', ...n.publish.map((t) => `    - "${t}"`));
    if (n.subscribe.length > 0) lines.push('  subscribe_topics:', ...n.subscribe.map((t) => `    - "${t}"`));
  }
  const module = `${PKG}.nodes.${n.name}.handlers.handler_${n.stem}`;
  lines.push(
    'handler_routing:',
    '  routing_strategy: "operation_match"',
    '  handlers:',
    `    - operation: "${n.stem.replace(/_/g, '.')}"`,
  );
  if (n.flatHandler) lines.push(`      handler_class: "${n.handlerRef}"`, `      handler_module: "${module}"`);
  else lines.push('      handler:', `        name: "${n.handlerRef}"`, `        module: "${module}"`);
  for (const x of n.extras) lines.push(`${x}:`, `  - "${n.stem}"`);
  lines.push(n.padding, 'metadata:', `  description: "${n.stem.replace(/_/g, ' ')}"`, '');
  return lines.join('\n');
}

/** Python text of about `bytes` bytes: a docstring, imports and a class of methods (filler and handlers alike). */
function pythonText(rng: Rng, bytes: number, cls: string, imports: string[] = []): string {
  const out = [
    HEADER,
    `"""${cls}: generated by bench/onexContractsOrg.ts."""`,
    '',
    'from __future__ import annotations',
    '',
    'import logging',
    ...imports,
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    `class ${cls}:`,
    `    """${rng.pick(WORDS)} ${rng.pick(WORDS)}."""`,
    '',
  ];
  let size = out.join('\n').length;
  for (let i = 0; size < bytes; i++) {
    const w = rng.pick(WORDS);
    const m =
      `    async def ${w}_${i}(self, envelope: dict[str, object]) -> dict[str, object]:\n` +
      `        """Handle ${w} ${i}."""\n        logger.debug("${w} %s", envelope.get("correlation_id"))\n` +
      `        result = {"${w}": envelope.get("${w}"), "step": ${i}}\n        return result\n`;
    out.push(m);
    size += m.length + 1;
  }
  return `${out.join('\n')}\n`;
}

export function renderHandler(n: NodeModel): string {
  const models = `from ${PKG}.nodes.${n.name}.models import Model${camel(n.stem)}Command`;
  return pythonText(new Rng(hashString(n.name)), n.handlerBytes, n.handlerClass, [models]);
}

function renderHandlerContract(i: number, name: string): string {
  // The first is planted (RL058): a bare `handler_id` such as the example's `http`, with no archetype prefix.
  const id = i === 0 ? name : `effect.${name}.handler`;
  return [
    HEADER.trimEnd(),
    `handler_id: ${id}`,
    `name: "handler_${name}"`,
    `description: "${name} handler"`,
    'contract_version:',
    '  major: 1',
    '  minor: 0',
    '  patch: 0',
    'descriptor:',
    '  node_archetype: effect',
    '  purity: side_effecting',
    '  timeout_ms: 30000',
    'input_model:',
    '  name: "ModelEventEnvelope"',
    '  module: "omnibase_core.models.events.model_event_envelope"',
    'output_model:',
    '  name: "ModelHandlerOutput"',
    '  module: "omnibase_core.models.dispatch.model_handler_output"',
    '',
  ].join('\n');
}

const DOCS = [
  'HANDLER_ARCHITECTURE',
  'EVENT_BUS_GUIDE',
  'TOPIC_CATALOG',
  'REGISTRATION_WORKFLOW',
  'RUNTIME_PROFILES',
  'CONTRACT_REFERENCE',
  'OPERATIONS',
  'MIGRATIONS',
  'OBSERVABILITY',
  'SECURITY',
  'TESTING',
  'DEPLOYMENT',
  'INTENTS',
  'LEDGER',
  'BASELINES',
];

/** Every doc but the last is on disk (RL059: a missing path); the second's trigger names a missing directory. */
function renderArtifactRegistry(): string {
  const lines = [
    HEADER.trimEnd(),
    'version: "1.0.0"',
    'description: "Artifact registry of bench_infra documentation"',
    'artifacts:',
  ];
  DOCS.forEach((d, i) => {
    const code = i === 1 ? `${SRC}/nodes/handlers/**/*.py` : `${SRC}/nodes/**/handlers/*.py`;
    lines.push(
      `  - artifact_id: "a1b2c3d4-0001-0001-0001-${String(i + 1).padStart(12, '0')}"`,
      '    artifact_type: "doc"',
      `    title: "${d}"`,
      `    path: "docs/architecture/${d}.md"`,
      '    update_policy: "require"',
      '    source_triggers:',
      `      - pattern: "${SRC}/nodes/*/contract.yaml"`,
      '        change_scope: "structural"',
      `      - pattern: "${code}"`,
      '        change_scope: "any"',
    );
  });
  return `${lines.join('\n')}\n`;
}

const PRE_COMMIT = `repos:
  - repo: local
    hooks:
      - id: handler-routing-schema-gate
        name: handler_routing flat-schema gate (OMN-14141)
        entry: env PYTHONPATH=src uv run --frozen python -m omnibase_infra.validators.handler_routing_schema
        language: system
        files: (^|/)contract\\.yaml$
      - id: onex-validate-contracts
        name: ONEX Contract Validation
        entry: uv run --frozen python scripts/validate.py contracts
        language: system
        files: '\\.yaml$'
        pass_filenames: false
`;
const CI = `name: ci
on: [pull_request]
jobs:
  compliance:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: uv run onex compliance check --repo-root . --output report.yaml || echo "::warning::compliance"
`;

/** The rest of infra's tree: modules of the package, tests and scripts; SQL, Markdown, JSON, shell and YAML files. */
const FILLER_DIRS = [
  'runtime',
  'models',
  'services',
  'handlers',
  'enums',
  'observability',
  'adapters',
  'validation',
  'event_bus',
  'cli',
  'utils',
  'onboarding',
];
interface Filler {
  path: string;
  bytes: number;
  kind: string;
}
const OTHER_FILES: [string, string, number][] = [
  ['docker/migrations', 'sql', 30],
  ['docs/reference', 'md', 20],
  ['config/schemas', 'json', 12],
  ['scripts/ci', 'sh', 12],
  ['deploy/catalog', 'yaml', 20],
  ['.github/workflows', 'yml', 6],
];

function fillerPlan(p: OnexContractsParams, written: number, pyWritten: number): Filler[] {
  const rng = new Rng(p.seed ^ 0xf111);
  const plan: Filler[] = [];
  const py = Math.max(0, p.python - pyWritten);
  for (let i = 0; i < py; i++) {
    const top =
      i % 5 === 4
        ? `tests/unit/${rng.pick(FILLER_DIRS)}`
        : i % 11 === 3
          ? 'scripts'
          : `${SRC}/${rng.pick(FILLER_DIRS)}`;
    const path = `${top}/group_${i % 23}/${rng.pick(WORDS)}_${rng.pick(WORDS)}_${i}.py`;
    plan.push({ path, bytes: moduleBytes(rng), kind: 'py' });
  }
  const other = Math.max(0, p.files - written - py);
  const weights = OTHER_FILES.map(([d, e, w]) => [[d, e], w] as const);
  for (let i = 0; i < other; i++) {
    const [dir, ext] = rng.weighted(weights, ['docs/reference', 'md'] as const);
    const path = `${dir}/${rng.pick(WORDS)}_${i}.${ext}`;
    plan.push({ path, bytes: Math.round(moduleBytes(rng, 2_000) / 2), kind: ext });
  }
  return plan;
}

function fillerText(f: Filler): string {
  const rng = new Rng(hashString(f.path));
  if (f.kind === 'py') return pythonText(rng, f.bytes, camel(f.path.slice(f.path.lastIndexOf('/') + 1, -3)));
  const line = FILLER_LINES[f.kind] ?? 'setting: value';
  const yaml = f.kind === 'yaml' || f.kind === 'yml';
  const lines: string[] = yaml ? ['items:'] : [];
  for (let size = 0; size < f.bytes; size += line.length + 5) lines.push(yaml ? `  - ${line}` : line);
  return f.kind === 'json' ? `[${lines.join(',\n')}]\n` : `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- edits

/**
 * Handler modules the analysis reads: those a contract auto-wiring parses and registers names (a
 * flat-schema contract (RL054) is skipped and a duplicate name (RL049) too, so nothing asks for
 * their modules and the server publishes nothing for them).
 */
function handlersRead(org: OnexContractsModel): NodeModel[] {
  return org.nodes.filter((n) => n.onDisk && n.entry === n.name && n.contractName === n.name && !n.flatHandler);
}

const KINDS = ['description', 'node_type', 'topic', 'handler', 'fix', 'module'] as const;
type Kind = (typeof KINDS)[number];
const WEIGHTS: [Kind, number][] = [
  ['description', 30],
  ['node_type', 12],
  ['topic', 15],
  ['handler', 12],
  ['fix', 16],
  ['module', 15],
];

interface Pending {
  n: NodeModel;
  kind: Kind;
  restore: () => void;
}

class ContractEdits implements EditStream {
  /** Changes waiting for their fix; a node has at most one of each kind, so that every edit changes its file. */
  private undo: Pending[] = [];
  private readonly editable: NodeModel[];
  private readonly modules: NodeModel[];

  constructor(org: OnexContractsModel) {
    this.editable = org.nodes.filter((n) => n.onDisk);
    this.modules = handlersRead(org);
  }

  next(rng: Rng): BenchEdit {
    let kind = rng.weighted(WEIGHTS, 'description');
    if (kind === 'fix' && this.undo.length === 0) kind = 'node_type';
    if (kind === 'fix') {
      const u = this.undo.splice(rng.int(0, this.undo.length - 1), 1)[0] as Pending;
      u.restore();
      return { kind, file: contractPath(u.n), text: renderContract(u.n) };
    }
    if (kind === 'module') {
      // A method added to the handler module (its class kept): the contract's reference is resolved again.
      const n = rng.pick(this.modules);
      n.handlerBytes += rng.int(40, 400);
      return { kind, file: handlerPath(n), text: renderHandler(n) };
    }
    const n = rng.pick(this.editable);
    if (this.undo.some((u) => u.n === n && u.kind === kind)) kind = 'description';
    if (kind === 'description') {
      n.description = `${n.kind} node: ${n.stem.replace(/_/g, ' ')} (revised ${rng.int(1, 999)}).`;
    } else if (kind === 'topic') {
      // A publish topic added or dropped: subscribers of that topic gain or lose their publisher.
      const t = topic(n, 'revised');
      const before = n.publish;
      n.publish = before.includes(t) ? before.filter((x) => x !== t) : [...before, t];
      this.undo.push({
        n,
        kind,
        restore: () => {
          n.publish = before;
        },
      });
    } else if (kind === 'node_type') {
      const before = n.nodeType;
      n.nodeType = `${n.kind.toUpperCase()}_GENRIC`;
      this.undo.push({
        n,
        kind,
        restore: () => {
          n.nodeType = before;
        },
      });
    } else {
      const before = n.handlerRef;
      n.handlerRef = `${n.handlerClass}Legacy`;
      this.undo.push({
        n,
        kind,
        restore: () => {
          n.handlerRef = before;
        },
      });
    }
    return { kind, file: contractPath(n), text: renderContract(n) };
  }
}

// ---------------------------------------------------------------- the workload

export function onexContractsWorkload(p: OnexContractsParams): Workload {
  const org = buildOnexContractsOrg(p);
  const onDisk = org.nodes.filter((n) => n.onDisk);
  const handlerNames = ['http', 'db', 'graph', 'filesystem', 'mcp', 'kafka', 'vault'].slice(0, p.handlerContracts);
  const nodeFiles = (n: NodeModel): [string, () => string][] => {
    const d = nodeDir(n);
    const c = camel(n.stem);
    const rng = new Rng(hashString(`${n.name}/files`));
    const models = `${PKG}.nodes.${n.name}.models`;
    return [
      [`${d}/__init__.py`, () => HEADER],
      [`${d}/contract.yaml`, () => renderContract(n)],
      [`${d}/node.py`, () => pythonText(rng, 1_300, `Node${c}`)],
      [`${d}/handlers/__init__.py`, () => HEADER],
      [handlerPath(n), () => renderHandler(n)],
      [
        `${d}/models/__init__.py`,
        () =>
          `${HEADER}from ${models}.model_${n.stem}_command import Model${c}Command\n` +
          `from ${models}.model_${n.stem}_output import Model${c}Output\n\n` +
          `__all__ = ["Model${c}Command", "Model${c}Output"]\n`,
      ],
      [`${d}/models/model_${n.stem}_command.py`, () => pythonText(rng, 1_000, `Model${c}Command`, [PYDANTIC])],
      [`${d}/models/model_${n.stem}_output.py`, () => pythonText(rng, 800, `Model${c}Output`, [PYDANTIC])],
      [`${d}/registry/__init__.py`, () => HEADER],
      [`${d}/registry/registry_infra_${n.stem}.py`, () => pythonText(rng, 900, `RegistryInfra${c}`)],
    ];
  };
  const fixed: [string, () => string][] = [
    ['pyproject.toml', () => renderPyproject(org)],
    ['.pre-commit-config.yaml', () => PRE_COMMIT],
    ['.github/workflows/ci.yml', () => CI],
    [`${SRC}/__init__.py`, () => HEADER],
    [`${SRC}/nodes/__init__.py`, () => HEADER],
    [`${SRC}/registry/artifact_registry.yaml`, renderArtifactRegistry],
    ...handlerNames.map((h, i): [string, () => string] => [
      `${SRC}/contracts/handlers/${h}/handler_contract.yaml`,
      () => renderHandlerContract(i, h),
    ]),
    ...DOCS.slice(0, -1).map((d): [string, () => string] => [
      `docs/architecture/${d}.md`,
      () => `# ${d}\n\nGenerated by bench/onexContractsOrg.ts.\n`,
    ]),
    ...onDisk.flatMap(nodeFiles),
  ];
  const plan = fillerPlan(p, fixed.length, fixed.filter(([f]) => f.endsWith('.py')).length);
  const files = fixed.length + plan.length;
  const generated: GeneratedSpec = {
    generator: GENERATOR_VERSION,
    params: p,
    fingerprint: () =>
      hashString(
        [
          renderPyproject(org),
          ...onDisk.map(renderContract),
          ...onDisk.slice(0, 2).map(renderHandler),
          JSON.stringify(plan.slice(0, 50)),
          ...plan.slice(0, 3).map(fillerText),
        ].join('\0'),
      ).toString(16),
    write(write) {
      for (const [file, text] of fixed) write(file, text());
      for (const f of plan) write(f.path, fillerText(f));
    },
  };
  const withEntry = handlersRead(org).filter((n) => n.handlerRef === n.handlerClass);
  return {
    name: p.name,
    family: 'onex-contracts',
    seed: p.seed,
    summary:
      `ONEX node contracts: ${p.nodes} nodes in pyproject.toml's onex.nodes table, ` +
      `${onDisk.length} contract.yaml, ${p.handlerContracts} handler contracts, ` +
      `${files.toLocaleString('en-US')} files (${p.python.toLocaleString('en-US')} Python)`,
    entries: p.nodes,
    seeded: org.seeded,
    editKinds: KINDS,
    secondaryKinds: ['module'],
    generated,
    readsReferencedFiles: true,
    staleProbe: () => [
      { file: 'pyproject.toml', text: renderPyproject(org) },
      ...onDisk.slice(0, 25).map((n) => ({ file: contractPath(n), text: renderContract(n) })),
    ],
    edits: () => new ContractEdits(org),
    centralLabel:
      "pyproject.toml's onex.nodes table (an entry point to a missing package added, then removed: RL046 " +
      'appears and goes)',
    centralEdits(_rng: Rng, n: number): BenchEdit[] {
      return Array.from({ length: n }, () => {
        org.drafts = org.drafts === 0 ? 1 : 0;
        return { kind: 'core', file: 'pyproject.toml', text: renderPyproject(org) };
      });
    },
    componentLabel: 'handler modules (the class renamed, then restored: RL055 appears and goes)',
    componentEdits(rng: Rng): BenchEdit[] {
      return rng.sample(withEntry, 10).flatMap((n) => {
        const cls = n.handlerClass;
        n.handlerClass = `${cls}Old`;
        const renamed = renderHandler(n);
        n.handlerClass = cls;
        const file = handlerPath(n);
        return [
          { kind: 'component', file, text: renamed },
          { kind: 'component', file, text: renderHandler(n) },
        ];
      });
    },
  };
}
