// Open files first (issue 44): a client that opens a workspace registry right after `initialized` gets
// its final diagnostics before any other file's. The server reads what that registry's checks read
// (the registries, core's components and the workspace's own files) and analyses it, then reads the
// rest of the folder: the first list it publishes for the registry is the one it ends with, and it comes
// first (judged by the order of the messages, not by time).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseFixture } from '../engine/fixture';
import { TestClient, type StartOptions } from './client';
import { againstFresh } from './fresh';

const WS = (name: string): string => `developer_workspaces/developers/${name}`;
const REGISTRY = (name: string): string => `${WS(name)}/src/cursus_dev/registry/workspace_registry.py`;
const ALICE = REGISTRY('alice');

const FILES = parseFixture(`
  //- /src/cursus/registry/step_names.py
  STEP_NAMES = {
      "Package": {
          "config_class": "PackageConfig",
          "builder_step_name": "PackageStepBuilder",
          "sagemaker_step_type": "Processing",
          "description": "Model packaging step",
      },
  }
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  class SharedStepBuilder:
      pass
  //- /src/cursus/steps/configs/config_package_step.py
  class PackageConfig:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice", "version": "1.0.0", "description": "Alice's workspace"}
  LOCAL_STEPS = {
      "Shared": {
          "config_class": "SharedConfig",
          "builder_step_name": "SharedStepBuilder",
          "sagemaker_step_type": "Processing",
          "description": "also in bob's workspace (RL002); its builder is core's, its config alice's own",
      },
      "AliceOnly": {
          "config_class": "MissingConfig",
          "builder_step_name": "AliceOnlyStepBuilder",
          "sagemaker_step_type": "Processing",
          "description": "a config nobody defines (RL006)",
      },
  }
  //- /${WS('alice')}/src/cursus_dev/steps/configs/config_shared_step.py
  class SharedConfig:
      pass
  //- /${WS('alice')}/src/cursus_dev/steps/builders/builder_alice_only_step.py
  class AliceOnlyStepBuilder:
      pass
  //- /${REGISTRY('bob')}
  WORKSPACE_METADATA = {"developer_id": "bob", "version": "1.0.0", "description": "Bob's workspace"}
  LOCAL_STEPS = {
      "Shared": {"sagemaker_step_type": "Utility", "description": "also in alice's workspace"},
  }
`).files;

// More workspaces, each with a problem of its own: files published after alice's registry.
for (let i = 0; i < 30; i++) {
  const name = `dev${i}`;
  FILES.set(
    REGISTRY(name),
    `WORKSPACE_METADATA = {"developer_id": "${name}", "version": "1.0.0", "description": "d"}\nSTEP_OVERRIDES = {\n    "Pakage${i}": {"sagemaker_step_type": "Utility", "description": "no such core step"},\n}\n`,
  );
  FILES.set(
    `${WS(name)}/src/cursus_dev/steps/builders/builder_dev${i}_step.py`,
    `class Dev${i}StepBuilder:\n    pass\n`,
  );
}
// The same with a broken companion in each workspace's builders and an ONEX registry in one of them:
// directories a first walk leaves unlisted, read once alice's registry is analysed.
const SPREAD = new Map(FILES);
for (let i = 0; i < 30; i++)
  SPREAD.set(`${WS(`dev${i}`)}/src/cursus_dev/steps/builders/builder_dev${i}_step_meta.yaml`, 'description: 3\n');
SPREAD.set(
  `${WS('dev7')}/tools/registry/registry.yaml`,
  readFileSync(join(__dirname, '../../examples/onex-registry/src/demo_onex/registry/registry.yaml'), 'utf8'),
);

type Published = { uri: string; diagnostics: Diagnostic[] };
const said = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

