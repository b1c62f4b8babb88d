// Builders and base classes as the cursus in the repository finds them (issue 43 items 1 and 2), on
// reduced copies of the real files: `step_catalog/builder_discovery.py` at 2.9.32 (6a2e2022: only
// `_synthesize_builder`), 2.0.0 (3480391f: it and `_scan_builder_directory`) and 1.10.0 (94cc73c2: only
// the scan); `core/base/` where cursus imports `StepBuilderBase` and `BasePipelineConfig` from.
import { strict as assert } from 'node:assert';
import { analyze, checkDefinition, checkFix, checkHover } from './helpers';
import { renderExplanation } from '../../server/src/engine/render/explainText';
import { explainDocument } from '../../server/src/engine/documents/jsonDocuments';

const WS = '/developer_workspaces/developers';
const REG = `${WS}/alice_ml/src/cursus_dev/registry/workspace_registry.py`;
const DISCOVERY = 'src/cursus/step_catalog/builder_discovery.py';

/** `BuilderAutoDiscovery` of each version, methods only. */
const DISCOVERY_2_9 = `
//- /${DISCOVERY}
class BuilderAutoDiscovery:
    def __init__(self, package_root, workspace_dirs=None):
        self._synthesized_builders = {}
    def load_builder_class(self, step_name):
        return self._synthesize_builder(step_name)
    def _synthesize_builder(self, step_name):
        synthesized = type(f"{step_name}StepBuilder", (TemplateStepBuilder,), {"STEP_NAME": step_name})
        return synthesized
`;
const DISCOVERY_2_0 = `
//- /${DISCOVERY}
class BuilderAutoDiscovery:
    def load_builder_class(self, step_name):
        pass
    def _scan_builder_directory(self, builder_dir):
        pass
    def _synthesize_builder(self, step_name):
        pass
`;
const DISCOVERY_1_10 = `
//- /${DISCOVERY}
class BuilderAutoDiscovery:
    def load_builder_class(self, step_name):
        pass
    def _scan_builder_directory(self, builder_dir):
        pass
`;

const BASES = `
//- /src/cursus/core/base/builder_base.py
class StepBuilderBase(ABC):
    pass
//- /src/cursus/core/base/config_base.py
class BasePipelineConfig(BaseModel, ABC):
    pass
//- /src/cursus/core/base/builder_templates.py
class TemplateStepBuilder(StepBuilderBase):
    pass
//- /tests/core/base/test_config_base.py
class BasePipelineConfig:
    pass
//- /extensions/core/base/audit.py
class BasePipelineConfig:
    pass
`;

/** cursus 2.x core: `_EXTRAS` (interface_registry_loader.py) and `xgboost_training.step.yaml`, with its config. */
const CORE_2 = `
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS: Dict[str, Dict[str, str]] = {
    "Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "Base pipeline configuration"},
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
}
//- /src/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Training
  description: XGBoost model training step
contract:
  entry_point: null
//- /src/cursus/steps/configs/config_xgboost_training_step.py
class XGBoostTrainingConfig:
    pass
//- /src/cursus/steps/configs/config_processing_step_base.py
class ProcessingStepConfigBase(BasePipelineConfig):
    pass
`;

/** hybrid/setup.py's standard template with its two commented examples enabled (the local one renamed after its spec type). */
const workspace = (cursor: 'local' | 'builder' | 'none' = 'none'): string => `
//- ${REG}
LOCAL_STEPS = {
    "${cursor === 'local' ? '$0' : ''}MyCustomProcessing": {
        "config_class": "MyCustomProcessingConfig",
        "builder_step_name": "MyCustomProcessingStepBuilder",
        "spec_type": "MyCustomProcessing",
        "sagemaker_step_type": "Processing",
        "description": "Custom processing step for alice_ml"
    },
}
STEP_OVERRIDES = {
    "XGBoostTraining": {
        "config_class": "XGBoostTrainingConfig",
        "builder_step_name": "${cursor === 'builder' ? '$0' : ''}CustomXGBoostTrainingStepBuilder",
        "spec_type": "CustomXGBoostTraining",
        "sagemaker_step_type": "Training",
        "description": "Custom XGBoost implementation with enhanced features"
    }
}
WORKSPACE_METADATA = {"developer_id": "alice_ml", "version": "1.0.0"}
//- ${WS}/alice_ml/src/cursus_dev/steps/configs/config_my_custom_processing_step.py
class MyCustomProcessingConfig:
    pass
`;

