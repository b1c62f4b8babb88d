// Random edit sequences on the demo workspace: after every edit the incremental engine must report
// exactly what a from-scratch analysis of the same texts reports, and name every file that changed.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from './helpers';
import type { RegistryEngine } from '../../server/src/engine/engine';

const ROOT = join(__dirname, '../../examples/demo-workspace');

function loadDemo(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(py|ya?ml)$/.test(name)) files.set(relative(ROOT, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(ROOT);
  return files;
}

/** mulberry32: a tiny seeded PRNG so that every run makes the same edits. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['XGBoostTraining', 'TabularPreprocessing', 'ModelEvaluation', 'Package', 'FeatureJoin', 'Data Loader!', 'custom_step', 'BertTokenization'];
const TYPES = ['Processing', 'Training', 'Utility', 'Base', 'Nope'];
const CLASSES = ['XGBoostTrainingStepBuilder', 'PackageStepBuilder', 'MissingStepBuilder', 'TabularPreprocessingConfig', 'NewConfig'];

type Edit = (files: Map<string, string>, pick: <T>(xs: T[]) => T) => [string, string | null] | null;

const replaceRandom = (text: string, re: RegExp, pick: <T>(xs: T[]) => T, make: (m: RegExpExecArray) => string): string | null => {
  const matches = [...text.matchAll(new RegExp(re.source, 'gm'))];
  if (matches.length === 0) return null;
  const m = pick(matches) as unknown as RegExpExecArray;
  return text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length);
};

const EDITS: Edit[] = [
  // rename a step key (collisions, shadowing, invalid names)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('workspace_registry.py') || k.endsWith('step_names.py')));
    const t = replaceRandom(files.get(f) ?? '', /^(\s+)"[^"]+": \{/, pick, (m) => `${m[1]}"${pick(NAMES)}": {`);
    return t === null ? null : [f, t];
  },
  // change a sagemaker_step_type, builder or config value
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.py') && k.includes('registry')));
    const t = replaceRandom(files.get(f) ?? '', /"(sagemaker_step_type|builder_step_name|config_class)": "[^"]*"/, pick,
      (m) => `"${m[1]}": "${m[1] === 'sagemaker_step_type' ? pick(TYPES) : pick(CLASSES)}"`);
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
    if (r === 0) return [f, text.replace(/"developer_id": "[^"]*"/, `"developer_id": "${pick(['alice_ml', 'bob_nlp', 'carol_vision', 'x y'])}"`)];
    if (r === 1) return [f, text.replace('},', '},,')];
    if (r === 2) return [f, text.replace(',,', ',')];
    return pick([true, false]) ? [f, null] : [f, `${text}\nLOCAL_STEPS = {"FeatureJoin": {"sagemaker_step_type": "Utility", "description": "j"}}\n`];
  },
  // core registry: change a field or drop an entry's description
  (files, pick) => {
    const f = 'src/cursus/registry/step_names.py';
    const t = replaceRandom(files.get(f) ?? '', /"description": "[^"]*",?/, pick, () => pick(['', '"description": "",', '"description": "changed",']));
    return t === null ? null : [f, t];
  },
];

async function scratch(files: Map<string, string>, settings: object): Promise<RegistryEngine> {
  const { engine } = await analyze('');
  engine.configure(settings);
  for (const [f, t] of files) engine.setFile(f, t);
  engine.update();
  return engine;
}

describe('incremental analysis equals from-scratch analysis', function () {
  this.timeout(120000);
  for (const [seed, settings] of [[1, {}], [2, { mode: 'hybrid' }], [3, { checkAllComponents: true }]] as const) {
    it(`random edit sequence, seed ${seed} ${JSON.stringify(settings)}`, async () => {
      const files = loadDemo();
      const inc = await scratch(files, settings);
      const random = rng(seed);
      const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
      let before = new Map([...files.keys()].map((f) => [f, JSON.stringify(inc.diagnostics(f))]));
      for (let step = 0; step < 40; step++) {
        const edit = pick(EDITS)(files, pick);
        if (!edit) continue;
        const [file, text] = edit;
        if (text === null) { files.delete(file); inc.deleteFile(file); } else { files.set(file, text); inc.setFile(file, text); }
        const changed = new Set(inc.update());
        const fresh = await scratch(files, settings);
        assert.deepEqual(inc.allDiagnostics(), fresh.allDiagnostics(), `step ${step}: ${file} ${text === null ? 'deleted' : 'edited'}`);
        const after = new Map([...new Set([...before.keys(), ...files.keys()])].map((f) => [f, JSON.stringify(inc.diagnostics(f))]));
        for (const [f, sig] of after) if (sig !== (before.get(f) ?? '[]')) assert.ok(changed.has(f), `step ${step}: ${f} changed but was not reported`);
        before = after;
      }
    });
  }
});
