// Random edit sequences on the example workspaces, shared by the incremental test and the soak: after
// every edit the incremental engine must report exactly what a fresh engine over the same texts
// reports — diagnostics, and also every context's graph and list, Explain of every known name, the code
// lenses, document symbols and declared graph (a pipeline DAG) of every file, and the workspace symbols —
// and name every file whose diagnostics changed. After the last step (and every `freshGraphEvery` steps)
// the fresh engine is loaded in a fresh module graph, so state kept outside an engine shows. Each
// family's edits live with its tests (test/families/<name>/edits.ts: cursus registries and components,
// the step model's companion and apcore files, interfaces, ONEX); tree edits (directories coming and
// going) and host edits (settings, symbolic links) are every family's.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import type { CrossFileCheck, RegistryFamily } from '../../server/src/engine/engine';
import type { HostLink, SettingsInput } from '../../server/src/engine/types';
import type { Edit } from './editKit';
import { freshGraph } from './freshGraph';
import { directoriesOf } from './helpers';
import { ENTRY_NAMES, STEP_NAMES } from '../families/steps/edits';
import { ONEX_EXPLAINED } from '../families/onex/artifacts/edits';
import { ONEX_CONTRACT_EXPLAINED } from '../families/onex/contracts/edits';

// Each family's random-edit generator lives with the family's tests (test/families/<name>/edits.ts).
import { EDITS } from '../families/cursus/registries/edits';
import { META_EDITS } from '../families/steps/edits';
import { INTERFACE_EDITS } from '../families/cursus/interfaces/edits';
import { ONEX_EDITS } from '../families/onex/artifacts/edits';
export { EDITS, META_EDITS, INTERFACE_EDITS, ONEX_EDITS };
export { DAG_EDITS } from '../families/cursus/dags/edits';
export { ONEX_CONTRACT_EDITS } from '../families/onex/contracts/edits';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

export const EXAMPLES = join(__dirname, '../../examples');

export function loadExample(name: string): Map<string, string> {
  return loadFolder(join(EXAMPLES, name));
}

/** The texts of the files below `root` an example's analysis reads, by root-relative path. */
export function loadFolder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(py|ya?ml|toml|ts|js|dag\.json)$|^\.(onextree|wip)$|^catalog_index\.json$/.test(entry)) {
        files.set(relative(root, p).split('\\').join('/'), readFileSync(p, 'utf8'));
      }
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

export type { Edit };

/**
 * Files copied into directories that did not exist (a directory of the path renamed, as a new workspace
 * or version directory, or a new level inserted) and deleted again, so directories appear and vanish
 * with their last file: the engine's path index.
 */
export const TREE_EDITS: Edit[] = [
  (files, pick) => {
    const made = [...files.keys()].filter((k) =>
      k
        .split('/')
        .slice(0, -1)
        .some((d) => d.startsWith('new_')),
    );
    if (made.length > 0 && pick([true, false])) return [pick(made), null];
    const f = pick([...files.keys()]);
    const parts = f.split('/');
    const at = pick([...parts.keys()]);
    if (at === parts.length - 1 || pick([true, false])) parts.splice(at, 0, 'new_level');
    else parts[at] = `new_${parts[at] ?? ''}`;
    return [parts.join('/'), files.get(f) ?? ''];
  },
];

export interface EngineOptions {
  checks?: CrossFileCheck[];
  families?: RegistryFamily[];
  reread?: (file: string) => string | undefined;
}

/** What the host gives besides file texts: the settings and the symbolic links its walk found. */
export interface Host {
  settings: SettingsInput;
  links: HostLink[];
  /** The folders of installed frameworks read as library code (`RegistryEngine.setLibrary`). */
  library?: readonly string[];
}

/** A change of the host's side (the user edits a setting; a link appears or goes): the other inputs an edit can touch. */
export type HostEdit = (host: Host, pick: <T>(xs: T[]) => T) => Host;

