// What each validator says about a node contract's own content (no other file): the rules of the
// validators in validators.ts, each mirrored with the line it comes from. Cross-file rules (entry
// points, names, class references) are in checks.ts.
import type { Lit } from '../../../literal';
import type { Range } from '../../../types';
import { at, pyyamlBool, str, topKeys, type ContractDoc } from './contractDoc';
import type { Objection } from './objection';
import { closeMatch } from './difflib';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** linter_contract.py:98. */
export const LINTER_NODE_TYPES = ['COMPUTE_GENERIC', 'EFFECT_GENERIC', 'ORCHESTRATOR_GENERIC', 'REDUCER_GENERIC'];
/** linter_contract.py:104 (sorted, as `_suggest_similar_field` sorts them). */
export const LINTER_FIELDS = [
  'capabilities',
  'config',
  'consumed_events',
  'contract_name',
  'contract_version',
  'database_schema',
  'definitions',
  'dependencies',
  'description',
  'descriptor',
  'error_handling',
  'event_bus',
  'handler_id',
  'handler_routing',
  'health_check',
  'idempotency',
  'input_model',
  'input_subscriptions',
  'intent_consumption',
  'intent_emission',
  'io_operations',
  'mcp',
  'metadata',
  'name',
  'node_name',
  'node_type',
  'node_version',
  'operation_bindings',
  'output_model',
  'performance',
  'produced_events',
  'projection_reader',
  'published_events',
  'staleness',
  'state_machine',
  'state_model',
  'supported_rules',
  'tags',
  'time_injection',
  'validation',
  'validation_rules',
  'workflow_coordination',
];
/** linter_contract.py:158. */
const LINTER_REQUIRED = ['name', 'node_type', 'contract_version', 'input_model', 'output_model'];
/** core scripts/validation/yaml_contract_validator.py:80 (compared upper-cased, :205). */
export const CORE_NODE_TYPES = [
  'COMPUTE',
  'EFFECT',
  'REDUCER',
  'ORCHESTRATOR',
  'RUNTIME_HOST',
  'COMPUTE_GENERIC',
  'EFFECT_GENERIC',
  'REDUCER_GENERIC',
  'ORCHESTRATOR_GENERIC',
  'RUNTIME_HOST_GENERIC',
  'GATEWAY',
  'VALIDATOR',
  'TRANSFORMER',
  'AGGREGATOR',
  'FUNCTION',
  'TOOL',
  'AGENT',
  'MODEL',
  'PLUGIN',
  'SCHEMA',
  'NODE',
  'WORKFLOW',
  'SERVICE',
  'UNKNOWN',
];
/**
 * core enums/enum_node_type.py:131-153: what `onex validate` accepts, by name or value upper-cased
 * (model_yaml_contract.py:124).
 */
const ENUM_NODE_TYPES = CORE_NODE_TYPES.filter(
  (t) => !['COMPUTE', 'EFFECT', 'REDUCER', 'ORCHESTRATOR', 'RUNTIME_HOST'].includes(t),
);
/** core cli_compliance.py:160 and node_compliance_scan_compute/handler.py:450. */
const KINDS = ['COMPUTE', 'REDUCER', 'EFFECT', 'ORCHESTRATOR'];
/** node_compliance_scan_compute/handler.py:55. */
export const SCAN_TOPIC = /^onex\.(cmd|evt)\.[a-z][a-z0-9_-]*\.[a-z][a-z0-9_-]*\.v\d+$/;
/** core scripts/validate-contracts.py:178: a YAML file with one of these is validated as a contract. */
const CORE_INDICATORS = [
  'contract_version',
  'node_type',
  'metadata',
  'inputs',
  'outputs',
  'configuration',
  'description',
];

const kindOf = (lit: Lit | null): string =>
  lit === null
    ? 'None'
    : lit.kind === 'str'
      ? 'str'
      : lit.kind === 'dict'
        ? 'dict'
        : lit.kind === 'list'
          ? 'list'
          : lit.kind === 'num'
            ? lit.int
              ? 'int'
              : 'float'
            : lit.kind === 'bool'
              ? 'bool'
              : lit.kind === 'none'
                ? 'NoneType'
                : 'str';

