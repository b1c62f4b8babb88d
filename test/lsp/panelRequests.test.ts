// The requests behind the client's status items, the Overview webview and "New Developer Workspace":
// contexts tell a file's workspace apart when two declare one id, overview problems carry their
// severity, registryLens/graph returns the context's steps with the dependency cycle, and
// registryLens/newWorkspace writes cursus's own workspace files, never over an existing file.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import type { FolderContexts, FolderOverview, GraphView, NewWorkspaceResult } from '../../server/src/lsp/protocol';
import { parseFixture } from '../engine/fixture';
import { TestClient } from './client';

const DEV = 'developer_workspaces/developers';
const B = 'src/cursus/steps/builders';
const reg = (dir: string): string => `${DEV}/${dir}/src/cursus_dev/registry/workspace_registry.py`;
const FIXTURE = parseFixture(`
  //- /src/cursus/registry/step_names.py
  STEP_NAMES = {
      "Alpha": {"builder_step_name": "AlphaStepBuilder", "sagemaker_step_type": "Utility", "description": "a"},
      "Beta": {"builder_step_name": "BetaStepBuilder", "sagemaker_step_type": "Utility", "description": "b"},
  }
  //- /${B}/builder_alpha_step.py
  class AlphaStepBuilder:
      pass
  //- /${B}/builder_beta_step.py
  class BetaStepBuilder:
      pass
  //- /${B}/builder_alpha_step_meta.yaml
  dependencies:
    - module_id: Beta
  //- /${B}/builder_beta_step_meta.yaml
  dependencies:
    - module_id: Alpha
  //- /${reg('alice_ml')}
  LOCAL_STEPS = {"Gamma": {"sagemaker_step_type": "Utility", "description": "g", "builder_step_name": "AlphaStepBuilder"}}
  WORKSPACE_METADATA = {"developer_id": "alice_ml"}
  //- /${reg('aaron_dup')}
  STEP_OVERRIDES = {"Beta": {"sagemaker_step_type": "Utility", "description": "d", "builder_step_name": "BetaStepBuilder"}}
  LOCAL_STEPS = {"Alpha": {"sagemaker_step_type": "Utility", "description": "shadows core", "builder_step_name": "AlphaStepBuilder"}}
  WORKSPACE_METADATA = {"developer_id": "alice_ml"}
`);

