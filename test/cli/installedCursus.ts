// A project that keeps a step pack and DAGs and installs cursus: a small cursus 2.x package (the shapes of 2.9.32's
// files) and the project, as trees the tests write, for every front end's test of an installed framework.
import type { Tree } from './helpers';

/** A small cursus 2.x package (the shapes of 2.9.32's files), as installed: paths below its package folder. */
export const CURSUS: Tree = {
  '__init__.py': '__version__ = "2.9.32"\n',
  'step_catalog/builder_discovery.py':
    'class BuilderAutoDiscovery:\n    def _synthesize_builder(self, step_name):\n        pass\n',
  'registry/interface_registry_loader.py': `_EXTRAS = {
    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder", "spec_type": "Processing", "sagemaker_step_type": "Processing", "description": "Base processing step"},
    "HyperparameterPrep": {"config_class": "HyperparameterPrepConfig", "builder_step_name": "HyperparameterPrepStepBuilder", "spec_type": "HyperparameterPrep", "sagemaker_step_type": "Lambda", "description": "Hyperparameters"},
}
`,
  'steps/interfaces/tabular_preprocessing.step.yaml': iface('TabularPreprocessing', 'Processing', 'null'),
  'steps/interfaces/xgboost_training.step.yaml': iface('XGBoostTraining', 'Training', 'null'),
  // A step of the package whose interface names a script the package does not hold: cursus's own business.
  'steps/interfaces/broken_upstream.step.yaml': iface('BrokenUpstream', 'Processing', 'missing_upstream.py'),
  'steps/configs/config_tabular_preprocessing_step.py': 'class TabularPreprocessingConfig:\n    pass\n',
};

function iface(step: string, type: string, script: string): string {
  return `step_type: ${step}
registry:
  sagemaker_step_type: ${type}
  description: ${step}
contract:
  entry_point: ${script}
spec: {}
`;
}

/** The project: a step pack (one interface without its config, one shadowing the package's step) and a DAG. */
export const PROJECT: Tree = {
  'pyproject.toml': '[project]\nname = "fraud"\ndependencies = ["cursus==2.9.32"]\n',
  'step_pack/interfaces/fraud_score.step.yaml': iface('FraudScore', 'Processing', 'fraud_score.py'),
  'step_pack/interfaces/fraud_label.step.yaml': iface('FraudLabel', 'Processing', 'fraud_label.py'),
  'step_pack/interfaces/tabular_preprocessing.step.yaml': iface('TabularPreprocessing', 'Processing', 'null'),
  'step_pack/configs/config_fraud_score_step.py': 'class FraudScoreConfig:\n    pass\n',
  'step_pack/scripts/fraud_score.py': 'def main():\n    pass\n',
  'dags/e2e.dag.json': `{"dag": {
  "nodes": ["TabularPreprocessing_training", "XGBoostTrainng", "FraudScore", "HyperparameterPrep"],
  "edges": [["TabularPreprocessing_training", "XGBoostTrainng"], ["FraudScore", "XGBoostTrainng"],
    ["HyperparameterPrep", "XGBoostTrainng"]]
}}
`,
};

export const SITE = 'lib/python3.11/site-packages';

/** cursus installed in the environment `prefix` (a folder of a tree), with the dist-info pip writes. */
export function installed(prefix: string): Tree {
  const site = `${prefix}${SITE}`;
  return {
    [`${prefix}pyvenv.cfg`]: 'home = /usr/bin\nversion = 3.11.7\n',
    [`${site}/cursus-2.9.32.dist-info/METADATA`]: 'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
    [`${site}/cursus-2.9.32.dist-info/top_level.txt`]: 'cursus\n',
    [`${site}/cursus-2.9.32.dist-info/RECORD`]: 'cursus/__init__.py,,\n',
    ...Object.fromEntries(Object.entries(CURSUS).map(([rel, text]) => [`${site}/cursus/${rel}`, text])),
  };
}
