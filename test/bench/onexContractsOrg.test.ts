// The ONEX node-contracts org of the bench declares what it planted; the bench reports those counts
// beside the diagnostics, so the CLI on the generated tree must find each planted code exactly as often.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORG_NAMES, workloadOf } from '../../bench/orgs';
import { ensureWritten } from '../../bench/workload';
import { Rng } from '../../bench/rng';
import { runJson } from '../cli/helpers';

describe('bench: the ONEX node-contracts org', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'rl-onex-contracts-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('is registered small and large, and the small org gives every planted code as often as it was planted', () => {
    assert.ok(ORG_NAMES.includes('onex-contracts') && ORG_NAMES.includes('onex-contracts-small'));
    const w = workloadOf('onex-contracts-small');
    const g = ensureWritten(root, w.generated, w.name, () => undefined);
    assert.equal(g.files, 600);
    const planted: Record<string, number> = {};
    for (const [what, n] of Object.entries(w.seeded)) {
      const code = what.slice(0, 5);
      planted[code] = (planted[code] ?? 0) + n;
    }
    assert.deepEqual(Object.keys(planted).sort(), [...Array.from({ length: 14 }, (_, i) => `RL0${46 + i}`), 'RL068']);
    const { json } = runJson(['check', root, '--format', 'json']);
    const found: Record<string, number> = {};
    for (const d of json.diagnostics as { code: string }[]) found[d.code] = (found[d.code] ?? 0) + 1;
    assert.deepEqual(found, planted);
  });

  it('edits only files of the org, in every kind it declares', () => {
    const w = workloadOf('onex-contracts-small');
    const rng = new Rng(w.seed);
    const stream = w.edits();
    const pooled = Array.from({ length: 200 }, () => stream.next(rng));
    const edits = [...pooled, ...w.centralEdits(rng, 4), ...w.componentEdits(rng)];
    for (const e of edits) assert.ok(existsSync(join(root, e.file)), e.file);
    assert.deepEqual([...new Set(edits.map((e) => e.kind))].sort(), [...w.editKinds, 'core', 'component'].sort());
  });
});
