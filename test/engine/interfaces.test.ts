// The interface family (cursus 2.x, SPEC §1.8): interfaces and `_EXTRAS` as registry sources, their
// checks, and navigation across `.step.yaml` files and `workspace_registry.py`.
import { strict as assert } from 'node:assert';
import {
  analyze,
  checkCompletion,
  checkDefinition,
  checkDiagnostics,
  checkHover,
  checkReferences,
  show,
} from './helpers';

const WS = '/developer_workspaces/developers';

/** A small interface-first core: the loader's extras, two interfaces, their configs and scripts. */
const IFACE_CORE = `
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS: Dict[str, Dict[str, str]] = {
    "Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "Base"},
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
  description: Preprocesses tables
contract:
  entry_point: tabular_preprocessing.py
  outputs:
    processed_data: {path: /opt/ml/processing/output}
spec:
  outputs:
    processed_data: {type: processing_output}
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig:
    pass
//- /src/cursus/steps/scripts/tabular_preprocessing.py
def main():
    pass
//- /src/cursus/steps/configs/config_xgboost_training_step.py
class XGBoostTrainingConfig:
    pass
//- /src/cursus/steps/scripts/xgboost_training.py
def main():
    pass
`;

const TRAINING = `
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Training
  description: Trains XGBoost
contract:
  entry_point: xgboost_training.py
  inputs:
    input_path: {path: /opt/ml/input/data}
spec:
  dependencies:
    input_path:
      type: training_data
      compatible_sources: [TabularPreprocessing, ProcessingStep, DataLoad]
`;