function keyRange(doc: ContractDoc, key: string): Range {
  return topKeys(doc.root).find((k) => k.key === key)?.range ?? firstKey(doc);
}
function firstKey(doc: ContractDoc): Range {
  return topKeys(doc.root)[0]?.range ?? doc.root?.range ?? ZERO;
}
const has = (doc: ContractDoc, k: string): boolean => topKeys(doc.root).some((x) => x.key === k);

/** Every validator's objections to a node contract's own content. */
export function shapeObjections(doc: ContractDoc): Objection[] {
  const root = doc.root;
  if (root?.kind !== 'dict') {
    const range = root?.range ?? ZERO;
    return [
      {
        validator: 'auto-wiring',
        rule: 'parse',
        code: 'RL054',
        range,
        level: 'fail',
        message:
          `Expected YAML dict, got ${kindOf(root)}: ` +
          '"Failed to parse contract", the node is never wired (discovery.py:397)',
      },
      {
        validator: 'contract-linter',
        rule: 'CONTRACT-010',
        code: 'RL054',
        range,
        level: 'fail',
        message: 'Contract must be a YAML mapping (dict), not a scalar or list (linter_contract.py:621)',
      },
      {
        validator: 'compliance-check',
        rule: 'contract_parse',
        code: 'RL054',
        range,
        level: 'fail',
        message: 'contract.yaml did not parse to a mapping: the node fails every check (cli_compliance.py:96-108)',
      },
    ];
  }
  const out: Objection[] = [];
  if (doc.multiDoc) {
    const parse = (validator: Objection['validator'], rule: string, what: string): Objection => ({
      validator,
      rule,
      code: 'RL054',
      range: doc.multiDoc ?? ZERO,
      level: 'fail',
      message: `More than one YAML document: yaml.safe_load fails, so ${what}`,
    });
    out.push(parse('auto-wiring', 'parse', 'auto-wiring skips the contract (discovery.py:394)'));
    out.push(parse('compliance-check', 'contract_parse', 'the node fails every check (cli_compliance.py:96-108)'));
    out.push(parse('topic-naming', 'parse', '"Could not parse" fails the lint (lint_topic_names.py:268-273)'));
  }
  out.push(
    ...autoWiring(doc),
    ...linter(doc),
    ...coreContracts(doc),
    ...onexValidate(doc),
    ...complianceScan(doc),
    ...complianceCheck(doc),
  );
  return out;
}

/**
 * What makes `_parse_contract` raise, so discovery logs "Failed to parse contract" and skips the node
 * (discovery.py:183).
 */
