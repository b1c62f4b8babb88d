// Open files first (issue 44): `updateSome(stop, first, onlyFirst)` starts only the units that may
// report on the files of `first`. Core's unit reports on core's files only (`FamilyParts.unit`), so it
// waits while a workspace registry alone is open, and starts first when the core registry is open;
// either way the open file's diagnostics are those a full analysis ends with.
import { strict as assert } from 'node:assert';
import { RegistryEngine } from '../../server/src/engine/engine';
import { parseFixture } from './fixture';
import { directoriesOf, wasm } from './helpers';
import { loadExample } from './randomEdits';

const CORE = 'src/cursus/registry/step_names.py';
const ALICE = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';

const FILES = parseFixture(`
  //- /${CORE}
  STEP_NAMES = {
      "Orphan": {"config_class": "OrphanConfig", "builder_step_name": "OrphanStepBuilder", "sagemaker_step_type": "Processing", "description": "no builder (RL005)"},
      "Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "d"},
  }
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  //- /src/cursus/steps/configs/config_package_step.py
  class PackageConfig:
      pass
  class OrphanConfig:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice", "version": "1.0.0", "description": "d"}
  LOCAL_STEPS = {
      "AliceOnly": {"config_class": "MissingConfig", "builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "RL006"},
  }
`).files;

const EXAMPLES = [
  'demo-workspace',
  'meta-workspace',
  'interface-workspace',
  'cursus-pipelines',
  'apcore-extensions',
  'onex-registry',
  'onex-contracts',
];

