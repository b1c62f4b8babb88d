// Random edit sequences on the example workspaces, shared by the incremental test and the soak: after
// every edit the incremental engine must report exactly what a fresh engine over the same texts
// reports — diagnostics, and also every context's graph and list, Explain of every known name, the code
// lenses and document symbols of every file, and the workspace symbols — and name every file whose
// diagnostics changed. The demo gets registry and component edits; the meta and apcore examples also
// get companion edits (dependencies added and removed, cycles closed and opened, versions changed,
// files deleted), apcore edits (module files, apcore.yaml roots, the id map) and ONEX edits (versions,
// paths, summary counts, metadata names, `.wip` markers and `.onextree` entries coming and going);
// host edits change the other inputs between them: settings and symbolic links.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { CrossFileCheck } from '../../server/src/engine/families/step-registry/checks/registry';
import type { HostLink, Settings } from '../../server/src/engine/types';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

const EXAMPLES = join(__dirname, '../../examples');

export function loadExample(name: string): Map<string, string> {
  const root = join(EXAMPLES, name);
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(py|ya?ml|ts|js)$|^\.(onextree|wip)$/.test(entry)) files.set(relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** mulberry32: a tiny seeded PRNG so that every run makes the same edits. */
export function rng(seed: number): () => number {
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

export type Edit = (files: Map<string, string>, pick: <T>(xs: T[]) => T) => [string, string | null] | null;

const replaceRandom = (text: string, re: RegExp, pick: <T>(xs: T[]) => T, make: (m: RegExpExecArray) => string): string | null => {
  const matches = [...text.matchAll(new RegExp(re.source, 'gm'))];
  if (matches.length === 0) return null;
  const m = pick(matches) as unknown as RegExpExecArray;
  return text.slice(0, m.index) + make(m) + text.slice(m.index + m[0].length);
};

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

const ENTRY_NAMES = ['TabularPreprocessing', 'XGBoostTraining', 'ModelEvaluation', 'ModelCalibration', 'Package', 'Registration', 'Payload',
  'FeatureStoreSync', 'Registraton', 'ext.email.send', 'ext.text.render', 'plug.slack.notify', 'ext.reports.summary', 'plug.pager'];
const RANGES = ['>=1.0.0', '^2.0.0', '~1.2', '<1', '1.x', 'nope'];
const metas = (files: Map<string, string>): string[] => [...files.keys()].filter((k) => k.endsWith('_meta.yaml'));
const MODULE = 'class Recreated:\n    """Back."""\n    input_schema = In\n    output_schema = Out\n    def execute(self, i, c):\n        pass\n';

/** Dependencies that close a cycle: in core, only in alice_ml's context (through her override), a self-loop, across apcore roots. */
const CLOSING: [string, string][] = [
  ['src/cursus/steps/builders/builder_tabular_preprocessing_step_meta.yaml', 'Package'],
  ['src/cursus/steps/builders/builder_model_calibration_step_meta.yaml', 'XGBoostTraining'],
  ['developer_workspaces/developers/alice_ml/src/cursus_dev/steps/builders/builder_isotonic_calibration_step_meta.yaml', 'XGBoostTraining'],
  ['developer_workspaces/developers/alice_ml/src/cursus_dev/steps/builders/builder_feature_store_sync_step_meta.yaml', 'FeatureStoreSync'],
  ['extensions/email/send_meta.yaml', 'plug.slack.notify'],
  ['extensions/text/render_meta.yaml', 'ext.email.send'],
];

const addDependency = (files: Map<string, string>, f: string, item: string): [string, string] => {
  const text = files.get(f) ?? '';
  return [f, /^dependencies:\n/m.test(text) ? text.replace(/^dependencies:\n/m, `dependencies:\n${item}`) : `${text}dependencies:\n${item}`];
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
    if (r === 0) return [f, /^version: .*$/m.test(text) ? text.replace(/^version: .*$/m, `version: ${pick(['1.0.0', '2.5.0', '"1.0"', '0.1.0'])}`) : `version: ${pick(['3.0.0', '1.2.0'])}\n${text}`];
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
    return [f.replace(/(\w+)_meta\.yaml$/, 'extra_$1_meta.yaml'), `description: extra\ndependencies:\n  - module_id: ${pick(ENTRY_NAMES)}\n`];
  },
  // apcore: module files come and go, classes lose execute, apcore.yaml and the id map change
  (files, pick) => {
    if (!files.has('apcore.yaml')) return null;
    const r = pick([0, 1, 2, 3, 4]);
    const f = pick([...files.keys()].filter((k) => /^(extensions|plugins|legacy)\/.*\.py$/.test(k)));
    if (!f) return null;
    if (r === 0) return [f, null];
    if (r === 1) return [f.replace(/(\w+)\.py$/, pick(['$1_copy.py', 'Upper_$1.py', '_private_$1.py'])), files.get(f) ?? MODULE];
    if (r === 2) return [f, (files.get(f) ?? '').replace(/def execute/, 'def run')];
    if (r === 3) return ['apcore.yaml', (files.get('apcore.yaml') ?? '').replace(/namespace: (ext|plug|other)\n/, `namespace: ${pick(['ext', 'plug', 'other'])}\n`)];
    return ['id_map.yaml', replaceRandom(files.get('id_map.yaml') ?? '', /^    id: .*$/, pick, () => `    id: ${pick(['ext.email.send', 'ext.sms', 'core.x', 'ok.id'])}`) ?? ''];
  },
];

/** Edits of interface-first cursus (2.x): step names, compatible sources, scripts, the loader itself. */
export const INTERFACE_EDITS: Edit[] = [
  // rename a step (duplicates, an extras clash, a file name cursus cannot find)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const t = replaceRandom(files.get(f) ?? '', /^step_type: \w+/m, pick, () => `step_type: ${pick([...NAMES, 'HyperparameterPrep', 'Processing'])}`);
    return t === null ? null : [f, t];
  },
  // change a compatible source (a step, a typo, a generic name)
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const t = replaceRandom(files.get(f) ?? '', /compatible_sources: \[\w+/, pick, () => `compatible_sources: [${pick([...NAMES, 'ProcessingStep', 'DataLoad', 'XGBoostTrainng'])}`);
    return t === null ? null : [f, t];
  },
  // change a contract (script name, a channel the spec lacks) or drop the registry row's type
  (files, pick) => {
    const f = pick([...files.keys()].filter((k) => k.endsWith('.step.yaml')));
    const text = files.get(f) ?? '';
    const r = pick([0, 1, 2, 3]);
    if (r === 0) return [f, text.replace(/entry_point: \S+/, `entry_point: ${pick(['package.py', 'missing.py', 'null'])}`)];
    if (r === 1) return [f, text.replace(/^ {2}inputs:\n/m, '  inputs:\n    stray_input:\n      path: /opt/ml/processing/input/stray\n')];
    if (r === 2) return [f, text.replace(/^ {2}sagemaker_step_type: \w+\n/m, '')];
    return [f, text.replace(/^node_type: \w+/m, `node_type: ${pick(['internal', 'middle'])}`)];
  },
  // delete or recreate a script, or the loader module (interfaces stop or start being the registry)
  (files, pick) => {
    const loader = 'src/cursus/registry/interface_registry_loader.py';
    if (pick([true, false])) return files.has(loader) ? [loader, null] : [loader, '_EXTRAS = {"Base": {"config_class": "BasePipelineConfig", "builder_step_name": "StepBuilderBase", "spec_type": "Base", "sagemaker_step_type": "Base", "description": "b"}}\n'];
    const f = pick([...files.keys()].filter((k) => /steps\/scripts\/\w+\.py$/.test(k) && !k.endsWith('__init__.py')));
    return f ? [f, null] : null;
  },
];

