// omnibase_infra's topic-naming gate (scripts/validation/lint_topic_names.py, validator `topic-naming`,
// RL057): the cases of infra's tests/unit/scripts/validation/test_lint_topic_names.py, and the messages
// the real `lint_topic` gives (recorded by running it, Python 3.12, on each topic below), then its
// `--scan-contracts` run as the pre-commit hook and CI run it: what it reads, its baseline, its scope.
import { strict as assert } from 'node:assert';
import { analyze } from '../../helpers';
import { lintTopic } from '../../../../server/src/engine/families/onex/contracts/topicNaming';
import type { Diagnostic } from '../../../../server/src/engine/types';

const PRODUCERS =
  "['github', 'occ', 'omnibase-compat', 'omnibase-infra', 'omniclaude', 'omniintelligence', 'omnimarket', " +
  "'omnimemory', 'omninode', 'onex-change-control', 'platform', 'ui']";
const SHAPE = '(onex.{kind}.{producer}.{event}.{version})';
const KINDS = "['cmd', 'dlq', 'evt', 'intent', 'snapshot']";
const VERSION = 'must be v followed by a positive integer (e.g. v1, v2)';

/** `lint_topic(topic).violations` as the real linter gives them. */
const REAL: Record<string, string[]> = {
  'onex.evt.platform.validation-run-completed.v1': [],
  'onex.snapshot.projection.cost.token_usage.v1': [],
  'onex.snapshot.projection.cost.by_repo.v1': [],
  'onex.badkind.platform.foo.v1': [
    `invalid kind 'badkind' in topic 'onex.badkind.platform.foo.v1'; must be one of ${KINDS}`,
  ],
  'onex.evt.platform.foo': [`expected at least 5 dot-separated segments ${SHAPE}, got 4: 'onex.evt.platform.foo'`],
  'onex.evt.platform.intent-classified.v1': [],
  'custom.evt.platform.foo.v1': ["first segment must be 'onex', got 'custom' in topic 'custom.evt.platform.foo.v1'"],
  'onex.evt.review-bot.foo.v1': [
    `unknown producer 'review-bot' in topic 'onex.evt.review-bot.foo.v1'; must be one of ${PRODUCERS}. ` +
      "Did you mean the repo name (e.g. 'omnimarket' not 'review-bot')?",
  ],
  'onex.evt.review_bot.foo.v1': [
    "invalid producer 'review_bot' in topic 'onex.evt.review_bot.foo.v1'; must match ^[a-z0-9-]+$ (no underscores)",
  ],
  'onex.evt.omnimarket.review-bot-foo.v1': [],
  'onex.cmd.ui.renderer-capability-declared.v1': [],
  'onex.evt.platform.a.b.v1': [`expected 5 dot-separated segments ${SHAPE}, got 6: 'onex.evt.platform.a.b.v1'`],
  'onex.snapshot.omnimarket.x.v1': [
    "unknown producer 'omnimarket' in topic 'onex.snapshot.omnimarket.x.v1'; must be one of ['platform', " +
      "'projection']. Did you mean the repo name (e.g. 'omnimarket' not 'omnimarket')?",
  ],
  'onex.snapshot.platform.x.v1': [],
  'onex.evt.platform.Foo_Bar.v0': [
    "invalid event name 'Foo_Bar' in topic 'onex.evt.platform.Foo_Bar.v0'; must match ^[a-z0-9._-]+$",
    `invalid version 'v0' in topic 'onex.evt.platform.Foo_Bar.v0'; ${VERSION}`,
  ],
  'onex.evt.platform.foo.v01': [`invalid version 'v01' in topic 'onex.evt.platform.foo.v01'; ${VERSION}`],
  'onex.evt.platform.foo.v10': [],
  // Python's `\d` is any decimal digit, and its `$` matches before a final newline.
  'onex.evt.platform.foo.v1\u0663': [],
  'onex.evt.platform.nl.v1\n': [],
  "onex.evt.platform.it's.v1": [
    'invalid event name "it\'s" in topic "onex.evt.platform.it\'s.v1"; must match ^[a-z0-9._-]+$',
  ],
  'Onex.EVT.Platform.foo.v1': [
    "first segment must be 'onex', got 'Onex' in topic 'Onex.EVT.Platform.foo.v1'",
    `invalid kind 'EVT' in topic 'Onex.EVT.Platform.foo.v1'; must be one of ${KINDS}`,
    "invalid producer 'Platform' in topic 'Onex.EVT.Platform.foo.v1'; must match ^[a-z0-9-]+$ (no underscores)",
  ],
  'tenant-acme.onex.evt.platform.foo.v1': [
    `expected 5 dot-separated segments ${SHAPE}, got 6: 'tenant-acme.onex.evt.platform.foo.v1'`,
  ],
  'onex.snapshot.platform..v1': [
    "invalid event name '' in topic 'onex.snapshot.platform..v1'; must match ^[a-z0-9._-]+$",
  ],
  'onex.evt.platform.tab\there.v1': [
    "invalid event name 'tab\\there' in topic 'onex.evt.platform.tab\\there.v1'; must match ^[a-z0-9._-]+$",
  ],
  '': [`expected at least 5 dot-separated segments ${SHAPE}, got 1: ''`],
  SomeEventName: [`expected at least 5 dot-separated segments ${SHAPE}, got 1: 'SomeEventName'`],
};