function autoWiring(doc: ContractDoc): Objection[] {
  const out: Objection[] = [];
  const eb = at(doc.root, 'event_bus');
  if (eb?.kind === 'dict') {
    for (const flag of ['plugin_managed', 'tenant_scoped_ingress']) {
      const v = at(eb, flag);
      // PyYAML reads a plain `yes`/`on`/`no`/`off` as a boolean (contractDoc.ts pyyamlBool).
      if (v && pyyamlBool(v) === null) {
        out.push({
          validator: 'auto-wiring',
          rule: 'event_bus',
          code: 'RL054',
          range: v.range,
          level: 'fail',
          message:
            `event_bus.${flag} must be a boolean when provided, got ${kindOf(v)}: ` +
            'auto-wiring skips the contract (discovery.py:376)',
        });
      }
    }
  }
  const handlers = at(doc.root, 'handler_routing.handlers');
  if (at(doc.root, 'handler_routing')?.kind === 'dict' && handlers?.kind === 'list') {
    handlers.items.forEach((h, i) => {
      if (h.kind !== 'dict') {
        out.push({
          validator: 'auto-wiring',
          rule: 'OMN-14141',
          code: 'RL054',
          range: h.range,
          level: 'fail',
          message:
            `handler_routing.handlers[${i}] must be a mapping, got ${kindOf(h)}: ` +
            'auto-wiring skips the contract (discovery.py:538)',
        });
      } else if (at(h, 'handler')?.kind !== 'dict') {
        const keys = topKeys(h)
          .map((k) => k.key)
          .sort()
          .join(', ');
        const msg =
          `handler_routing.handlers[${i}] has no nested 'handler: {name, module}' mapping (keys: ${keys}); ` +
          'the flat handler_class/handler_module schema parses to zero dispatchers (OMN-14141)';
        const range = topKeys(h)[0]?.range ?? h.range;
        out.push({
          validator: 'auto-wiring',
          rule: 'OMN-14141',
          code: 'RL054',
          range,
          level: 'fail',
          message: `${msg}: auto-wiring skips the contract (discovery.py:545)`,
        });
        out.push({
          validator: 'handler-routing-gate',
          rule: 'OMN-14141',
          code: 'RL054',
          range,
          level: 'fail',
          message: 'the flat handler_class/handler_module schema is rejected (OMN-14141)',
        });
      }
    });
  }
  const profiles = at(doc.root, 'runtime_profiles') ?? at(doc.root, 'descriptor.runtime_profiles');
  if (profiles && profiles.kind !== 'str' && profiles.kind !== 'list' && profiles.kind !== 'none') {
    out.push({
      validator: 'auto-wiring',
      rule: 'runtime_profiles',
      code: 'RL054',
      range: profiles.range,
      level: 'fail',
      message:
        'runtime_profiles must be a string or list of strings: auto-wiring skips the contract (discovery.py:479)',
    });
  } else if (profiles?.kind === 'list') {
    for (const p of profiles.items) {
      if (p.kind !== 'str')
        out.push({
          validator: 'auto-wiring',
          rule: 'runtime_profiles',
          code: 'RL054',
          range: p.range,
          level: 'fail',
          message: 'runtime_profiles entries must be strings: auto-wiring skips the contract (discovery.py:484)',
        });
      else if (!p.value.trim())
        out.push({
          validator: 'auto-wiring',
          rule: 'runtime_profiles',
          code: 'RL054',
          range: p.range,
          level: 'fail',
          message: 'runtime_profiles entries cannot be blank: auto-wiring skips the contract (discovery.py:487)',
        });
    }
  }
  return out;
}

