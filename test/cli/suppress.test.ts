// `registry-lens check` honours the same suppression comments as the editor (one engine path).
import { strict as assert } from 'node:assert';
import { ALICE_REGISTRY, cleanTree, removeTrees, runJson, writeTree } from './helpers';

describe('cli suppression comments', () => {
  after(removeTrees);
  it('a diagnostic suppressed by `# registry-lens: ignore[RLxxx]` is not reported; other codes still are', () => {
    const tree = cleanTree();
    const broken = (tree[ALICE_REGISTRY] ?? '').replace('"description": "Alice\'s XGBoost training",', '"descriptoin": "x",');
    const codes = (root: string): string[] => (runJson(['check', root, '--format', 'json', '--fail-on', 'never']).json.diagnostics as { code: string }[]).map((d) => d.code).sort();
    assert.deepEqual(codes(writeTree({ ...tree, [ALICE_REGISTRY]: broken })), ['RL008', 'RL016']);
    const suppressed = broken.replace('"descriptoin": "x",', '"descriptoin": "x",  # registry-lens: ignore[RL016]');
    assert.deepEqual(codes(writeTree({ ...tree, [ALICE_REGISTRY]: suppressed })), ['RL008']);
  });
});
