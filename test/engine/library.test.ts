// Library folders (`setLibrary`: a framework installed in the project's environment, fed for its facts): no
// diagnostic is ever published in a file below one, a skipped one included; the project's diagnostics its facts cause
// stay; leaving the library publishes them again.
import { strict as assert } from 'node:assert';
import { analyze } from './helpers';

const TREE = `
//- /lib/cursus/step_catalog/builder_discovery.py
class BuilderAutoDiscovery:
    def _synthesize_builder(self, step_name):
        pass
//- /lib/cursus/registry/interface_registry_loader.py
_EXTRAS = {}
//- /lib/cursus/steps/interfaces/xgboost_training.step.yaml
step_type: XGBoostTraining
registry:
  sagemaker_step_type: Training
  description: Trains
contract:
  entry_point: missing_script.py
spec: {}
//- /dags/p.dag.json
{"dag": {"nodes": ["XGBoostTrainng", "XGBoostTraining_x"], "edges": [["XGBoostTraining_x", "XGBoostTrainng"]]}}
`;

describe('library folders (setLibrary)', () => {
  it("publishes nothing in a library file, keeps the project's diagnostics its facts cause, and counts only those", async () => {
    const { engine } = await analyze(TREE);
    const files = (): string[] => [...new Set(engine.allDiagnostics().map((d) => d.file))];
    assert.ok(files().includes('lib/cursus/steps/interfaces/xgboost_training.step.yaml'), files().join());
    const project = engine.allDiagnostics().filter((d) => d.file.startsWith('dags/'));
    assert.ok(project.some((d) => d.code === 'RL039'));

    engine.setSkipped('lib/cursus/steps/configs/big.py', 'too large');
    engine.setLibrary(['lib/cursus']);
    engine.setSkipped('lib/cursus/steps/configs/huge.py', 'too large');
    const changed = engine.update();
    assert.ok(changed.includes('lib/cursus/steps/interfaces/xgboost_training.step.yaml'));
    assert.deepEqual(files(), ['dags/p.dag.json']);
    assert.deepEqual(engine.allDiagnostics(), project);
    assert.deepEqual(engine.diagnostics('lib/cursus/steps/configs/huge.py'), []);
    assert.deepEqual(engine.diagnostics('lib/cursus/steps/configs/big.py'), []);
    const s = engine.summary();
    assert.equal(s.errors + s.warnings + s.information + s.hints, project.length);

    engine.setLibrary([]);
    engine.update();
    assert.ok(files().includes('lib/cursus/steps/interfaces/xgboost_training.step.yaml'));
  });
});
