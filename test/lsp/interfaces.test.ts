// Interface-first cursus over LSP: hover, definition, rename and completion across `*.step.yaml`
// interfaces and a workspace's `workspace_registry.py`, with the exact ranges and URIs the client needs.
import { strict as assert } from 'node:assert';
import type { CompletionItem, Diagnostic, Hover, Location, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseFixture, type Annotation } from '../engine/fixture';
import { show, TestClient, writeFile } from './client';

const IFACES = 'src/cursus/steps/interfaces';
const PREP = `${IFACES}/tabular_preprocessing.step.yaml`;
const TRAIN = `${IFACES}/xgboost_training.step.yaml`;
const ALICE = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';

const FIXTURE = parseFixture(`
  //- /src/cursus/registry/interface_registry_loader.py
  _EXTRAS = {"Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "Base"}}
  //- /${PREP}
  step_type: TabularPreprocessing
  #          ^^^^^^^^^^^^^^^^^^^^ prep-step-type
  registry:
    sagemaker_step_type: Processing
    description: Preprocesses tables
  contract:
    entry_point: tabular_preprocessing.py
  //- /${TRAIN}
  step_type: XGBoostTraining
  registry:
    sagemaker_step_type: Training
    description: Trains XGBoost
  contract:
    entry_point: xgboost_training.py
  spec:
    dependencies:
      input_path:
        type: training_data
        compatible_sources: [TabularPreprocessing, DataLoad]
  #                          ^^^^^^^^^^^^^^^^^^^^ train-source
  //- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
  class TabularPreprocessingConfig:
      pass
  //- /src/cursus/steps/configs/config_xgboost_training_step.py
  class XGBoostTrainingConfig:
      pass
  //- /src/cursus/steps/scripts/tabular_preprocessing.py
  def main():
      pass
  //- /src/cursus/steps/scripts/xgboost_training.py
  def main():
      pass
  //- /${ALICE}
  STEP_OVERRIDES = {
      "TabularPreprocessing": {"sagemaker_step_type": "Processing", "description": "Alice's preprocessing"},
  #   ^^^^^^^^^^^^^^^^^^^^^^ alice-override-key
  }
  WORKSPACE_METADATA = {"developer_id": "alice"}
`);

function range(label: string): Range {
  const found: Annotation | undefined = FIXTURE.annotations.find((a) => a.label === label);
  if (!found) throw new Error(`no annotation '${label}'`);
  return found.range;
}
const inside = (r: Range, by = 1): Range => ({
  start: { line: r.start.line, character: r.start.character + by },
  end: { line: r.end.line, character: r.end.character - by },
});

describe('lsp: interface-first cursus (*.step.yaml)', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
    await c.diagnosticsOf(TRAIN, 'initial analysis', (ds: Diagnostic[]) => ds.some((d) => d.code === 'RL018'));
  });
  afterEach(() => c.stop());

  it('publishes the interface diagnostics of unopened files (RL018 hint on an unknown compatible source)', async () => {
    const ds = await c.diagnosticsOf(TRAIN, 'RL018', (x: Diagnostic[]) => x.length > 0);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity]),
      [['RL018', 4]],
    );
  });

  it('hover on a compatible_sources name shows the step; on an interface key, its schema description', async () => {
    const src = range('train-source');
    const h = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(TRAIN) },
      position: src.start,
    });
    assert.match((h.contents as { value: string }).value, /^\*\*TabularPreprocessing\*\* · `core`/);
    assert.equal(show(h.range ?? src), show(src));
    const key = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(TRAIN) },
      position: { line: 5, character: 3 },
    });
    assert.match((key.contents as { value: string }).value, /\*\*entry_point\*\*/);
  });

  it('definition from a STEP_OVERRIDES key goes to the step_type of the core interface', async () => {
    const key = range('alice-override-key');
    const defs = await c.request<Location[]>('textDocument/definition', {
      textDocument: { uri: c.uri(ALICE) },
      position: { line: key.start.line, character: key.start.character + 3 },
    });
    assert.deepEqual(defs, [{ uri: c.uri(PREP), range: range('prep-step-type') }]);
  });

  it('rename from a compatible_sources name edits the interface, the other interface and workspace_registry.py', async () => {
    const src = range('train-source');
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: c.uri(TRAIN) },
      position: src.start,
      newName: 'TablePrep',
    });
    const docs = (edit.documentChanges ?? []) as {
      textDocument: { uri: string };
      edits: { range: Range; newText: string }[];
    }[];
    const changes = docs.map((d) => [d.textDocument.uri, d.edits.map((e) => `${show(e.range)} ${e.newText}`)]).sort();
    assert.deepEqual(
      changes,
      [
        [c.uri(ALICE), [`${show(inside(range('alice-override-key')))} TablePrep`]],
        [c.uri(PREP), [`${show(range('prep-step-type'))} TablePrep`]],
        [c.uri(TRAIN), [`${show(src)} TablePrep`]],
      ].sort(),
    );
  });

  it('completion offers step names in compatible_sources and scripts for contract.entry_point', async () => {
    const text = FIXTURE.files.get(TRAIN) ?? '';
    await c.open(TRAIN, text);
    const src = range('train-source');
    const items = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: c.uri(TRAIN) },
      position: src.start,
    });
    for (const n of ['TabularPreprocessing', 'XGBoostTraining', 'Base'])
      assert.ok(
        items.some((i) => i.label === n),
        `${n} in ${items.map((i) => i.label).join(', ')}`,
      );
    await c.change(TRAIN, { start: { line: 5, character: 15 }, end: { line: 5, character: 34 } }, '');
    const scripts = await c.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: c.uri(TRAIN) },
      position: { line: 5, character: 15 },
    });
    assert.deepEqual(scripts.map((i) => i.label).sort(), ['tabular_preprocessing.py', 'xgboost_training.py']);
  });
});