/** infra's ContractLinter, as `scripts/validate.py contracts` runs it (check_unknown_fields on, strict off). */
function linter(doc: ContractDoc): Objection[] {
  const out: Objection[] = [];
  const v = 'contract-linter' as const;
  for (const f of LINTER_REQUIRED) {
    if (!has(doc, f))
      out.push({
        validator: v,
        rule: 'CONTRACT-002',
        code: 'RL050',
        range: firstKey(doc),
        level: 'fail',
        message: `Required field '${f}' is missing (linter_contract.py:776)`,
      });
  }
  const nt = at(doc.root, 'node_type');
  if (nt && nt.kind !== 'str')
    out.push({
      validator: v,
      rule: 'CONTRACT-004',
      code: 'RL051',
      range: nt.range,
      level: 'fail',
      message: `node_type must be a string, got ${kindOf(nt)} (linter_contract.py:806)`,
    });
  else if (nt?.kind === 'str' && !LINTER_NODE_TYPES.includes(nt.value)) {
    const near = closeMatch(nt.value, LINTER_NODE_TYPES);
    out.push({
      validator: v,
      rule: 'CONTRACT-003',
      code: 'RL051',
      range: nt.range,
      level: 'fail',
      message:
        `Invalid node_type '${nt.value}'. Must be one of: ${LINTER_NODE_TYPES.join(', ')}` +
        `${near ? `. Did you mean '${near}'?` : ''} (linter_contract.py:818)`,
    });
  }
  const cv = at(doc.root, 'contract_version');
  if (cv && cv.kind !== 'dict')
    out.push({
      validator: v,
      rule: 'CONTRACT-006',
      code: 'RL052',
      range: cv.range,
      level: 'fail',
      message: "contract_version must be a dict with 'major', 'minor', 'patch' keys (linter_contract.py:856)",
    });
  else if (cv?.kind === 'dict') {
    for (const k of ['major', 'minor', 'patch']) {
      const n = at(cv, k);
      if (!n)
        out.push({
          validator: v,
          rule: 'CONTRACT-006',
          code: 'RL052',
          range: cv.range,
          level: 'fail',
          message: `contract_version missing required field '${k}' (linter_contract.py:871)`,
        });
      else if (n.kind !== 'num' || !n.int)
        out.push({
          validator: v,
          rule: 'CONTRACT-006',
          code: 'RL052',
          range: n.range,
          level: 'fail',
          message: `contract_version.${k} must be an integer, got ${kindOf(n)} (linter_contract.py:881)`,
        });
      else if (n.value < 0)
        out.push({
          validator: v,
          rule: 'CONTRACT-006',
          code: 'RL052',
          range: n.range,
          level: 'fail',
          message: `contract_version.${k} must be non-negative, got ${n.value} (linter_contract.py:891)`,
        });
    }
  }
  for (const f of ['input_model', 'output_model']) {
    const m = at(doc.root, f);
    if (!m) continue;
    if (m.kind !== 'dict') {
      out.push({
        validator: v,
        rule: 'CONTRACT-007',
        code: 'RL056',
        range: m.range,
        level: 'fail',
        message: `${f} must be a dict with 'name' and 'module' keys (linter_contract.py:921)`,
      });
      continue;
    }
    for (const k of ['name', 'module']) {
      const s = at(m, k);
      if (!s)
        out.push({
          validator: v,
          rule: 'CONTRACT-007',
          code: 'RL056',
          range: m.range,
          level: 'fail',
          message: `${f} missing required field '${k}' (linter_contract.py:937)`,
        });
      else if (s.kind !== 'str')
        out.push({
          validator: v,
          rule: 'CONTRACT-007',
          code: 'RL056',
          range: s.range,
          level: 'fail',
          message: `${f}.${k} must be a string (linter_contract.py:947)`,
        });
    }
    const name = str(at(m, 'name'));
    if (name && !name.value.startsWith('Model'))
      out.push({
        validator: v,
        rule: 'CONTRACT-007',
        code: 'RL056',
        range: name.range,
        level: 'warn',
        message: `${f}.name should start with 'Model' prefix per ONEX conventions (linter_contract.py:960)`,
      });
  }
  const name = str(at(doc.root, 'name'));
  if (name && !/^[a-z][a-z0-9_]*$/.test(name.value))
    out.push({
      validator: v,
      rule: 'CONTRACT-008',
      code: 'RL053',
      range: name.range,
      level: 'warn',
      message: `Node name '${name.value}' should be snake_case (lowercase with underscores) (linter_contract.py:1049)`,
    });
  for (const k of topKeys(doc.root)) {
    if (LINTER_FIELDS.includes(k.key)) continue;
    const near = closeMatch(k.key, LINTER_FIELDS);
    out.push({
      validator: v,
      rule: 'CONTRACT-013',
      code: 'RL053',
      range: k.range,
      level: 'warn',
      message: `Unknown field '${k.key}'${near ? `. Did you mean '${near}'?` : ''} (linter_contract.py:1108)`,
    });
  }
  return out;
}