const messages = (topic: string): string[] => lintTopic(topic).map((v) => v.message);

describe('ONEX conformance: lint_topic (test_lint_topic_names.py)', () => {
  it('gives the real linter’s violations, word for word, on every recorded topic', () => {
    for (const [topic, want] of Object.entries(REAL)) assert.deepEqual(messages(topic), want, JSON.stringify(topic));
  });

  it('test_valid_topic_passes, test_valid_projection_snapshot_topic_passes', () => {
    assert.deepEqual(messages('onex.evt.platform.validation-run-completed.v1'), []);
    assert.deepEqual(messages('onex.snapshot.projection.cost.token_usage.v1'), []);
  });

  it('test_invalid_kind_caught, test_missing_version_caught', () => {
    assert.ok(messages('onex.badkind.platform.foo.v1').some((v) => v.toLowerCase().includes('kind')));
    assert.ok(messages('onex.evt.platform.foo').length >= 1);
  });

  it('test_unknown_producer_rejected, test_producer_with_underscore_rejected', () => {
    const v = messages('onex.evt.review-bot.foo.v1');
    assert.ok(v.some((m) => m.includes('unknown producer')) && v.some((m) => m.includes('review-bot')));
    assert.ok(messages('onex.evt.review_bot.foo.v1').length > 0);
  });

  it('test_known_producer_accepted, test_ui_cross_renderer_producer_accepted, test_all_known_producers_accepted', () => {
    assert.deepEqual(messages('onex.evt.omnimarket.review-bot-foo.v1'), []);
    assert.deepEqual(messages('onex.cmd.ui.renderer-capability-declared.v1'), []);
    // test_known_producers_allowlist_complete's set, and OMN-15006's two.
    for (const p of [
      ...['omnimarket', 'omnibase-infra', 'omniclaude', 'omniintelligence', 'omnimemory', 'omninode'],
      ...['omnibase-compat', 'github', 'platform', 'ui', 'onex-change-control', 'occ'],
    ]) {
      assert.deepEqual(messages(`onex.evt.${p}.test-event.v1`), [], p);
    }
  });
});

const HOOK =
  '//- /.pre-commit-config.yaml\nrepos:\n  - repo: local\n    hooks:\n      - id: topic-naming-lint\n' +
  '        entry: bash scripts/validation/run_topic_lint.sh\n        language: system\n';
const CI =
  '//- /.github/workflows/ci.yml\njobs:\n  topic-naming-lint:\n    steps:\n      - run: |\n' +
  '          uv run python scripts/validation/lint_topic_names.py \\\n            --scan-contracts src/omnibase_infra/nodes\n';
const COMPLIANCE =
  '//- /.github/workflows/compliance.yml\njobs:\n  c:\n    steps:\n      - run: uv run onex compliance check || true\n';
const BASELINE = '//- /scripts/validation/topic_naming_baseline.txt\n';
const NODES = 'src/omnibase_infra/nodes';

/** The real test's `_write_contract`: a contract whose `published_events` name `topics`. */
const published = (topics: string[]): string =>
  `name: test-node\npublished_events:\n${topics.map((t) => `  - topic: ${JSON.stringify(t)}\n`).join('')}`;