/** cursus >= 2.5.1 (its builder discovery only synthesizes): a workspace row no interface defines (RL034). */
const AUDIT_IFACE = 'developer_workspaces/developers/alice/src/cursus_dev/steps/interfaces/feature_audit.step.yaml';
const SYNTHESIS = parseFixture(`
  //- /src/cursus/registry/interface_registry_loader.py
  _EXTRAS = {}
  //- /src/cursus/step_catalog/builder_discovery.py
  class BuilderAutoDiscovery:
      def _synthesize_builder(self, step_name):
          return type(f"{step_name}StepBuilder", (TemplateStepBuilder,), {"STEP_NAME": step_name})
  //- /${ALICE}
  LOCAL_STEPS = {
      "FeatureAudit": {"sagemaker_step_type": "Processing", "description": "Audits features"},
  #   ^^^^^^^^^^^^^^ audit-key
  }
  WORKSPACE_METADATA = {"developer_id": "alice"}
  //- /developer_workspaces/developers/alice/src/cursus_dev/steps/scripts/feature_audit.py
  def main():
      pass
`);

describe('lsp: a cursus 2.x step without its interface (RL034)', () => {
  let c: TestClient;
  beforeEach(async () => {
    c = await TestClient.start(SYNTHESIS.files);
  });
  afterEach(() => c.stop());

  it('the quick fix creates the interface; once it exists the step has its synthesized builder', async () => {
    const key = SYNTHESIS.annotations.find((a) => a.label === 'audit-key')?.range as Range;
    const ds = await c.diagnosticsOf(ALICE, 'RL034', (x: Diagnostic[]) => x.some((d) => d.code === 'RL034'));
    assert.deepEqual(
      ds.map((d) => [d.code, show(d.range)]),
      [['RL034', show(key)]],
    );
    const actions = await c.request<
      {
        title: string;
        isPreferred?: boolean;
        edit: { documentChanges: ({ kind?: string; uri?: string } & { edits?: { newText: string }[] })[] };
      }[]
    >('textDocument/codeAction', { textDocument: { uri: c.uri(ALICE) }, range: key, context: { diagnostics: ds } });
    const fix = actions.find((a) => a.title === `Create interface ${AUDIT_IFACE}`);
    assert.ok(fix?.isPreferred, actions.map((a) => a.title).join(' | '));
    const [create, write] = fix.edit.documentChanges;
    assert.deepEqual(create, { kind: 'create', uri: c.uri(AUDIT_IFACE), options: { ignoreIfExists: true } });
    const stub = write?.edits?.[0]?.newText ?? '';
    assert.ok(
      stub.startsWith(
        'step_type: FeatureAudit\nnode_type: internal\nregistry:\n  sagemaker_step_type: Processing\n  description: Audits features\n',
      ),
      stub,
    );

    writeFile(c.root, AUDIT_IFACE, stub);
    await c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: c.uri(AUDIT_IFACE), type: 1 }] });
    await c.diagnosticsOf(ALICE, 'RL034 cleared', (x: Diagnostic[]) => x.length === 0);
    const h = await c.request<Hover>('textDocument/hover', {
      textDocument: { uri: c.uri(ALICE) },
      position: key.start,
    });
    assert.match(
      (h.contents as { value: string }).value,
      /builder: `FeatureAuditStepBuilder` \(`developer_workspaces\/.*feature_audit\.step\.yaml:1`, synthesized from the interface, a subclass of `TemplateStepBuilder`, by `src\/cursus\/step_catalog\/builder_discovery\.py`\)/,
    );
  });
});
