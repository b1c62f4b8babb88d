// Pipeline DAG files over LSP: the server reads `*.dag.json` from disk (or an open DAG's text: the client
// follows JSON documents under those names), publishes what `cursus dag validate` reports, a rename of a step started in its interface rewrites the DAG nodes naming it, and the
// graph request for a DAG's URI answers that DAG's graph (the example's, as cursus builds it).
import { strict as assert } from 'node:assert';
import type { Diagnostic, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { GraphView } from '../../server/src/lsp/protocol';
import { parseFixture } from '../engine/fixture';
import { loadExample } from '../engine/randomEdits';
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
  beforeEach(async () => {
    c = await TestClient.start(FIXTURE.files);
  });
  afterEach(() => c.stop());

  it("publishes a DAG's findings from disk, and renaming the step in its interface rewrites the DAG's nodes", async () => {
    const ds = await c.diagnosticsOf(DAG, 'RL039', (x: Diagnostic[]) => x.some((d) => d.code === 'RL039'));
    assert.deepEqual(
      ds.map((d) => d.code),
      ['RL039'],
    );
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: c.uri(TRAIN) },
      position: { line: 0, character: 14 },
      newName: 'XGBTrain',
    });
    const docs = (edit.documentChanges ?? []) as {
      textDocument: { uri: string };
      edits: { range: Range; newText: string }[];
    }[];
    const dag = docs.find((d) => d.textDocument.uri === c.uri(DAG));
    assert.deepEqual(dag?.edits.map((e) => `${show(e.range)} ${e.newText}`).sort(), [
      '0:20-0:35 XGBTrain',
      '0:74-0:89 XGBTrain',
    ]);
  });

  it('an open DAG is its unsaved text: its findings, hover on a node, and its graph follow the editor', async () => {
    await c.diagnosticsOf(DAG, 'RL039', (x: Diagnostic[]) => x.some((d) => d.code === 'RL039'));
    // the typo fixed in the editor, not saved
    await c.open(
      DAG,
      '{"dag": {"nodes": ["XGBoostTraining_main", "XGBoostTraining"], "edges": [["XGBoostTraining_main", "XGBoostTraining"]]}}',
    );
    const fixed = await c.diagnosticsOf(DAG, 'no RL039', (x: Diagnostic[]) => !x.some((d) => d.code === 'RL039'));
    assert.deepEqual(
      fixed.filter((d) => d.severity === 1),
      [],
    );
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri: c.uri(DAG) },
      position: { line: 0, character: 46 },
    });
    assert.match(hover?.contents.value ?? '', /XGBoostTraining/);
    const g = await c.request<GraphView>('registryLens/graph', { uri: c.uri(DAG) });
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.source, n.step ?? null]),
      [
        ['XGBoostTraining_main', 'core', 'XGBoostTraining'],
        ['XGBoostTraining', 'core', null],
      ],
    );
  });

  it("registryLens/graph for a DAG's URI: the example's DAG: nodes resolved or not, edges", async () => {
    const e = await TestClient.start(loadExample('cursus-pipelines'));
    try {
      const fraud = 'projects/fraud/fraud_e2e.dag.json';
      await e.diagnosticsOf(fraud, 'RL039', (x: Diagnostic[]) => x.some((d) => d.code === 'RL039'));
      const g = await e.request<GraphView>('registryLens/graph', { uri: e.uri(fraud) });
      assert.deepEqual(g.file, { path: fraud, uri: e.uri(fraud) });
      assert.equal(g.context, 'core');
      assert.deepEqual(g.steps, []);
      const iface = (f: string): string => e.uri(`src/cursus/steps/interfaces/${f}.step.yaml`);
      // the project's step pack redefines TabularPreprocessing (RL063): its row is the one cursus merges
      const pack = e.uri('projects/fraud/step_pack/interfaces/tabular_preprocessing.step.yaml');
      assert.deepEqual(
        g.nodes.map((n) => [n.id, n.source, n.step ?? null, n.uri, n.cycle]),
        [
          ['CradleDataLoading_training', 'core', 'CradleDataLoading', iface('cradle_data_loading'), false],
          ['TabularPreprocessing_training', 'core', 'TabularPreprocessing', pack, false],
          ['HyperparameterPrep', 'core', null, e.uri('src/cursus/registry/interface_registry_loader.py'), false],
          ['XGBoostTrainng', 'unresolved', null, null, false],
          ['XGBoostModelEval_calibration', 'core', 'XGBoostModelEval', iface('xgboost_model_eval'), true],
          ['ModelCalibration_calibration', 'core', 'ModelCalibration', iface('model_calibration'), true],
          ['Registration', 'core', null, iface('registration'), false],
          ['TabularPreprocessing_validation', 'core', 'TabularPreprocessing', pack, false],
          ['TabularPreprocesing_calibration', 'unresolved', null, null, false],
        ],
      );
      assert.deepEqual(
        g.edges.map((x) => `${x.from} -> ${x.to}${x.cycle ? ' (cycle)' : ''}`),
        [
          'CradleDataLoading_training -> TabularPreprocessing_training',
          'TabularPreprocessing_training -> XGBoostTrainng',
          'HyperparameterPrep -> XGBoostTrainng',
          'XGBoostTrainng -> XGBoostModelEval_calibration',
          'TabularPreprocessing_training -> TabularPreprocesing_calibration',
          'XGBoostModelEval_calibration -> ModelCalibration_calibration (cycle)',
          'ModelCalibration_calibration -> XGBoostModelEval_calibration (cycle)',
          'ModelCalibration_calibration -> Registration',
        ],
      );
      assert.ok(g.edges.every((x) => x.kind === 'flow' && x.file === fraud));
      assert.equal(g.cycles.length, 1);
      // a context picked in the graph's picker wins over the DAG; a file that declares no graph gets its context's
      const picked = await e.request<GraphView>('registryLens/graph', { uri: e.uri(fraud), context: 'core' });
      assert.equal(picked.file, undefined);
      assert.ok(picked.steps.length > 0);
      const other = await e.request<GraphView>('registryLens/graph', { uri: iface('registration') });
      assert.equal(other.file, undefined);
    } finally {
      await e.stop();
    }
  });
});
