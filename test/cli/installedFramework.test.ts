// A project that installs cursus and keeps its own step pack and DAGs: the installed package's files are read for
// their facts (its step table, builder discovery, build strategies) wherever the environment lies — in the root, given
// by --python-env, activated (VIRTUAL_ENV), or an editable install whose source tree is elsewhere — so the project's
// findings are the same in each, and none is ever reported in the environment's files.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { removeTrees, runJson, writeTree, type Tree } from './helpers';

/** A small cursus 2.x package (the shapes of 2.9.32's files), as installed: paths below its package folder. */
const CURSUS: Tree = {
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
  'core/base/builder_templates.py': `@register_strategy(axis="step_assembly", name="code")
class ProcessingCodeHandler:
    pass

@register_strategy(
    axis="sagemaker_step_type",
    name="Training",
)
class TrainingHandler:
    pass
`,
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
const PROJECT: Tree = {
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

const SITE = 'lib/python3.11/site-packages';

/** cursus installed in the environment `prefix` (a folder of a tree), with the dist-info pip writes. */
function installed(prefix: string): Tree {
  const site = `${prefix}${SITE}`;
  return {
    [`${prefix}pyvenv.cfg`]: 'home = /usr/bin\nversion = 3.11.7\n',
    [`${site}/cursus-2.9.32.dist-info/METADATA`]: 'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
    [`${site}/cursus-2.9.32.dist-info/top_level.txt`]: 'cursus\n',
    [`${site}/cursus-2.9.32.dist-info/RECORD`]: 'cursus/__init__.py,,\n',
    ...Object.fromEntries(Object.entries(CURSUS).map(([rel, text]) => [`${site}/cursus/${rel}`, text])),
  };
}

interface Reported {
  diagnostics: { file: string; code: string; range: { start: { line: number } }; message: string }[];
  summary: { errors: number; warnings: number; information: number; hints: number; sources: number };
}

function check(args: string[]): Reported {
  return runJson(['check', ...args, '--format', 'json', '--fail-on', 'never']).json as unknown as Reported;
}

/** Each diagnostic, the installed package's folder named alike wherever it lies (messages name where they looked). */
const shown = (r: Reported): string[] =>
  r.diagnostics.map(
    (d) =>
      `${d.file}:${d.range.start.line} ${d.code} ${d.message.replace(/(\.venv\/lib\/python3\.11\/site-packages|<python-env>)\/cursus\//g, 'cursus/')}`,
  );

describe('cli check: the framework as the project has it installed', () => {
  const saved = { VIRTUAL_ENV: process.env['VIRTUAL_ENV'], CONDA_PREFIX: process.env['CONDA_PREFIX'] };
  beforeEach(() => {
    delete process.env['VIRTUAL_ENV'];
    delete process.env['CONDA_PREFIX'];
  });
  after(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    removeTrees();
  });

  it("finds the same problems in the project's files wherever the environment lies, and none in the environment", () => {
    const inRoot = check([writeTree({ ...PROJECT, ...installed('.venv/') })]);
    const environment = writeTree(installed(''));
    const project = writeTree(PROJECT);
    const byFlag = check([project, '--python-env', environment]);
    process.env['VIRTUAL_ENV'] = environment;
    const byVariable = check([project]);
    delete process.env['VIRTUAL_ENV'];
    // An editable install: a .pth line naming a source tree outside the root.
    const source = writeTree(
      Object.fromEntries(Object.entries(CURSUS).map(([rel, text]) => [`src/cursus/${rel}`, text])),
    );
    const editable = writeTree({
      ...PROJECT,
      '.venv/pyvenv.cfg': 'home = /usr/bin\n',
      [`.venv/${SITE}/cursus-2.9.32.dist-info/METADATA`]: 'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
      [`.venv/${SITE}/cursus-2.9.32.dist-info/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n',
      [`.venv/${SITE}/__editable__.cursus-2.9.32.pth`]: `${join(source, 'src')}\n`,
    });
    const byEditable = check([editable]);
    const none = check([project]);

    // What only the step table tells: the DAG's misspelt node (RL039), a node's missing builder (RL060), the pack's
    // step shadowing the package's (RL063), the pack interface without a config.
    const codes = new Set(inRoot.diagnostics.map((d) => d.code));
    for (const code of ['RL039', 'RL060', 'RL063'])
      assert.ok(codes.has(code), `${code} in ${shown(inRoot).join('\n')}`);
    assert.ok(
      inRoot.diagnostics.every((d) => d.file.startsWith('step_pack/') || d.file.startsWith('dags/')),
      shown(inRoot).join('\n'),
    );
    for (const other of [byFlag, byVariable, byEditable]) assert.deepEqual(shown(other), shown(inRoot));
    const counts = ({ summary: { errors, warnings, information, hints, sources } }: Reported): number[] => [
      errors,
      warnings,
      information,
      hints,
      sources,
    ];
    for (const other of [byFlag, byVariable, byEditable]) assert.deepEqual(counts(other), counts(inRoot));
    // Without the framework, the checks that need its table are off.
    assert.ok(!none.diagnostics.some((d) => d.code === 'RL039' || d.code === 'RL063'), shown(none).join('\n'));
  });
});