/** An engine given `files` (and the directories it asks about), not analysed yet. */
async function engineWith(files: ReadonlyMap<string, string>): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm, {});
  for (const [path, text] of files) engine.setFile(path, text);
  engine.commit();
  engine.setTree({
    links: [],
    directories: directoriesOf([...files.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
  });
  return engine;
}

function engineOf(): Promise<RegistryEngine> {
  return engineWith(FILES);
}

const codes = (engine: RegistryEngine, file: string): string[] =>
  engine
    .diagnostics(file)
    .map((d) => String(d.code))
    .sort();
/** Core's unit's finding: the builder of core's step 'Orphan' is missing. */
const orphan = (engine: RegistryEngine): boolean =>
  engine.diagnostics(CORE).some((d) => d.code === 'RL005' && d.message.includes('OrphanStepBuilder'));

describe('engine: open files first', () => {
  it("leaves core's unit waiting while only a workspace registry is open", async () => {
    const engine = await engineOf();
    const first = engine.updateSome(undefined, new Set([ALICE]), true);
    assert.equal(first.waitingFirst, 0);
    assert.ok(first.waiting > 0, "core's unit waits");
    assert.deepEqual(codes(engine, ALICE), ['RL006']);
    assert.ok(!orphan(engine), "core's unit has not run");
    const rest = engine.updateSome(undefined, new Set([ALICE]));
    assert.equal(rest.waiting, 0);
    assert.deepEqual(codes(engine, ALICE), ['RL006'], "the open registry's list is final");
    assert.ok(orphan(engine));
  });

  it("reads the other workspaces' registries for their names alone until the open registry is published, then whole", async () => {
    for (const releaseHeld of [false, true]) await namesFirst(releaseHeld);
  });

  it('reads the facts of the texts fed from disk in steps too: until they are read no unit starts, none is final', async () => {
    const settled = await engineOf();
    settled.update();
    const engine = await RegistryEngine.create(wasm, {}, { reread: (path) => FILES.get(path) });
    for (const [path, text] of FILES) engine.setFile(path, text, true);
    engine.commit();
    engine.setTree({
      links: [],
      directories: directoriesOf([...FILES.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
    });
    // A step stops after each file's facts, then after each unit.
    const steps: { changed: string[]; waiting: number; waitingFirst: number }[] = [];
    for (let i = 0; i < 100 && steps.at(-1)?.waiting !== 0; i++)
      steps.push(engine.updateSome(() => true, new Set([ALICE])));
    const reading = steps.slice(0, FILES.size - 1);
    assert.ok(
      reading.every((s) => s.changed.length === 0 && s.waiting > 0 && s.waitingFirst > 0),
      JSON.stringify(reading),
    );
    assert.ok(steps.length > FILES.size, 'then the units, one per step');
    for (const file of FILES.keys()) assert.deepEqual(codes(engine, file), codes(settled, file), file);
  });

  // Every unit that may report on the open file runs in the first pass, whatever its key is named after (core's meta
  // groups and cycle search, an ONEX artifact `file#3`, a layer of interfaces): over every example, each file's list
  // after the first pass is the one the full analysis ends with.
  for (const example of EXAMPLES)
    it(`gives each file of ${example} its final list in a first pass with it alone open`, async () => {
      const files = loadExample(example);
      const settled = await engineWith(files);
      settled.update();
      const reported = [...files.keys()].filter((f) => settled.diagnostics(f).length > 0);
      assert.ok(reported.length > 0, 'some file has diagnostics');
      for (const file of reported) {
        const engine = await engineWith(files);
        const first = engine.updateSome(undefined, new Set([file]), true);
        assert.equal(first.waitingFirst, 0);
        assert.deepEqual(engine.diagnostics(file), settled.diagnostics(file), file);
      }
    });

  it("starts core's unit first when the core registry is open", async () => {
    const engine = await engineOf();
    const first = engine.updateSome(undefined, new Set([CORE]), true);
    assert.equal(first.waitingFirst, 0);
    assert.ok(orphan(engine));
  });
});

/** Carol's registry text held through the first pass, let go by `releaseHeld` (when asked) or by the next update. */
async function namesFirst(releaseHeld: boolean): Promise<void> {
  const BOB = 'developer_workspaces/developers/bob/src/cursus_dev/registry/workspace_registry.py';
  const CAROL = 'developer_workspaces/developers/carol/src/cursus_dev/registry/workspace_registry.py';
  const disk = new Map(FILES);
  // Bob shares alice's step (RL002: his registry is read whole for the related information); carol shares nothing.
  disk.set(
    BOB,
    'WORKSPACE_METADATA = {"developer_id": "bob"}\nLOCAL_STEPS = {"AliceOnly": {"sagemaker_step_type": "Utility", "description": "d"}}\n',
  );
  disk.set(
    CAROL,
    'WORKSPACE_METADATA = {"developer_id": "carol"}\nLOCAL_STEPS = {"CarolOnly": {"sagemaker_step_type": "Utility", "description": "d"}}\n',
  );
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
  for (const [path, text] of disk) engine.setFile(path, text, path !== ALICE);
  engine.commit();
  engine.setTree({
    links: [],
    directories: directoriesOf([...disk.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
  });
  engine.updateSome(undefined, new Set([ALICE]), true);
  assert.deepEqual(codes(engine, ALICE), ['RL002', 'RL006']);
  const first = engine.diagnostics(ALICE);
  // Carol's text is held (her facts were not read), bob's was let go once read.
  assert.equal(engine.text(CAROL), disk.get(CAROL));
  assert.equal(engine.text(BOB), disk.get(BOB));
  assert.deepEqual(reads, [BOB]);
  if (releaseHeld) {
    engine.releaseHeld();
    assert.equal(engine.text(CAROL), disk.get(CAROL));
    assert.deepEqual(reads, [BOB, CAROL], "carol's text was let go once her registry was read whole");
  }
  engine.updateSome(undefined, new Set([ALICE]));
  assert.deepEqual(engine.diagnostics(ALICE), first, "the open registry's list is final");
  assert.equal(engine.text(CAROL), disk.get(CAROL));
  assert.deepEqual(
    reads,
    releaseHeld ? [BOB, CAROL, CAROL] : [BOB, CAROL],
    "carol's text was let go once her registry was read whole",
  );
}
