// The canonical-name algorithm of SPEC §5 on the file names of real cursus components.
import { strict as assert } from 'node:assert';
import { canonicalName, componentStem } from '../../server/src/engine/util/canonical';
import { snakeCase } from '../../server/src/engine/util/naming';

const NAMES = ['XGBoostTraining', 'XGBoostModelEval', 'TabularPreprocessing', 'PyTorchTraining', 'RiskTableMapping', 'CradleDataLoading', 'Package', 'ModelCalibration', 'Registration'];

describe('canonical names (SPEC §5)', () => {
  const cases: [string, string | null][] = [
    ['builder_xgboost_training_step.py', 'XGBoostTraining'],
    ['config_tabular_preprocessing_step.py', 'TabularPreprocessing'],
    ['tabular_preprocessing_training_spec.py', 'TabularPreprocessing'],
    ['risk_table_mapping_calibration_spec.py', 'RiskTableMapping'],
    ['xgb_model_eval_contract.py', 'XGBoostModelEval'],
    ['pytorch_training_contract.py', 'PyTorchTraining'],
    ['mims_registration_spec.py', 'Registration'],
    ['data_loading_cradle_contract.py', 'CradleDataLoading'],
    ['package.py', 'Package'],
    ['completely_unrelated_thing.py', null],
  ];
  for (const [file, want] of cases) it(`${file} → ${want}`, () => assert.equal(canonicalName(file, NAMES), want));

  it('strips component prefixes and suffixes', () => {
    assert.equal(componentStem('src/x/builder_model_calibration_step.py'), 'model_calibration');
  });

  it('snake_cases step names like cursus file names', () => {
    assert.deepEqual(['XGBoostTraining', 'PyTorchModel', 'LightGBMTraining', 'TabularPreprocessing'].map(snakeCase),
      ['xgboost_training', 'pytorch_model', 'lightgbm_training', 'tabular_preprocessing']);
  });
});