/** Every publication of `uri`, in order, and the index of the first among all publications. */
function publications(client: TestClient, rel: string): { lists: Diagnostic[][]; first: number; all: Published[] } {
  const all = client.notifications.flatMap((n) =>
    n.method === 'textDocument/publishDiagnostics' ? [n.params as Published] : [],
  );
  const uri = client.uri(rel);
  return {
    lists: all.filter((p) => p.uri === uri).map((p) => p.diagnostics),
    first: all.findIndex((p) => p.uri === uri),
    all,
  };
}

/** A server on `files` with `rel` opened right after `initialized`, once loaded: `rel`'s publications and final list. */
async function openedFirst(
  files: Map<string, string>,
  rel: string,
  options: StartOptions = {},
): Promise<{ client: TestClient; pub: ReturnType<typeof publications>; final: Diagnostic[] }> {
  const client = await TestClient.start(files, options);
  await client.open(rel, files.get(rel) as string);
  await client.loaded();
  return { client, pub: publications(client, rel), final: client.diagnostics.get(client.uri(rel)) ?? [] };
}

// What the first pass must not miss, each last in the walk's order: the core component defining the
// builder of alice's step (RL005 until it is read), and a workspace sharing her step's name (RL002).
// The core registry's own problem (RL005 in core) comes from core's unit, which waits while only
// workspace files are open, and runs first when the core registry is open.
const LATE = new Map(FILES);
LATE.set(
  ALICE,
  (FILES.get(ALICE) as string).replace(
    'LOCAL_STEPS = {',
    `LOCAL_STEPS = {
    "Late": {
        "config_class": "LateConfig",
        "builder_step_name": "LateStepBuilder",
        "sagemaker_step_type": "Processing",
        "description": "its builder is in core's last module; zzz defines the name too (RL002)",
    },`,
  ),
);
LATE.set(`${WS('alice')}/src/cursus_dev/steps/configs/config_late_step.py`, 'class LateConfig:\n    pass\n');
LATE.set('src/cursus/steps/builders/zzz/builder_late_step.py', 'class LateStepBuilder:\n    pass\n');
LATE.set(
  REGISTRY('zzz'),
  'WORKSPACE_METADATA = {"developer_id": "zzz", "version": "1.0.0", "description": "last"}\nLOCAL_STEPS = {\n    "Late": {"sagemaker_step_type": "Utility", "description": "also alice\'s"},\n}\n',
);
const CORE_REGISTRY = 'src/cursus/registry/step_names.py';
LATE.set(
  CORE_REGISTRY,
  (FILES.get(CORE_REGISTRY) as string).replace(
    '"Package": {',
    `"Orphan": {
        "config_class": "PackageConfig",
        "builder_step_name": "OrphanStepBuilder",
        "sagemaker_step_type": "Processing",
        "description": "no module defines its builder (RL005, core's unit)",
    },
    "Package": {`,
  ),
);

// Alice's id taken by two more workspaces (RL015) and her step defined in another (RL002): the first
// pass reads the other workspaces' registries for their ids and local names alone (model/wsNames.ts),
// and whole only those its diagnostics' related information shows.
const IDS = new Map(FILES);
IDS.set(
  REGISTRY('alice_copy'),
  'WORKSPACE_METADATA = {"developer_id": "alice", "version": "2.0.0"}\nLOCAL_STEPS = {\n    "CopyOnly": {"sagemaker_step_type": "Utility", "description": "d"},\n}\n',
);
IDS.set(
  REGISTRY('zz_alice'),
  '# The last in path order.\nWORKSPACE_METADATA = {\n    "developer_id": "nobody",\n    "developer_id": "alice",\n}\nLOCAL_STEPS = {"AliceOnly": {"description": "alice\'s name again (RL002)"}}\n',
);

