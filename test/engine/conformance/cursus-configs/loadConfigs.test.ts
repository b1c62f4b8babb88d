// Conformance: each config rule against cursus's own compile-path loader (`steps/configs/utils.py`
// `load_configs`, cursus at TianpeiLuke/cursus HEAD, Python 3.11.7, pydantic 2.13.4; sagemaker, boto3 and the
// other absent SDKs stubbed as modules of dummy classes). Each case below is the JSON the command read
// (written by a generator from one valid config, `ok`); the engine's codes on it are asserted. Command:
//
//   cd cursus && for f in cases/*.json; do echo "== $f"; PYTHONPATH=src python run_load.py $f \
//     job_type label_name max_workers batch_size bucket optimize_memory processing_script_arguments; done
//
// where run_load.py installs the stubs, calls `load_configs(path)` and prints `RAISED <error>` or, per
// config, `LOADED <key>: <class> {<those fields>}` (logging at ERROR). Output (pydantic's URL lines cut):
//
//   == job_type_collision.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'calibration', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   LOADED TabularPreprocessing_calibration: TabularPreprocessingConfig {'job_type': 'calibration', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == job_type_mismatch.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'calibration', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == lax_int.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 4, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == missing_required.json
//   ERROR cursus.core.config_fields.type_aware_config_serializer: Failed to instantiate TabularPreprocessingConfig: 1 validation error for TabularPreprocessingConfig
//   bucket
//     Field required [type=missing, input_value={'author': 'a', 'role': '...ing', 'label_name': 'y'}, input_type=dict]
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': '<unset>', 'optimize_memory': False, 'processing_script_arguments': None}
//   == missing_required_no_model_type.json
//   ERROR cursus.steps.configs.utils: Failed to create config for TabularPreprocessing_training: 1 validation error for TabularPreprocessingConfig
//   bucket
//     Field required [type=missing, input_value={'author': 'a', 'role': '...ing', 'label_name': 'y'}, input_type=dict]
//   ERROR cursus.steps.configs.utils: Error loading configs: Failed to load 1 config(s) declared in /tmp/h83py/cases/missing_required_no_model_type.json metadata.config_types: TabularPreprocessing_training (TabularPreprocessingConfig): 1 validation error for Tabul
//   bucket
//     Field required [type=missing, input_value={'author': 'a', 'role': '...ing', 'label_name': 'y'}, input_type=dict]
//   RAISED ValueError: Failed to load 1 config(s) declared in /tmp/h83py/cases/missing_required_no_model_type.json metadata.config_types: TabularPreprocessing_training (TabularPreprocessingConfig): 1 validation error for TabularPreprocessingConfig
//   bucket
//     Field required [type=missing, input_value={'author': 'a', 'role': '...ing', 'label_name': 'y'}, input_type=dict]
//   == ok.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == specific_without_type.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == type_without_specific.json
//   ERROR cursus.steps.configs.utils: Failed to create config for TabularPreprocessing_training: 1 validation error for TabularPreprocessingConfig
//   job_type
//     Field required [type=missing, input_value={'author': 'a', 'bucket':...p', 'source_dir': 'src'}, input_type=dict]
//   ERROR cursus.steps.configs.utils: Error loading configs: Failed to load 1 config(s) declared in /tmp/h83py/cases/type_without_specific.json metadata.config_types: TabularPreprocessing_training (TabularPreprocessingConfig): 1 validation error for TabularPreproc
//   job_type
//     Field required [type=missing, input_value={'author': 'a', 'bucket':...p', 'source_dir': 'src'}, input_type=dict]
//   RAISED ValueError: Failed to load 1 config(s) declared in /tmp/h83py/cases/type_without_specific.json metadata.config_types: TabularPreprocessing_training (TabularPreprocessingConfig): 1 validation error for TabularPreprocessingConfig
//   job_type
//     Field required [type=missing, input_value={'author': 'a', 'bucket':...p', 'source_dir': 'src'}, input_type=dict]
//   == typo_field.json
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == unknown_class.json
//   ERROR cursus.steps.configs.utils: Error loading configs: Failed to load 1 config(s) declared in /tmp/h83py/cases/unknown_class.json metadata.config_types: TabularPreprocessing_training: config class 'TabularPreprocesingConfig' not found in discovered config_cl
//   RAISED ValueError: Failed to load 1 config(s) declared in /tmp/h83py/cases/unknown_class.json metadata.config_types: TabularPreprocessing_training: config class 'TabularPreprocesingConfig' not found in discovered config_classes
//   == wrong_type_bool.json
//   ERROR cursus.core.config_fields.type_aware_config_serializer: Failed to instantiate TabularPreprocessingConfig: 1 validation error for TabularPreprocessingConfig
//   optimize_memory
//     Input should be a valid boolean, unable to interpret input [type=bool_parsing, input_value='sometimes', input_type=str]
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': 'sometimes', 'processing_script_arguments': None}
//   == wrong_type_int.json
//   ERROR cursus.core.config_fields.type_aware_config_serializer: Failed to instantiate TabularPreprocessingConfig: 1 validation error for TabularPreprocessingConfig
//   max_workers
//     Input should be a valid integer, unable to parse string as an integer [type=int_parsing, input_value='many', input_type=str]
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 'many', 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//   == wrong_type_list.json
//   ERROR cursus.core.config_fields.type_aware_config_serializer: Failed to instantiate TabularPreprocessingConfig: 1 validation error for TabularPreprocessingConfig
//   processing_script_arguments
//     Input should be a valid list [type=list_type, input_value='--x', input_type=str]
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 'y', 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': '--x'}
//   == wrong_type_str.json
//   ERROR cursus.core.config_fields.type_aware_config_serializer: Failed to instantiate TabularPreprocessingConfig: 1 validation error for TabularPreprocessingConfig
//   label_name
//     Input should be a valid string [type=string_type, input_value=5, input_type=int]
//   LOADED TabularPreprocessing_training: TabularPreprocessingConfig {'job_type': 'training', 'label_name': 5, 'max_workers': 0, 'batch_size': 5, 'bucket': 'b', 'optimize_memory': False, 'processing_script_arguments': None}
//
// So: an unknown class raises (RL091, error); a `specific` entry without `config_types` is never loaded
// (RL092: `Package` is absent from the output); a missing required field raises without `__model_type__`
// and is logged then built without it (`bucket: <unset>`) with it (RL093, error); a wrong type is logged
// and built with the wrong value (RL094, error); `"4"` for an int is accepted (no report); a misspelt field
// is dropped (`batch_size` keeps 5: RL095, warning); a contradicting `job_type` loads silently (RL096, warning).
import { strict as assert } from 'node:assert';
import { analyze } from '../../helpers';

