// Checks the plain-text Explain Resolution document line by line on hand-built Explanations.
import { strict as assert } from 'node:assert';
import type { Explanation } from '../../server/src/engine/api';
import { renderExplanation } from '../../server/src/engine/render/explainText';

const r = (line: number, character: number, length = 10) => ({
  start: { line, character },
  end: { line, character: character + length },
});
const WS = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';
const CORE_FILE = 'src/cursus/registry/step_names.py';

const found: Explanation = {
  step: 'XGBoostTraining',
  context: 'alice',
  mode: 'isolated',
  found: true,
  winner: {
    source: 'override:alice',
    file: WS,
    range: r(11, 4),
    fields: { sagemaker_step_type: 'Training', job_types: ['training'] },
  },
  trace: [
    { layer: 'override:alice', hit: true, file: WS, range: r(11, 4) },
    { layer: 'local:alice', hit: false, file: WS, range: null },
    { layer: 'core', hit: true, file: CORE_FILE, range: r(40, 4) },
  ],
  shadowed: [{ source: 'core', file: CORE_FILE, range: r(40, 4) }],
  conflicts: [
    {
      source: 'workspace:bob',
      file: 'developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py',
      range: r(5, 4),
    },
  ],
  strategy: { name: 'workspace_priority', reason: "defined in the context's workspace alice" },
  legacy: {
    sagemaker_step_type: 'Training',
    builder_step_name: 'XGBoostTrainingStepBuilder',
    job_types: ['training', 'validation'],
  },
  derived: [{ registry: 'CONFIG_STEP_REGISTRY', key: 'XGBoostTrainingConfig', value: 'XGBoostTraining' }],
  components: {
    builder: {
      class: 'XGBoostTrainingStepBuilder',
      file: 'src/cursus/steps/builders/builder_xgboost_training_step.py',
      range: r(9, 6),
    },
    config: null,
    spec: { class: null, file: 'src/cursus/steps/specs/xgboost_training_spec.py', range: r(0, 0, 0) },
    contract: null,
    script: null,
  },
  searched: {
    builder: ['src/cursus/steps/builders'],
    config: ['developer_workspaces/developers/alice/src/cursus_dev/steps/configs', 'src/cursus/steps/configs'],
    spec: ['src/cursus/steps/specs'],
    contract: ['src/cursus/steps/contracts'],
    script: [],
  },
  dependencies: [
    { name: 'TabularPreprocessing', resolved: { source: 'core', file: CORE_FILE, range: r(20, 4) }, optional: false },
    { name: 'Ghost', resolved: null, optional: true },
  ],
  dependents: [{ name: 'Package', context: 'core', source: 'core', file: CORE_FILE, range: r(60, 4) }],
  suggestions: [],
  summary: 'XGBoostTraining resolves to override:alice (overrides core)',
};

const notFound: Explanation = {
  ...found,
  step: 'XGBoostTrainig',
  found: false,
  winner: null,
  trace: [
    { layer: 'override:alice', hit: false, file: WS, range: null },
    { layer: 'local:alice', hit: false, file: WS, range: null },
    { layer: 'core', hit: false, file: null, range: null },
  ],
  shadowed: [],
  conflicts: [],
  strategy: null,
  legacy: null,
  derived: [],
  components: { builder: null, config: null, spec: null, contract: null, script: null },
  dependencies: [],
  dependents: [],
  suggestions: ['XGBoostTraining', 'XGBoostModel'],
  summary: "Step 'XGBoostTrainig' not found (workspace: alice)",
};

describe('renderExplanation', () => {
  const lines = renderExplanation(found).split('\n');
  const has = (line: string): void =>
    assert.ok(lines.includes(line), `missing line ${JSON.stringify(line)} in:\n${lines.join('\n')}`);

  it('starts with the title, the context and the mode', () => {
    assert.equal(lines[0], 'Explain Resolution: XGBoostTraining');
    assert.equal(lines[1], 'Context: alice    Mode: isolated');
    has('XGBoostTraining resolves to override:alice (overrides core)');
  });

  it('prints the layers in order with hit/miss marks and 1-based clickable locations', () => {
    const start = lines.indexOf('Trace:');
    assert.deepEqual(lines.slice(start + 1, start + 4), [
      `  ✓ hit   override:alice  ${WS}:12:5`,
      `  · miss  local:alice     ${WS}`,
      `  ✓ hit   core            ${CORE_FILE}:41:5`,
    ]);
  });

  it('prints winner, strategy, shadowed entries and conflicts', () => {
    has(`Winner: override:alice  ${WS}:12:5`);
    has("Strategy: workspace_priority (defined in the context's workspace alice)");
    has(`  core  ${CORE_FILE}:41:5`);
    has('  workspace:bob  developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py:6:5');
  });

  it('prints the fields, the legacy entry and the derived rows', () => {
    has('  job_types: ["training"]');
    has('Legacy format (to_legacy_format):');
    has('  builder_step_name: "XGBoostTrainingStepBuilder"');
    has('  job_types: ["training", "validation"]');
    has('  CONFIG_STEP_REGISTRY["XGBoostTrainingConfig"] = "XGBoostTraining"');
  });

  it('does not repeat a legacy entry equal to the fields', () => {
    const text = renderExplanation({ ...found, legacy: found.winner?.fields ?? null });
    assert.ok(text.includes('Legacy format (to_legacy_format):\n  same as the fields above\n'), text);
  });

  it('prints every component as a class location or missing with the searched directories', () => {
    has('  builder   XGBoostTrainingStepBuilder at src/cursus/steps/builders/builder_xgboost_training_step.py:10:7');
    has(
      '  config    missing (searched: developer_workspaces/developers/alice/src/cursus_dev/steps/configs, src/cursus/steps/configs)',
    );
    has('  spec      src/cursus/steps/specs/xgboost_training_spec.py:1:1');
    has('  script    missing (no scripts directory)');
  });

  it('prints dependencies with their resolution and the dependents', () => {
    has(`  TabularPreprocessing  → core  ${CORE_FILE}:21:5`);
    has('  Ghost (optional)  unresolved');
    assert.ok(lines.includes('Dependents:'));
    has(`  Package (context core)  core  ${CORE_FILE}:61:5`);
  });

  it('reports a missing step with suggestions and no component section', () => {
    const text = renderExplanation(notFound);
    const out = text.split('\n');
    assert.ok(out.includes("Step 'XGBoostTrainig' not found (workspace: alice)"));
    assert.ok(out.includes('Did you mean: XGBoostTraining, XGBoostModel'));
    assert.ok(out.includes('  · miss  core'));
    assert.ok(!text.includes('Winner:'));
    assert.ok(!text.includes('Components:'));
  });

  it('is stable', () => {
    assert.equal(renderExplanation(found), renderExplanation(structuredClone(found)));
    assert.ok(renderExplanation(found).endsWith('\n'));
  });
});