describe('interface family (cursus 2.x)', () => {
  it('derives the table from interfaces and _EXTRAS: convention defaults, no RL005 for synthesized builders, no hints on abstract rows', async () => {
    const { engine } = await analyze(`${IFACE_CORE}${TRAINING}`);
    assert.deepEqual(
      engine
        .list({})
        .map((r) => r.name)
        .sort(),
      ['Base', 'Processing', 'TabularPreprocessing', 'XGBoostTraining'],
    );
    const row = engine.list({}).find((r) => r.name === 'XGBoostTraining');
    assert.equal(row?.columns['config'], 'XGBoostTrainingConfig');
    assert.equal(row?.columns['builder'], 'XGBoostTrainingStepBuilder');
    assert.equal(row?.file, 'src/cursus/steps/interfaces/xgboost_training.step.yaml');
    assert.deepEqual(
      engine
        .allDiagnostics()
        .map((d) => `${d.code} ${d.message}`)
        .filter((m) => !m.startsWith('RL018')),
      [],
    );
  });

  it('before cursus 2.0 (no loader module) interfaces are inert: the literal table alone defines the steps', async () => {
    const { engine } = await analyze(`
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {"Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Utility", "description": "p"}}
      //- /src/cursus/steps/interfaces/package.step.yaml
      step_type: Package
      contract: {entry_point: missing.py}
    `);
    assert.deepEqual(
      engine.list({}).map((r) => `${r.name} ${r.file}`),
      ['Package src/cursus/registry/step_names.py'],
    );
    assert.deepEqual(engine.allDiagnostics(), []);
  });

  it('cursus 1.10.0 loads contract and spec from the package interface of a step (by its file name): no RL007 for them, Explain points there', async () => {
    const { engine } = await analyze(
      `
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {
          "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "builder_step_name": "TabularPreprocessingStepBuilder", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "t"},
          "XGBoostTraining": {"config_class": "XGBoostTrainingConfig", "builder_step_name": "XGBoostTrainingStepBuilder", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "x"},
      }
      //- /src/cursus/step_catalog/builder_discovery.py
      class BuilderAutoDiscovery:
          def _scan_builder_directory(self, builder_dir):
              pass
      //- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
      step_type: TabularPreprocessing
      contract: {entry_point: tabular_preprocessing.py}
      //- /src/cursus/steps/scripts/tabular_preprocessing.py
      def main():
          pass
      //- /src/cursus/steps/scripts/xgboost_training.py
      def main():
          pass
    `,
      { checkAllComponents: true },
    );
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL007')
        .map((d) => d.message.split(' (')[0]),
      ["No spec, contract file found for step 'XGBoostTraining'"],
    );
    const x = engine.explain({ step: 'TabularPreprocessing' });
    assert.equal(x.components.spec?.file, 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml');
    assert.equal(x.components.contract?.file, 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml');
  });

  it('cursus 1.10.0: a package interface whose contract.entry_point is null runs no script: no RL007 for its script', async () => {
    // 1.10.0's pytorch_model, xgboost_model and batch_transform interfaces ("No script — managed by SageMaker").
    const { engine } = await analyze(
      `
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {
          "PyTorchModel": {"config_class": "PyTorchModelStepConfig", "builder_step_name": "PyTorchModelStepBuilder", "spec_type": "PyTorchModel", "sagemaker_step_type": "CreateModel", "description": "m"},
          "Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Processing", "description": "p"},
      }
      //- /src/cursus/step_catalog/builder_discovery.py
      class BuilderAutoDiscovery:
          def _scan_builder_directory(self, builder_dir):
              pass
      //- /src/cursus/steps/interfaces/pytorch_model.step.yaml
      step_type: PyTorchModel
      contract:
        entry_point: null
      //- /src/cursus/steps/interfaces/package.step.yaml
      step_type: Package
      contract:
        entry_point: package.py
    `,
      { checkAllComponents: true },
    );
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL007')
        .map((d) => d.message.split(' (')[0]),
      ["No script file found for step 'Package'"],
    );
  });

  it('RL017 script, RL018 compatible_sources (generic names accepted, a near miss warns), RL019 contract vs spec', async () => {
    const diags = await checkDiagnostics(`${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract:
        entry_point: train.py
      #              ^^^^^^^^ RL017 not found
        inputs:
          input_path: {path: /opt/ml/input/data}
          extra_input: {path: /opt/ml/input/data/extra}
      #   ^^^^^^^^^^^ RL019 no spec.dependencies entry
      spec:
        dependencies:
          input_path:
                compatible_sources: [TabularPreprocesing, ProcessingStep, TabularPreprocessingStep, DataLoad, MIMSPayload]
      #                              ^^^^^^^^^^^^^^^^^^^ RL018 Did you mean 'TabularPreprocessing'?
      #                                                                                             ^^^^^^^^ RL018 is no step
          unused_dependency: {type: training_data}
    `);
    assert.deepEqual(
      diags.filter((d) => d.code === 'RL018').map((d) => d.severity),
      ['warning', 'hint'],
    );
  });

  it("RL018: legacy aliases are the repository's own StepCatalog.LEGACY_ALIASES, a copy only without it", async () => {
    const withSources = (names: string): string => `${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract:
        entry_point: xgboost_training.py
        inputs:
          input_path: {path: /opt/ml/input/data}
      spec:
        dependencies:
          input_path: {type: training_data, compatible_sources: [${names}]}
    `;
    const mapping = `
      //- /src/cursus/step_catalog/step_catalog.py
      class StepCatalog:
          # Legacy aliases for backward compatibility
          LEGACY_ALIASES = {
              "OldTabular": "TabularPreprocessing",  # renamed
              'PytorchModel': "PyTorchModel",
          }

          def __init__(self, workspace_dirs=None):
              self.workspace_dirs = workspace_dirs
    `;
    const unknown = async (text: string): Promise<string[]> =>
      (await analyze(text)).engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL018')
        .map((d) => d.message.replace(/' in .*/, '').slice(1));
    assert.deepEqual(await unknown(withSources('OldTabular, PytorchModel, MIMSPayload') + mapping), ['MIMSPayload']);
    assert.deepEqual(await unknown(withSources('OldTabular, PytorchModel, MIMSPayload')), ['OldTabular']);
  });

  it('RL018 near misses: a loose spelling of any length, an edit distance of at most 2, and a step added or removed later', async () => {
    const consumer = (sources: string): string =>
      `step_type: Consumer\nregistry: {sagemaker_step_type: Processing, description: c}\nspec:\n  dependencies:\n    data:\n      compatible_sources: [${sources}]\n`;
    const { engine } = await analyze(`${IFACE_CORE}
      //- /src/cursus/steps/interfaces/consumer.step.yaml
      ${consumer('tabular_pre_processing_, TabularPreprocessingX, ModelEval').replace(/\n/g, '\n      ')}
    `);
    const rl018 = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL018')
        .map((d) => `${d.severity} ${d.message.replace(/ in compatible_sources.*?(Did you mean|: cursus).*$/, ' $1')}`);
    assert.deepEqual(rl018(), [
      "warning 'tabular_pre_processing_' Did you mean",
      "warning 'TabularPreprocessingX' Did you mean",
      "hint 'ModelEval' : cursus",
    ]);
    const evaluation = 'step_type: ModelEvaluation\nregistry: {sagemaker_step_type: Processing, description: e}\n';
    const added = 'src/cursus/steps/interfaces/model_evaluation.step.yaml';
    engine.setFile(added, evaluation.replace('ModelEvaluation', 'ModelEvl'));
    engine.update();
    assert.deepEqual(rl018()[2], "warning 'ModelEval' Did you mean");
    engine.setFile(added, evaluation);
    engine.update();
    assert.deepEqual(rl018()[2], "hint 'ModelEval' : cursus");
  });

  it('RL032 one step in two interfaces or in an interface and the extras; RL012 a file name cursus cannot find; RL008 no sagemaker_step_type', async () => {
    await checkDiagnostics(`
      //- /src/cursus/registry/interface_registry_loader.py
      _EXTRAS = {"Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Processing", "description": "p"}}
      #          ^^^^^^^^^ RL032 keeps only that one
      //- /src/cursus/steps/interfaces/package.step.yaml
      step_type: Package
      registry: {sagemaker_step_type: Processing, description: p}
      contract: {entry_point: null}
      //- /src/cursus/steps/interfaces/pkg.step.yaml
      step_type: Packaging
      #          ^^^^^^^^^ RL012 not pkg.step.yaml
      registry:
      ^^^^^^^^ RL008 raises ValueError
        description: p
      contract: {entry_point: null}
      //- /src/cursus/steps/configs/config_package_step.py
      class PackageConfig:
          pass
      class PackagingConfig:
          pass
    `);
  });

  it('RL032 between two interfaces: the last file in sorted order wins, as cursus writes each over the table (diagnostic on the first, definition and hover at the last)', async () => {
    // Python sorts package.step.yaml before package_v2.step.yaml ('.' < '_'): cursus keeps package_v2's row.
    const fixture = (withCursor: boolean): string => `
      //- /src/cursus/registry/interface_registry_loader.py
      _EXTRAS = {}
      //- /src/cursus/steps/interfaces/package_v2.step.yaml
      step_type: Package
      #          ^^^^^^^ def
      registry: {sagemaker_step_type: Processing, description: the copy cursus keeps}
      contract: {entry_point: null}
      //- /src/cursus/steps/interfaces/package.step.yaml
      step_type: Package
      #          ^^^^^^^ RL032 is also defined by package_v2.step.yaml
      registry: {sagemaker_step_type: Processing, description: the original}
      contract: {entry_point: null}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract: {entry_point: null}
      spec:
        dependencies:
          model_input: {compatible_sources: [${withCursor ? '$0' : ''}Package]}
      //- /src/cursus/steps/configs/config_package_step.py
      class PackageConfig:
          pass
      //- /src/cursus/steps/configs/config_xgboost_training_step.py
      class XGBoostTrainingConfig:
          pass
    `;
    await checkDiagnostics(fixture(false), {}, { only: ['RL032'] });
    await checkDefinition(fixture(true));
    await checkHover(fixture(true), ['the copy cursus keeps']);
  });

  it('RL012 on a copy of an interface says which file load_interface() finds instead (it does not fail)', async () => {
    await checkDiagnostics(
      `
      //- /src/cursus/registry/interface_registry_loader.py
      _EXTRAS = {}
      //- /src/cursus/steps/interfaces/package.step.yaml
      step_type: Package
      registry: {sagemaker_step_type: Processing, description: p}
      contract: {entry_point: null}
      //- /src/cursus/steps/interfaces/package_v2.step.yaml
      step_type: Package
      #          ^^^^^^^ RL012 finds package.step.yaml, not package_v2.step.yaml
      registry: {sagemaker_step_type: Processing, description: p}
      contract: {entry_point: null}
      //- /src/cursus/steps/configs/config_package_step.py
      class PackageConfig:
          pass
    `,
      {},
      { only: ['RL012'] },
    );
  });

  it('RL020 at the node, with PyYAML scalars (1e-5 is a string); RL016 near-miss keys at every level', async () => {
    await checkDiagnostics(`${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      node_type: middle
      #          ^^^^^^ RL020 not one of
      registry: {sagemaker_step_type: Training, description: t}
      contract:
        entry_point: xgboost_training.py
        env_vars:
          optional: {LR: 1e-5, EPOCHS: 10}
      #                                ^^ RL020 must be a string
      spec:
        dependencies:
          input_path: {type: training_data, semantic_keyword: [data]}
      #                                     ^^^^^^^^^^^^^^^^ RL016 Did you mean 'semantic_keywords'?
    `);
  });

  it('mid-edit: a node wrong only because of a syntax error beside it is not reported, the rest of the file is', async () => {
    await checkDiagnostics(
      `${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      node_type: middle
      #          ^^^^^^ RL020 not one of
      registry: {sagemaker_step_type: Training, description: t}
      contract:
        entry_point: xgboost_training.py
      spec:
        dependencies:
          input_path: {type: training_data, compatible_sources: [TabularPreprocessing}
      #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL030 Flow map
      #                                                         ^^^^^^^^^^^^^^^^^^^^^^ RL030 Flow sequence
    `,
      {},
      { only: ['RL016', 'RL020', 'RL030'] },
    );
  });

  it('a workspace override of an interface step resolves to the override: no RL004, no RL005, RL006 for its config', async () => {
    const diags = await checkDiagnostics(
      `${IFACE_CORE}${TRAINING}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {
          "XGBoostTraining": {
              "config_class": "CustomXGBoostTrainingConfig",
      #                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL006
              "builder_step_name": "CustomXGBoostTrainingStepBuilder",
              "spec_type": "CustomXGBoostTraining",
              "sagemaker_step_type": "Training",
              "description": "Custom XGBoost",
          },
      }
      WORKSPACE_METADATA = {"developer_id": "alice"}
    `,
      {},
      { only: ['RL004', 'RL005', 'RL006'] },
    );
    assert.equal(diags.length, 1);
  });

  it('a workspace interface adds a step to its workspace; beside a LOCAL_STEPS row of that name it supplies the contract (one step)', async () => {
    const { engine } = await analyze(`${IFACE_CORE}${TRAINING}
      //- ${WS}/bob/src/cursus_dev/registry/workspace_registry.py
      LOCAL_STEPS = {"FeatureJoin": {"config_class": "FeatureJoinConfig", "builder_step_name": "FeatureJoinStepBuilder", "spec_type": "FeatureJoin", "sagemaker_step_type": "Processing", "description": "j"}}
      //- ${WS}/bob/src/cursus_dev/steps/interfaces/feature_join.step.yaml
      step_type: FeatureJoin
      registry: {sagemaker_step_type: Processing, description: j}
      contract: {entry_point: null}
      //- ${WS}/bob/src/cursus_dev/steps/interfaces/text_embedding.step.yaml
      step_type: TextEmbedding
      registry: {sagemaker_step_type: Processing, description: e}
      contract: {entry_point: null}
      spec:
        dependencies:
          data: {compatible_sources: [TabularPreprocessing]}
      //- ${WS}/bob/src/cursus_dev/steps/configs/config_feature_join_step.py
      class FeatureJoinConfig:
          pass
      class TextEmbeddingConfig:
          pass
    `);
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code !== 'RL018')
        .map((d) => `${d.code} ${d.message}`),
      [],
    );
    const x = engine.explain({ step: 'TextEmbedding', context: 'bob' });
    assert.equal(x.winner?.source, 'workspace:bob');
    assert.deepEqual(
      x.sections?.map((s) => s.title),
      ['Interface', 'Step graph (1 producers, 0 consumers)'],
    );
    const graph = engine.graph({ context: 'bob' });
    assert.ok(
      graph.edges.some(
        (e) => e.kind === 'flow' && e.from === 'TabularPreprocessing' && e.to === 'TextEmbedding' && e.label === 'data',
      ),
    );
  });

  it('Explain: the interface, its script (a file, never a class), the synthesized builder and the step-graph neighbours; lenses and symbols', async () => {
    const { engine } = await analyze(`${IFACE_CORE}${TRAINING}`);
    const x = engine.explain({ step: 'TabularPreprocessing' });
    assert.equal(x.components.builder?.file, 'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml');
    assert.equal(x.components.script?.class, null);
    const rows = x.sections?.flatMap((s) => s.rows.map((r) => `${r.label} ${r.text}`)) ?? [];
    assert.ok(rows.includes('script tabular_preprocessing.py (contract.entry_point)'), rows.join('\n'));
    assert.ok(rows.includes('consumer XGBoostTraining (input_path)'), rows.join('\n'));
    const lens = engine.codeLenses('src/cursus/steps/interfaces/tabular_preprocessing.step.yaml');
    assert.deepEqual(
      lens.map((l) => l.title),
      ['1 consumer · 0 producers'],
    );
    const symbols = engine.documentSymbols('src/cursus/steps/interfaces/tabular_preprocessing.step.yaml');
    assert.deepEqual(
      symbols.map((x) => [x.name, x.kind, x.detail, x.children.map((c) => c.name)]),
      [['TabularPreprocessing', 'step', 'Processing', ['sagemaker_step_type', 'description']]],
    );
  });

  it('hover: a step name in compatible_sources is the step; an interface key shows its schema description', async () => {
    await checkHover(
      `${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract: {entry_point: xgboost_training.py}
      spec:
        dependencies:
          input_path: {compatible_sources: [Tabular$0Preprocessing]}
    `,
      ['**TabularPreprocessing**', '`core`'],
    );
    await checkHover(
      `${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract: {entry_$0point: xgboost_training.py}
    `,
      ['**entry_point**', 'looked up in the scripts directory'],
    );
  });

  it('definition, references and rename go through compatible_sources, STEP_OVERRIDES keys and step_type', async () => {
    const fixture = (cursor: 'source' | 'override' | 'none', mark: string): string => `
      //- /src/cursus/registry/interface_registry_loader.py
      _EXTRAS = {}
      //- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
      step_type: TabularPreprocessing
      #          ^^^^^^^^^^^^^^^^^^^^ ${mark}
      registry: {sagemaker_step_type: Processing, description: p}
      contract: {entry_point: null}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      registry: {sagemaker_step_type: Training, description: t}
      contract: {entry_point: null}
      spec:
        dependencies:
          input_path: {compatible_sources: [${cursor === 'source' ? '$0' : ''}TabularPreprocessing]}
      #                                     ^^^^^^^^^^^^^^^^^^^^ ${mark === 'ref' ? 'ref' : ''}
      //- ${WS}/alice/src/cursus_dev/registry/workspace_registry.py
      STEP_OVERRIDES = {"${cursor === 'override' ? '$0' : ''}TabularPreprocessing": {"sagemaker_step_type": "Processing", "description": "mine"}}
      #                 ^^^^^^^^^^^^^^^^^^^^^^ ${mark === 'ref' ? 'ref' : ''}
    `;
    await checkReferences(fixture('override', 'ref'));
    await checkReferences(fixture('source', 'ref'));
    await checkDefinition(fixture('override', 'def'));
    const { engine, fx } = await analyze(fixture('source', ''));
    const c = fx.cursor as { file: string; position: { line: number; character: number } };
    const r = engine.rename(c.file, c.position, 'TablePrep');
    const files = r?.edits.map((e) => `${e.file} ${e.edits.map((x) => show(x.range)).join(',')}`).sort();
    assert.deepEqual(files, [
      'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py 0:19-0:39',
      'src/cursus/steps/interfaces/tabular_preprocessing.step.yaml 0:11-0:31',
      'src/cursus/steps/interfaces/xgboost_training.step.yaml 5:38-5:58',
    ]);
  });

  it('completion: step names in compatible_sources, scripts for contract.entry_point, config classes for registry.config_class, schema keys and enums', async () => {
    const iface = (body: string): string => `${IFACE_CORE}
      //- /src/cursus/steps/interfaces/xgboost_training.step.yaml
      step_type: XGBoostTraining
      ${body}
    `;
    await checkCompletion(
      iface(`spec:
        dependencies:
          input_path:
            compatible_sources:
            - Tab$0`),
      ['TabularPreprocessing', 'XGBoostTraining'],
    );
    await checkCompletion(
      iface(`spec:
        dependencies:
          input_path:
            compatible_sources: [TabularPreprocessing, $0`),
      ['Processing', 'XGBoostTraining'],
    );
    await checkCompletion(
      iface(`contract:
        entry_point: $0`),
      ['tabular_preprocessing.py', 'xgboost_training.py'],
      ['__init__.py'],
    );
    await checkCompletion(
      iface(`registry:
        config_class: $0`),
      ['TabularPreprocessingConfig', 'XGBoostTrainingConfig'],
    );
    await checkCompletion(iface(`node_type: $0`), ['internal', 'source', 'sink']);
    await checkCompletion(
      iface(`contract:
        entry_point: x.py
        $0`),
      ['inputs', 'outputs', 'env_vars'],
      ['step_type'],
    );
  });
});
