// Pipeline DAG files over LSP: the server reads `*.dag.json` from disk, publishes what `cursus dag
// validate` reports, and a rename of a step started in its interface rewrites the DAG nodes naming it.
import { strict as assert } from 'node:assert';
import type { Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseFixture } from '../engine/fixture';
import { show, TestClient } from './client';

const TRAIN = 'src/cursus/steps/interfaces/xgboost_training.step.yaml';
const DAG = 'projects/p/training.dag.json';

const FIXTURE = parseFixture(`
  //- /src/cursus/registry/interface_registry_loader.py
  _EXTRAS = {"Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "Base"}}
  //- /src/cursus/step_catalog/builder_discovery.py
  class BuilderAutoDiscovery:
      def _synthesize_builder(self, step_name):
          pass
  //- /${TRAIN}
  step_type: XGBoostTraining
  registry:
    sagemaker_step_type: Training
    description: Trains XGBoost
  contract:
    entry_point: null
  spec: {}
  //- /${DAG}
  {"dag": {"nodes": ["XGBoostTraining_main", "XGBoostTrainng"], "edges": [["XGBoostTraining_main", "XGBoostTrainng"]]}}
`);

describe('lsp: pipeline DAG files (*.dag.json)', () => {
  let c: TestClient;
  beforeEach(async () => { c = await TestClient.start(FIXTURE.files); });
  afterEach(() => c.stop());

  it('publishes a DAG\'s findings from disk, and renaming the step in its interface rewrites the DAG\'s nodes', async () => {
    const ds = await c.diagnosticsOf(DAG, 'RL039', (x: Diagnostic[]) => x.some((d) => d.code === 'RL039'));
    assert.deepEqual(ds.map((d) => d.code), ['RL039']);
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: c.uri(TRAIN) }, position: { line: 0, character: 14 }, newName: 'XGBTrain' });
    const docs = (edit.documentChanges ?? []) as { textDocument: { uri: string }; edits: { range: Range; newText: string }[] }[];
    const dag = docs.find((d) => d.textDocument.uri === c.uri(DAG));
    assert.deepEqual(dag?.edits.map((e) => `${show(e.range)} ${e.newText}`).sort(), ['0:20-0:35 XGBTrain', '0:74-0:89 XGBTrain']);
  });
});