/** An infra-shaped repository: its node packages (`dir → contract`), gate files and other files. */
function repo(nodes: Record<string, string>, extra = HOOK): string {
  const eps = Object.keys(nodes)
    .filter((d) => !d.includes('/'))
    .map((n) => `${n} = "omnibase_infra.nodes.${n}"`)
    .join('\n');
  const pkgs = Object.entries(nodes)
    .map(([d, body]) => {
      const at = d.startsWith('/') ? d : `/${NODES}/${d}`;
      return `//- ${at}/__init__.py\n\n//- ${at}/contract.yaml\n${body}`;
    })
    .join('');
  return (
    `//- /pyproject.toml\n[project]\nname = "omnibase-infra"\n\n[project.entry-points."onex.nodes"]\n${eps}\n` +
    `//- /src/omnibase_infra/__init__.py\n\n//- /${NODES}/__init__.py\n\n${extra}${pkgs}`
  );
}

/** The RL057 diagnostics of a repository. */
async function rl057(nodes: Record<string, string>, extra = HOOK): Promise<Diagnostic[]> {
  const { engine } = await analyze(repo(nodes, extra));
  return engine.allDiagnostics().filter((d) => d.code === 'RL057');
}

/** The gate's violations (`<file>: <violation>`) as the real `scan_contracts` prints them from CI. */
async function scan(nodes: Record<string, string>, extra = HOOK): Promise<string[]> {
  return (await rl057(nodes, extra)).flatMap((d) =>
    d.message
      .split(/; (?=[^;]*\[\w+\]: )/)
      .flatMap((part) => /^Topic Naming Lint \[\w+\]: (.*)$/s.exec(part)?.[1] ?? [])
      .map((v) => `${d.file}: ${v}`),
  );
}

