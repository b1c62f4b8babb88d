// Step packs (cursus ≥ 2.8): `<project>/step_pack/{interfaces,configs,scripts}` merged over the package's
// table as `refresh_registry()` merges it (the pack's row wins), every interface check inside the pack,
// and a clash with the package's interface or `_EXTRAS` row said as cursus resolves it (checked against
// cursus 2.9.32's `refresh_registry()` and `_resolve_interface_path()`).
import { strict as assert } from 'node:assert';
import { analyze, checkDiagnostics, checkExplain } from './helpers';

const CORE = `
//- /src/cursus/registry/interface_registry_loader.py
_EXTRAS = {
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
}
//- /src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
registry:
  sagemaker_step_type: Processing
  description: The package's
contract:
  entry_point: null
spec: {}
//- /src/cursus/steps/configs/config_tabular_preprocessing_step.py
class TabularPreprocessingConfig:
    pass
`;

const iface = (step: string, script: string): string => `step_type: ${step}
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: ${script}
spec: {}`;

const PACK = `
//- /projects/p/step_pack/interfaces/fraud_score.step.yaml
${iface('FraudScore', 'fraud_score.py')}
//- /projects/p/step_pack/interfaces/fraud_label.step.yaml
${iface('FraudLabel', 'fraud_label.py')}
//- /projects/p/step_pack/configs/config_fraud_score_step.py
class FraudScoreConfig:
    pass
//- /projects/p/step_pack/configs/config_fraud_label_step.py
class FraudLabelConfig:
    pass
//- /projects/p/step_pack/scripts/fraud_score.py
def main():
    pass
`;

describe('step packs (cursus >= 2.8)', () => {
  it('a pack\'s steps join the table, with its configs and scripts; its interfaces get every interface check', async () => {
    const { engine } = await analyze(`${CORE}${PACK}`);
    assert.ok(engine.stepNames().includes('FraudScore'));
    assert.deepEqual(engine.allDiagnostics().filter((d) => d.severity !== 'hint').map((d) => `${d.file} ${d.code}`),
      ['projects/p/step_pack/interfaces/fraud_label.step.yaml RL017']);
  });

  it('RL063: a pack step the package defines too (its row wins, the package\'s interface is loaded); one named like an _EXTRAS row is dropped', async () => {
    await checkDiagnostics(`${CORE}${PACK}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
step_type: TabularPreprocessing
#          ^^^^^^^^^^^^^^^^^^^^ RL063 loads src/cursus/steps/interfaces/tabular_preprocessing.step.yaml
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
//- /projects/p/step_pack/interfaces/processing.step.yaml
step_type: Processing
#          ^^^^^^^^^^ RL063 drops pack rows named like an _EXTRAS row
registry:
  sagemaker_step_type: Processing
  description: The pack's
contract:
  entry_point: null
spec: {}
`, {}, { only: ['RL063', 'RL032'] });
  });

  it('Explain of a clashing step says the row is the pack\'s and the interface the package\'s', async () => {
    await checkExplain(`${CORE}
//- /projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml
${iface('TabularPreprocessing', 'null')}
`, { step: 'TabularPreprocessing' }, (x) => {
      const pack = x.sections?.find((s) => s.title === 'Step pack');
      assert.deepEqual(pack?.rows.map((r) => `${r.label} ${r.file}`), [
        'row projects/p/step_pack/interfaces/tabular_preprocessing.step.yaml',
        'interface src/cursus/steps/interfaces/tabular_preprocessing.step.yaml',
      ]);
      assert.equal(x.winner?.fields?.['description'], 'The pack\'s');
    });
  });
});
