// The interface family's random edits (test/engine/randomEdits.ts): `*.step.yaml` fields, compatible
// sources, scripts and the loader module coming and going.
import { replaceRandom, type Edit } from '../../../engine/editKit';
import { STEP_NAMES as NAMES } from '../../steps/edits';

/** Edits of interface-first cursus (2.x): step names, compatible sources, scripts, the loader itself. */
export const INTERFACE_EDITS: Edit[] = [
  // rename a step (duplicates, an extras clash, a file name cursus cannot find)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const t = replaceRandom(
      files.get(f) ?? '',
      /^step_type: \w+/m,
      pick,
      () => `step_type: ${pick([...NAMES, 'HyperparameterPrep', 'Processing'])}`,
    );
    return t === null ? null : [f, t];
  },
  // change a compatible source (a step, a typo, a generic name)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const t = replaceRandom(
      files.get(f) ?? '',
      /compatible_sources: \[\w+/,
      pick,
      () => `compatible_sources: [${pick([...NAMES, 'ProcessingStep', 'DataLoad', 'XGBoostTrainng'])}`,
    );
    return t === null ? null : [f, t];
  },
  // change a contract (script name, a channel the spec lacks) or drop the registry row's type
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const text = files.get(f) ?? '';
    const r = pick([0, 1, 2, 3]);
    if (r === 0)
      return [f, text.replace(/entry_point: \S+/, `entry_point: ${pick(['package.py', 'missing.py', 'null'])}`)];
    if (r === 1)
      return [
        f,
        text.replace(/^ {2}inputs:\n/m, '  inputs:\n    stray_input:\n      path: /opt/ml/processing/input/stray\n'),
      ];
    if (r === 2) return [f, text.replace(/^ {2}sagemaker_step_type: \w+\n/m, '')];
    return [f, text.replace(/^node_type: \w+/m, `node_type: ${pick(['internal', 'middle'])}`)];
  },
  // delete or recreate a script, or the loader module (interfaces stop or start being the registry)
  (files, pick) => {
    const loader = 'src/cursus/registry/interface_registry_loader.py';
    if (pick([true, false]))
      return files.has(loader)
        ? [loader, null]
        : [
            loader,
            '_EXTRAS = {"Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "b"}}\n',
          ];
    const f = pick([...files.keys()].filter((k) => /steps\/scripts\/\w+\.py$/.test(k) && !k.endsWith('__init__.py')));
    return f ? [f, null] : null;
  },
];
