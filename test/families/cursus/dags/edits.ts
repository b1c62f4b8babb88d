// The DAG family's random edits (test/engine/randomEdits.ts): node names (steps, suffixed, typos),
// edges dropped or reversed, a DAG broken or mended, the build strategies and an interface's type, a
// step pack's interfaces, a pack at a project's root, and the catalogue index's paths and ids.
import type { Edit } from '../../../engine/editKit';

const NODES = [
  'CradleDataLoading_training',
  'XGBoostTraining',
  'XGBoostTrainng',
  'HyperparameterPrep',
  'Registration',
  'xgboost_training_x',
  'Lone',
];

const dags = (files: Map<string, string>): string[] => [...files.keys()].filter((k) => k.endsWith('.dag.json'));

export const DAG_EDITS: Edit[] = [
  // rename one occurrence of a node name (in the nodes or an edge)
  (files, pick) => {
    const f = pick(dags(files));
    if (f === undefined) return null;
    const text = files.get(f) ?? '';
    const names = [...text.matchAll(/"([A-Za-z_]+)"(?!\s*:)/g)].map((m) => m.index ?? 0);
    if (names.length === 0) return null;
    const at = pick(names);
    const end = text.indexOf('"', at + 1);
    return [f, `${text.slice(0, at + 1)}${pick(NODES)}${text.slice(end)}`];
  },
  // drop or reverse an edge, or break / mend the document
  (files, pick) => {
    const f = pick(dags(files));
    if (f === undefined) return null;
    const text = files.get(f) ?? '';
    const r = pick([0, 1, 2, 3]);
    if (r === 0) return [f, text.replace(/,?\s*\["[^"]*", "[^"]*"\]/, '')];
    if (r === 1) return [f, text.replace(/\["([^"]*)", "([^"]*)"\]/, '["$2", "$1"]')];
    if (r === 2) return [f, text.replace(/"dag"/, pick(['"dag" ', '"version": "2.0", "dag"', '"dagg"']))];
    return [f, text.replace('"version": "2.0", ', '').replace('"dagg"', '"dag"')];
  },
  // the build strategies go or come back; an interface's type changes
  (files, pick) => {
    const t = 'src/cursus/core/base/builder_templates.py';
    if (pick([true, false]))
      return files.has(t)
        ? [t, null]
        : [t, '@register_strategy(axis="sagemaker_step_type", name="Training")\nclass T:\n    pass\n'];
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    return f
      ? [
          f,
          (files.get(f) ?? '').replace(
            /sagemaker_step_type: \w+/,
            `sagemaker_step_type: ${pick(['Processing', 'Lambda', 'Training'])}`,
          ),
        ]
      : null;
  },
  // a step pack's interface comes or goes (a clash with the package's step, or a step of its own)
  (files, pick) => {
    const f = `projects/fraud/step_pack/interfaces/${pick(['tabular_preprocessing', 'fraud_extra'])}.step.yaml`;
    const step = f.includes('tabular') ? 'TabularPreprocessing' : 'FraudExtra';
    return files.has(f)
      ? [f, null]
      : [
          f,
          `step_type: ${step}\nregistry:\n  sagemaker_step_type: ${pick(['Processing', 'Lambda'])}\n  description: d\ncontract:\n  entry_point: null\nspec: {}\n`,
        ];
  },
  // a project's own interfaces/ (a pack at its root while it holds an interface), its script, and a
  // step_pack/interfaces/ folder that takes the pack's place come or go
  (files, pick) => {
    const f = pick([
      'projects/churn/interfaces/churn_score.step.yaml',
      'projects/churn/interfaces/__init__.py',
      'projects/churn/scripts/churn_score.py',
      'projects/churn/step_pack/interfaces/__init__.py',
    ]);
    if (files.has(f)) return [f, null];
    if (f.endsWith('.py')) return [f, 'def main():\n    pass\n'];
    const step = pick(['ChurnScore', 'TabularPreprocessing']);
    return [
      f,
      `step_type: ${step}\nregistry:\n  sagemaker_step_type: Processing\n  description: d\n` +
        'contract:\n  entry_point: churn_score.py\nspec: {}\n',
    ];
  },
  // the catalogue index: a path to a file that exists or not, a repeated or fresh id
  (files, pick) => {
    const f = [...files.keys()].find((k) => k.endsWith('shared_dags/catalog_index.json'));
    if (!f) return null;
    const text = files.get(f) ?? '';
    if (pick([true, false]))
      return [
        f,
        text.replace(/"path": "[^"]*"/, `"path": "${pick(['xgboost/training.dag.json', 'xgboost/gone.dag.json'])}"`),
      ];
    return [f, text.replace(/"id": "[^"]*"/, `"id": "${pick(['xgboost_training', 'fresh'])}"`)];
  },
];
