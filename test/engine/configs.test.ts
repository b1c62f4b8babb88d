// The pipeline config family (a cursus project's `pipeline_config/*.json`): what the compile path's
// loader does with each entry, on the JSON key or value, and the editor features on `config_types`
// values and `specific` keys. The conformance of each rule with cursus's real loader is in
// test/engine/conformance/cursus-configs/loadConfigs.test.ts.
import { checkCompletion, checkDefinition, checkDiagnostics, checkHover } from './helpers';

const CONFIG_CODES = ['RL091', 'RL092', 'RL093', 'RL094', 'RL095', 'RL096'];

/** A core with a registry, the base config and one step's config class (a chain of three classes). */
const CORE = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "TabularPreprocessing": {
        "config_class": "TabularPreprocessingConfig",
        "builder_step_name": "TabularPreprocessingStepBuilder",
        "spec_type": "TabularPreprocessing",
        "sagemaker_step_type": "Processing",
        "description": "Preprocesses tables",
    },
}
//- /src/cursus/core/base/config_base.py
class BasePipelineConfig(BaseModel, ABC):
    _cache: Dict[str, Any] = PrivateAttr(default_factory=dict)
    _REGION: ClassVar[Dict[str, str]] = {}
    author: str = Field(description="Author or owner of the pipeline.")
    bucket: str = Field(description="S3 bucket")
    enable_caching: bool = Field(default=False, description="Enable caching")
    source_dir: Optional[str] = Field(default=None, description="Scripts")
//- /src/cursus/steps/configs/config_processing_step_base.py
class ProcessingStepConfigBase(BasePipelineConfig):
    processing_instance_count: int = Field(default=1, ge=1)
    processing_script_arguments: Optional[List[str]] = Field(default=None)
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig(ProcessingStepConfigBase):
    job_type: str = Field(description="One of training, calibration")
    batch_size: int = Field(default=5)
    label_name: Optional[str] = None
`;

describe('pipeline config files (load_configs)', () => {
  it('reports unknown classes, entries never built, missing and mistyped fields, typos and job types', async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/p/pipeline_config/config.json
{"configuration": {
  "shared": {"author": "a", "bucket": "b", "enable_caching": "sometimes"},
  #                                                          ^^^^^^^^^^^ RL094 Input should be a valid boolean
  "specific": {
    "TabularPreprocessing_training": {"__model_type__": "TabularPreprocessingConfig", "job_type": "calibration",
    #                                                                                             ^^^^^^^^^^^^^ RL096 contradicts
      "batch_sise": 7, "processing_instance_count": "many", "processing_script_arguments": "--x"},
    # ^^^^^^^^^^^^ RL095 did you mean 'batch_size'
    #                                               ^^^^^^ RL094 Input should be a valid integer
    #                                                                                      ^^^^^ RL094 valid list
    "TabularPreprocessing_calibration": {"__model_type__": "TabularPreprocessingConfig"},
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL093 'job_type'
    "Package": {"__model_type__": "PackageConfig"}
   #^^^^^^^^^ RL092 no metadata.config_types entry
  }},
 "metadata": {"config_types": {
   "TabularPreprocessing_training": "TabularPreprocessingConfig",
   "TabularPreprocessing_calibration": "TabularPreprocessingConfig",
   "TabularPreprocessing_testing": "TabularPreprocesingConfig"
   #                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^ RL091 Did you mean 'TabularPreprocessingConfig'
 }}}
`,
      {},
      { only: CONFIG_CODES },
    );
  });

  it('accepts what the loader accepts: lax values, optional nulls, unknown far names, a JSON that is no config', async () => {
    await checkDiagnostics(
      `${CORE}
//- /projects/p/pipeline_configs/config.json
{"configuration": {
  "shared": {"author": "a", "bucket": "b", "enable_caching": "yes", "source_dir": null, "region": "NA"},
  "specific": {"TabularPreprocessing_training": {"__model_type__": "TabularPreprocessingConfig",
    "job_type": "training", "batch_size": "4", "label_name": null, "something_else": 1,
    "processing_script_arguments": {"__type_info__": "list", "value": ["--x"]}}}},
 "metadata": {"config_types": {"TabularPreprocessing_training": "TabularPreprocessingConfig"}}}
//- /projects/p/pipeline_config/execute_doc.json
{"PIPELINE_STEP_CONFIGS": {"specific": 1}}
`,
      {},
      { only: CONFIG_CODES },
    );
  });

  it('a config_types value is its class: hover with the registering step, definition, completion', async () => {
    await checkHover(
      `${CORE}
//- /p/pipeline_config/c.json
{"metadata": {"config_types": {"X": "TabularPreprocessing$0Config"}}}
`,
      ['**TabularPreprocessingConfig**', 'config_tabular_preprocessing_step', 'registered by `TabularPreprocessing`'],
    );
    await checkDefinition(`${CORE.replace('class TabularPreprocessingConfig(', 'class TabularPreprocessingConfig(\n')}
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig(ProcessingStepConfigBase):
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^ def
    job_type: str = Field(description="One of training, calibration")
//- /p/pipeline_config/c.json
{"metadata": {"config_types": {"X": "TabularPre$0processingConfig"}}}
`);
    await checkCompletion(
      `${CORE}
//- /p/pipeline_config/c.json
{"metadata": {"config_types": {"X": "Tab$0"}}}
`,
      ['TabularPreprocessingConfig', 'ProcessingStepConfigBase'],
    );
    await checkCompletion(
      `${CORE}
//- /p/pipeline_config/c.json
{"configuration": {"specific": {"X": {"job_type": "training", "$0"}}},
 "metadata": {"config_types": {"X": "TabularPreprocessingConfig"}}}
`,
      ['batch_size', 'author', 'processing_instance_count'],
      ['job_type', '_cache', '_REGION'],
    );
  });
});
