// A walk that asked about everything stands for the walk any interest makes (`narrowWalk`): `check --cache` walks
// once, to judge its cached result, and feeds the analysis from that walk on a miss.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { RegistryEngine, type HostInterest } from '../../server/src/engine/engine';
import { Feeder } from '../../server/src/host/feeder';
import { narrowWalk, WHOLE_TREE } from '../../server/src/host/listedWalk';
import { walkRoot } from '../../server/src/host/walkRoot';
import { wasm } from '../engine/helpers';

const WS = 'developer_workspaces/developers/alice';
const BUILDERS = `${WS}/src/cursus_dev/steps/builders`;

describe('host: one walk for every interest', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'registry-lens-walk-'));
    const files: Record<string, string> = {
      'src/cursus/registry/step_names.py': 'STEP_NAMES = {}\n',
      [`${WS}/src/cursus_dev/registry/workspace_registry.py`]:
        'WORKSPACE_METADATA = {"developer_id": "alice"}\nLOCAL_STEPS = {}\n',
      [`${BUILDERS}/builder_a_step.py`]: 'class AStepBuilder:\n    pass\n',
      [`${BUILDERS}/builder_a_step_meta.yaml`]: 'name: A\n',
      'docs/notes.txt': 'not wanted\n',
      'build/step_names.py': 'excluded\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      writeFileSync(path.join(root, rel), text);
    }
    // Names that are not UTF-8: a directory, a file the engine wants, one it does not.
    const latin1 = (rel: string): Buffer => Buffer.concat([Buffer.from(`${root}/`), Buffer.from(rel, 'latin1')]);
    mkdirSync(latin1('src/caf\xe9'));
    writeFileSync(latin1(`${BUILDERS}/builder_\xe9_step.py`), 'X = 1\n');
    writeFileSync(latin1('docs/caf\xe9.txt'), 'x\n');
    symlinkSync(path.join(root, 'src'), path.join(root, 'src-link'));
    symlinkSync('/', path.join(root, 'outside'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const excluded = (rel: string): boolean => rel === 'build';

  async function same(interest: HostInterest): Promise<void> {
    const whole = await walkRoot(root, WHOLE_TREE, excluded);
    const narrowed = narrowWalk(whole, interest);
    const walked = await walkRoot(root, interest, excluded);
    assert.deepEqual(narrowed, walked);
  }

  it('gives what a walk with the engine’s interest gives, before and after its first analysis', async () => {
    const engine = await RegistryEngine.create(wasm);
    await same(engine.interest());
    await Feeder.wholeRoot(engine, root, { excluded, warn: () => undefined, maxFileBytes: 1_000_000 }).feedRoot();
    const interest = engine.interest();
    const walked = await walkRoot(root, interest, excluded);
    assert.ok(walked.files.includes(`${BUILDERS}/builder_a_step.py`), 'the walk takes the builder');
    await same(interest);
  });

  it('gives what a walk with any interest gives: files, companions, directories, names that are not UTF-8', async () => {
    const meta = `${BUILDERS}/builder_a_step_meta.yaml`;
    const interest: HostInterest = {
      ...WHOLE_TREE,
      wants: (rel) => rel.endsWith('.yaml') || rel.includes('\uFFFD_step'),
      alongside: (rel) => (rel === meta ? [`${BUILDERS}/builder_a_step.py`, `${BUILDERS}/gone.py`] : []),
      wantsDirectory: (rel) => rel.startsWith('src'),
    };
    const narrowed = narrowWalk(await walkRoot(root, WHOLE_TREE, excluded), interest);
    assert.deepEqual(narrowed.companions, [`${BUILDERS}/builder_a_step.py`], 'a companion on disk, not one gone');
    assert.deepEqual(
      [...narrowed.unreadable.keys()].sort(),
      [`${BUILDERS}/builder_\uFFFD_step.py`, 'src/caf\uFFFD'].sort(),
      'a wanted file and a directory whose names are not UTF-8; not an unwanted file',
    );
    await same(interest);
    await same({ ...WHOLE_TREE, wants: () => false, wantsDirectory: () => false });
  });
});