const ONEX_REGISTRY = 'src/demo_onex/registry/registry.yaml';
const ONEX_VERSIONS = ['v1_0_0', '1.1.0', 'v1_1_0', '2.0.0', 'bad'];
const ONEX_NAMES = ['echo_node', 'template_node', 'logger_node', 'parity_validator_node'];

/**
 * Files copied into directories that did not exist (a directory of the path renamed, as a new workspace
 * or version directory, or a new level inserted) and deleted again, so directories appear and vanish
 * with their last file: the engine's path index.
 */
export const TREE_EDITS: Edit[] = [
  (files, pick) => {
    const made = [...files.keys()].filter((k) => k.split('/').slice(0, -1).some((d) => d.startsWith('new_')));
    if (made.length > 0 && pick([true, false])) return [pick(made), null];
    const f = pick([...files.keys()]);
    const parts = f.split('/');
    const at = pick([...parts.keys()]);
    if (at === parts.length - 1 || pick([true, false])) parts.splice(at, 0, 'new_level');
    else parts[at] = `new_${parts[at] ?? ''}`;
    return [parts.join('/'), files.get(f) ?? ''];
  },
];

/** Edits of the ONEX example: registry entries, metadata, `.wip` markers, the `.onextree`. */
export const ONEX_EDITS: Edit[] = [
  (files, pick) => {
    const t = replaceRandom(files.get(ONEX_REGISTRY) ?? '', /(version|path|metadata_file|name): "[^"]*"/, pick, (m) => {
      if (m[1] === 'version') return `version: "${pick(ONEX_VERSIONS)}"`;
      if (m[1] === 'name') return `name: "${pick(ONEX_NAMES)}"`;
      if (m[1] === 'metadata_file') return `metadata_file: "${pick(['node.onex.yaml', 'cli_tool.yaml', 'missing.yaml'])}"`;
      return `path: "src/demo_onex/nodes/${pick(ONEX_NAMES)}/${pick(['v1_0_0', 'v1_1_0'])}"`;
    });
    return t === null ? null : [ONEX_REGISTRY, t];
  },
  (files, pick) => [ONEX_REGISTRY, (files.get(ONEX_REGISTRY) ?? '').replace(/^  (nodes|total_artifacts): \d+$/m, (_, k: string) => `  ${k}: ${pick([3, 4, 6])}`)],
  (files, pick) => {
    const dir = `src/demo_onex/nodes/${pick(ONEX_NAMES)}/${pick(['v1_0_0', 'v1_1_0'])}`;
    const r = pick([0, 1, 2]);
    if (r === 0) return [`${dir}/.wip`, files.has(`${dir}/.wip`) ? null : ''];
    if (r === 1) return [`${dir}/node.onex.yaml`, files.has(`${dir}/node.onex.yaml`) ? null : `name: "${pick(ONEX_NAMES)}"\nversion: "1.0.0"\nschema_version: "0.1.0"\n`];
    const f = `${dir}/node.onex.yaml`;
    return files.has(f) ? [f, (files.get(f) ?? '').replace(/^name: .*$/m, pick(['name: "{NODE_NAME}"', 'name: {NODE_NAME}', `name: "${pick(ONEX_NAMES)}"`]))] : null;
  },
  (files, pick) => {
    const t = files.get('.onextree');
    if (t === undefined) return null;
    return ['.onextree', pick([true, false]) ? t.replace(/^ *- name: (node\.onex\.yaml|cli_tool\.yaml)\n *type: file\n/m, '') : `${t}`.replace('children:\n- name: __init__.py', 'children:\n- name: __init__.py\n  type: file\n- name: extra')];
  },
];

