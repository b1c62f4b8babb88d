// The canonical-name algorithm of SPEC §5 on the file names of real cursus components.
import { strict as assert } from 'node:assert';
import { canonicalName, componentStem } from '../../server/src/engine/util/canonical';
import { snakeCase } from '../../server/src/engine/util/naming';

const NAMES = [
  'XGBoostTraining',
  'XGBoostModelEval',
  'TabularPreprocessing',
  'PyTorchTraining',
  'RiskTableMapping',
  'CradleDataLoading',
  'Package',
  'ModelCalibration',
  'Registration',
];

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
    assert.deepEqual(['XGBoostTraining', 'PyTorchModel', 'LightGBMTraining', 'TabularPreprocessing'].map(snakeCase), [
      'xgboost_training',
      'pytorch_model',
      'lightgbm_training',
      'tabular_preprocessing',
    ]);
  });
});

describe('snakeCase in one pass (R27)', () => {
  /** The pattern it replaces, as the reference: it backtracks through each run of capitals from each position. */
  const before = (name: string): string => {
    let s = name;
    const acronyms = [
      [/XGBoost/g, 'Xgboost'],
      [/PyTorch/g, 'Pytorch'],
      [/LightGBM/g, 'Lightgbm'],
    ] as const;
    for (const [re, rep] of acronyms) s = s.replace(re, rep);
    s = s.replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    return s.replace(/[-\s]+/g, '_').toLowerCase();
  };

  it('equals the backtracking pattern on 20,000 random names and the names of real registries', () => {
    let seed = 27;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = 'AAAABBXGZaabbcz019 -_';
    const names = [
      'XGBoostTraining',
      'PyTorchModel',
      'LightGBMMTTraining',
      'ABCWord',
      'MyABCStep',
      'HTTPServerURLParser',
      'A',
      'AB',
      'ABc',
      'aB',
      'a1B',
      '1A',
      'TabularPreprocessing',
      'XGBoostXGBoost',
      'already_snake',
      'Mixed-Case Name',
      'ABC123Def',
      'ÄBCdef',
      ...Array.from({ length: 20_000 }, () =>
        Array.from({ length: rnd(16) }, () => alphabet[rnd(alphabet.length)]).join(''),
      ),
    ];
    for (const name of names) assert.equal(snakeCase(name), before(name), name);
  });
});
