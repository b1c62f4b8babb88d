// Adding a family (ARCHITECTURE.md, "Adding a family"), done as a contributor does it and measured: a
// copy of the repository (its tracked and untracked files) gets the toy family's folder (./folder, as
// server/src/engine/families/toy/), its import and entry in families/index.ts, its code's row and section
// in docs/diagnostics.md (./diagnosticsRow.md, ./diagnostics.md) and its file name in the pre-commit
// hook's pattern; git in the copy counts the files that touched. Then, in the copy: it type-checks, the
// repository's own pinning tests pass unchanged, its engine reports the toy's diagnostics, and the toy's
// default parts (it declares none) leave the other families' first pass as narrow as without it.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RegistryEngine } from '../../../server/src/engine/engine';
import type * as EngineModule from '../../../server/src/engine/engine';
import { parseFixture } from '../../engine/fixture';
import { directoriesOf, wasm } from '../../engine/helpers';

const ROOT = join(__dirname, '../../..');
const FOLDER = 'server/src/engine/families/toy';
const REGISTRY = 'server/src/engine/families/index.ts';
const DOCS = 'docs/diagnostics.md';
const HOOK = '.pre-commit-hooks.yaml';
/** The repository's tests that read every family's declarations: codes ↔ docs, paths, settings, globs, layers. */
const PINNING = [
  'test/arch/architecture.test.ts',
  'test/arch/docLinks.test.ts',
  'test/arch/familyPaths.test.ts',
  'test/arch/familySettings.test.ts',
  'test/arch/layers.test.ts',
  'test/engine/codes.test.ts',
  'test/engine/registryGlobs.test.ts',
  'test/package/manifests.test.ts',
];

/** Runs a command in `cwd` (git without the variables of a hook that may be running this test); its stdout. */
function run(cwd: string, cmd: string, args: string[]): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  try {
    return execFileSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: e });
  }
}

/** Who commits in the copy, whatever the machine's git configuration. */
const IDENTITY = ['-c', 'user.name=toy', '-c', 'user.email=toy@example.invalid', '-c', 'commit.gpgsign=false'];
const git = (cwd: string, ...args: string[]): string => run(cwd, 'git', [...IDENTITY, ...args]);

