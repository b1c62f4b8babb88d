// The pipeline DAG family (cursus 2.x `*.dag.json` and the shared DAG catalogue): what `cursus dag
// validate` reports on the node or edge, nodes resolved to steps by cursus's suffix fallback, and the
// editor features that make a node a reference to its step (rename included). Expected findings were
// checked against cursus 2.9.32's own `validate_dag_integrity()` on the same node names.
import { strict as assert } from 'node:assert';
import {
  analyze,
  applyEdits,
  checkCompletion,
  checkDefinition,
  checkDiagnostics,
  checkHover,
  checkReferences,
} from './helpers';

const DAG_CODES = ['RL035', 'RL036', 'RL037', 'RL038', 'RL039', 'RL060', 'RL061', 'RL062'];

/** An interface-first core (2.5.1 on: builders only synthesized): `_EXTRAS` (HyperparameterPrep is `Lambda`), two interfaces. */
const CORE = `
//- /src/cursus/step_catalog/builder_discovery.py
class BuilderAutoDiscovery:
    def _synthesize_builder(self, step_name):
        pass
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
    "HyperparameterPrep": {"config_class": "HyperparameterPrepConfig", "builder_step_name": "HyperparameterPrepStepBuilder", "spec_type": "HyperparameterPrep", "sagemaker_step_type": "Lambda", "description": "Hyperparameters"},
}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
  description: Preprocesses tables
contract:
  entry_point: null
spec: {}
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Training
  description: Trains XGBoost
contract:
  entry_point: null
spec: {}
`;

const STRATEGIES = `
//- /src/cursus/core/base/builder_templates.py
@register_strategy(axis="step_assembly", name="code")
class ProcessingCodeHandler:
    pass

@register_strategy(
    axis="sagemaker_step_type",
    name="Training",
)
class TrainingHandler:
    pass
`;