describe('lsp: open files first', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it("publishes a workspace registry only once what it reads last in the walk is analysed, and core's unit after it", async () => {
    const { client, pub: alice, final } = await openedFirst(LATE, ALICE);
    c = client;
    assert.deepEqual(alice.lists[0], final, 'the first list published is the final one');
    const late = final.filter((d) => said(d).includes("'Late'") || said(d).includes('LateStepBuilder'));
    assert.deepEqual(
      late.map((d) => d.code),
      ['RL002'],
      "zzz's registry was read, and core's last module",
    );
    const core = publications(client, CORE_REGISTRY);
    assert.ok(core.first > alice.first, "core's registry follows the open workspace registry");
    assert.ok(
      (client.diagnostics.get(client.uri(CORE_REGISTRY)) ?? []).some(
        (d) => d.code === 'RL005' && said(d).includes('OrphanStepBuilder'),
      ),
      "core's unit ran",
    );
  });

  it("runs core's unit first when the core registry is open", async () => {
    const { client, pub: core, final } = await openedFirst(LATE, CORE_REGISTRY);
    c = client;
    assert.deepEqual(core.lists[0], final, 'the first list published is the final one');
    assert.ok(final.some((d) => d.code === 'RL005' && said(d).includes('OrphanStepBuilder')));
    assert.ok(
      core.all.slice(0, core.first).every((p) => p.uri !== client.uri(ALICE)),
      "the core registry comes before the workspaces' registries",
    );
  });

  it('publishes a registry whose id and step names other workspaces share with its final related information first', async () => {
    const { client, pub: alice, final } = await openedFirst(IDS, ALICE);
    c = client;
    assert.deepEqual(alice.lists[0], final, 'the first list published is the final one, related information included');
    assert.ok(
      alice.all.slice(0, alice.first).every((p) => p.diagnostics.length === 0),
      "no other file's diagnostics come first",
    );
    const rl015 = final.find((d) => d.code === 'RL015');
    assert.ok(
      rl015 && said(rl015).includes('alice_copy') && said(rl015).includes('zz_alice'),
      `RL015: ${rl015 && said(rl015)}`,
    );
    assert.deepEqual(
      rl015.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [
        [client.uri(REGISTRY('alice_copy')), 0],
        [client.uri(REGISTRY('zz_alice')), 3],
      ],
      "each other registry's id, where it stands",
    );
    const shared = final
      .filter((d) => d.code === 'RL002')
      .map((d) => [said(d), d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])]);
    assert.deepEqual(shared, [
      ["Step 'Shared' is also defined locally in workspace 'bob'", [[client.uri(REGISTRY('bob')), 2]]],
      ["Step 'AliceOnly' is also defined locally in workspace 'alice'", [[client.uri(REGISTRY('zz_alice')), 5]]],
    ]);
  });

  it('publishes the final diagnostics of a registry opened right after initialized before any other file', async () => {
    const {
      client,
      pub: { all: published, first, lists },
      final,
    } = await openedFirst(SPREAD, ALICE);
    c = client;
    const alice = client.uri(ALICE);
    assert.ok(first >= 0, "alice's registry was published");
    assert.deepEqual(lists[0], final, 'the first list published is the final one');
    assert.deepEqual(
      final.map((d) => d.code).sort(),
      ['RL002', 'RL006'],
      'the final list reads the other registries and the components',
    );
    const others = published.map((p, i) => ({ p, i })).filter(({ p }) => p.uri !== alice);
    assert.ok(
      others.some(({ p }) => p.diagnostics.length > 0),
      'other files have diagnostics',
    );
    assert.ok(
      others.every(({ i }) => i > first),
      `published before alice's registry: ${others
        .filter(({ i }) => i < first)
        .map(({ p }) => p.uri)
        .join(', ')}`,
    );
    const { server, fresh } = againstFresh(client);
    assert.deepEqual(
      server,
      fresh,
      "the rest of the folder, listed after alice's registry was analysed, ends as a fresh analysis",
    );
    assert.ok(
      Object.keys(server).some((f) => f.endsWith('_meta.yaml')) &&
        Object.keys(server).some((f) => f.endsWith('registry.yaml')),
      "the unlisted directories' problems are there",
    );
  });
});