const CODES = ['RL091', 'RL092', 'RL093', 'RL094', 'RL095', 'RL096'];

/** The fields of cursus's classes the cases touch, as they are declared there (bases first). */
const CURSUS = `
//- /src/cursus/registry/step_names.py
STEP_NAMES = {
    "TabularPreprocessing": {"config_class": "TabularPreprocessingConfig", "builder_step_name": "TabularPreprocessingStepBuilder", "spec_type": "TabularPreprocessing", "sagemaker_step_type": "Processing", "description": "d"},
    "Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "spec_type": "Package", "sagemaker_step_type": "Processing", "description": "d"},
}
//- /src/cursus/core/base/config_base.py
class BasePipelineConfig(BaseModel, ABC):
    author: str = Field(description="Author or owner of the pipeline.")
    bucket: str = Field(description="S3 bucket name for pipeline artifacts and data.")
    role: str = Field(description="IAM role for pipeline execution.")
    region: str = Field(description="Custom region code (NA, EU, FE) for internal logic.")
    service_name: str = Field(description="Service name for the pipeline.")
    pipeline_version: str = Field(description="Version string for the SageMaker Pipeline.")
    source_dir: Optional[str] = Field(default=None, description="Common source directory.")
    project_root_folder: str = Field(description="Root folder name for the user's project")
//- /src/cursus/steps/configs/config_processing_step_base.py
class ProcessingStepConfigBase(BasePipelineConfig):
    processing_script_arguments: Optional[List[str]] = Field(default=None, description="Optional arguments")
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig(ProcessingStepConfigBase):
    job_type: str = Field(description="One of ['training','validation','testing','calibration']")
    label_name: Optional[str] = Field(default=None, description="Label field name")
    max_workers: int = Field(default=0, description="Workers")
    batch_size: int = Field(default=5, description="Batch size")
    optimize_memory: bool = Field(default=False, description="Memory")
`;

const CASES: [string, string[], string][] = [
  [
    'ok',
    [],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'unknown_class',
    ['RL091'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocesingConfig"}}}`,
  ],
  [
    'specific_without_type',
    ['RL092'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y"},"Package":{"__model_type__":"PackageConfig"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'type_without_specific',
    ['RL093'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'missing_required',
    ['RL093'],
    `{"configuration":{"shared":{"author":"a","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'missing_required_no_model_type',
    ['RL093'],
    `{"configuration":{"shared":{"author":"a","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"job_type":"training","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'wrong_type_str',
    ['RL094'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":5}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'wrong_type_int',
    ['RL094'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y","max_workers":"many"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'lax_int',
    [],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y","max_workers":"4"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'wrong_type_list',
    ['RL094'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y","processing_script_arguments":"--x"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'wrong_type_bool',
    ['RL094'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y","optimize_memory":"sometimes"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'typo_field',
    ['RL095'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"training","label_name":"y","batch_sise":7}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'job_type_mismatch',
    ['RL096'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"calibration","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig"}}}`,
  ],
  [
    'job_type_collision',
    ['RL096'],
    `{"configuration":{"shared":{"author":"a","bucket":"b","role":"arn:aws:iam::1:role/r","region":"NA","service_name":"s","pipeline_version":"1.0.0","project_root_folder":"p","source_dir":"src"},"specific":{"TabularPreprocessing_training":{"__model_type__":"TabularPreprocessingConfig","job_type":"calibration","label_name":"y"},"TabularPreprocessing_calibration":{"__model_type__":"TabularPreprocessingConfig","job_type":"calibration","label_name":"y"}}},"metadata":{"config_types":{"TabularPreprocessing_training":"TabularPreprocessingConfig","TabularPreprocessing_calibration":"TabularPreprocessingConfig"}}}`,
  ],
];

describe('conformance: pipeline configs against cursus load_configs', () => {
  for (const [name, codes, json] of CASES) {
    it(`${name}: ${codes.length > 0 ? codes.join(', ') : 'nothing'}`, async () => {
      const { engine } = await analyze(`${CURSUS}\n//- /p/pipeline_config/${name}.json\n${json}\n`);
      const got = engine.allDiagnostics().filter((d) => CODES.includes(d.code));
      assert.deepEqual(
        got.map((d) => d.code),
        codes,
      );
    });
  }
});