export interface EngineOptions { checks?: CrossFileCheck[]; reread?: (file: string) => string | undefined }

/** What the host gives besides file texts: the settings and the symbolic links its walk found. */
export interface Host { settings: Partial<Settings>; links: HostLink[] }

/** A change of the host's side (the user edits a setting; a link appears or goes): the other inputs an edit can touch. */
export type HostEdit = (host: Host, pick: <T>(xs: T[]) => T) => Host;

const LINKS: HostLink[][] = [
  [],
  [{ path: 'extensions/alias', target: 'extensions/email', loop: false }],
  [{ path: 'extensions/loop', target: 'extensions', loop: true }, { path: 'plugins/out', target: null, loop: false }],
];

/** Setting and link changes: each setting a family reads, flipped between values that change what it reports. */
export const HOST_EDITS: HostEdit[] = [
  (h, pick) => ({ ...h, settings: { ...h.settings, mode: pick(['isolated', 'hybrid'] as const) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, checkAllComponents: pick([true, false]) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, abstractSteps: pick([[], ['Processing'], ['Base', 'Processing', 'HyperparameterPrep']]) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, onexPins: pick<Record<string, string>>([{}, { logger_node: '1.0.0' }, { echo_node: '1.1.0' }]) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, apcoreRoots: pick([[], ['extensions'], ['plugins', { path: 'extensions', namespace: 'ext' }]]) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, severity: pick([{}, { RL003: 'off' as const }, { RL022: 'error' as const, RL005: 'hint' as const }]) } }),
  (h, pick) => ({ ...h, links: pick(LINKS) }),
];