const INTERFACE_FILE = `${WS.slice(1)}/alice_ml/src/cursus_dev/steps/interfaces/my_custom_processing.step.yaml`;
const STUB = `step_type: MyCustomProcessing
node_type: internal
registry:
  sagemaker_step_type: Processing
  description: Custom processing step for alice_ml
contract:
  entry_point: my_custom_processing.py
  inputs: {}
  outputs: {}
  arguments: {}
spec:
  dependencies: {}
  outputs: {}
`;

const codes = (ds: { code: string; message: string }[]): string[] =>
  ds.filter((d) => d.code !== 'RL018').map((d) => `${d.code} ${d.message}`);

describe("builders as the repository's cursus finds them", () => {
  it('2.x synthesizes <Step>StepBuilder for an override, whatever builder_step_name says: Explain text and JSON', async () => {
    const { engine } = await analyze(`${DISCOVERY_2_9}${BASES}${CORE_2}${workspace()}`);
    const x = engine.explain({ step: 'XGBoostTraining', context: 'alice_ml' });
    assert.equal(x.winner?.source, 'override:alice_ml');
    assert.deepEqual(x.components.builder, {
      class: 'XGBoostTrainingStepBuilder',
      file: 'src/cursus/steps/interfaces/xgboost_training.step.yaml',
      range: { start: { line: 0, character: 11 }, end: { line: 0, character: 26 } },
      synthesized: { base: 'TemplateStepBuilder', by: DISCOVERY },
    });
    const json = explainDocument(x) as { components: { builder: unknown } };
    assert.deepEqual(json.components.builder, { ...x.components.builder });
    const text = renderExplanation(x);
    assert.ok(
      text.includes(
        `builder   XGBoostTrainingStepBuilder at src/cursus/steps/interfaces/xgboost_training.step.yaml:1:12  (synthesized from the interface, a subclass of TemplateStepBuilder, by ${DISCOVERY})`,
      ),
      text,
    );
    assert.ok(!text.includes('CustomXGBoostTrainingStepBuilder (synthesized)'), text);
  });

  it('2.x hover: the step shows the synthesized builder; builder_step_name says which class cursus loads instead', async () => {
    await checkHover(`${DISCOVERY_2_9}${BASES}${CORE_2}${workspace('builder')}`, [
      '**class XGBoostTrainingStepBuilder** — builder of `XGBoostTraining`, synthesized from the interface, a subclass of `TemplateStepBuilder`, by `src/cursus/step_catalog/builder_discovery.py`',
      '\n\ncursus names it after the step, whatever this row says: no class `CustomXGBoostTrainingStepBuilder` is loaded',
    ]);
    await checkDefinition(`${DISCOVERY_2_9}${CORE_2}
      //- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
      step_type: TabularPreprocessing
      #          ^^^^^^^^^^^^^^^^^^^^ def
      registry: {sagemaker_step_type: Processing, description: p}
      contract: {entry_point: null}
      //- ${REG}
      STEP_OVERRIDES = {"TabularPreprocessing": {"builder_step_name": "Mine$0StepBuilder", "sagemaker_step_type": "Processing", "description": "d"}}
    `);
  });

  it('2.x: a workspace row without an interface is RL034 (not RL005), fixed by creating the interface cursus would load', async () => {
    const { engine } = await analyze(`${DISCOVERY_2_9}${BASES}${CORE_2}${workspace()}`);
    assert.deepEqual(codes(engine.allDiagnostics()), [
      `RL034 cursus cannot synthesize a builder for 'MyCustomProcessing': no interface file defines it (expected ${INTERFACE_FILE})`,
    ]);
    // Why no builder file helps is the related line on the builder discovery cursus runs.
    assert.deepEqual(
      engine.allDiagnostics()[0]?.related.map((r) => [r.file, r.message]),
      [
        [
          DISCOVERY,
          "this cursus synthesizes every builder from the step's interface and reads no builder file, so the step cannot be built",
        ],
      ],
    );
    await checkFix(`${DISCOVERY_2_9}${BASES}${CORE_2}${workspace('local')}`, `Create interface ${INTERFACE_FILE}`, {
      [INTERFACE_FILE]: STUB,
    });
    const x = engine.explain({ step: 'MyCustomProcessing', context: 'alice_ml' });
    assert.equal(x.components.builder, null);
    assert.deepEqual(x.searched.builder, [
      `${WS.slice(1)}/alice_ml/src/cursus_dev/steps/interfaces/`,
      'src/cursus/steps/interfaces/',
    ]);
    // Fix all takes it (one unambiguous fix).
    assert.deepEqual(
      engine.fixAll(REG.slice(1))?.createFiles?.map((f) => f.file),
      [INTERFACE_FILE],
    );
  });

  it('2.x: an interface whose sagemaker_step_type routes to no build strategy gets no synthesized builder (RL034); with no strategies read, every type routes', async () => {
    const strategies = BASES.replace(
      'class TemplateStepBuilder(StepBuilderBase):',
      '@register_strategy(axis="sagemaker_step_type", name="CreateModel")\nclass CreateModelHandler:\n    pass\nclass TemplateStepBuilder(StepBuilderBase):',
    );
    const { engine } = await analyze(`${DISCOVERY_2_9}${strategies}${CORE_2}`);
    assert.deepEqual(codes(engine.allDiagnostics()), [
      "RL034 cursus cannot synthesize a builder for 'XGBoostTraining': its sagemaker_step_type 'Training' routes to no build strategy " +
        '(src/cursus/core/base/builder_templates.py registers none for it; resolve_handler() raises NoBuilderError), so the step cannot be built',
    ]);
    assert.equal(engine.explain({ step: 'XGBoostTraining' }).components.builder, null);
    const routed = await analyze(`${DISCOVERY_2_9}${BASES}${CORE_2}`);
    assert.deepEqual(codes(routed.engine.allDiagnostics()), []);
    assert.equal(
      routed.engine.explain({ step: 'XGBoostTraining' }).components.builder?.class,
      'XGBoostTrainingStepBuilder',
    );
  });

  it("2.x: an interface of type Utility gets no builder (RL034), as cursus's B3-1 says; Lambda and Base are skipped (test_registry_binding_teeth.py)", async () => {
    // cursus 2.9.32's RegistryBindingValidator run on XGBoostTraining with get_sagemaker_step_type patched:
    // Utility → ERROR "No construction handler for XGBoostTraining (Utility/None)"; Lambda, Base → SKIPPED
    // (test_lambda_and_base_skip_not_error); an unknown type → ERROR (test_teeth_unbindable_registry_row_fails).
    const strategies = BASES.replace(
      'class TemplateStepBuilder(StepBuilderBase):',
      '@register_strategy(axis="sagemaker_step_type", name="Training")\nclass TrainingHandler:\n    pass\nclass TemplateStepBuilder(StepBuilderBase):',
    );
    const typed = (type: string): string =>
      CORE_2.replace('sagemaker_step_type: Training', `sagemaker_step_type: ${type}`);
    for (const [type, expected] of [
      [
        'Utility',
        ["RL034 cursus cannot synthesize a builder for 'XGBoostTraining': its sagemaker_step_type 'Utility' routes"],
      ],
      [
        'NoSuchSageMakerType',
        ["RL034 cursus cannot synthesize a builder for 'XGBoostTraining': its sagemaker_step_type 'NoSuch"],
      ],
      ['Lambda', []],
      ['Base', []],
      ['Training', []],
    ] as const) {
      const { engine } = await analyze(`${DISCOVERY_2_9}${strategies}${typed(type)}`);
      const got = codes(engine.allDiagnostics()).filter((c) => c.startsWith('RL034'));
      assert.deepEqual(
        got.map((c, i) => c.slice(0, expected[i]?.length)),
        expected,
        type,
      );
    }
  });

  it('2.9: an interface requiring the SAIS SDK gets a builder only for a step sdk_bindings.py binds', async () => {
    // builder_discovery.py:313-326: requires == the SDK and no SDK_STEP_CLASS_THUNKS key → None (debug log only).
    const sdk = '  sagemaker_step_type: Training\n  requires: secure_ai_sandbox_workflow_python_sdk\n';
    const core = CORE_2.replace('  sagemaker_step_type: Training\n', sdk);
    assert.notEqual(core, CORE_2);
    const bindings = (steps: string): string => `
//- /src/cursus/step_catalog/sdk_bindings.py
from typing import Callable, Dict, Type

def _cradle_data_loading_step() -> Type:
    from sdk.cradle import CradleDataLoadingStep
    return CradleDataLoadingStep

SDK_STEP_CLASS_THUNKS: Dict[str, Callable[[], Type]] = {
${steps}
}
`;
    const withCore = (steps: string): string => `${DISCOVERY_2_9}${BASES}${core}${bindings(steps)}`;
    const { engine } = await analyze(withCore('    "CradleDataLoading": _cradle_data_loading_step,'));
    assert.deepEqual(codes(engine.allDiagnostics()), [
      "RL034 cursus cannot synthesize a builder for 'XGBoostTraining': its interface requires " +
        'secure_ai_sandbox_workflow_python_sdk, ' +
        'and src/cursus/step_catalog/sdk_bindings.py binds no SDK step class for it (SDK_STEP_CLASS_THUNKS), so ' +
        '_synthesize_builder() returns None and the step cannot be built',
    ]);
    assert.equal(engine.explain({ step: 'XGBoostTraining' }).components.builder, null);
    const bound = await analyze(withCore('    "XGBoostTraining": _cradle_data_loading_step,'));
    assert.deepEqual(codes(bound.engine.allDiagnostics()), []);
    const builder = bound.engine.explain({ step: 'XGBoostTraining' }).components.builder;
    assert.equal(builder?.class, 'XGBoostTrainingStepBuilder');
    // Without the bindings module (a cursus before it) nothing is judged.
    assert.deepEqual(codes((await analyze(`${DISCOVERY_2_9}${BASES}${core}`)).engine.allDiagnostics()), []);
  });

  it('2.x: with the created interface the row gets its synthesized builder and no diagnostic; a config that breaks the convention is kept', async () => {
    const { engine } = await analyze(
      `${DISCOVERY_2_9}${BASES}${CORE_2}${workspace()}\n//- /${INTERFACE_FILE}\n${STUB}`,
    );
    // What is left is the script the new contract names (RL017), the next thing to write.
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code !== 'RL018')
        .map((d) => `${d.code} ${d.file}`),
      [`RL017 ${INTERFACE_FILE}`],
    );
    const b = engine.explain({ step: 'MyCustomProcessing', context: 'alice_ml' }).components.builder;
    assert.equal(b?.class, 'MyCustomProcessingStepBuilder');
    assert.equal(b?.file, INTERFACE_FILE);
    const { engine: other } = await analyze(`${DISCOVERY_2_9}${CORE_2}
      //- ${REG}
      LOCAL_STEPS = {"MyModel": {"config_class": "MyModelStepConfig", "sagemaker_step_type": "CreateModel", "description": "a: b # c"}}
    `);
    const fix = other.allDiagnostics().find((d) => d.code === 'RL034')?.fixes[0]?.createFiles?.[0]?.text ?? '';
    assert.ok(
      fix.startsWith(
        'step_type: MyModel\nnode_type: internal\nregistry:\n  sagemaker_step_type: CreateModel\n  description: "a: b # c"\n  config_class: MyModelStepConfig\ncontract:\n  entry_point: my_model.py\n',
      ),
      fix,
    );
  });

  it('1.x (builder files discovered) keeps RL005 and its builder stub; 2.0.0 (files and synthesis) too; neither raises RL034', async () => {
    for (const discovery of [DISCOVERY_1_10, DISCOVERY_2_0]) {
      const { engine } = await analyze(`${discovery}${BASES}${CORE_2}${workspace()}`);
      const ds = engine.allDiagnostics().filter((d) => d.code !== 'RL018');
      assert.deepEqual(
        ds.map((d) => d.code),
        ['RL005'],
        codes(ds).join('\n'),
      );
      assert.ok(
        ds[0]?.fixes.some((f) =>
          f.createFiles?.[0]?.file.endsWith('steps/builders/builder_my_custom_processing_step.py'),
        ),
      );
    }
    // No discovery module in the tree: builder files are looked for, as before.
    const { engine } = await analyze(`${CORE_2}${workspace()}`);
    assert.deepEqual(
      engine
        .allDiagnostics()
        .filter((d) => d.code !== 'RL018')
        .map((d) => d.code),
      ['RL005'],
    );
  });

  it('an edit of the discovery module moves the verdict both ways (incremental)', async () => {
    const { engine } = await analyze(`${DISCOVERY_2_9}${CORE_2}${workspace()}`);
    const body = (d: string): string => d.slice(d.indexOf('\n', d.indexOf('//- ')) + 1);
    const seen = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code !== 'RL018')
        .map((d) => d.code);
    assert.deepEqual(seen(), ['RL034']);
    engine.setFile(DISCOVERY, body(DISCOVERY_1_10));
    engine.update();
    assert.deepEqual(seen(), ['RL005']);
    engine.setFile(DISCOVERY, body(DISCOVERY_2_9));
    engine.update();
    assert.deepEqual(seen(), ['RL034']);
    engine.deleteFile(DISCOVERY);
    engine.update();
    assert.deepEqual(seen(), ['RL005']);
  });

  it('2.0.0: a builder file named by the row wins over synthesis (load_builder_class tries files first)', async () => {
    const { engine } = await analyze(`${DISCOVERY_2_0}${CORE_2}${workspace()}
      //- ${WS}/alice_ml/src/cursus_dev/steps/builders/builder_xgboost_training_step.py
      class CustomXGBoostTrainingStepBuilder(TemplateStepBuilder):
          pass
    `);
    const b = engine.explain({ step: 'XGBoostTraining', context: 'alice_ml' }).components.builder;
    assert.equal(b?.class, 'CustomXGBoostTrainingStepBuilder');
    assert.equal(b?.synthesized, undefined);
  });
});

