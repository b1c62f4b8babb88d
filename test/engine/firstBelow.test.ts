// Open files first (issue 44): a host's first walk lists only the directories `interest().firstBelow(open)`
// accepts, and reads there what `first(open)` accepts. Sound when no path `first(open)` accepts lies
// below a directory left unlisted: checked for every file of every example opened alone, and for a root
// mixing every family; useful when a workspace registry open leaves the other workspaces' components unlisted.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { SettingsInput } from '../../server/src/engine/types';
import { parseFixture } from './fixture';
import { directoriesOf, wasm } from './helpers';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

function filesUnder(root: string, rel = ''): string[] {
  return readdirSync(join(root, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? filesUnder(root, p) : e.isFile() && e.name !== 'EXPECTED.json' ? [p] : [];
  });
}

async function engineOf(files: ReadonlyMap<string, string>, settings: SettingsInput = {}): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm, settings);
  for (const [path, text] of files) engine.setFile(path, text);
  engine.commit();
  engine.setTree({
    links: [],
    directories: directoriesOf([...files.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
  });
  engine.update();
  return engine;
}

const ancestors = (path: string): string[] => {
  const out: string[] = [];
  for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) out.push(path.slice(0, at));
  return out;
};

/** The directories left unlisted with `open` open; fails when a path read first lies below one of them. */
function unlistedWith(engine: RegistryEngine, paths: readonly string[], open: string): string[] {
  const { first: firstOf, firstBelow, wants } = engine.interest();
  const first = firstOf([open]);
  const below = firstBelow([open]);
  for (const p of paths) {
    if (!wants(p) || !first(p)) continue;
    const hidden = ancestors(p).filter((d) => !below(d));
    assert.deepEqual(hidden, [], `${open} open: ${p} is read first, but ${hidden[0]} is left unlisted`);
  }
  return directoriesOf([...paths]).filter((d) => !below(d));
}

const WS = (name: string): string => `developer_workspaces/developers/${name}`;
const ALICE = `${WS('alice')}/src/cursus_dev/registry/workspace_registry.py`;

const MIXED = parseFixture(`
  //- /src/cursus/registry/step_names.py
  STEP_NAMES = {"Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "d"}}
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also bob's"}}
  //- /${WS('alice')}/src/cursus_dev/steps/builders/builder_shared_step.py
  class SharedStepBuilder:
      pass
  //- /${WS('bob')}/src/cursus_dev/registry/workspace_registry.py
  WORKSPACE_METADATA = {"developer_id": "bob"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also alice's"}}
  //- /${WS('bob')}/src/cursus_dev/steps/builders/builder_shared_step.py
  class SharedStepBuilder:
      pass
  //- /${WS('bob')}/src/cursus_dev/steps/builders/builder_shared_step_meta.yaml
  description: bob's builder
  //- /${WS('bob')}/src/cursus_dev/steps/interfaces/bob_join.step.yaml
  name: BobJoin
  //- /${WS('bob')}/tools/registry/registry.yaml
  artifacts: []
  //- /extensions/greet/hello.py
  class Hello:
      pass
  //- /onex/registry/registry.yaml
  artifacts: []
`).files;

describe('engine: directories a first walk lists', () => {
  it('leaves no file read first below a directory it leaves unlisted, for every file of every example opened alone', async () => {
    let narrowed = 0;
    for (const example of readdirSync(EXAMPLES)) {
      const root = join(EXAMPLES, example);
      const paths = filesUnder(root);
      const engine = await engineOf(new Map(paths.map((p) => [p, readFileSync(join(root, p), 'utf8')])));
      for (const open of paths) if (unlistedWith(engine, paths, open).length > 0) narrowed++;
    }
    assert.ok(narrowed > 0, 'some example has directories a workspace registry open leaves unlisted');
  });

  it('with a workspace registry open, lists the other workspaces down to their registries and interfaces only', async () => {
    const engine = await engineOf(MIXED);
    const paths = [...MIXED.keys()];
    const unlisted = unlistedWith(engine, paths, ALICE);
    const bob = WS('bob');
    assert.deepEqual(
      unlisted.sort(),
      [`${bob}/src/cursus_dev/steps/builders`, `${bob}/tools`, `${bob}/tools/registry`].sort(),
    );
    // Any other open file (core's registry, an apcore module, an ONEX registry, an interface) needs the whole root.
    for (const open of [
      'src/cursus/registry/step_names.py',
      'extensions/greet/hello.py',
      'onex/registry/registry.yaml',
      `${bob}/src/cursus_dev/steps/interfaces/bob_join.step.yaml`,
    ]) {
      assert.deepEqual(unlistedWith(engine, paths, open), [], `${open} open`);
    }
  });

  it("lists a workspace that holds another workspaces root: what lies below it may be another workspace's", async () => {
    const roots = [`${WS('bob')}/teams`, 'developer_workspaces/developers'];
    const carol = `${WS('bob')}/teams/carol/src/cursus_dev/registry/workspace_registry.py`;
    const files = new Map(MIXED).set(carol, 'WORKSPACE_METADATA = {"developer_id": "carol"}\nLOCAL_STEPS = {}\n');
    const engine = await engineOf(files, { workspacesRoots: roots });
    const paths = [...files.keys()];
    for (const open of [ALICE, carol]) unlistedWith(engine, paths, open);
    assert.ok(engine.interest().firstBelow([ALICE])(`${WS('bob')}/teams`), 'the nested root is listed');
  });
});