/** The repository as a contributor's checkout has it (tracked and untracked files, not ignored ones), node_modules linked. */
function copyRepository(to: string): void {
  const files = run(ROOT, 'git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0');
  for (const f of files) {
    if (f === '' || !existsSync(join(ROOT, f)) || !statSync(join(ROOT, f)).isFile()) continue;
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(to, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
}

/** Inserts `line` after the last line `after` accepts. */
function insertAfterLast(text: string, after: (line: string) => boolean, line: string): string {
  const lines = text.split('\n');
  const at = lines.map(after).lastIndexOf(true);
  assert.ok(at >= 0, `nowhere to insert ${line}`);
  lines.splice(at + 1, 0, line);
  return lines.join('\n');
}

/** The contributor's steps: the folder, the registration, the docs, the hook's file names. */
function addToy(copy: string): void {
  cpSync(join(__dirname, 'folder'), join(copy, FOLDER), { recursive: true });
  const edit = (file: string, change: (text: string) => string): void =>
    writeFileSync(join(copy, file), change(readFileSync(join(copy, file), 'utf8')));
  edit(REGISTRY, (text) => {
    const imported = insertAfterLast(
      text,
      (l) => /^import \{ \w+ \} from '\.\/[\w/-]+';$/.test(l),
      "import { toy } from './toy';",
    );
    // last in the list: it claims no path another family claims
    return insertAfterLast(imported, (l) => /^ {2}\w+,$/.test(l), '  toy,');
  });
  edit(DOCS, (text) => {
    const row = readFileSync(join(__dirname, 'diagnosticsRow.md'), 'utf8').trimEnd();
    return `${insertAfterLast(text, (l) => l.startsWith('| [RL'), row)}\n${readFileSync(join(__dirname, 'diagnostics.md'), 'utf8')}`;
  });
  edit(HOOK, (text) =>
    text.replace(/^( {2}files: &files '.*)'$/m, (_, files: string) => `${files}|\\.registry\\.json$'`),
  );
}

const ALICE = 'developer_workspaces/developers/alice/src/cursus_dev/registry/workspace_registry.py';
const BOB = 'developer_workspaces/developers/bob/src/cursus_dev';
/** Two cursus workspaces sharing a step, and toy registries: a step defined twice, a class that is not a string. */
const WORKSPACE = parseFixture(`
  //- /src/cursus/registry/step_names.py
  STEP_NAMES = {"Package": {"config_class": "PackageConfig", "builder_step_name": "PackageStepBuilder", "sagemaker_step_type": "Processing", "description": "d"}}
  //- /src/cursus/steps/builders/builder_package_step.py
  class PackageStepBuilder:
      pass
  //- /${ALICE}
  WORKSPACE_METADATA = {"developer_id": "alice"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also bob's"}}
  //- /${BOB}/registry/workspace_registry.py
  WORKSPACE_METADATA = {"developer_id": "bob"}
  LOCAL_STEPS = {"Shared": {"sagemaker_step_type": "Processing", "description": "also alice's"}}
  //- /${BOB}/steps/builders/builder_shared_step.py
  class SharedStepBuilder:
      pass
  //- /toys/a.registry.json
  {
    "Load": {"class": "LoadStep"},
    "Train": {"class": 3}
  }
  //- /${BOB}/steps/builders/b.registry.json
  {"Load": {"class": "OtherLoad"}}
`).files;
const TOYS = [...WORKSPACE.keys()].filter((p) => p.endsWith('.registry.json'));

async function engineOf(Engine: typeof RegistryEngine, files: ReadonlyMap<string, string>): Promise<RegistryEngine> {
  const engine = await Engine.create(wasm, {});
  for (const [path, text] of files) engine.setFile(path, text);
  engine.setTree({
    links: [],
    directories: directoriesOf([...files.keys()]).filter((d) => engine.interest().wantsDirectory(d)),
  });
  return engine;
}

const shown = (engine: RegistryEngine, files: readonly string[]): string[] =>
  files.flatMap((f) => engine.diagnostics(f).map((d) => `${d.code} ${f}:${d.range.start.line} ${d.message}`));

describe('adding a family the way a contributor does: the toy family (test/families/toy)', function () {
  this.timeout(120_000);
  let copy = '';
  /** `git diff --numstat` of the contributor's steps: `added\tdeleted\tpath`, the family's folder aside. */
  let cost: string[] = [];
  let inFolder: string[] = [];
  let copied: typeof EngineModule;

  before(() => {
    copy = mkdtempSync(join(tmpdir(), 'registry-lens-toy-'));
    copyRepository(copy);
    git(copy, 'init', '-q');
    git(copy, 'add', '-A');
    git(copy, 'commit', '-q', '--no-verify', '-m', 'the repository');
    addToy(copy);
    git(copy, 'add', '-A');
    const rows = git(copy, 'diff', '--cached', '--numstat').trim().split('\n');
    const ours = (row: string): boolean => row.split('\t')[2]?.startsWith(`${FOLDER}/`) === true;
    cost = rows.filter((r) => !ours(r));
    inFolder = rows.filter(ours).map((r) => r.split('\t')[2] ?? '');
    // the copy's engine: a module graph of its own, with the toy family in its registry
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copied = require(join(copy, 'server/src/engine/engine')) as typeof EngineModule;
  });

  after(() => {
    if (copy === '') return;
    for (const file of Object.keys(require.cache)) if (file.startsWith(copy)) delete require.cache[file];
    if (existsSync(join(copy, 'node_modules'))) unlinkSync(join(copy, 'node_modules'));
    rmSync(copy, { recursive: true, force: true });
  });

  it('costs, outside its folder, two lines of families/index.ts, its docs and the hook pattern', () => {
    assert.deepEqual(
      inFolder,
      ['codes.ts', 'index.ts', 'read.ts'].map((f) => `${FOLDER}/${f}`),
    );
    // the docs: the table's row, a blank line and the section
    const docLines = readFileSync(join(__dirname, 'diagnostics.md'), 'utf8').split('\n').length + 1;
    assert.deepEqual(cost, [`1\t1\t${HOOK}`, `${docLines}\t0\t${DOCS}`, `2\t0\t${REGISTRY}`]);
  });

  it('type-checks in the copy (as npm run typecheck does), its edits formatted as Prettier writes them', () => {
    run(copy, process.execPath, ['node_modules/typescript-7/bin/tsc', '-p', '.', '--noEmit']);
    run(copy, process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', REGISTRY, FOLDER]);
  });

  it("passes the repository's pinning tests in the copy, unchanged", () => {
    const report = join(copy, 'pinning.json');
    // mocha exits with the number of failures: the report says which
    const mocha = spawnSync(
      process.execPath,
      [
        'node_modules/mocha/bin/mocha.js',
        '--no-config',
        '--require',
        'tsx/cjs',
        '--timeout',
        '60000',
        '--reporter',
        'json',
        '--reporter-option',
        `output=${report}`,
        ...PINNING,
      ],
      { cwd: copy, encoding: 'utf8' },
    );
    assert.ok(existsSync(report), `mocha wrote no report:\n${mocha.stdout}\n${mocha.stderr}`);
    const { stats, failures } = JSON.parse(readFileSync(report, 'utf8')) as {
      stats: { passes: number; tests: number };
      failures: { fullTitle: string }[];
    };
    assert.deepEqual(
      failures.map((f) => f.fullTitle),
      [],
    );
    assert.equal(stats.passes, stats.tests);
  });

  it("is in the copy's catalogue, paths and globs, and its engine reports the toy's diagnostics", async () => {
    assert.ok(copied.CODES.some((c) => c.code === 'RL960'));
    assert.ok(copied.PATHS.names.includes('*.registry.json'));
    const engine = await engineOf(copied.RegistryEngine, WORKSPACE);
    engine.update();
    assert.ok(engine.registryGlobs().includes('**/*.registry.json'));
    assert.deepEqual(shown(engine, TOYS), [
      `RL960 toys/a.registry.json:1 'Load' is already defined in ${BOB}/steps/builders/b.registry.json`,
      "RL020 toys/a.registry.json:2 'Train': class must be a string",
    ]);
  });

  it("leaves the other families' first pass as narrow as without it: with a workspace registry open, no toy file, directory or unit", async () => {
    const others = new Map([...WORKSPACE].filter(([p]) => !TOYS.includes(p)));
    const [withToy, without] = [
      await engineOf(copied.RegistryEngine, WORKSPACE),
      await engineOf(RegistryEngine, others),
    ];
    const dirs = directoriesOf([...WORKSPACE.keys()]);
    const unlisted = (e: RegistryEngine): string[] => dirs.filter((d) => !e.interest().firstBelow([ALICE])(d));
    assert.deepEqual(unlisted(withToy), unlisted(without));
    assert.ok(unlisted(without).includes(`${BOB}/steps/builders`), "bob's builders (and the toy file there) wait");
    const first = (e: RegistryEngine): string[] => [...WORKSPACE.keys()].filter((p) => e.interest().first([ALICE])(p));
    assert.deepEqual(
      first(withToy),
      first(without).filter((p) => !TOYS.includes(p)),
    );
    // the first pass runs the same units: the toy's unit and its files' wait
    const [a, b] = [withToy, without].map((e) => e.updateSome(undefined, new Set([ALICE]), true));
    assert.deepEqual([a?.waitingFirst, shown(withToy, [ALICE])], [b?.waitingFirst, shown(without, [ALICE])]);
    assert.deepEqual(shown(withToy, TOYS), []);
    withToy.updateSome(undefined, new Set([ALICE]));
    assert.equal(shown(withToy, TOYS).length, 2);
    // a toy file open reads the whole root (a family without parts is a part of its own)
    assert.ok(TOYS.every((t) => withToy.interest().firstBelow([t])('developer_workspaces')));
  });
});