describe('ONEX conformance: scan_contracts (test_lint_topic_names.py)', () => {
  it('test_scan_valid_contracts_returns_no_violations, test_scan_contracts_accepts_projection_snapshot_publish_topic', async () => {
    assert.deepEqual(await scan({ my_node: published(['onex.evt.platform.intent-classified.v1']) }), []);
    const snapshot =
      'name: snapshot-node\nevent_bus:\n  publish_topics: ["onex.snapshot.projection.cost.by_repo.v1"]\n';
    assert.deepEqual(await scan({ snapshot_node: snapshot }), []);
  });

  it('test_scan_invalid_contracts_returns_violations, test_scan_missing_version_returns_violations, test_scan_wrong_prefix_caught', async () => {
    const file = `${NODES}/bad_node/contract.yaml`;
    for (const topic of ['onex.badkind.platform.foo.v1', 'onex.evt.platform.foo', 'custom.evt.platform.foo.v1']) {
      assert.deepEqual(
        await scan({ bad_node: published([topic]) }),
        (REAL[topic] ?? []).map((v) => `${file}: ${v}`),
      );
    }
  });

  it('test_scan_empty_dir_returns_no_violations', async () => {
    assert.deepEqual(await scan({ empty: 'name: empty\n' }), []);
  });

  it('fails the commit: an error, where the pre-commit hook or the CI step runs it, and nowhere else', async () => {
    const bad = { bad_node: published(['onex.badkind.platform.foo.v1']) };
    for (const gates of [HOOK, CI]) {
      const d = await rl057(bad, gates);
      assert.deepEqual(
        d.map((x) => [x.severity, x.message.startsWith('Topic Naming Lint [kind]: ')]),
        [['error', true]],
      );
    }
    const placeholders = CI.replace('--scan-contracts src/omnibase_infra/nodes', '--check-placeholders');
    assert.deepEqual(await rl057(bad, placeholders), []);
    assert.deepEqual(await rl057(bad, ''), []);
  });

  it('a subscribe topic outside the onex. scheme: one diagnostic, the gate’s error before the warn-only check’s words; the warning alone without the gate', async () => {
    const node = { node_a: 'name: node_a\nevent_bus:\n  subscribe_topics:\n    - custom.evt.platform.foo.v1\n' };
    const both = await rl057(node, HOOK + COMPLIANCE);
    assert.equal(both.length, 1);
    assert.equal(both[0]?.severity, 'error');
    // the gate's failure is the message; the warn-only check's words are a related line at the same place
    assert.match(both[0]?.message ?? '', /^Topic Naming Lint \[prefix\]: first segment must be 'onex', got 'custom'/);
    assert.match(
      (both[0]?.related ?? []).map((r) => r.message).join('\n'),
      /^`onex compliance check` \[subscribe_topic_naming\]/m,
    );
    const alone = await rl057(node, COMPLIANCE);
    assert.deepEqual(
      alone.map((d) => [d.severity, d.message.startsWith('`onex compliance check` [subscribe_topic_naming]')]),
      [['warning', true]],
    );
  });

  it('reads event_bus topics (strings, or mappings’ topic) and consumed/published/produced events’ topic and name (:221-254)', async () => {
    const body =
      'name: node_a\nevent_bus:\n  subscribe_topics:\n    - {topic: onex.badkind.platform.foo.v1}\n    - yes\n' +
      '    - ""\n    - 42\n  publish_topics:\n    - |\n      onex.evt.platform.nl.v1\n' +
      'consumed_events:\n  - name: SomeEventName\n  - topic: 123\n  - plain string\n' +
      'produced_events:\n  - topic: onex.evt.omnimarket.x.V1\n    name: onex.dlq.platform.x.v2\n' +
      'published_events: not a list\npublish_topics: [top.level.is.not.read]\n';
    const file = `${NODES}/node_a/contract.yaml`;
    assert.deepEqual(await scan({ node_a: body }), [
      `${file}: ${REAL['onex.badkind.platform.foo.v1']?.[0]}`,
      `${file}: ${REAL.SomeEventName?.[0]}`,
      `${file}: invalid version 'V1' in topic 'onex.evt.omnimarket.x.V1'; ${VERSION}`,
    ]);
  });

  it('scans every contract.yaml under src/omnibase_infra/nodes (run_topic_lint.sh), no other', async () => {
    const bad = published(['onex.evt.fixture.x.v1']);
    const found = await scan({
      node_a: 'name: node_a\n',
      'node_a/fixtures': bad,
      '/src/omnibase_infra/verification': bad,
    });
    assert.deepEqual(
      found.map((v) => v.split(': ')[0]),
      [`${NODES}/node_a/fixtures/contract.yaml`],
    );
  });

  it('a baseline line suppresses every violation whose text holds it, the CI’s contract path included (:638-646)', async () => {
    const topics = ['onex.evt.router.routing-failed.v1', 'onex.cmd.rsd.score.v1.extra', 'onex.evt.router.bogus.v1'];
    const nodes = { node_a: published(topics), node_b: published(['onex.evt.skill.x.v1']) };
    const baseline = `${BASELINE}# Tracked violations:\n#   onex.evt.router.bogus.v1\n\n  onex.evt.router.routing-failed.v1  \nonex.cmd.rsd.score.v1\n`;
    assert.deepEqual(
      (await scan(nodes, HOOK + baseline)).map((v) => /topic '([^']+)'/.exec(v)?.[1] ?? v),
      ['onex.evt.router.bogus.v1', 'onex.evt.skill.x.v1'],
    );
    assert.deepEqual(await scan(nodes, `${HOOK}${BASELINE}node_a/contract.yaml\nskill\n`), []);
    // Only the baseline beside the script counts.
    const elsewhere = '//- /src/topic_naming_baseline.txt\nonex.evt.skill.x.v1\n';
    assert.equal((await scan({ node_b: nodes.node_b }, HOOK + elsewhere)).length, 1);
  });

  it('an edit of the baseline judges the contracts again', async () => {
    const { engine } = await analyze(repo({ node_a: published(['onex.evt.skill.x.v1']) }));
    const file = `${NODES}/node_a/contract.yaml`;
    const count = (): number => engine.diagnostics(file).filter((d) => d.code === 'RL057').length;
    assert.equal(count(), 1);
    engine.setFile('scripts/validation/topic_naming_baseline.txt', 'onex.evt.skill.x.v1\n');
    engine.update();
    assert.equal(count(), 0);
    engine.deleteFile('scripts/validation/topic_naming_baseline.txt');
    engine.update();
    assert.equal(count(), 1);
  });

  it('a contract yaml.safe_load cannot read fails it ("Could not parse", :268-273)', async () => {
    const { engine } = await analyze(repo({ node_a: 'name: node_a\n---\nextra: 1\n' }));
    const d = engine.allDiagnostics().find((x) => x.code === 'RL054');
    assert.equal(d?.severity, 'error');
    const said = [d?.message ?? '', ...(d?.related ?? []).map((r) => r.message)].join('\n');
    assert.match(said, /Topic Naming Lint \[parse\]: More than one YAML document/);
  });

  it('Explain shows its verdict on the node', async () => {
    const { engine } = await analyze(repo({ node_a: published(['onex.badkind.platform.foo.v1']) }));
    const row = engine
      .explain({ step: 'test-node' })
      .sections?.find((s) => s.title === 'Validators')
      ?.rows.find((r) => r.label === 'Topic Naming Lint');
    assert.match(row?.text ?? '', /^kind: invalid kind 'badkind'/);
  });
});
