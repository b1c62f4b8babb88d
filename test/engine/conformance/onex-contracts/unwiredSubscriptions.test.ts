// Conformance: a subscription auto-wiring never reads. omnibase_infra 7aef2f6dd `_parse_contract()` builds a
// contract's event bus wiring from its `event_bus` mapping alone (runtime/auto_wiring/discovery.py:410-422:
// `eb_raw = raw.get("event_bus")`, `subscribe_topics=tuple(eb_raw.get("subscribe_topics", []))`); the wiring reads
// `contract.event_bus.subscribe_topics` only (runtime/auto_wiring/handler_wiring.py:4150, 4519) and skips a contract
// with none: `if contract.event_bus is None or not contract.event_bus.subscribe_topics` → SKIPPED "No
// event_bus.subscribe_topics declared in contract" (handler_wiring.py:4790-4800). omnibase_core 239ff50ac's
// nodes/node_compliance_evidence_effect/contract.yaml:27-31 lists its topics at the top level and has no
// `event_bus`, so its subscription is never wired. Not run: both packages need Python >= 3.12
// (pyproject.toml `requires-python`) and pydantic is installed here only for 3.11; the lines above are the path.
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from '../../helpers';

const PY = '//- /pyproject.toml\n[project]\nname = "demo-infra"\n\n[project.entry-points."onex.nodes"]\n';
const HEAD = `name: "compliance_evidence"
node_type: "EFFECT_GENERIC"
description: "d"
contract_version: {major: 1, minor: 0, patch: 0}
node_version: "1.0.0"
`;
const tree = (body: string): string =>
  `${PY}node_compliance_evidence_effect = "demo_infra.nodes.node_compliance_evidence_effect"\n` +
  `//- /src/demo_infra/__init__.py\n\n//- /src/demo_infra/nodes/node_compliance_evidence_effect/__init__.py\n\n` +
  `//- /src/demo_infra/nodes/node_compliance_evidence_effect/contract.yaml\n${HEAD}${body}`;

describe('ONEX conformance: subscriptions auto-wiring reads (event_bus.subscribe_topics only)', () => {
  it('top-level subscribe_topics (node_compliance_evidence_effect): RL101 on each topic, and Explain says it is not wired', async () => {
    const text = tree(`publish_topics:
  - onex.evt.core.compliance-scan-completed.v1
subscribe_topics:
  - onex.evt.core.compliance-report-updated.v1
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL101 this top-level subscription is never wired
`);
    const found = await checkDiagnostics(text, {}, { only: ['RL101'] });
    assert.equal(found[0]?.severity, 'warning');
    assert.match(found[0]?.message ?? '', /nor is the node/);
    const { engine } = await analyze(text);
    const rows = engine
      .explain({ step: 'node_compliance_evidence_effect' })
      .sections?.find((s) => s.title === 'Topics');
    assert.deepEqual(
      rows?.rows.map((r) => [r.label, r.text]),
      [
        ['publish', 'onex.evt.core.compliance-scan-completed.v1'],
        [
          'subscribe',
          'onex.evt.core.compliance-report-updated.v1 — not wired: auto-wiring reads only event_bus.subscribe_topics',
        ],
      ],
    );
  });

  it('under event_bus it is wired: nothing reported, and Explain lists it as a subscription', async () => {
    const text = tree(`event_bus:
  subscribe_topics:
    - onex.evt.core.compliance-report-updated.v1
`);
    await checkDiagnostics(text, {}, { only: ['RL101'] });
    const { engine } = await analyze(text);
    const rows = engine
      .explain({ step: 'node_compliance_evidence_effect' })
      .sections?.find((s) => s.title === 'Topics');
    assert.deepEqual(
      rows?.rows.map((r) => [r.label, r.text]),
      [['subscribe', 'onex.evt.core.compliance-report-updated.v1']],
    );
  });

  it('events.subscribes is not read either; beside a wired subscription the node is still wired', async () => {
    const events = await checkDiagnostics(
      tree(`events:
  subscribes:
    - onex.evt.core.compliance-report-updated.v1
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL101 subscription under events.subscribes
`),
      {},
      { only: ['RL101'] },
    );
    assert.match(events[0]?.message ?? '', /nor is the node/);
    const both = await checkDiagnostics(
      tree(`subscribe_topics:
  - onex.evt.core.compliance-report-updated.v1
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL101 top-level subscription
event_bus:
  subscribe_topics:
    - onex.evt.core.compliance-requested.v1
`),
      {},
      { only: ['RL101'] },
    );
    assert.match(both[0]?.message ?? '', /is never wired$/);
  });
});