/** core's pre-commit `validate-contracts` (MinimalYamlContract, extra fields allowed). */
function coreContracts(doc: ContractDoc): Objection[] {
  const v = 'core-contracts' as const;
  if (has(doc, 'handler_id') || !CORE_INDICATORS.some((k) => has(doc, k))) return [];
  const out: Objection[] = [];
  for (const f of ['contract_version', 'node_type']) {
    if (!has(doc, f))
      out.push({
        validator: v,
        rule: 'missing',
        code: 'RL050',
        range: firstKey(doc),
        level: 'fail',
        message: `Missing required field: ${f} (yaml_contract_validator.py:134)`,
      });
  }
  const nt = at(doc.root, 'node_type');
  if (nt && nt.kind !== 'str')
    out.push({
      validator: v,
      rule: 'node_type',
      code: 'RL051',
      range: nt.range,
      level: 'fail',
      message: 'node_type must be a string (yaml_contract_validator.py:203)',
    });
  else if (nt?.kind === 'str' && !CORE_NODE_TYPES.includes(nt.value.toUpperCase())) {
    out.push({
      validator: v,
      rule: 'node_type',
      code: 'RL051',
      range: nt.range,
      level: 'fail',
      message: `Invalid node_type '${nt.value}' (yaml_contract_validator.py:209)`,
    });
  }
  const cv = at(doc.root, 'contract_version');
  if (cv && cv.kind !== 'dict' && cv.kind !== 'str')
    out.push({
      validator: v,
      rule: 'contract_version',
      code: 'RL052',
      range: cv.range,
      level: 'fail',
      message: 'contract_version must be {major, minor, patch} or a "X.Y.Z" string (yaml_contract_validator.py:152)',
    });
  return out;
}

/**
 * `onex validate` (ModelYamlContract): no top-level `version` (model_yaml_contract.py:91), node_type an EnumNodeType
 * (:124).
 */
function onexValidate(doc: ContractDoc): Objection[] {
  const v = 'onex-validate' as const;
  const out: Objection[] = [];
  if (has(doc, 'version'))
    out.push({
      validator: v,
      rule: 'OMN-1431',
      code: 'RL052',
      range: keyRange(doc, 'version'),
      level: 'fail',
      message: "YAML contracts must use 'contract_version', not 'version' (model_yaml_contract.py:91)",
    });
  const nt = at(doc.root, 'node_type');
  if (!nt)
    out.push({
      validator: v,
      rule: 'required',
      code: 'RL050',
      range: firstKey(doc),
      level: 'fail',
      message: 'node_type is required (model_yaml_contract.py:54)',
    });
  else if (nt.kind === 'str' && !ENUM_NODE_TYPES.includes(nt.value.toUpperCase())) {
    const near = closeMatch(nt.value.toUpperCase(), ENUM_NODE_TYPES);
    out.push({
      validator: v,
      rule: 'node_type',
      code: 'RL051',
      range: nt.range,
      level: 'fail',
      message:
        `Invalid node_type '${nt.value}'. Must be a valid EnumNodeType value` +
        `${near ? `. Did you mean '${near}'?` : ''} (model_yaml_contract.py:147)`,
    });
  }
  if (!has(doc, 'contract_version'))
    out.push({
      validator: v,
      rule: 'required',
      code: 'RL050',
      range: firstKey(doc),
      level: 'fail',
      message: 'contract_version is required (model_yaml_contract.py:49)',
    });
  return out;
}

/**
 * core's compliance scan node: checks 3 (forms), 4 (node kind), 5 and 6 (topics); check 2 and 3's imports are in
 * checks.ts.
 */
function complianceScan(doc: ContractDoc): Objection[] {
  const v = 'compliance-scan' as const;
  const out: Objection[] = [];
  for (const f of ['input_model', 'output_model']) {
    const m = at(doc.root, f);
    if (!m || (m.kind === 'str' && !m.value) || m.kind === 'none') continue;
    if (m.kind !== 'str')
      out.push({
        validator: v,
        rule: 'check 3',
        code: 'RL056',
        range: m.range,
        level: 'fail',
        message: `${f} is not a string: ${m.kind === 'dict' ? 'dict' : kindOf(m)} (handler.py:373)`,
      });
    else if (!m.value.includes('.'))
      out.push({
        validator: v,
        rule: 'check 3',
        code: 'RL056',
        range: m.range,
        level: 'fail',
        message: `${f} has no module path: ${m.value} (handler.py:377)`,
      });
  }
  const dh = at(doc.root, 'handler_routing.default_handler');
  if (dh?.kind === 'str' && dh.value && !dh.value.includes(':'))
    out.push({
      validator: v,
      rule: 'check 2',
      code: 'RL056',
      range: dh.range,
      level: 'fail',
      message: `Invalid handler format (missing ':'): ${dh.value} (handler.py:300)`,
    });
  const kind = str(at(doc.root, 'node_kind')) ?? str(at(doc.root, 'node_type'));
  if (kind && kind.value && !KINDS.includes(kind.value.toUpperCase())) {
    out.push({
      validator: v,
      rule: 'check 4',
      code: 'RL051',
      range: kind.range,
      level: 'fail',
      message: `Unknown node_kind '${kind.value}'; valid: ${[...KINDS].sort().join(', ')} (handler.py:447)`,
    });
  } else if (kind?.value.toUpperCase() === 'ORCHESTRATOR' && at(doc.root, 'output_model')) {
    out.push({
      validator: v,
      rule: 'check 4',
      code: 'RL051',
      range: keyRange(doc, 'output_model'),
      level: 'fail',
      message: 'ORCHESTRATOR nodes cannot declare output_model (handler.py:460)',
    });
  }
  for (const t of doc.topics) {
    if (!SCAN_TOPIC.test(t.topic))
      out.push({
        validator: v,
        rule: t.dir === 'publish' ? 'check 5' : 'check 6',
        code: 'RL057',
        range: t.range,
        level: 'fail',
        message:
          `Topic '${t.topic}' violates the naming convention ` +
          'onex.{cmd|evt}.{service}.{event-name}.v{N} (handler.py:518)',
      });
  }
  return out;
}

