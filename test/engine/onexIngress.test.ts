// omnibase_infra's tenant_scoped_ingress gate (validator `tenant-ingress`, RL076–RL078): the cases of
// infra's tests/unit/validators/test_tenant_scoped_ingress_schema.py, each as a small repository whose
// pre-commit configuration runs the gate, with every finding at the place it is fixed.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from './helpers';

const PREFIXED = 'tenant-acme.onex.cmd.omnimarket.delegate-skill.v1';
const BARE = 'onex.cmd.omnimarket.delegate-skill.v1';
const GATES =
  '//- /.pre-commit-config.yaml\nrepos: [{hooks: [{id: tenant-scoped-ingress-gate, ' +
  'entry: env PYTHONPATH=src uv run --frozen python -m omnibase_infra.validators.tenant_scoped_ingress_schema}]}]\n';
const ALLOWLIST = '//- /config/validation/tenant_scoped_ingress_allowlist.yaml\n';
const ONLY = { only: ['RL076', 'RL077', 'RL078'] };
const WIRING = { only: [...ONLY.only, 'RL054'] };

/** `#` and carets under `sub` in `line` (the fixture's annotation of the line above), with a label. */
const mark = (line: string, sub: string, label: string): string => {
  const at = line.lastIndexOf(sub);
  assert.ok(at > 0, `'${sub}' in '${line}'`);
  return `${line}\n#${' '.repeat(at - 1)}${'^'.repeat(sub.length)} ${label}`;
};

/** The test's `_contract`; `marks` annotates the line whose value (after `- ` or `key: `) is a key. */
interface ContractOpts {
  flag?: string;
  topics: string[];
  name?: string;
  publish?: string[];
  marks?: Record<string, string>;
}
function contract(o: ContractOpts): string {
  const line = (l: string): string => {
    const m = Object.entries(o.marks ?? {}).find(([k]) => l.replace(/^\s*(- |\w+: )/, '') === k);
    return m ? mark(l, m[0], m[1]) : l;
  };
  const lines = [`name: ${o.name ?? 'node_foo'}`, 'node_type: EFFECT_GENERIC', 'event_bus:'];
  lines.push(`  tenant_scoped_ingress: ${o.flag ?? 'true'}`);
  lines.push(o.topics.length ? '  subscribe_topics:' : '  subscribe_topics: []', ...o.topics.map((t) => `    - ${t}`));
  if (o.publish) lines.push('  publish_topics:', ...o.publish.map((t) => `    - ${t}`));
  return `${lines.map(line).join('\n')}\n`;
}

/** A repository running the gate, with node packages under the producer-scan root (src/omnibase_infra). */
function repo(nodes: Record<string, string>, extra = '', gates = GATES): string {
  const eps = Object.keys(nodes)
    .map((n) => `${n} = "omnibase_infra.nodes.${n}"`)
    .join('\n');
  const dir = (n: string): string => `/src/omnibase_infra/nodes/${n}`;
  const pkgs = Object.entries(nodes)
    .map(([n, body]) => `//- ${dir(n)}/__init__.py\n\n//- ${dir(n)}/contract.yaml\n${body}`)
    .join('');
  return (
    `//- /pyproject.toml\n[project]\nname = "omnibase-infra"\n\n[project.entry-points."onex.nodes"]\n${eps}\n` +
    `//- /src/omnibase_infra/__init__.py\n\n//- /src/omnibase_infra/nodes/__init__.py\n\n${gates}${extra}${pkgs}`
  );
}

const attested = (node = 'node_foo', trusted: string[] = [], seam = 'tests/integration/test_x.py'): string =>
  `${ALLOWLIST}allowlist:\n  - node_id: ${node}\n    seam_test: ${seam}\n` +
  (trusted.length ? `    trusted_internal_topics:\n${trusted.map((t) => `      - ${t}`).join('\n')}\n` : '');

/** The diagnostics of the gate's codes (or `opts`) on `repo(nodes, extra, gates)`. */
const check = (
  nodes: Record<string, string>,
  extra = '',
  gates = GATES,
  opts = ONLY,
): ReturnType<typeof checkDiagnostics> => checkDiagnostics(repo(nodes, extra, gates), {}, opts);
/** node_foo subscribing `topics`, with marks. */
const foo = (topics: string[], marks: Record<string, string> = {}, flag = 'true'): Record<string, string> => ({
  node_foo: contract({ topics, marks, flag }),
});
const allowlistOf = (body: string): string => `${ALLOWLIST}allowlist:\n  - node_id: node_foo\n${body}`;
const SEAM = '[MISSING_SEAM_TEST]';