describe('lsp: status, overview, graph and new-workspace requests', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(FIXTURE.files);
    await c.diagnosticsOf(reg('aaron_dup'), 'RL015', (ds) => ds.some((d) => d.code === 'RL015'));
  });
  after(() => c.stop());

  it('contexts name the directory of the file, so two workspaces with one id stay apart', async () => {
    const [f] = await c.request<FolderContexts[]>('registryLens/contexts', { uri: c.uri(reg('aaron_dup')) });
    // The engine names the workspace that loses a repeated id (cursus keeps the one loaded last) `id@dir`, so each stays a context of its own.
    assert.equal(f?.current, `alice_ml@${DEV}/aaron_dup`);
    assert.equal(f?.currentDir, `${DEV}/aaron_dup`);
    assert.deepEqual(
      f?.contexts.map((x) => [x.id, x.dir]),
      [
        ['core', null],
        [`alice_ml@${DEV}/aaron_dup`, `${DEV}/aaron_dup`],
        ['alice_ml', `${DEV}/alice_ml`],
      ],
    );
  });

  it('overview conflicts carry their own severity (a warning is not an error)', async () => {
    const [o] = await c.request<FolderOverview[]>('registryLens/overview', {});
    const bySeverity = Object.fromEntries((o?.conflicts ?? []).map((p) => [p.code, p.severity]));
    assert.equal(bySeverity['RL015'], 'error');
    assert.equal(bySeverity['RL003'], 'warning');
    assert.equal(bySeverity['RL023'], 'error');
    assert.ok((o?.conflicts ?? []).every((p) => ['error', 'warning', 'information', 'hint'].includes(p.severity)));
  });

  it('registryLens/graph: the context of the file, its steps with URIs, the cycle flagged', async () => {
    const g = await c.request<GraphView>('registryLens/graph', { uri: c.uri(reg('alice_ml')) });
    assert.equal(g.context, 'alice_ml');
    assert.deepEqual(
      g.cycles.map((cy) => [...cy].sort()),
      [['Alpha', 'Beta']],
    );
    assert.ok(g.nodes.filter((n) => n.cycle).every((n) => n.uri?.startsWith('file://')));
    assert.deepEqual(g.steps.map((s) => s.name).sort(), ['Alpha', 'Beta', 'Gamma']);
    // Each with its SageMaker step type: the column cursus adds to `list`.
    assert.deepEqual(
      g.steps.map((s) => s.sagemakerStepType),
      ['Utility', 'Utility', 'Utility'],
    );
    const core = await c.request<GraphView>('registryLens/graph', {});
    assert.equal(core.context, 'core');
  });

  it("registryLens/newWorkspace writes cursus's template, refuses a used id, and the template's step is reported without its components", async () => {
    const r = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', { id: 'erin', template: 'standard' });
    assert.equal(r.error, undefined);
    assert.equal(r.registry, c.uri(reg('erin')));
    // cursus's files only (cli/registry_cli.py _create_workspace_structure and the rest): no component stubs
    assert.ok(r.created.includes(c.uri(`${DEV}/erin/src/cursus_dev/steps/builders/__init__.py`)));
    assert.ok(r.created.includes(c.uri(`${DEV}/erin/examples/example_custom_step_config.py`)));
    assert.ok(!r.created.some((u) => /builder_custom|config_custom/.test(u)));
    assert.match(readFileSync(c.abs(reg('erin')), 'utf8'), /LOCAL_STEPS = \{\n {4}"CustomProcessingStep": \{\n/);
    for (const u of r.created) await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: u, type: 1 }] });
    const [f] = await c.request<FolderContexts[]>('registryLens/contexts', { uri: c.uri(reg('erin')) });
    assert.equal(f?.current, 'erin');
    // as cursus's step catalog finds no builder for it (step_catalog.py:590 in cursus 1.10.0)
    const ds = await c.diagnosticsOf(reg('erin'), 'RL005 and RL006', (d) => d.length >= 2);
    assert.deepEqual(ds.map((d) => d.code).sort(), ['RL005', 'RL006']);
    const again = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', {
      id: 'alice_ml',
      template: 'minimal',
    });
    assert.match(again.error ?? '', /already used/);
    assert.ok(!existsSync(c.abs(`${DEV}/alice_ml/README.md`)));
  });
});

describe('lsp: new workspace in a cursus 2.x (interface-first) folder', () => {
  let c: TestClient;
  before(async () => {
    c = await TestClient.start(
      new Map([
        [
          'src/cursus/registry/step_names.py',
          'STEP_NAMES = {\n    "Tab": {"config_class": "TabConfig", "spec_type": "Tab", "sagemaker_step_type": "Utility", "description": "t"},\n}\n',
        ],
        [
          'src/cursus/steps/interfaces/tab.step.yaml',
          'step_type: Tab\nregistry:\n  sagemaker_step_type: Utility\n  description: t\n',
        ],
        ['src/cursus/steps/configs/config_tab_step.py', 'class TabConfig:\n    pass\n'],
      ]),
    );
    await c.request('registryLens/contexts', {});
  });
  after(() => c.stop());

  it('lays the workspace out as cursus 2.x does (steps/interfaces, no builders), and the minimal template adds no diagnostic', async () => {
    const before = await c.request<FolderOverview[]>('registryLens/overview', {});
    const r = await c.request<NewWorkspaceResult>('registryLens/newWorkspace', { id: 'ivy', template: 'minimal' });
    assert.equal(r.error, undefined);
    assert.ok(r.created.includes(c.uri(`${DEV}/ivy/src/cursus_dev/steps/interfaces/__init__.py`)));
    assert.ok(!r.created.some((u) => u.includes('/steps/builders/')));
    for (const u of r.created) await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: u, type: 1 }] });
    const [after] = await c.request<FolderOverview[]>('registryLens/overview', {});
    assert.deepEqual(
      after?.contexts.map((x) => x.id),
      ['core', 'ivy'],
    );
    assert.equal(after?.summary.errors, before[0]?.summary.errors);
    assert.equal(after?.summary.warnings, before[0]?.summary.warnings);
  });
});
