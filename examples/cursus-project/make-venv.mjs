#!/usr/bin/env node
// Writes a small cursus 2.9.32 install into `.venv/` of this project (or of the project folder given): the layout pip
// leaves in a virtual environment (`pyvenv.cfg`, `lib/python3.11/site-packages/`, the distribution's `dist-info`) and
// the few files of the package that make its step table — the registry's built-in rows, three steps' interfaces and
// configs, builder discovery — in the shapes of 2.9.32's own. Nothing is downloaded and nothing runs: Registry Lens
// reads these files as the installed framework. `node make-venv.mjs [PROJECT_DIR]`; `.venv/` is git-ignored.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(process.argv[2] ?? dirname(fileURLToPath(import.meta.url)));
const venv = join(project, '.venv');
const site = join(venv, 'lib', 'python3.11', 'site-packages');

/** A step's interface file (cursus 2.x `steps/interfaces/*.step.yaml`). */
function iface(step, type, script) {
  return [
    `step_type: ${step}`,
    'registry:',
    `  sagemaker_step_type: ${type}`,
    `  description: ${step}`,
    'contract:',
    `  entry_point: ${script}`,
    'spec: {}',
    '',
  ].join('\n');
}

const cursus = {
  '__init__.py': '__version__ = "2.9.32"\n',
  'step_catalog/__init__.py': '',
  'step_catalog/builder_discovery.py':
    'class BuilderAutoDiscovery:\n    def _synthesize_builder(self, step_name):\n        pass\n',
  'registry/__init__.py': '',
  // The steps no interface file declares: the base classes' rows (registry/interface_registry_loader.py).
  'registry/interface_registry_loader.py': [
    '_EXTRAS = {',
    '    "Processing": {"config_class": "ProcessingStepConfigBase", "builder_step_name": "ProcessingStepBuilder",',
    '                   "spec_type": "Processing", "sagemaker_step_type": "Processing",',
    '                   "description": "Base processing step"},',
    '}',
    '',
  ].join('\n'),
  'steps/interfaces/cradle_data_loading.step.yaml': iface('CradleDataLoading', 'CradleDataLoading', 'null'),
  'steps/interfaces/tabular_preprocessing.step.yaml': iface(
    'TabularPreprocessing',
    'Processing',
    'tabular_preprocessing.py',
  ),
  'steps/interfaces/xgboost_training.step.yaml': iface('XGBoostTraining', 'Training', 'xgboost_training.py'),
  'steps/configs/config_cradle_data_loading_step.py': 'class CradleDataLoadingConfig:\n    pass\n',
  'steps/configs/config_tabular_preprocessing_step.py': 'class TabularPreprocessingConfig:\n    pass\n',
  'steps/configs/config_xgboost_training_step.py': 'class XGBoostTrainingConfig:\n    pass\n',
  'steps/scripts/tabular_preprocessing.py': 'def main():\n    pass\n',
  'steps/scripts/xgboost_training.py': 'def main():\n    pass\n',
};

const files = {
  'pyvenv.cfg': 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n',
  'lib/python3.11/site-packages/cursus-2.9.32.dist-info/METADATA':
    'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
  'lib/python3.11/site-packages/cursus-2.9.32.dist-info/top_level.txt': 'cursus\n',
  'lib/python3.11/site-packages/cursus-2.9.32.dist-info/INSTALLER': 'pip\n',
  'lib/python3.11/site-packages/cursus-2.9.32.dist-info/RECORD': Object.keys(cursus)
    .map((rel) => `cursus/${rel},,\n`)
    .join(''),
  ...Object.fromEntries(Object.entries(cursus).map(([rel, text]) => [`lib/python3.11/site-packages/cursus/${rel}`, text])),
};

rmSync(venv, { recursive: true, force: true });
for (const [rel, text] of Object.entries(files)) {
  const file = join(venv, ...rel.split('/'));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log(`cursus 2.9.32 written into ${venv} (${Object.keys(cursus).length} files in ${site})`);