describe('ONEX contracts: tenant_scoped_ingress gate (OMN-14360, OMN-14482)', () => {
  it('a flag-true contract with only prefixed topics and an attested seam test passes', async () => {
    await check(foo([PREFIXED]), attested());
  });

  it('RL076: a bare topic (BARE_OR_MIXED_TOPIC); with no prefixed one, NO_PREFIXED_TOPIC on the flag', async () => {
    const marks = { [BARE]: 'RL076 [BARE_OR_MIXED_TOPIC]', true: 'RL076 [NO_PREFIXED_TOPIC]' };
    const diags = await check(foo([BARE], marks), attested());
    assert.ok(diags.every((d) => d.severity === 'error' && d.message.includes('tenant_scoped_ingress opt-in gate')));
  });

  it('RL076: a mixed contract flags only its bare topic', async () => {
    await check(foo([PREFIXED, BARE], { [BARE]: `RL076 '${BARE}'` }), attested());
  });

  it('RL076: a slug outside the regex, or a topic that is not a string, is bare', async () => {
    const short = 'tenant-x.onex.cmd.demo.v1';
    await check(foo([PREFIXED, short, '42'], { [short]: 'RL076', '42': 'RL076 not a string' }), attested());
  });

  it('RL077: no allowlist file, no entry, an allowlist that does not load: MISSING_SEAM_TEST on the flag', async () => {
    const flagged = foo([PREFIXED], { true: `RL077 ${SEAM}` });
    await check(flagged);
    await check(flagged, attested('node_other'));
    await check(flagged, allowlistOf('    seam_test: [unclosed\n'));
    await check(flagged, `${ALLOWLIST}allowlist: {node_id: node_foo, seam_test: t.py}\n`);
  });

  it('RL077: an entry whose seam_test is empty or missing, on the entry in the allowlist', async () => {
    await check(foo([PREFIXED]), allowlistOf('    seam_test: ""\n#              ^^ RL077 seam_test is empty\n'));
    const missing = `${ALLOWLIST}allowlist:\n  - node_id: node_foo\n#            ^^^^^^^^ RL077 seam_test is missing\n`;
    await check(foo([PREFIXED]), missing);
  });

  it('RL076: no subscribe topics is a no-op opt-in (NO_SUBSCRIBE_TOPICS)', async () => {
    await check(foo([], { '[]': 'RL076 [NO_SUBSCRIBE_TOPICS]' }), attested());
  });

  it('a false, absent or quoted flag does not opt in; a plain `yes` does (PyYAML reads it as True)', async () => {
    await check(foo([BARE], {}, 'false'));
    await check({ node_foo: `name: node_foo\nevent_bus:\n  subscribe_topics:\n    - ${BARE}\n` });
    await check(foo([PREFIXED], { yes: 'RL077' }, 'yes'), '', GATES, WIRING);
    // A string is no opt-in for the gate, but auto-wiring fails on it (discovery.py:376) and skips the node.
    await check(foo([BARE], { '"yes"': 'RL054 must be a boolean' }, '"yes"'), '', GATES, WIRING);
  });

  it('a contract yaml.safe_load cannot read, or whose event_bus is no mapping, is left alone', async () => {
    await check({
      node_foo: `name: node_foo\nevent_bus:\n  tenant_scoped_ingress: true\n  subscribe_topics: [${BARE}\n`,
    });
    await check({ node_foo: 'name: node_foo\nevent_bus: [tenant_scoped_ingress]\n' });
  });

  it('the node id is the name, else the directory; a later allowlist entry replaces an earlier one', async () => {
    await check(
      { node_dir: `event_bus:\n  tenant_scoped_ingress: true\n  subscribe_topics: [${PREFIXED}]\n` },
      attested('node_dir'),
    );
    await check(
      foo([PREFIXED]),
      `${attested()}  - node_id: node_foo\n    seam_test: 3\n#              ^ RL077 not a string\n  - just a string\n`,
    );
  });

  it('OMN-14482: a trusted-internal bare topic beside a prefixed one passes when nothing publishes it', async () => {
    await check(foo([PREFIXED, BARE]), attested('node_foo', [BARE]));
  });

  const PRODUCER = 'src/omnibase_infra/nodes/node_producer/contract.yaml';
  const publishing = contract({ flag: 'false', name: 'node_producer', topics: ['onex.cmd.go.v1'], publish: [BARE] });

  it('RL078: the carve-out is rejected when a contract under src/omnibase_infra publishes the topic', async () => {
    const consumer = foo([PREFIXED, BARE], { [BARE]: 'RL078 [TRUSTED_INTERNAL_HAS_PRODUCER]' });
    const nodes = { ...consumer, node_producer: publishing };
    const diags = await check(nodes, attested('node_foo', [BARE]));
    assert.deepEqual(
      diags[0]?.related.map((r) => r.file),
      [PRODUCER],
    );
  });

  it('RL078 follows the producer: gone when it stops publishing the topic, back when it starts again', async () => {
    const nodes = { ...foo([PREFIXED, BARE]), node_producer: publishing };
    const { engine } = await analyze(repo(nodes, attested('node_foo', [BARE])));
    const rl078 = (): number => engine.allDiagnostics().filter((d) => d.code === 'RL078').length;
    assert.equal(rl078(), 1);
    engine.setFile(PRODUCER, publishing.replace(BARE, 'onex.evt.other.v1'));
    engine.update();
    assert.equal(rl078(), 0);
    engine.setFile(PRODUCER, publishing);
    engine.update();
    assert.equal(rl078(), 1);
  });

  it("Explain shows the gate's verdict, a finding in the allowlist at the contract's flag", async () => {
    const { engine } = await analyze(
      repo(
        { ...foo([PREFIXED, BARE]), node_producer: publishing },
        allowlistOf(`    seam_test: ""\n    trusted_internal_topics: [${BARE}]\n`),
      ),
    );
    const row = engine
      .explain({ step: 'node_foo' })
      .sections?.find((x) => x.title === 'Validators')
      ?.rows.find((r) => r.label.startsWith('tenant_scoped_ingress opt-in gate'));
    assert.match(row?.text ?? '', /^TRUSTED_INTERNAL_HAS_PRODUCER: .*\(\+1 more\)$/);
    assert.equal(row?.file, 'src/omnibase_infra/nodes/node_foo/contract.yaml');
  });

  it('the producer scan reads event_bus.publish_topics under src/omnibase_infra only', async () => {
    const outside = `//- /tests/fixtures/p/contract.yaml\nname: p\nevent_bus:\n  publish_topics: [${BARE}]\n`;
    const topLevel = `name: node_producer\npublish_topics: [${BARE}]\n`;
    await check({ ...foo([PREFIXED, BARE]), node_producer: topLevel }, attested('node_foo', [BARE]) + outside);
  });

  it('RL076: a contract whose only topic is trusted-internal never fires the stamp (NO_PREFIXED_TOPIC)', async () => {
    await check(foo([BARE], { true: 'RL076 [NO_PREFIXED_TOPIC]' }), attested('node_foo', [BARE]));
  });

  it('RL078: a trusted_internal topic not subscribed, or a prefixed one, on the allowlist', async () => {
    const stale = 'onex.cmd.omnimarket.not-subscribed.v1';
    const under = (t: string, kind: string): string =>
      `#       ${'^'.repeat(t.length)} RL078 [TRUSTED_INTERNAL_${kind}]\n`;
    await check(foo([PREFIXED]), attested('node_foo', [stale]) + under(stale, 'NOT_SUBSCRIBED'));
    await check(foo([PREFIXED]), attested('node_foo', [PREFIXED]) + under(PREFIXED, 'IS_PREFIXED'));
  });

  it("every contract.yaml is gated (pre-commit passes any), so is a test fixture's", async () => {
    const t = contract({ name: 't', topics: [PREFIXED], marks: { true: 'RL077' } });
    const fixture = `//- /tests/fixtures/t/contract.yaml\n${t}`;
    await check(foo([PREFIXED]), attested() + fixture);
  });

  it('a gate run with --allowlist and --producer-scan-root reads those (continuation lines too)', async () => {
    const ci =
      '//- /.github/workflows/ci.yml\njobs: {lint: {steps: [{run: "uv run python -m omnibase_infra.validators.' +
      'tenant_scoped_ingress_schema src/omnibase_infra \\\\\n --allowlist=cfg/tenant_scoped_ingress_allowlist.yaml ' +
      '--producer-scan-root ./tests/producers/"}]}}\n';
    const producer = `//- /tests/producers/p/contract.yaml\nname: p\nevent_bus:\n  publish_topics: [${BARE}]\n`;
    const moved = attested('node_foo', [BARE]).replace('config/validation', 'cfg');
    await check(foo([PREFIXED, BARE], { [BARE]: 'RL078' }), moved + producer, ci);
    // An allowlist under another name is not read: the gate is not judged.
    const other = ci.replace('cfg/tenant_scoped_ingress_allowlist.yaml', 'cfg/other.yaml');
    await check(foo([BARE]), '//- /cfg/other.yaml\nallowlist: []\n', other);
    // Nor is one outside the repository.
    await check(foo([BARE]), '', ci.replace('cfg/tenant', '../cfg/tenant'));
  });

  it('a repository that does not run the gate, or a setting without it: nothing', async () => {
    await check(foo([BARE]), '', '');
    await checkDiagnostics(repo(foo([BARE])), { onexValidators: ['auto-wiring'] }, ONLY);
  });
});
