// A pipeline DAG paired with its config JSON (where its code compiles it with one, else its project's
// `pipeline_config/`), its nodes resolved as the compiler's resolver resolves them. The expectations come
// from cursus's own resolver (cursus 6a2e2022, Python 3.11.7; `sagemaker` absent, which it does not need),
// its configs stood in for by objects of the same class names and job types:
//
//   $ PYTHONPATH=cursus/src python resolve.py
//   (resolve.py: StepConfigResolverAdapter()._resolve_single_node(node, configs) for each node, the configs
//   CradleDataLoading_training (CradleDataLoadingConfig, job_type training), TabularPreprocessing_training
//   (TabularPreprocessingConfig, training), XGBoostTraining (XGBoostTrainingConfig), Package (PackageConfig);
//   then resolve_config_map(["TabularPreprocessing_training", "TabularPreprocessing"], configs))
//   CradleDataLoading_training -> CradleDataLoading_training CradleDataLoadingConfig 1.00 direct_name
//   tabularpreprocessing_training -> TabularPreprocessing_training TabularPreprocessingConfig 1.00 direct_name
//   XGBoostTrainng -> TabularPreprocessing_training TabularPreprocessingConfig 0.81 job_type
//   Packaging -> ValueError
//   ModelCalibration_calibration -> ValueError
//   TabularPreprocessing -> TabularPreprocessing_training TabularPreprocessingConfig 1.00 direct_name
//   collision: Duplicate step-name collision(s): nodes ['TabularPreprocessing_training', 'TabularPreprocessing']
//     -> step name 'TabularPreprocessing-Training'. MODS rejects duplicate step names at execution time.
//
// (The ValueError is the resolver's ResolutionError where `core.compiler.exceptions` cannot be imported.)
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics } from './helpers';

const CODES = ['RL097', 'RL098', 'RL099', 'RL100'];