describe('abstract rows: their classes are where cursus imports them from', () => {
  it("Explain Base finds StepBuilderBase and BasePipelineConfig in cursus/core/base/ (not in the tests' mirror nor another package), in 2.x and 1.x", async () => {
    for (const discovery of [DISCOVERY_2_9, DISCOVERY_1_10]) {
      const { engine } = await analyze(`${discovery}${BASES}${CORE_2}`);
      const x = engine.explain({ step: 'Base' });
      assert.deepEqual(
        [x.components.builder?.class, x.components.builder?.file],
        ['StepBuilderBase', 'src/cursus/core/base/builder_base.py'],
      );
      assert.deepEqual(
        [x.components.config?.class, x.components.config?.file],
        ['BasePipelineConfig', 'src/cursus/core/base/config_base.py'],
      );
      // Processing's builder exists nowhere in cursus: missing, and Explain says where it looked.
      const p = engine.explain({ step: 'Processing' });
      assert.equal(p.components.config?.file, 'src/cursus/steps/configs/config_processing_step_base.py');
      assert.equal(p.components.builder, null);
      assert.ok(p.searched.builder.includes('src/cursus/core/base/'), p.searched.builder.join(', '));
    }
  });

  it("hover and definition of an abstract row's class name go to core/base/; hover on the class names the row", async () => {
    const extras = (
      cursor: string,
    ): string => `${DISCOVERY_2_9}${CORE_2.replace('"StepBuilderBase"', `"${cursor}StepBuilderBase"`)}
      //- /src/cursus/core/base/builder_base.py
      class StepBuilderBase(ABC):
      #     ^^^^^^^^^^^^^^^ def
          pass
    `;
    await checkHover(extras('$0'), [
      '**class StepBuilderBase** — builder of `Base`',
      'src/cursus/core/base/builder_base.py:1',
    ]);
    await checkDefinition(extras('$0'));
    await checkHover(
      `${CORE_2}
      //- /src/cursus/core/base/config_base.py
      class Base$0PipelineConfig(BaseModel, ABC):
          pass
    `,
      ['used by step `Base`'],
    );
  });

  it('a row that is not abstract does not take a base class for its own', async () => {
    const { engine } = await analyze(`${DISCOVERY_1_10}${BASES}
      //- /src/cursus/registry/step_names.py
      STEP_NAMES = {"Mine": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Mine", "sagemaker_step_type": "Processing", "description": "d"}}
    `);
    assert.deepEqual(
      engine
        .allDiagnostics()
        .map((d) => d.code)
        .sort(),
      ['RL005', 'RL006', 'RL012'],
    );
    assert.equal(engine.explain({ step: 'Mine' }).components.builder, null);
  });
});
