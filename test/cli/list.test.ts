// `registry-lens list`: the aligned table, the JSON rows and --conflicts-only.
import { strict as assert } from 'node:assert';
import { conflictTree, removeTrees, runCli, runJson, writeTree } from './helpers';

interface Row {
  name: string;
  source: string;
  conflicts: string[];
  builder: string | null;
}

describe('cli list', () => {
  let root: string;
  before(() => {
    root = writeTree(conflictTree());
  });
  after(removeTrees);

  it('lists the core steps without --workspace', () => {
    const { code, json } = runJson(['list', '--root', root, '--format', 'json']);
    assert.equal(code, 0);
    assert.equal(json['context'], 'core');
    const rows = json['steps'] as Row[];
    assert.deepEqual(rows.map((r) => r.name).sort(), ['TabularPreprocessing', 'XGBoostTraining']);
    assert.ok(rows.every((r) => r.source === 'core'));
  });

  it('lists the merged view of a workspace', () => {
    const rows = runJson(['list', '--root', root, '--workspace', 'alice', '--format', 'json']).json['steps'] as Row[];
    const byName = new Map(rows.map((r) => [r.name, r]));
    assert.equal(byName.get('FeatureJoin')?.source, 'workspace:alice');
    assert.equal(byName.get('XGBoostTraining')?.source, 'override:alice');
    assert.equal(byName.get('TabularPreprocessing')?.source, 'core');
    assert.equal(byName.get('FeatureJoin')?.builder, 'FeatureJoinStepBuilder');
  });

  it('keeps only conflicting steps with --conflicts-only', () => {
    const rows = runJson(['list', '--root', root, '--workspace', 'alice', '--conflicts-only', '--format', 'json']).json[
      'steps'
    ] as Row[];
    assert.deepEqual(
      rows.map((r) => r.name),
      ['FeatureJoin'],
    );
    assert.ok(
      rows[0]?.conflicts.some((c) => c.includes('bob')),
      JSON.stringify(rows),
    );
  });

  it('prints an aligned table', () => {
    const r = runCli(['list', '--root', root, '--workspace', 'alice']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    const header = lines[0] ?? '';
    assert.match(header, /^NAME +SOURCE +SAGEMAKER TYPE +BUILDER +CONFIG +CONFLICTS$/);
    const row = lines.find((l) => l.startsWith('FeatureJoin ')) ?? '';
    assert.equal(row.indexOf('workspace:alice'), header.indexOf('SOURCE'));
    assert.equal(row.indexOf('Processing'), header.indexOf('SAGEMAKER TYPE'));
    assert.equal(row.indexOf('FeatureJoinStepBuilder'), header.indexOf('BUILDER'));
  });
});