const LINKS: HostLink[][] = [
  [],
  [{ path: 'extensions/alias', target: 'extensions/email', loop: false }],
  [
    { path: 'extensions/loop', target: 'extensions', loop: true },
    { path: 'plugins/out', target: null, loop: false },
  ],
];

/** Setting and link changes: each setting a family reads, flipped between values that change what it reports. */
export const HOST_EDITS: HostEdit[] = [
  (h, pick) => ({ ...h, settings: { ...h.settings, mode: pick(['isolated', 'hybrid'] as const) } }),
  (h, pick) => ({ ...h, settings: { ...h.settings, checkAllComponents: pick([true, false]) } }),
  (h, pick) => ({
    ...h,
    settings: {
      ...h.settings,
      abstractSteps: pick([[], ['Processing'], ['Base', 'Processing', 'HyperparameterPrep']]),
    },
  }),
  (h, pick) => ({
    ...h,
    settings: {
      ...h.settings,
      onexPins: pick<Record<string, string>>([{}, { logger_node: '1.0.0' }, { echo_node: '1.1.0' }]),
    },
  }),
  (h, pick) => ({
    ...h,
    settings: {
      ...h.settings,
      apcoreRoots: pick([[], ['extensions'], ['plugins', { path: 'extensions', namespace: 'ext' }]]),
    },
  }),
  (h, pick) => ({
    ...h,
    settings: {
      ...h.settings,
      severity: pick([{}, { RL003: 'off' as const }, { RL022: 'error' as const, RL005: 'hint' as const }]),
    },
  }),
  (h, pick) => ({ ...h, links: pick(LINKS) }),
];

/** What a host's walk reports besides the files: its links, and the directories holding them the engine asks about. */
function tellTree(engine: RegistryEngine, files: Map<string, string>, links: HostLink[]): void {
  engine.commit();
  const directories = directoriesOf([...files.keys()]).filter((d) => engine.interest().wantsDirectory(d));
  engine.setTree({ links, directories });
}

/** A fresh engine over the texts, each handed over by `give` (as an editor's by default). */
async function scratch(
  files: Map<string, string>,
  host: Host,
  options: EngineOptions,
  give = (engine: RegistryEngine, f: string, text: string): void => engine.setFile(f, text),
  Engine = RegistryEngine,
): Promise<RegistryEngine> {
  const engine = await Engine.create(wasm, host.settings, options);
  if (host.library) engine.setLibrary(host.library);
  tellTree(engine, files, host.links);
  for (const [f, t] of files) give(engine, f, t);
  engine.update();
  return engine;
}

/**
 * Everything a front end can ask, as comparable JSON: the oracle's view of an engine. Explain runs for
 * the names in core and in the context of the edited file (every context would make the soak slow).
 */
export function observe(
  engine: RegistryEngine,
  files: Iterable<string>,
  names: readonly string[],
  edited: string,
): Record<string, unknown> {
  const contexts = engine.contexts();
  const out: Record<string, unknown> = {
    diagnostics: engine.allDiagnostics(),
    summary: engine.summary(),
    contexts,
    workspaceSymbols: engine.workspaceSymbols(''),
  };
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
    out[`file graph ${f}`] = engine.fileGraph(f);
  }
  return out;
}

/** Names worth explaining: those the edits use. */
const EXPLAINED = [...new Set([...STEP_NAMES, ...ENTRY_NAMES, ...ONEX_EXPLAINED, ...ONEX_CONTRACT_EXPLAINED])].sort();

export interface Sequence {
  seed: number;
  settings: SettingsInput;
  /** The example (a folder of examples/) the edits start from, or a family's own example's name with its `files`. */
  example: string;
  files?: ReadonlyMap<string, string>;
  /** Folders of `files` that hold an installed framework, read as library code (`RegistryEngine.setLibrary`). */
  library?: readonly string[];
  /** More questions the oracle asks both engines after every edit (a family's own features). */
  probe?: (engine: RegistryEngine, files: ReadonlyMap<string, string>) => Record<string, unknown>;
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
  /**
   * Also compare with a fresh engine in a fresh module graph (freshGraph.ts) every this many steps; it
   * is always done once, after the last step.
   */
  freshGraphEvery?: number;
}