describe('pipeline DAG files (cursus dag validate)', () => {
  it('reports cycles, undeclared edge endpoints, isolated nodes, unknown steps and missing components on their node or edge', async () => {
    await checkDiagnostics(
      `${CORE}${STRATEGIES}
//- /projects/p/e2e.dag.json
{"dag": {
  "nodes": ["TabularPreprocessing_training", "XGBoostTrainng", "HyperparameterPrep", "Lone_node", "TabularPreprocessing_a_b",
  #                                          ^^^^^^^^^^^^^^^^ RL039 Did you mean 'XGBoostTraining'
  #                                                            ^^^^^^^^^^^^^^^^^^^^ RL060 ['builder', 'contract', 'spec']
  #                                                                                  ^^^^^^^^^^^ RL039
  #                                                                                  ^^^^^^^^^^^ RL038 Node has no connections
  #                                                                                               ^^^^^^^^^^^^^^^^^^^^^^^^^^ RL060 ['builder']
    "tabular_preprocessing", "XGBoostTraining_x", "Processing"],
    ^^^^^^^^^^^^^^^^^^^^^^^ RL060 ['builder']
    #                                             ^^^^^^^^^^^^ RL060 ['contract', 'spec']
  "edges": [["TabularPreprocessing_training", "XGBoostTrainng"], ["HyperparameterPrep", "XGBoostTrainng"],
    ["XGBoostTrainng", "TabularPreprocesing_x"], ["TabularPreprocessing_a_b", "tabular_preprocessing"],
    #                  ^^^^^^^^^^^^^^^^^^^^^^^ RL037 non-existent destination node
    #                                             ^^^^^^^^^^^^^^^^^^^^^^^^^^ RL036 Cycle detected: TabularPreprocessing_a_b -> tabular_preprocessing -> XGBoostTraining_x
    ["tabular_preprocessing", "XGBoostTraining_x"], ["XGBoostTraining_x", "TabularPreprocessing_a_b"],
    ["Processing", "XGBoostTraining_x"]]
}}
`,
      {},
      { only: DAG_CODES },
    );
  });

  it('takes every type to route when the repository has no build strategies (no builder_templates.py)', async () => {
    await checkDiagnostics(
      `${CORE}
//- /p.dag.json
{"dag": {"nodes": ["HyperparameterPrep", "XGBoostTraining_training"], "edges": [["HyperparameterPrep", "XGBoostTraining_training"]]}}
#                  ^^^^^^^^^^^^^^^^^^^^ RL060 ['contract', 'spec']
`,
      {},
      { only: DAG_CODES },
    );
  });

  it("checks no step of a DAG in a tree without cursus's registry (cursus installed, not in the tree): only the graph", async () => {
    await checkDiagnostics(
      `
//- /pipelines/p.dag.json
{"dag": {"nodes": ["CradleDataLoading_training", "MyStep", "Lone"], "edges": [["CradleDataLoading_training", "MyStep"]]}}
#                                                          ^^^^^^ RL038
`,
      {},
      { only: DAG_CODES },
    );
  });

  it('before cursus 2.5.1 (builder files discovered) reports only a node no step or `_`-prefix names: its `dag validate` had no suffix fallback', async () => {
    // cursus 1.10.0 (94cc73c2) run on its shared DAGs: `missing_steps` for every suffixed node, of which the
    // compiler builds all but those naming no step at all (pytorch/tsa_complete_e2e.dag.json's TSATraining, …).
    await checkDiagnostics(
      `${CORE.replace('_synthesize_builder', '_scan_builder_directory')}
//- /p.dag.json
{"dag": {"nodes": ["TabularPreprocessing_training", "TSATraining", "TSAPreprocessing_training", "HyperparameterPrep"],
#                                                   ^^^^^^^^^^^^^ RL039 Step 'TSATraining' not found in catalog
#                                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL039 Step 'TSAPreprocessing_training' not found
  "edges": [["TabularPreprocessing_training", "TSAPreprocessing_training"], ["TSAPreprocessing_training", "TSATraining"],
    ["HyperparameterPrep", "TSATraining"]]}}
`,
      {},
      { only: DAG_CODES },
    );
  });

  it('reports a DAG cursus cannot load once, and nothing else in it', async () => {
    await checkDiagnostics(
      `${CORE}
//- /a.dag.json
{"version": "2.0", "dag": {"nodes": ["Nope"], "edges": []}}
#           ^^^^^ RL035 Unsupported version
//- /b.dag.json
{"dag": {"nodes": ["Nope"], "edges": [["Nope"]]}}
#                                     ^^^^^^^^ RL035 Invalid edge format
//- /c.dag.json
{"dag": {"nodes": ["Nope"], "edges": [],}}
#                                       ^ RL035 Invalid JSON
//- /d.dag.json
{"dag": {"nodes": ["Nope"]}}
#       ^ RL035 'dag.edges'
//- /e.dag.json
{"version": 1, "dag": {"nodes": ["TabularPreprocessing"], "edges": [["TabularPreprocessing", "TabularPreprocessing"]]}}
#                                                                    ^^^^^^^^^^^^^^^^^^^^^^ RL036 Cycle detected: TabularPreprocessing
`,
      {},
      { only: DAG_CODES },
    );
  });

  it('checks the shared catalogue index against its files: a missing file, an entry without path, a repeated id', async () => {
    await checkDiagnostics(
      `${CORE}
//- /src/cursus/pipeline_catalog/shared_dags/x/ok.dag.json
{"dag": {"nodes": ["TabularPreprocessing", "XGBoostTraining"], "edges": [["TabularPreprocessing", "XGBoostTraining"]]}}
//- /src/cursus/pipeline_catalog/shared_dags/catalog_index.json
{"dags": [
  {"id": "ok", "path": "x/ok.dag.json"},
  {"id": "gone", "path": "x/gone.dag.json"},
  #                      ^^^^^^^^^^^^^^^^^ RL061 FileNotFoundError
  {"id": "nopath"},
  #      ^^^^^^^^ RL061 no string 'path'
  {"id": "ok", "path": "x/ok.dag.json"}
  #      ^^^^ RL062 listed earlier
]}
`,
      {},
      { only: DAG_CODES },
    );
  });

  it('hover names the step a suffixed node resolves to; definition goes to its interface', async () => {
    await checkHover(
      `${CORE}
//- /p.dag.json
{"dag": {"nodes": ["TabularPreprocessing_trai$0ning"], "edges": []}}
`,
      ['step **TabularPreprocessing**', 'job type `training`', 'Preprocesses tables'],
    );
    await checkDefinition(`${CORE}
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
#          ^^^^^^^^^^^^^^^ def
registry:
  sagemaker_step_type: Training
  description: Trains XGBoost
contract:
  entry_point: null
spec: {}
//- /p.dag.json
{"dag": {"nodes": ["XGBoost$0Training_x"], "edges": []}}
`);
  });

  it('references of a step reach every DAG node and edge endpoint naming it', async () => {
    await checkReferences(`${CORE.replace('step_type: XGBoostTraining\n', '')}
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoost$0Training
#          ^^^^^^^^^^^^^^^ ref
registry:
  sagemaker_step_type: Training
  description: Trains XGBoost
contract:
  entry_point: null
spec: {}
//- /p.dag.json
{"dag": {"nodes": ["XGBoostTraining", "XGBoostTraining_eval", "TabularPreprocessing"],
#                  ^^^^^^^^^^^^^^^^^ ref
#                                     ^^^^^^^^^^^^^^^^^^^^^^ ref
  "edges": [["TabularPreprocessing", "XGBoostTraining"], ["XGBoostTraining", "XGBoostTraining_eval"]]}}
  #                                  ^^^^^^^^^^^^^^^^^ ref
  #                                                       ^^^^^^^^^^^^^^^^^ ref
  #                                                                          ^^^^^^^^^^^^^^^^^^^^^^ ref
`);
  });

  it('renaming a step rewrites the step part of every DAG node naming it, from the interface or from a node', async () => {
    const dag =
      '{"dag": {"nodes": ["XGBoostTraining", "XGBoostTraining_eval", "TabularPreprocessing_training"],\n' +
      '  "edges": [["TabularPreprocessing_training", "XGBoostTraining"], ["XGBoostTraining", "XGBoostTraining_eval"]]}}';
    const { engine, fx } = await analyze(`${CORE}
//- /p.dag.json
${dag}
`);
    const renamed = dag.replace(/XGBoostTraining/g, 'XGBTrain');
    for (const [file, line, character] of [
      ['src/cursus/steps/interfaces/xgboost_training.step.yaml', 0, 14],
      ['p.dag.json', 0, 45],
    ] as const) {
      const at = engine.prepareRename(file, { line, character });
      assert.equal(at?.placeholder, 'XGBoostTraining');
      const result = engine.rename(file, { line, character }, 'XGBTrain');
      const edits = result?.edits.find((e) => e.file === 'p.dag.json')?.edits ?? [];
      assert.equal(applyEdits(fx.files.get('p.dag.json') ?? '', edits), `${renamed}\n`);
      assert.ok(result?.edits.some((e) => e.file === 'src/cursus/steps/interfaces/xgboost_training.step.yaml'));
    }
  });

  it("completes step names and the DAG's nodes inside a node string, nothing in a key", async () => {
    await checkCompletion(
      `${CORE}
//- /p.dag.json
{"dag": {"nodes": ["TabularPreprocessing_training"], "edges": [["TabularPreprocessing_training", "XG$0"]]}}
`,
      ['XGBoostTraining', 'TabularPreprocessing_training', 'HyperparameterPrep'],
    );
    await checkCompletion(
      `${CORE}
//- /p.dag.json
{"da$0": {"nodes": [], "edges": []}}
`,
      [],
      ['XGBoostTraining'],
    );
  });

  it('draws a DAG as cursus builds it: declared nodes, then undeclared endpoints, resolved or not', async () => {
    const { engine } = await analyze(`${CORE}
//- /projects/p/e2e.dag.json
{"dag": {"nodes": ["TabularPreprocessing_training", "XGBoostTrainng", "XGBoostTraining", "Lone", "XGBoostTraining"],
  "edges": [["TabularPreprocessing_training", "XGBoostTrainng"], ["XGBoostTrainng", "Undeclared_x"],
    ["TabularPreprocessing_training", "XGBoostTraining"], ["TabularPreprocessing_training", "XGBoostTraining"],
    ["XGBoostTraining", "TabularPreprocessing_training"]]}}
//- /projects/p/broken.dag.json
{"version": "2.0", "dag": {"nodes": ["XGBoostTraining"], "edges": []}}
`);
    const g = engine.fileGraph('projects/p/e2e.dag.json');
    assert.ok(g);
    assert.equal(g.file, 'projects/p/e2e.dag.json');
    assert.equal(g.context, 'core');
    const nodes = g.nodes.map((n) => [n.id, n.source, n.step ?? null, n.file, n.cycle]);
    const iface = (f: string): string => `src/cursus/steps/interfaces/${f}.step.yaml`;
    assert.deepEqual(nodes, [
      ['TabularPreprocessing_training', 'core', 'TabularPreprocessing', iface('tabular_preprocessing'), true],
      ['XGBoostTrainng', 'unresolved', null, null, false],
      ['XGBoostTraining', 'core', null, iface('xgboost_training'), true],
      ['Lone', 'unresolved', null, null, false],
      ['Undeclared_x', 'unresolved', null, null, false],
    ]);
    // a repeated edge is drawn once; every edge is the data flow src → dst, the two-step cycle marked
    assert.deepEqual(
      g.edges.map((e) => [e.from, e.to, e.kind, e.cycle]),
      [
        ['TabularPreprocessing_training', 'XGBoostTrainng', 'flow', false],
        ['XGBoostTrainng', 'Undeclared_x', 'flow', false],
        ['TabularPreprocessing_training', 'XGBoostTraining', 'flow', true],
        ['XGBoostTraining', 'TabularPreprocessing_training', 'flow', true],
      ],
    );
    assert.deepEqual(g.cycles, [['TabularPreprocessing_training', 'XGBoostTraining']]);
    assert.deepEqual(g.order, ['Lone']);
    assert.deepEqual(g.blocked, ['TabularPreprocessing_training', 'Undeclared_x', 'XGBoostTraining', 'XGBoostTrainng']);
    // a node's target is its step's registry row, where go to definition from the node goes
    const edge = g.edges[0];
    assert.deepEqual(edge?.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 62 } });
    const definition = engine.definition('projects/p/e2e.dag.json', { line: 0, character: 22 })[0];
    assert.deepEqual([g.nodes[0]?.file, g.nodes[0]?.range], [definition?.file, definition?.range]);
    // a DAG cursus cannot load has no graph, and no other file declares one
    assert.equal(engine.fileGraph('projects/p/broken.dag.json'), null);
    assert.equal(engine.fileGraph(iface('xgboost_training')), null);
  });
});
