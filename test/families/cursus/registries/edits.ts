// The cursus family's random edits (test/engine/randomEdits.ts): registry keys renamed, fields changed,
// builder and config modules deleted, recreated and renamed, workspace ids and syntax broken and mended.
import { replaceRandom, type Edit } from '../../../engine/editKit';
import { STEP_NAMES as NAMES } from '../../steps/edits';

const TYPES = ['Processing', 'Training', 'Utility', 'Base', 'Nope'];
const CLASSES = [
  'XGBoostTrainingStepBuilder',
  'PackageStepBuilder',
  'MissingStepBuilder',
  'TabularPreprocessingConfig',
  'NewConfig',
];

export const EDITS: Edit[] = [
  // rename a step key (collisions, shadowing, invalid names)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('workspace_registry.py') || k.endsWith('step_names.py')));
    const t = replaceRandom(files.get(f) ?? '', /^(\s+)"[^"]+": \{/, pick, (m) => `${m[1]}"${pick(NAMES)}": {`);
    return t === null ? null : [f, t];
  },
  // change a sagemaker_step_type, builder or config value
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.py') && k.includes('registry')));
    const t = replaceRandom(
      files.get(f) ?? '',
      /"(sagemaker_step_type|builder_step_name|config_class)": "[^"]*"/,
      pick,
      (m) => `"${m[1]}": "${m[1] === 'sagemaker_step_type' ? pick(TYPES) : pick(CLASSES)}"`,
    );
    return t === null ? null : [f, t];
  },
  // delete or recreate a builder/config file, or rename its class
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => /steps\/(builders|configs)\//.test(k)));
    const r = pick([0, 1, 2]);
    if (r === 0) return [f, null];
    if (r === 1) return [f.replace(/(\w+)\.py$/, 'extra_$1.py'), `class ${pick(CLASSES)}:\n    pass\n`];
    const t = replaceRandom(files.get(f) ?? '', /^class \w+/, pick, () => `class ${pick(CLASSES)}`);
    return t === null ? null : [f, t];
  },
  // change a workspace id, break or fix syntax, delete a registry file
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('workspace_registry.py')));
    const text = files.get(f) ?? '';
    const r = pick([0, 1, 2, 3]);
    if (r === 0)
      return [
        f,
        text.replace(
          /"developer_id": "[^"]*"/,
          `"developer_id": "${pick(['alice_ml', 'bob_nlp', 'carol_vision', 'x y'])}"`,
        ),
      ];
    if (r === 1) return [f, text.replace('},', '},,')];
    if (r === 2) return [f, text.replace(',,', ',')];
    return pick([true, false])
      ? [f, null]
      : [f, `${text}\nLOCAL_STEPS = {"FeatureJoin": {"sagemaker_step_type": "Utility", "description": "j"}}\n`];
  },
  // add a suppression comment to a line of a registry or component (used or not: RL033), or remove one
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.py')));
    const text = files.get(f) ?? '';
    if (text.includes('registry-lens:') && pick([true, false]))
      return [f, text.replace(/ *# registry-lens: ignore(\[[^\]]*\])?/, '')];
    const t = replaceRandom(
      text,
      /^.*\S.*$/,
      pick,
      (m) => `${m[0]}  # registry-lens: ignore${pick(['', '[RL003]', '[RL005, RL016]', '[RL008]'])}`,
    );
    return t === null ? null : [f, t];
  },
  // core registry: change a field or drop an entry's description
  (files, pick) => {
    const f = 'src/cursus/registry/step_names.py';
    const t = replaceRandom(files.get(f) ?? '', /"description": "[^"]*",?/, pick, () =>
      pick(['', '"description": "",', '"description": "changed",']),
    );
    return t === null ? null : [f, t];
  },
];