/** A fresh engine over the texts, each handed over by `give` (as an editor's by default). */
async function scratch(files: Map<string, string>, host: Host, options: EngineOptions,
  give = (engine: RegistryEngine, f: string, text: string): void => engine.setFile(f, text)): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm, host.settings, options);
  engine.setTree({ links: host.links });
  for (const [f, t] of files) give(engine, f, t);
  engine.update();
  return engine;
}


/**
 * Everything a front end can ask, as comparable JSON: the oracle's view of an engine. Explain runs for
 * the names in core and in the context of the edited file (every context would make the soak slow).
 */
export function observe(engine: RegistryEngine, files: Iterable<string>, names: readonly string[], edited: string): Record<string, unknown> {
  const contexts = engine.contexts();
  const out: Record<string, unknown> = { diagnostics: engine.allDiagnostics(), summary: engine.summary(), contexts, workspaceSymbols: engine.workspaceSymbols('') };
  for (const c of contexts) {
    out[`graph ${c.id}`] = engine.graph({ context: c.id });
    out[`list ${c.id}`] = engine.list({ context: c.id });
    out[`names ${c.id}`] = engine.stepNames(c.id);
  }
  for (const context of new Set(['core', engine.contextOf(edited)])) {
    for (const n of names) out[`explain ${n} in ${context}`] = engine.explain({ step: n, context });
  }
  for (const f of [...files].sort()) {
    out[`lenses ${f}`] = engine.codeLenses(f);
    out[`symbols ${f}`] = engine.documentSymbols(f);
  }
  return out;
}

/** Names worth explaining: those the edits use. */
const EXPLAINED = [...new Set([...NAMES, ...ENTRY_NAMES, 'echo_node@latest', 'echo_node@1.0.0', 'logger_node@pinned'])].sort();

export interface Sequence {
  seed: number;
  settings: Partial<Settings>;
  example: string;
  edits: Edit[];
  /** Host changes mixed into the edits (each as likely as one edit kind). */
  hostEdits?: HostEdit[];
  steps: number;
  options?: EngineOptions;
  /**
   * The incremental engine analyses in steps of one unit (`updateSome`), a random file's units first,
   * and the sequence's edits also land while its cold start is still under way.
   */
  stepped?: boolean;
}

/** `update()` one unit at a time, the units of `first` first: the files reported changed by any step. */
function updateInSteps(engine: RegistryEngine, first: ReadonlySet<string>): Set<string> {
  const changed = new Set<string>();
  for (;;) {
    const step = engine.updateSome(() => true, first);
    for (const f of step.changed) changed.add(f);
    if (step.waiting === 0) return changed;
  }
}

