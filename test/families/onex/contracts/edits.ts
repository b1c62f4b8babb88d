// The ONEX-contracts family's random edits (test/engine/randomEdits.ts) on examples/onex-contracts:
// entry points added, removed and retargeted, contract names, node types, handler references and
// topics changed, node packages and handler modules coming and going, gate files naming validators,
// the tenant_scoped_ingress flag, topics and allowlist;
// and the nodes Explain is asked about after each.
import { replaceRandom, type Edit } from '../../../engine/editKit';

const PY = 'pyproject.toml';
const NODES = 'src/demo_infra/nodes';
const NAMES = [
  'node_alpha_effect',
  'node_beta_compute',
  'node_gamma_reducer',
  'node_flat_effect',
  'node_orphan_compute',
  'node_delta_orchestrator',
];
const contract = (n: string): string => `${NODES}/${n}/contract.yaml`;
const ALLOWLIST = 'config/validation/tenant_scoped_ingress_allowlist.yaml';
const TOPIC = 'onex.evt.demo.alpha-done.v1';
const ALLOWLIST_TEXT =
  'allowlist:\n  - node_id: beta_compute\n    seam_test: tests/t.py\n' +
  `    trusted_internal_topics:\n      - ${TOPIC}\n`;
const MOVED = '"onex.evt.demo.alpha-moved.v1"';

/** Nodes the oracle explains. */
export const ONEX_CONTRACT_EXPLAINED = ['node_alpha_effect', 'node_beta_compute', 'node_orphan_compute'];

export const ONEX_CONTRACT_EDITS: Edit[] = [
  // An entry point retargeted, added or removed.
  (files, pick) => {
    const t = files.get(PY) ?? '';
    const name = pick(NAMES);
    const line = `${name} = "demo_infra.nodes.${pick(NAMES)}${pick(['', ':Node', '.node'])}"`;
    const re = new RegExp(`^${name} = .*$`, 'm');
    return [
      PY,
      re.test(t) ? (pick([true, false]) ? t.replace(re, line) : t.replace(re, '')) : `${t.trimEnd()}\n${line}\n`,
    ];
  },
  // A contract's name, node_type, contract_version or a topic changed.
  (files, pick) => {
    const f = contract(pick(NAMES));
    const t = files.get(f);
    if (t === undefined) return null;
    const r = replaceRandom(t, /^(name|node_type|contract_version): .*$|"(onex|demo)\.[^"]*"/m, pick, (m) => {
      if (m[1] === 'name') return `name: "${pick(NAMES.concat(['shared']))}"`;
      if (m[1] === 'node_type')
        return `node_type: "${pick(['EFFECT_GENERIC', 'COMPUTE', 'compute', 'EFECT_GENERIC', 7])}"`;
      if (m[1] === 'contract_version')
        return `contract_version: ${pick(['"1.0.0"', '{major: 1, minor: 0, patch: 0}', '{major: -1}'])}`;
      return `"${pick(['onex.evt.demo.alpha-done.v1', 'demo.x', 'onex.cmd.demo.go.v2'])}"`;
    });
    return r === null ? null : [f, r];
  },
  // A handler reference retargeted, or the handler routing made flat.
  (files, pick) => {
    const f = contract(pick(NAMES));
    const t = files.get(f);
    if (t === undefined) return null;
    if (pick([true, false]))
      return [
        f,
        t.replace(/name: "Handler\w*"/, `name: "${pick(['HandlerAlpha', 'HandlerBeta', 'HandlerBetaV1', 'Nope'])}"`),
      ];
    return [
      f,
      `${t.replace(/^handler_routing:[\s\S]*$/m, '')}handler_routing:\n  handlers:\n    - ${pick(['handler_class: "H"', 'handler: {name: "HandlerAlpha", module: "demo_infra.nodes.node_alpha_effect.handlers.handler_alpha"}'])}\n`,
    ];
  },
  // A node package's __init__.py or contract, or a handler module, coming and going.
  (files, pick) => {
    const n = pick(NAMES);
    const f = pick([`${NODES}/${n}/__init__.py`, contract(n), `${NODES}/node_beta_compute/handlers/handler_beta.py`]);
    if (files.has(f)) return [f, null];
    return [
      f,
      f.endsWith('.py') ? pick(['', 'class HandlerBeta:\n    pass\n']) : `name: "${n}"\nnode_type: "EFFECT_GENERIC"\n`,
    ];
  },
  // The gate files naming validators, and the artifact registry's triggers.
  (files, pick) => {
    const f = pick(['.pre-commit-config.yaml', 'src/demo_infra/registry/artifact_registry.yaml']);
    const t = files.get(f) ?? '';
    if (f.endsWith('artifact_registry.yaml'))
      return [
        f,
        t.replace(
          /pattern: "[^"]*"/,
          `pattern: "${pick(['src/demo_infra/nodes/handlers/**/*.py', 'src/demo_infra/nodes/*/contract.yaml', 'docs/ARCHITECTURE.md', 'nope.md'])}"`,
        ),
      ];
    return [
      f,
      pick([
        t.replace('validate.py contracts', 'validate.py other'),
        t.replace('validate.py other', 'validate.py contracts'),
        `${t}# onex validate\n`,
      ]),
    ];
  },
  // The tenant_scoped_ingress gate: a flag flipped, a topic published or subscribed, the allowlist edited or gone.
  (files, pick) => {
    const f = pick([contract(pick(NAMES)), contract('node_alpha_effect'), ALLOWLIST]);
    const t = files.get(f);
    // alpha publishes the topic beta keeps as trusted-internal: the producer scan's answer changes.
    if (t !== undefined && f.includes('alpha') && pick([true, false])) {
      return [f, t.includes(`"${TOPIC}"`) ? t.replace(`"${TOPIC}"`, MOVED) : t.replace(MOVED, `"${TOPIC}"`)];
    }
    if (f === ALLOWLIST) {
      if (t === undefined || pick([false, false, true])) return [f, t === undefined ? ALLOWLIST_TEXT : null];
      const r = replaceRandom(t, /^ {4}seam_test: .*$|^ {6}- .*$|^ {2}- node_id: .*$/m, pick, (m) => {
        if (m[0].includes('seam_test')) return `    seam_test: ${pick(['""', 'tests/t.py', '3'])}`;
        if (m[0].includes('node_id')) return `  - node_id: ${pick(NAMES.concat(['beta_compute']))}`;
        return `      - ${pick([TOPIC, `tenant-acme.${TOPIC}`, 'onex.cmd.demo.stale.v1'])}`;
      });
      return r === null ? null : [f, r];
    }
    if (t === undefined) return null;
    const flagged = /^ {2}tenant_scoped_ingress: .*$/m;
    const flag = `  tenant_scoped_ingress: ${pick(['true', 'false', 'yes', '"true"'])}`;
    if (flagged.test(t) && pick([true, false])) return [f, t.replace(flagged, flag)];
    const bus = t.includes('\nevent_bus:\n') ? t : `${t.trimEnd()}\nevent_bus:\n`;
    const key = pick(['publish_topics', 'subscribe_topics', 'tenant_scoped_ingress']);
    const value = key === 'tenant_scoped_ingress' ? 'true' : `["${pick([TOPIC, `tenant-acme.${TOPIC}`])}"]`;
    return [f, bus.replace('\nevent_bus:\n', `\nevent_bus:\n  ${key}: ${value}\n`)];
  },
];
