// `registry-lens check` honours the same suppression comments as the editor (one engine path).
import { strict as assert } from 'node:assert';
import { ALICE_REGISTRY, cleanTree, removeTrees, runJson, writeTree } from './helpers';

describe('cli suppression comments', () => {
  after(removeTrees);
  it('a diagnostic suppressed by `# registry-lens: ignore[RLxxx]` is not reported; other codes still are', () => {
    const tree = cleanTree();
    const broken = (tree[ALICE_REGISTRY] ?? '').replace(
      '"description": "Alice\'s XGBoost training",',
      '"descriptoin": "x",',
    );
    const codes = (root: string): string[] =>
      (runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json.diagnostics as { code: string }[])
        .map((d) => d.code)
        .sort();
    assert.deepEqual(codes(writeTree({ ...tree, [ALICE_REGISTRY]: broken })), ['RL008', 'RL016']);
    const suppressed = broken.replace('"descriptoin": "x",', '"descriptoin": "x",  # registry-lens: ignore[RL016]');
    assert.deepEqual(codes(writeTree({ ...tree, [ALICE_REGISTRY]: suppressed })), ['RL008']);
  });

  it('an unused suppression comment (RL033) is reported only with --report-unused-suppressions, with its line and fix', () => {
    const tree = cleanTree();
    const text = (tree[ALICE_REGISTRY] ?? '').replace(
      '"description": "Alice\'s XGBoost training",',
      '"description": "Alice\'s XGBoost training",  # registry-lens: ignore[RL016]',
    );
    assert.notEqual(text, tree[ALICE_REGISTRY]);
    const root = writeTree({ ...tree, [ALICE_REGISTRY]: text });
    const run = (...flags: string[]) => runJson(['check', root, '--format', 'json', ...flags]);
    const off = run();
    assert.equal(off.code, 0);
    assert.deepEqual(off.json.diagnostics, []);
    const on = run('--report-unused-suppressions');
    assert.equal(on.code, 0, 'a hint does not fail the check');
    const diags = on.json.diagnostics as {
      code: string;
      severity: string;
      file: string;
      range: { start: { line: number } };
      fixes?: unknown[];
    }[];
    assert.deepEqual(
      diags.map((d) => [d.code, d.severity, d.file, d.range.start.line]),
      [['RL033', 'hint', ALICE_REGISTRY, (text.split('# registry-lens')[0] ?? '').split('\n').length - 1]],
    );
    assert.equal(
      runJson(['check', root, '--format', 'json', '--report-unused-suppressions', '--fail-on', 'never']).code,
      0,
    );
  });
});