const CORE = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "CradleDataLoading": {"config_class": "CradleDataLoadingConfig", "builder_step_name": "CradleDataLoadingStepBuilder", "spec_type": "CradleDataLoading", "sagemaker_step_type": "CradleDataLoading", "description": "d"},
    "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "builder_step_name": "TabularPreprocessingStepBuilder", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "d"},
    "XGBoostTraining": {"config_class": "XGBoostTrainingConfig", "builder_step_name": "XGBoostTrainingStepBuilder", "spec_type": "XGBoostTraining", "sagemaker_step_type": "Training", "description": "d"},
    "Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Processing", "description": "d"},
    "ModelCalibration": {"config_class": "ModelCalibrationConfig", "builder_step_name": "ModelCalibrationStepBuilder", "spec_type": "ModelCalibration", "sagemaker_step_type": "Processing", "description": "d"},
}
`;

const CONFIG = `{
  "configuration": {
    "shared": {"bucket": "b"},
    "specific": {
      "CradleDataLoading_training": {"job_type": "training"},
      "TabularPreprocessing_training": {"job_type": "training"},
      "XGBoostTraining": {},
      "Package": {}
    }
  },
  "metadata": {"config_types": {
    "CradleDataLoading_training": "CradleDataLoadingConfig",
    "TabularPreprocessing_training": "TabularPreprocessingConfig",
    "XGBoostTraining": "XGBoostTrainingConfig",
    "Package": "PackageConfig"
  }}
}`;

describe('pipeline DAGs paired with their config (the resolver of cursus)', () => {
  it("resolves a project's DAG as the resolver does: a missing config, a guess, a step-name collision", async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/p/pipeline_config/config.json
${CONFIG}
//- /projects/p/pipeline.py
from cursus.api.dag.base_dag import PipelineDAG

dag = PipelineDAG()
dag.add_node("CradleDataLoading_training")
dag.add_node("tabularpreprocessing_training")
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL099 generate the step name 'TabularPreprocessing-Training'
dag.add_node("XGBoostTrainng")
#            ^^^^^^^^^^^^^^^^ RL098 binds it to 'TabularPreprocessing_training' (TabularPreprocessingConfig) by a job_type match (0.81), silently
#            ^^^^^^^^^^^^^^^^ RL099 generate the step name
dag.add_node("Packaging")
#            ^^^^^^^^^^^ RL097 No configuration found for node 'Packaging'
dag.add_node("ModelCalibration_calibration")
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL097 No configuration found
dag.add_node("TabularPreprocessing")
#            ^^^^^^^^^^^^^^^^^^^^^^ RL099 generate the step name
dag.add_edge("CradleDataLoading_training", "tabularpreprocessing_training")
dag.add_edge("tabularpreprocessing_training", "XGBoostTrainng")
dag.add_edge("XGBoostTrainng", "Packaging")
dag.add_edge("Packaging", "ModelCalibration_calibration")
dag.add_edge("ModelCalibration_calibration", "TabularPreprocessing")
`,
      {},
      { only: CODES },
    );
  });

  it('pairs a DAG with the config its code compiles it with, a path resolved from the module file', async () => {
    const text = `${CORE}
//- /projects/q/settings/my_config.json
${CONFIG}
//- /projects/q/pipeline_config/config.json
{"configuration": {"shared": {}, "specific": {}}, "metadata": {"config_types": {}}}
//- /projects/q/build.py
from pathlib import Path
from cursus.api.dag.base_dag import PipelineDAG
from cursus.core.compiler.dag_compiler import PipelineDAGCompiler

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "settings" / "my_config.json"

dag = PipelineDAG(nodes=["XGBoostTraining", "Packge"], edges=[("XGBoostTraining", "Packge")])
#                                           ^^^^^^^^ RL097 No configuration found for node 'Packge' in projects/q/settings/my_config.json
compiler = PipelineDAGCompiler(config_path=str(CONFIG))
report = compiler.validate_dag_compatibility(dag)
`;
    await checkDiagnostics(text, {}, { only: CODES });
    // not yet read (outside any config folder, a walk passes it over): the host is asked to read it
    const { engine } = await analyze(text.replace(`//- /projects/q/settings/my_config.json\n${CONFIG}`, ''));
    assert.deepEqual(engine.interest().files, ['projects/q/settings/my_config.json']);
  });

  it('pairs every DAG of a project folder with its one config (none when it holds several)', async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/r/pipeline_configs/config_v2.json
${CONFIG}
//- /projects/r/pipeline_configs/execute_doc.json
{"configuration": {"shared": {}, "specific": {}}, "metadata": {"config_types": {"Other": "PackageConfig"}}}
//- /projects/r/main.dag.json
{"dag": {"nodes": ["XGBoostTraining", "ModelCalibration"], "edges": [["XGBoostTraining", "ModelCalibration"]]}}
//                                    ^^^^^^^^^^^^^^^^^^ RL097 No configuration found for node 'ModelCalibration'
//- /projects/two/pipeline_config/a.json
${CONFIG}
//- /projects/two/pipeline_config/b.json
${CONFIG}
//- /projects/two/main.dag.json
{"dag": {"nodes": ["XGBoostTraining", "ModelCalibration"], "edges": [["XGBoostTraining", "ModelCalibration"]]}}
`,
      {},
      { only: CODES },
    );
  });

  it('pairs a DAG file with the config compile_dag_to_pipeline() compiles it with', async () => {
    await checkDiagnostics(
      `${CORE}
//- /jobs/cfg.json
${CONFIG}
//- /jobs/dags/main.dag.json
{"dag": {"nodes": ["XGBoostTraining", "Package_x"], "edges": [["XGBoostTraining", "Package_x"]]}}
//                                    ^^^^^^^^^^^ RL097 No configuration found for node 'Package_x' in jobs/cfg.json
//- /jobs/run.py
from cursus.api.dag.base_dag import PipelineDAG
from cursus.core.compiler.dag_compiler import compile_dag_to_pipeline

pipeline = compile_dag_to_pipeline(dag_path="dags/main.dag.json", config_path="cfg.json")
`,
      {},
      { only: CODES },
    );
  });

  it("explains a node's resolution as preview_resolution() shows it: config, class, step, builder, job type, match", async () => {
    const { engine } = await analyze(`${CORE}
//- /projects/p/pipeline_config/config.json
${CONFIG}
//- /projects/p/main.dag.json
{"dag": {"nodes": ["tabularpreprocessing_training", "XGBoostTraining"], "edges": [["tabularpreprocessing_training", "XGBoostTraining"]]}}
`);
    const sections = engine.explain({ step: 'TabularPreprocessing' }).sections ?? [];
    const rows = sections.find((s) => s.title.startsWith('Config resolution'))?.rows ?? [];
    assert.deepEqual(
      rows.map((r) => [r.label, r.text]),
      [
        [
          'projects/p/main.dag.json: tabularpreprocessing_training',
          "config 'TabularPreprocessing_training' of projects/p/pipeline_config/config.json, class " +
            'TabularPreprocessingConfig, step TabularPreprocessing, builder TabularPreprocessingStepBuilder, ' +
            'job_type training; matched by key in another case, confidence 1.00',
        ],
      ],
    );
  });

  it('pairs a DAG its code and project name no config for with the one the setting names', async () => {
    const text = `${CORE}
//- /conf/pipeline.json
${CONFIG}
//- /dags/main.dag.json
{"dag": {"nodes": ["XGBoostTraining", "Package_x"], "edges": [["XGBoostTraining", "Package_x"]]}}
//                                    ^^^^^^^^^^^ RL097 No configuration found for node 'Package_x' in conf/pipeline.json
`;
    await checkDiagnostics(text, { dagPipelineConfig: 'conf/pipeline.json' }, { only: CODES });
  });

  it("pairs a notebook's DAG with the config a cell compiles it with, from the notebook's folder", async () => {
    const found = await checkDiagnostics(
      `${CORE}
//- /nb/cfg/config.json
${CONFIG}
//- /nb/run.ipynb
{"cells": [
 {"cell_type": "code", "source": ["dag = PipelineDAG(nodes=[\\"XGBoostTraining\\", \\"Package_y\\"], edges=[(\\"XGBoostTraining\\", \\"Package_y\\")])\\n"]},
 #                                                                               ^^^^^^^^^^^^^ RL097 No configuration found for node 'Package_y' in nb/cfg/config.json
 {"cell_type": "code", "source": ["compiler = PipelineDAGCompiler(config_path=\\"cfg/config.json\\")\\n", "compiler.compile(dag)\\n"]}
], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
`,
      {},
      { only: CODES },
    );
    assert.equal(found[0]?.cell?.index, 0);
  });
});