/** Runs one random edit sequence; throws on the first step where incremental and fresh differ. */
export async function runSequence(s: Sequence): Promise<void> {
  const files = loadExample(s.example);
  const options = s.options ?? {};
  let host: Host = { settings: s.settings, links: [] };
  const random = rng(s.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const first = new Set([pick([...files.keys()])]);
  // The incremental engine reads most files "from disk" (this map): it lets their texts go when their
  // facts keep nothing of them, and reads them again here (settings changes, fixes, suppression comments).
  const fromDisk = (f: string): boolean => f.length % 4 !== 0;
  const give = (engine: RegistryEngine, f: string, text: string): void => engine.setFile(f, text, fromDisk(f));
  const incOptions = { ...options, reread: (f: string) => (fromDisk(f) ? files.get(f) : undefined) };
  const inc = s.stepped ? await RegistryEngine.create(wasm, host.settings, incOptions) : await scratch(files, host, incOptions, give);
  if (s.stepped) {
    for (const [f, t] of files) give(inc, f, t);
    let waiting = 0;
    while (inc.updateSome(() => true, first).waiting > 0) {
      waiting++;
      const edit = random() < 0.2 ? pick(s.edits)(files, pick) : null;
      if (!edit) continue;
      const [f, text] = edit;
      if (text === null) { files.delete(f); inc.deleteFile(f); } else { files.set(f, text); give(inc, f, text); }
    }
    assert.ok(waiting > 0, `${s.example}: the cold start took one step`);
    assert.deepEqual(inc.allDiagnostics(), (await scratch(files, host, options)).allDiagnostics(), `${s.example} seed ${s.seed}: cold start in steps with edits`);
  }
  const kinds: ({ edit: Edit } | { hostEdit: HostEdit })[] = [...s.edits.map((edit) => ({ edit })), ...(s.hostEdits ?? []).map((hostEdit) => ({ hostEdit }))];
  let before = new Map([...files.keys()].map((f) => [f, JSON.stringify(inc.diagnostics(f))]));
  let file = [...files.keys()][0] ?? '';
  for (let step = 0; step < s.steps; step++) {
    const kind = pick(kinds);
    let what: string;
    if ('hostEdit' in kind) {
      const next = kind.hostEdit(host, pick);
      if (next.settings !== host.settings) inc.configure(next.settings);
      if (next.links !== host.links) inc.setTree({ links: next.links });
      host = next;
      what = `${s.example} seed ${s.seed} step ${step}: settings ${JSON.stringify(host.settings)}, links ${JSON.stringify(host.links)}`;
    } else {
      const edit = kind.edit(files, pick);
      if (!edit || edit[0] === undefined) continue;
      const [f, text] = edit;
      file = f;
      if (text === null) { files.delete(file); inc.deleteFile(file); } else { files.set(file, text); give(inc, file, text); }
      what = `${s.example} seed ${s.seed} step ${step}: ${file} ${text === null ? 'deleted' : 'edited'}`;
    }
    const changed = s.stepped ? updateInSteps(inc, first) : new Set(inc.update());
    const fresh = await scratch(files, host, options);
    assert.deepEqual(inc.allDiagnostics(), fresh.allDiagnostics(), what);
    const got = observe(inc, files.keys(), EXPLAINED, file);
    const want = observe(fresh, files.keys(), EXPLAINED, file);
    for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${what}: ${k}`);
    const after = new Map([...new Set([...before.keys(), ...files.keys()])].map((f) => [f, JSON.stringify(inc.diagnostics(f))]));
    for (const [f, sig] of after) if (sig !== (before.get(f) ?? '[]')) assert.ok(changed.has(f), `${what}: ${f} changed but was not reported`);
    before = after;
  }
}