/**
 * `onex compliance check` (the CLI's own 8 checks): 1 a mapping (above), 3 identity and type, 4 node kind,
 * 5 and 6 topic prefix, 7 config_requirements a list; 2 (a handler file) is handlerResolution.ts.
 */
function complianceCheck(doc: ContractDoc): Objection[] {
  const v = 'compliance-check' as const;
  const out: Objection[] = [];
  if (!(has(doc, 'node_id') || has(doc, 'name')) || !(has(doc, 'node_type') || has(doc, 'node_kind'))) {
    out.push({
      validator: v,
      rule: 'schema_conformance',
      code: 'RL050',
      range: firstKey(doc),
      level: 'fail',
      message: 'No node identifier (node_id or name) or no type (node_type or node_kind) (cli_compliance.py:142)',
    });
  }
  const raw = at(doc.root, 'node_type') ?? at(doc.root, 'node_kind');
  const text = raw?.kind === 'str' ? raw.value : raw?.kind === 'num' ? String(raw.value) : '';
  if (raw && !['compute', 'reducer', 'effect', 'orchestrator'].includes(text.toLowerCase().replace(/_generic$/, ''))) {
    out.push({
      validator: v,
      rule: 'node_kind_constraints',
      code: 'RL051',
      range: raw.range,
      level: 'fail',
      message:
        `node_type '${text}' is not compute, reducer, effect or orchestrator ` +
        '(optionally _GENERIC) (cli_compliance.py:162)',
    });
  }
  const eb = at(doc.root, 'event_bus');
  for (const key of ['publish_topics', 'subscribe_topics']) {
    const l = eb?.kind === 'dict' ? at(eb, key) : null;
    for (const t of l?.kind === 'list' ? l.items : []) {
      if (t.kind !== 'str' || !t.value.startsWith('onex.'))
        out.push({
          validator: v,
          rule: key === 'publish_topics' ? 'publish_topic_naming' : 'subscribe_topic_naming',
          code: 'RL057',
          range: t.range,
          level: 'fail',
          message:
            `Topic ${t.kind === 'str' ? `'${t.value}'` : ''} ` + "does not start with 'onex.' (cli_compliance.py:176)",
        });
    }
  }
  const reqs = at(doc.root, 'config_requirements');
  if (reqs && reqs.kind !== 'list') {
    // On the value; a null one (`config_requirements:` and nothing) has no width, so on the key.
    const range = reqs.kind === 'none' ? keyRange(doc, 'config_requirements') : reqs.range;
    out.push({
      validator: v,
      rule: 'config_readiness',
      code: 'RL069',
      range,
      level: 'fail',
      message: `config_requirements must be a list, got ${kindOf(reqs)}: the node fails (cli_compliance.py:204-212)`,
    });
  }
  return out;
}
