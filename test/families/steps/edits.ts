// The step model's random edits (test/engine/randomEdits.ts): companion metadata and apcore files
// (dependencies added and removed, cycles closed and opened, versions changed, module files, apcore.yaml
// roots, the id map), and the step names its members' edits use.
import { replaceRandom, type Edit } from '../../engine/editKit';

/** Step names the members' edits write (some invalid, some unknown). */
export const STEP_NAMES = [
  'XGBoostTraining',
  'TabularPreprocessing',
  'ModelEvaluation',
  'Package',
  'FeatureJoin',
  'Data Loader!',
  'custom_step',
  'BertTokenization',
];

export const ENTRY_NAMES = [
  'TabularPreprocessing',
  'XGBoostTraining',
  'ModelEvaluation',
  'ModelCalibration',
  'Package',
  'Registration',
  'Payload',
  'FeatureStoreSync',
  'Registraton',
  'ext.email.send',
  'ext.text.render',
  'plug.slack.notify',
  'ext.reports.summary',
  'plug.pager',
];
const RANGES = ['>=1.0.0', '^2.0.0', '~1.2', '<1', '1.x', 'nope'];
const metas = (files: Map<string, string>): string[] => [...files.keys()].filter((k) => k.endsWith('_meta.yaml'));
const MODULE =
  'class Recreated:\n    """Back."""\n    input_schema = In\n    output_schema = Out\n    def execute(self, i, c):\n        pass\n';

/** Dependencies that close a cycle: in core, only in alice_ml's context (through her override), a self-loop, across apcore roots. */
const CLOSING: [string, string][] = [
  ['src/cursus/steps/builders/builder_tabular_preprocessing_step_meta.yaml', 'Package'],
  ['src/cursus/steps/builders/builder_model_calibration_step_meta.yaml', 'XGBoostTraining'],
  [
    'developer_workspaces/developers/alice_ml/src/cursus_dev/steps/builders/builder_isotonic_calibration_step_meta.yaml',
    'XGBoostTraining',
  ],
  [
    'developer_workspaces/developers/alice_ml/src/cursus_dev/steps/builders/builder_feature_store_sync_step_meta.yaml',
    'FeatureStoreSync',
  ],
  ['extensions/email/send_meta.yaml', 'plug.slack.notify'],
  ['extensions/text/render_meta.yaml', 'ext.email.send'],
];

const addDependency = (files: Map<string, string>, f: string, item: string): [string, string] => {
  const text = files.get(f) ?? '';
  return [
    f,
    /^dependencies:\n/m.test(text)
      ? text.replace(/^dependencies:\n/m, `dependencies:\n${item}`)
      : `${text}dependencies:\n${item}`,
  ];
};

/** Edits of companions and apcore files, for the examples that have them. */
export const META_EDITS: Edit[] = [
  // add a dependency (sometimes unknown, sometimes with a range), or one that closes a cycle
  (files, pick) => {
    const closing = CLOSING.filter(([f]) => files.has(f));
    if (closing.length > 0 && pick([true, false])) {
      const [f, to] = pick(closing);
      return addDependency(files, f, `  - module_id: ${to}\n`);
    }
    const item = `  - module_id: ${pick(ENTRY_NAMES)}${pick([true, false]) ? `\n    version: "${pick(RANGES)}"` : ''}${pick([true, false, false]) ? '\n    optional: true' : ''}\n`;
    const f = pick(metas(files));
    return f ? addDependency(files, f, item) : null;
  },
  // retarget or remove dependencies (opening a cycle)
  (files, pick) => {
    const f = pick(metas(files).filter((m) => (files.get(m) ?? '').includes('module_id')));
    if (!f) return null;
    const text = files.get(f) ?? '';
    if (pick([true, false, false])) return [f, text.replace(/^dependencies:[\s\S]*$/m, '')];
    return [f, replaceRandom(text, /^ *- module_id: .*$/, pick, () => `  - module_id: ${pick(ENTRY_NAMES)}`) ?? text];
  },
  // change or break a version; break or fix the YAML
  (files, pick) => {
    const f = pick(metas(files));
    if (!f) return null;
    const text = files.get(f) ?? '';
    const r = pick([0, 1, 2, 3]);
    if (r === 0)
      return [
        f,
        /^version: .*$/m.test(text)
          ? text.replace(/^version: .*$/m, `version: ${pick(['1.0.0', '2.5.0', '"1.0"', '0.1.0'])}`)
          : `version: ${pick(['3.0.0', '1.2.0'])}\n${text}`,
      ];
    if (r === 1) return [f, text.replace(/version: "[^\n"]*"$/m, `version: "${pick(RANGES)}"`)];
    if (r === 2) return [f, `${text}tags: [broken, yaml\n`];
    return [f, text.replace(/tags: \[broken, yaml\n/, '')];
  },
  // delete or recreate a meta file or its subject, or add another companion
  (files, pick) => {
    const f = pick(metas(files));
    if (!f) return null;
    const r = pick([0, 1, 2]);
    if (r === 0) return [f, null];
    const subject = f.replace(/_meta\.yaml$/, '.py');
    if (r === 1) return files.has(subject) ? [subject, null] : [subject, MODULE];
    return [
      f.replace(/(\w+)_meta\.yaml$/, 'extra_$1_meta.yaml'),
      `description: extra\ndependencies:\n  - module_id: ${pick(ENTRY_NAMES)}\n`,
    ];
  },
  // apcore: module files come and go, classes lose execute, apcore.yaml and the id map change
  (files, pick) => {
    if (!files.has('apcore.yaml')) return null;
    const r = pick([0, 1, 2, 3, 4]);
    const f = pick([...files.keys()].filter((k) => /^(extensions|plugins|legacy)\/.*\.py$/.test(k)));
    if (!f) return null;
    if (r === 0) return [f, null];
    if (r === 1)
      return [f.replace(/(\w+)\.py$/, pick(['$1_copy.py', 'Upper_$1.py', '_private_$1.py'])), files.get(f) ?? MODULE];
    if (r === 2) return [f, (files.get(f) ?? '').replace(/def execute/, 'def run')];
    if (r === 3)
      return [
        'apcore.yaml',
        (files.get('apcore.yaml') ?? '').replace(
          /namespace: (ext|plug|other)\n/,
          `namespace: ${pick(['ext', 'plug', 'other'])}\n`,
        ),
      ];
    return [
      'id_map.yaml',
      replaceRandom(
        files.get('id_map.yaml') ?? '',
        /^ {4}id: .*$/,
        pick,
        () => `    id: ${pick(['ext.email.send', 'ext.sms', 'core.x', 'ok.id'])}`,
      ) ?? '',
    ];
  },
];