/** Asserts that `inc` answers what an engine of a fresh module graph answers over the same inputs. */
async function sameAsFreshGraph(
  inc: RegistryEngine,
  files: Map<string, string>,
  host: Host,
  s: Sequence,
  file: string,
  what: string,
): Promise<void> {
  const { Engine, options } = freshGraph(s.options ?? {});
  const fresh = await scratch(files, host, options, undefined, Engine);
  assert.deepEqual(inc.allDiagnostics(), fresh.allDiagnostics(), `${what} (fresh module graph)`);
  const got = { ...observe(inc, files.keys(), EXPLAINED, file), ...s.probe?.(inc, files) };
  const want = { ...observe(fresh, files.keys(), EXPLAINED, file), ...s.probe?.(fresh, files) };
  for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${what} (fresh module graph): ${k}`);
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
  const files = s.files ? new Map(s.files) : loadExample(s.example);
  const options = s.options ?? {};
  let host: Host = { settings: s.settings, links: [], ...(s.library ? { library: s.library } : {}) };
  const random = rng(s.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const first = new Set([pick([...files.keys()])]);
  // The incremental engine reads most files "from disk" (this map): it lets their texts go when their
  // facts keep nothing of them, and reads them again here (settings changes, fixes, suppression comments).
  const fromDisk = (f: string): boolean => f.length % 4 !== 0;
  const give = (engine: RegistryEngine, f: string, text: string): void => engine.setFile(f, text, fromDisk(f));
  const incOptions = { ...options, reread: (f: string) => (fromDisk(f) ? files.get(f) : undefined) };
  const inc = s.stepped
    ? await RegistryEngine.create(wasm, host.settings, incOptions)
    : await scratch(files, host, incOptions, give);
  if (s.stepped && s.library) inc.setLibrary(s.library);
  /**
   * An edit lands in the texts and in the incremental engine, with what the host's walk then reports. The language
   * server first parses an edited Python file with a syntax error ahead in slices (`warm`): some edits run it to its
   * end, some stop it after a slice, some skip it (by the text's length, so the random sequence is unchanged).
   */
  const apply = ([f, text]: [string, string | null]): void => {
    if (text === null) {
      files.delete(f);
      inc.deleteFile(f);
    } else {
      files.set(f, text);
      const ahead = inc.warm(f, text);
      if (ahead !== undefined && text.length % 3 === 0) while (!ahead.step());
      else if (ahead !== undefined && text.length % 3 === 1 && !ahead.step()) ahead.cancel();
      give(inc, f, text);
    }
    tellTree(inc, files, host.links);
  };
  if (s.stepped) {
    for (const [f, t] of files) give(inc, f, t);
    tellTree(inc, files, host.links);
    let waiting = 0;
    while (inc.updateSome(() => true, first).waiting > 0) {
      waiting++;
      const edit = random() < 0.2 ? pick(s.edits)(files, pick) : null;
      if (!edit) continue;
      apply(edit);
    }
    assert.ok(waiting > 0, `${s.example}: the cold start took one step`);
    assert.deepEqual(
      inc.allDiagnostics(),
      (await scratch(files, host, options)).allDiagnostics(),
      `${s.example} seed ${s.seed}: cold start in steps with edits`,
    );
  }
  const kinds: ({ edit: Edit } | { hostEdit: HostEdit })[] = [
    ...s.edits.map((edit) => ({ edit })),
    ...(s.hostEdits ?? []).map((hostEdit) => ({ hostEdit })),
  ];
  let before = new Map([...files.keys()].map((f) => [f, JSON.stringify(inc.diagnostics(f))]));
  let file = [...files.keys()][0] ?? '';
  for (let step = 0; step < s.steps; step++) {
    const kind = pick(kinds);
    let what: string;
    if ('hostEdit' in kind) {
      const next = kind.hostEdit(host, pick);
      if (next.settings !== host.settings) inc.configure(next.settings);
      if (next.links !== host.links) tellTree(inc, files, next.links);
      host = next;
      what = `${s.example} seed ${s.seed} step ${step}: settings ${JSON.stringify(host.settings)}, links ${JSON.stringify(host.links)}`;
    } else {
      const edit = kind.edit(files, pick);
      if (!edit || edit[0] === undefined) continue;
      apply(edit);
      file = edit[0];
      what = `${s.example} seed ${s.seed} step ${step}: ${file} ${edit[1] === null ? 'deleted' : 'edited'}`;
    }
    const changed = s.stepped ? updateInSteps(inc, first) : new Set(inc.update());
    const fresh = await scratch(files, host, options);
    assert.deepEqual(inc.allDiagnostics(), fresh.allDiagnostics(), what);
    const got = { ...observe(inc, files.keys(), EXPLAINED, file), ...s.probe?.(inc, files) };
    const want = { ...observe(fresh, files.keys(), EXPLAINED, file), ...s.probe?.(fresh, files) };
    for (const k of Object.keys(want)) assert.deepEqual(got[k], want[k], `${what}: ${k}`);
    const after = new Map(
      [...new Set([...before.keys(), ...files.keys()])].map((f) => [f, JSON.stringify(inc.diagnostics(f))]),
    );
    for (const [f, sig] of after)
      if (sig !== (before.get(f) ?? '[]')) assert.ok(changed.has(f), `${what}: ${f} changed but was not reported`);
    before = after;
    if (s.freshGraphEvery && step % s.freshGraphEvery === s.freshGraphEvery - 1)
      await sameAsFreshGraph(inc, files, host, s, file, what);
  }
  await sameAsFreshGraph(inc, files, host, s, file, `${s.example} seed ${s.seed}: after ${s.steps} steps`);
}

/** The root's files and texts (settings aside), as the edit generators take them. */
function treeTexts(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const r = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && e.name !== '.vscode') walk(r);
      else if (e.isFile()) files.set(r, readFileSync(join(root, r), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** Writes a file of `root`, making its directories. */
function writeUnder(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

/**
 * The examples the oracles of a tool run on disk edit between runs (`check --cache`, `check --daemon`: each run ==
 * a fresh run), with the edits each takes; the oracle of the i-th uses seed i + 1.
 */
export const DISK_EXAMPLES: readonly (readonly [string, readonly Edit[]])[] = [
  ['demo-workspace', EDITS],
  ['meta-workspace', [...EDITS, ...META_EDITS]],
  ['interface-workspace', [...EDITS, ...INTERFACE_EDITS]],
  ['onex-registry', ONEX_EDITS],
];

/**
 * One random change of a root on disk, as a user makes one between two runs of a tool: one to three of `edits` and
 * `TREE_EDITS` (files changed, added, removed), a file renamed, the settings changed, or nothing; returns which.
 */
export function changeOnDisk(
  root: string,
  random: () => number,
  edits: readonly Edit[],
): 'edit' | 'rename' | 'settings' | 'none' {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const files = treeTexts(root);
  const kind = pick(['edit', 'edit', 'edit', 'rename', 'settings', 'none'] as const);
  if (kind === 'rename') {
    const f = pick([...files.keys()]);
    const to = pick([`${f}.old`, f.replace(/\/([^/]*)$/, '/moved_$1')]);
    renameSync(join(root, f), join(root, to));
  } else if (kind === 'settings') {
    const mode = pick(['"isolated"', '"hybrid"']);
    const severity = pick(['{}', '{"RL003": "off"}', '{"RL005": "hint"}']);
    writeUnder(
      root,
      '.vscode/settings.json',
      `{"registryLens.resolution.mode": ${mode}, "registryLens.diagnostics.severity": ${severity}}`,
    );
  } else if (kind === 'edit')
    for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
      const change = pick([...edits, ...TREE_EDITS])(files, pick);
      if (change === null) continue;
      const [f, text] = change;
      if (text === null) rmSync(join(root, f), { force: true });
      else writeUnder(root, f, text);
      if (text === null) files.delete(f);
      else files.set(f, text);
    }
  return kind;
}