// The same promise whatever the step budget (0: one unit per step, as a busy machine gives with the
// default) and whatever the analysis finds it must read: an id map's targets are read only once
// apcore.yaml names the extension root.
const APCORE = parseFixture(`
  //- /apcore.yaml
  extensions:
    roots:
      - ext
  id_map: id_map.yaml
  //- /id_map.yaml
  mappings:
    - file: ext/b.py
      id: ext.a
  //- /ext/a.py
  class Ma:
      description = "a"
      input_schema = 1
      output_schema = 2
      def execute(self, inputs, context):
          return None
  //- /ext/b.py
  class Mb:
      description = "b"
      input_schema = 1
      output_schema = 2
      def execute(self, inputs, context):
          return None
`).files;

// Two steps sharing a config class (RL011), one whose builder and config no module defines (RL005,
// RL006): core's unit reports them, after the registry's own.
const CORE_ONLY = parseFixture(`
  //- /src/pkg/registry/step_names.py
  STEP_NAMES = {
      "Alpha": {
          "spec_type": "Alpha", "config_class": "SharedConfig", "builder_step_name": "AlphaStepBuilder",
          "sagemaker_step_type": "Processing", "description": "a",
      },
      "Beta": {
          "spec_type": "Beta", "config_class": "SharedConfig", "builder_step_name": "BetaStepBuilder",
          "sagemaker_step_type": "Processing", "description": "b",
      },
      "Gamma": {
          "spec_type": "Gamma", "config_class": "GammaConfig", "builder_step_name": "GammaStepBuilder",
          "sagemaker_step_type": "Processing", "description": "g",
      },
  }
  //- /src/pkg/steps/builders/builder_alpha_step.py
  class AlphaStepBuilder:
      pass
  //- /src/pkg/steps/builders/builder_beta_step.py
  class BetaStepBuilder:
      pass
  //- /src/pkg/steps/configs/config_shared_step.py
  class SharedConfig:
      pass
`).files;

describe('lsp: open files first, whatever the step budget', () => {
  let c: TestClient | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  /** `rel`'s publications hold one list, the final one, and the server ends as a fresh analysis. */
  function finalFirst(client: TestClient, pub: ReturnType<typeof publications>, final: Diagnostic[]): void {
    assert.ok(pub.lists.length > 0, 'published');
    const codes = JSON.stringify(pub.lists.map((l) => l.map((d) => d.code)));
    const same = pub.lists.every((l) => JSON.stringify(l) === JSON.stringify(final));
    assert.ok(same, `every list published is the final one: ${codes}`);
    const { server, fresh } = againstFresh(client);
    assert.deepEqual(server, fresh);
  }

  for (const [budget, options] of [
    ['the default step', {}],
    ['one unit per step', { analysisStepMs: 0 }],
  ] as const) {
    it(`${budget}: publishes an id map opened at start once its targets are read (no RL029 for one unread)`, async () => {
      const { client, pub, final } = await openedFirst(APCORE, 'id_map.yaml', options);
      c = client;
      finalFirst(client, pub, final);
      assert.deepEqual(final, [], 'ext/b.py exists');
    });

    it(`${budget}: publishes a core registry opened at start with core's unit's errors`, async () => {
      const rel = 'src/pkg/registry/step_names.py';
      const { client, pub, final } = await openedFirst(CORE_ONLY, rel, options);
      c = client;
      finalFirst(client, pub, final);
      assert.deepEqual(final.map((d) => d.code).sort(), ['RL005', 'RL006', 'RL011', 'RL011']);
    });

    it(`${budget}: publishes a workspace registry and the core registry opened at start once, final`, async () => {
      for (const rel of [ALICE, CORE_REGISTRY]) {
        const { client, pub, final } = await openedFirst(LATE, rel, options);
        c = client;
        finalFirst(client, pub, final);
        assert.ok(final.length > 0);
        await client.stop();
        c = undefined;
      }
    });
  }
});
