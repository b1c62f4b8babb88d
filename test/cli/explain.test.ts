// `registry-lens explain`: the SPEC §7 JSON keys, contexts, not-found suggestions and the text document.
import { strict as assert } from 'node:assert';
import { ALICE_REGISTRY, cleanTree, CORE_REGISTRY, removeTrees, runCli, runJson, writeTree } from './helpers';

const KEYS = [
  'step',
  'context',
  'mode',
  'found',
  'winner',
  'trace',
  'shadowed',
  'conflicts',
  'strategy',
  'legacy',
  'derived',
  'components',
  'dependencies',
  'dependents',
  'suggestions',
];

describe('cli explain', () => {
  let root: string;
  before(() => {
    root = writeTree(cleanTree());
  });
  after(removeTrees);

  it('resolves in core without --workspace, with exactly the SPEC keys', () => {
    const { code, json } = runJson(['explain', 'XGBoostTraining', '--root', root, '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(Object.keys(json), KEYS);
    assert.equal(json['context'], 'core');
    assert.equal(json['mode'], 'isolated');
    assert.equal(json['found'], true);
    const winner = json['winner'] as Record<string, unknown>;
    assert.deepEqual(Object.keys(winner), ['source', 'file', 'range', 'fields']);
    assert.equal(winner['source'], 'core');
    assert.equal(winner['file'], CORE_REGISTRY);
    const components = json['components'] as Record<string, { class: string; file: string } | null>;
    assert.deepEqual(Object.keys(components), ['builder', 'config', 'spec', 'contract', 'script']);
    assert.equal(components['builder']?.class, 'XGBoostTrainingStepBuilder');
    assert.equal(components['builder']?.file, 'src/cursus/steps/builders/builder_xgboost_training_step.py');
    for (const t of json['trace'] as Record<string, unknown>[])
      assert.deepEqual(Object.keys(t), ['layer', 'hit', 'file']);
  });

  it('follows the workspace layers with --workspace', () => {
    const { code, json } = runJson([
      'explain',
      'XGBoostTraining',
      '--root',
      root,
      '--workspace',
      'alice',
      '--format',
      'json',
    ]);
    assert.equal(code, 0);
    assert.equal(json['context'], 'alice');
    const winner = json['winner'] as Record<string, unknown>;
    assert.equal(winner['source'], 'override:alice');
    assert.equal(winner['file'], ALICE_REGISTRY);
    const trace = json['trace'] as { layer: string; hit: boolean }[];
    assert.deepEqual(
      trace.map((t) => t.layer),
      ['override:alice', 'local:alice', 'core'],
    );
    assert.deepEqual(
      trace.map((t) => t.hit),
      [true, false, true],
    );
    assert.deepEqual(
      (json['shadowed'] as { source: string }[]).map((s) => s.source),
      ['core'],
    );
  });

  it('exits 1 with suggestions for an unknown step', () => {
    const { code, json } = runJson(['explain', 'XGBoostTrainig', '--root', root, '--format', 'json']);
    assert.equal(code, 1);
    assert.equal(json['found'], false);
    assert.equal(json['winner'], null);
    assert.ok((json['suggestions'] as string[]).includes('XGBoostTraining'));
  });

  it('prints the Explain Resolution document by default', () => {
    const r = runCli(['explain', 'XGBoostTraining', '--root', root, '--workspace', 'alice']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Explain Resolution: XGBoostTraining');
    assert.ok(
      lines.some((l) =>
        /^ {2}✓ hit {3}override:alice +developer_workspaces\/.*workspace_registry\.py:\d+:\d+$/.test(l),
      ),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => /^Winner: override:alice /.test(l)),
      r.stdout,
    );
  });

  it('says where it looked when the step is missing', () => {
    const r = runCli(['explain', 'Nope', '--root', root, '--workspace', 'alice']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /Step 'Nope' not found \(workspace: alice\)/);
  });

  it('rejects an unknown workspace, listing the known ones', () => {
    const r = runCli(['explain', 'XGBoostTraining', '--root', root, '--workspace', 'zed']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown workspace 'zed'.*alice/);
    assert.equal(r.stdout, '');
  });
});
