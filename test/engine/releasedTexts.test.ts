// A text fed from disk whose facts keep nothing of it (a builder or config module, a workspace registry) is let go once its
// facts are read and read again through the host when something needs it, with the results a fresh
// engine gives; an open document's text, and every text of an engine that cannot read again, is kept.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { SettingsInput } from '../../server/src/engine/types';
import { parseFixture } from './fixture';
import { CORE } from './cursusCore';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

const REGISTRY = 'src/cursus/registry/step_names.py';
const BUILDER = 'src/cursus/steps/builders/builder_package_step.py';
const CONFIG = 'src/cursus/steps/configs/config_package_step.py';

/** An engine fed every file of the fixture from "disk" (the map), with the paths it read again. */
async function fromDisk(
  disk: Map<string, string>,
  open: ReadonlySet<string> = new Set(),
): Promise<{ engine: RegistryEngine; reads: string[] }> {
  const reads: string[] = [];
  const engine = await RegistryEngine.create(
    wasm,
    {},
    {
      reread: (f) => {
        reads.push(f);
        return disk.get(f);
      },
    },
  );
  for (const [f, t] of disk) engine.setFile(f, t, !open.has(f));
  engine.update();
  return { engine, reads };
}

async function fresh(disk: Map<string, string>, settings: SettingsInput = {}): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm, settings);
  for (const [f, t] of disk) engine.setFile(f, t);
  engine.update();
  return engine;
}

describe('texts let go once read', () => {
  it('component modules are read again only when needed, and give what a fresh engine gives', async () => {
    const disk = parseFixture(CORE).files;
    const { engine, reads } = await fromDisk(disk);
    assert.deepEqual([...reads], [], 'a cold load reads nothing twice');
    assert.deepEqual(engine.allDiagnostics(), (await fresh(disk)).allDiagnostics());

    assert.equal(engine.text(BUILDER), disk.get(BUILDER));
    assert.deepEqual([...reads], [BUILDER], 'the builder text was let go and read again');
    assert.equal(engine.text(REGISTRY), disk.get(REGISTRY));
    assert.deepEqual([...reads], [BUILDER], 'the core registry text is kept (edits splice it)');

    // New settings re-read every file's facts: the components' through the host.
    reads.length = 0;
    engine.configure({ checkAllComponents: true });
    engine.update();
    assert.ok(reads.includes(CONFIG) && !reads.includes(REGISTRY), `read again: ${reads.join(', ')}`);
    assert.deepEqual(engine.allDiagnostics(), (await fresh(disk, { checkAllComponents: true })).allDiagnostics());
  });

  it('an edit on disk of a released module is analysed as a fresh engine analyses it', async () => {
    const disk = parseFixture(CORE).files;
    const { engine } = await fromDisk(disk);
    disk.set(CONFIG, 'class RenamedConfig:\n    pass\n');
    engine.setFile(CONFIG, disk.get(CONFIG) as string, true);
    engine.update();
    const want = (await fresh(disk)).allDiagnostics();
    assert.ok(
      want.some((d) => d.code === 'RL006'),
      'the renamed class leaves PackageConfig undefined',
    );
    assert.deepEqual(engine.allDiagnostics(), want);
    // Back as it was, from the same holder state.
    disk.set(CONFIG, parseFixture(CORE).files.get(CONFIG) as string);
    engine.setFile(CONFIG, disk.get(CONFIG) as string, true);
    engine.update();
    assert.deepEqual(engine.allDiagnostics(), (await fresh(disk)).allDiagnostics());
  });

  it('workspace registries are let go too, but one with a suppression comment, and give what a fresh engine gives', async () => {
    const ws = (dev: string, body: string): string =>
      `developer_workspaces/developers/${dev}/src/cursus_dev/registry/workspace_registry.py\n${body}`;
    const files = `${CORE}
//- /${ws(
      'alice',
      `LOCAL_STEPS = {
    "AliceTabularPreprocessingWithALongName": {
        "config_class": "AliceMissingConfig",
        "builder_step_name": "AliceMissingStepBuilder",
        "sagemaker_step_type": "Processing",
        "description": "A description long enough to be cut from the text as a view",
    },
}
STEP_OVERRIDES = {"NotInCore": {"description": "overrides a step core does not have"}}
`,
    )}
//- /${ws(
      'bob',
      `LOCAL_STEPS = {
    "BobStep": {
        "config_class": "BobMissingConfig",
        "builder_step_name": "BobMissingStepBuilder",  # registry-lens: ignore[RL005]
        "sagemaker_step_type": "Processing",
    },
}
`,
    )}`;
    const disk = parseFixture(files).files;
    const alice = [...disk.keys()].find((f) => f.includes('/alice/')) as string;
    const bob = [...disk.keys()].find((f) => f.includes('/bob/')) as string;
    const { engine, reads } = await fromDisk(disk);
    assert.deepEqual(
      [...reads],
      [],
      'a cold load reads nothing twice (no text let go is searched for suppression comments)',
    );
    const want = (await fresh(disk)).allDiagnostics();
    assert.ok(
      want.some((d) => d.file === alice && d.code === 'RL004'),
      'the override of a missing step is reported',
    );
    assert.ok(
      !want.some((d) => d.file === bob && d.code === 'RL005') && want.some((d) => d.file === bob && d.code === 'RL006'),
      'the suppressed code is not, the others are',
    );
    assert.deepEqual(engine.allDiagnostics(), want);

    assert.equal(engine.text(bob), disk.get(bob));
    assert.deepEqual([...reads], [], 'a registry with a suppression comment is kept');
    assert.equal(engine.text(alice), disk.get(alice));
    assert.deepEqual([...reads], [alice], 'the other registry was let go and read again');

    // An edit on disk of the released registry, then back.
    const before = disk.get(alice) as string;
    disk.set(alice, before.replace('AliceMissingConfig', 'XGBoostTrainingConfig'));
    engine.setFile(alice, disk.get(alice) as string, true);
    engine.update();
    assert.deepEqual(engine.allDiagnostics(), (await fresh(disk)).allDiagnostics());
    disk.set(alice, before);
    engine.setFile(alice, before, true);
    engine.update();
    assert.deepEqual(engine.allDiagnostics(), want);
  });

  it('an open document is never let go, nor any text of an engine that cannot read again', async () => {
    const disk = parseFixture(CORE).files;
    const { engine, reads } = await fromDisk(disk, new Set([BUILDER]));
    assert.equal(engine.text(BUILDER), disk.get(BUILDER));
    assert.ok(!reads.includes(BUILDER), 'the open builder is kept');
    engine.text(CONFIG);
    assert.deepEqual([...reads], [CONFIG], 'the closed config was let go');

    const kept = await RegistryEngine.create(wasm);
    for (const [f, t] of disk) kept.setFile(f, t, true);
    kept.update();
    assert.equal(kept.text(CONFIG), disk.get(CONFIG));
  });
});
