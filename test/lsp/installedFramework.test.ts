// The editor's folder over a project that installs cursus outside it (the machine-scoped setting
// `registryLens.python.environment` names the environment): the installed package's files give the step table, so the
// project's findings are those `check --python-env` finds; none is published in an installed file; a location in one
// (go to definition from a DAG node) is the installed file's real place.
import { strict as assert } from 'node:assert';
import { readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readSettings } from '../../server/src/host/readSettings';
import { Methods, type FolderContexts } from '../../server/src/lsp/protocol';
import { Folder } from '../../server/src/lsp/folder';
import { removeTrees, runJson, withoutActivatedEnvironment, writeTree } from '../cli/helpers';
import { installed, PROJECT, SITE } from '../cli/installedCursus';
import { wasm } from '../engine/helpers';
import { TestClient, writeFile } from './client';

async function settle(folder: Folder): Promise<void> {
  for (let i = 0; i < 100 && folder.dirty; i++) {
    const ahead = folder.feeder.readAhead();
    if (ahead !== undefined) await ahead;
    else await folder.feeder.flush().more;
  }
  assert.ok(!folder.dirty, 'the analysis settles');
}

describe('lsp: the framework as the project has it installed', () => {
  after(() => removeTrees());

  it('finds what check --python-env finds, publishes nothing in the environment, and opens its files where they are', async () => {
    const shared = `${SITE}/cursus/pipeline_catalog/shared_dags`;
    const env = writeTree({
      ...installed(''),
      [`${shared}/xgboost/simple.dag.json`]: PROJECT['dags/e2e.dag.json'] as string,
      [`${shared}/catalog_index.json`]: '{"pipelines": []}\n',
    });
    const root = writeTree(PROJECT);
    const folder = new Folder(pathToFileURL(root).href, 'fixture', (code) => code);
    const settings = { ...readSettings(root, () => {}), pythonEnvironment: env };
    await folder.load({ wasm, settings, nested: [], opened: [], progress: () => {} });
    await settle(folder);
    const published = folder.engine.allDiagnostics();
    const { json } = runJson(['check', root, '--python-env', env, '--format', 'json', '--fail-on', 'never']);
    const cli = (json['diagnostics'] as { file: string; code: string; range: { start: { line: number } } }[]).map(
      (d) => `${d.file}:${d.range.start.line} ${d.code}`,
    );
    assert.deepEqual(
      published.map((d) => `${d.file}:${d.range.start.line} ${d.code}`),
      cli,
    );
    assert.ok(cli.some((l) => l.endsWith('RL039')));
    // The package's own pipeline DAGs and their catalogue are no facts of the project: not read.
    const fed = folder.engine.files().filter((f) => !Object.hasOwn(PROJECT, f));
    assert.ok(fed.length > 0 && fed.every((f) => !f.includes('pipeline_catalog')), fed.join('\n'));
    // F12 on a DAG node naming the package's step opens the installed file defining it (`_EXTRAS`' row).
    const dag = 'dags/e2e.dag.json';
    const text = folder.engine.text(dag) ?? '';
    const at = text.indexOf('HyperparameterPrep') + 2;
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - (text.lastIndexOf('\n', at - 1) + 1);
    const targets = folder.engine.definition(dag, { line, character }).map((l) => folder.uriOf(l.file));
    const real = realpathSync(join(env, SITE, 'cursus', 'registry', 'interface_registry_loader.py'));
    assert.ok(targets.includes(pathToFileURL(real).href), targets.join('\n'));
  });
});

describe('lsp: the Python extension selected environment (registryLens/pythonEnvironments)', function () {
  this.timeout(120_000);
  withoutActivatedEnvironment();
  let c: TestClient | undefined;
  afterEach(() => c?.stop());

  const absent = (ds: Diagnostic[]): boolean => ds.some((d) => d.code === 'RL079');

  it('is taken when the setting names none: its interpreter names the environment, a change loads again', async () => {
    const env = writeTree({ ...installed(''), 'bin/python': '' });
    c = await TestClient.start(new Map(Object.entries(PROJECT)));
    await c.diagnosticsOf('pyproject.toml', 'cursus said absent (no environment)', absent);
    const folder = c.uri('');
    await c.notify(Methods.pythonEnvironments, { environments: [{ folder, path: join(env, 'bin', 'python') }] });
    await c.diagnosticsOf('pyproject.toml', 'cursus found in the selected environment', (ds) => !absent(ds));
    await c.diagnosticsOf('dags/e2e.dag.json', "the DAG judged against the package's steps", (ds) =>
      ds.some((d) => d.code === 'RL039'),
    );
    // A selection that is no environment (a global interpreter elsewhere) is passed over: none again.
    await c.notify(Methods.pythonEnvironments, { environments: [{ folder, path: join(c.root, 'nowhere') }] });
    await c.diagnosticsOf('pyproject.toml', 'cursus said absent again', absent);
  });

  it('comes after the machine-scoped setting', async () => {
    const env = writeTree(installed(''));
    const empty = writeTree({ 'pyvenv.cfg': '', [`${SITE}/six.py`]: '' });
    c = await TestClient.start(new Map(Object.entries(PROJECT)), { settings: { python: { environment: env } } });
    await c.diagnosticsOf('dags/e2e.dag.json', 'the setting environment read', (ds) =>
      ds.some((d) => d.code === 'RL039'),
    );
    await c.notify(Methods.pythonEnvironments, { environments: [{ folder: c.uri(''), path: empty }] });
    // The selection changes nothing: a request answered after it still finds the package's step.
    const text = PROJECT['dags/e2e.dag.json'] as string;
    const at = text.indexOf('HyperparameterPrep') + 2;
    const locations = await c.request<{ uri: string }[]>('textDocument/definition', {
      textDocument: { uri: c.uri('dags/e2e.dag.json') },
      position: { line: text.slice(0, at).split('\n').length - 1, character: at - (text.lastIndexOf('\n', at) + 1) },
    });
    assert.ok(
      locations.some((l) => l.uri.includes('interface_registry_loader.py')),
      JSON.stringify(locations),
    );
    assert.ok(!absent(c.diagnostics.get(c.uri('pyproject.toml')) ?? []));
  });
});

describe('lsp: watched files of a Python environment in the folder', function () {
  this.timeout(120_000);
  withoutActivatedEnvironment();
  let c: TestClient | undefined;
  afterEach(() => c?.stop());

  it('takes no .venv linked out of the folder: publishes RL081 as check does once the link appears, nothing read through it', async () => {
    const env = writeTree(installed('.venv/'));
    const client = (c = await TestClient.start(new Map(Object.entries({ ...PROJECT, 'pyproject.toml': '' }))));
    await client.diagnosticsOf('dags/e2e.dag.json', 'the DAG checked', (ds) => ds.length > 0);
    symlinkSync(join(env, '.venv'), client.abs('.venv'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.venv'), type: 1 }] });
    const [d] = await client.diagnosticsOf('pyproject.toml', 'RL081', (ds) => ds.some((x) => x.code === 'RL081'));
    assert.match(
      String(d?.message ?? ''),
      /^\.venv is a symbolic link to a folder outside this one, so it is not used/,
    );
    // The step table stays unknown (cursus is not read through the link): RL039 is off, as in check.
    const { json } = runJson(['check', client.root, '--format', 'json', '--fail-on', 'never']);
    const cli = (json['diagnostics'] as { file: string; code: string }[]).map((x) => `${x.file} ${x.code}`).sort();
    const published = [...client.diagnostics]
      .flatMap(([uri, ds]) => ds.map((x) => `${uri.slice(client.uri('').length + 1)} ${String(x.code)}`))
      .sort();
    assert.deepEqual(published, cli);
    assert.ok(!cli.some((l) => l.endsWith('RL039')) && cli.includes('pyproject.toml RL081'), cli.join('\n'));
  });

  it("drops other packages' events; an upgrade of the installed framework loads the folder again, once", async () => {
    const files = new Map(Object.entries({ ...PROJECT, ...installed('.venv/') }));
    const client = (c = await TestClient.start(files));
    await client.diagnosticsOf('dags/e2e.dag.json', 'the misspelt node', (ds) => ds.some((d) => d.code === 'RL039'));
    const loads = (): number =>
      client.notifications.filter(
        (n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'begin',
      ).length;
    const before = loads();
    const event = (rel: string, type: number): { uri: string; type: number } => ({ uri: client.uri(rel), type });
    const site = `.venv/${SITE}`;
    // pip installs another package: a burst of events no analysis reads.
    const other = Array.from({ length: 2000 }, (_, i) => event(`${site}/numpy/core/m${i}.py`, 1));
    await client.notify('workspace/didChangeWatchedFiles', { changes: other });
    // pip upgrades cursus: the new version declares the step the DAG names.
    const step = `${site}/cursus/steps/interfaces/xgboost_trainng.step.yaml`;
    writeFileSync(
      client.abs(step),
      readFileSync(client.abs(`${site}/cursus/steps/interfaces/xgboost_training.step.yaml`), 'utf8').replace(
        'XGBoostTraining',
        'XGBoostTrainng',
      ),
    );
    renameSync(client.abs(`${site}/cursus-2.9.32.dist-info`), client.abs(`${site}/cursus-2.9.33.dist-info`));
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        event(`${site}/cursus-2.9.32.dist-info/METADATA`, 3),
        event(`${site}/cursus-2.9.33.dist-info/METADATA`, 1),
        event(step, 1),
      ],
    });
    await client.diagnosticsOf('dags/e2e.dag.json', 'the node named by the upgrade', (ds) =>
      ds.every((d) => d.code !== 'RL039'),
    );
    await client.waitFor(
      'the load to end',
      () =>
        loads() === before + 1 &&
        client.notifications.filter(
          (n) => n.method === '$/progress' && (n.params as { value: { kind: string } }).value.kind === 'end',
        ).length ===
          before + 1,
    );
    assert.equal(loads(), before + 1);
    // Nothing was published in the environment.
    assert.deepEqual(
      [...client.diagnostics].filter(([uri, ds]) => uri.includes('/.venv/') && ds.length > 0),
      [],
    );
  });
  it('sees a first install without a reload: the environment made, cursus installed, then uninstalled, a load each', async () => {
    const client = (c = await TestClient.start(new Map(Object.entries(PROJECT))));
    const absent = (ds: Diagnostic[]): boolean => ds.some((d) => d.code === 'RL079');
    await client.diagnosticsOf('pyproject.toml', 'cursus said absent (no environment)', absent);
    // A load asks for its progress first (before it reads anything): the loads begun so far.
    const before = client.progressTokens.length;
    const loads = (): number => client.progressTokens.length - before;
    const loaded = (n: number): Promise<unknown> => client.waitFor(`load ${n}`, () => loads() === n);
    const event = (rel: string, type: number): { uri: string; type: number } => ({ uri: client.uri(rel), type });
    const site = `.venv/${SITE}`;
    // `python -m venv .venv` (or `uv venv`): the folder, its site-packages, then its pyvenv.cfg.
    const made = { '.venv/pyvenv.cfg': 'home = /usr/bin\nversion = 3.11.7\n', [`${site}/six.py`]: '' };
    for (const [rel, text] of Object.entries(made)) writeFile(client.root, rel, text);
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: ['.venv', `${site}/six.py`, '.venv/pyvenv.cfg'].map((rel) => event(rel, 1)),
    });
    await loaded(1);
    assert.ok(absent(client.diagnostics.get(client.uri('pyproject.toml')) ?? []), 'an environment without cursus');
    // pip installs another package: a burst of events no analysis reads, and no load.
    const other = Array.from({ length: 2000 }, (_, i) => event(`${site}/numpy/core/m${i}.py`, 1));
    other.push(event(`${site}/numpy-2.1.0.dist-info/RECORD`, 1));
    await client.notify('workspace/didChangeWatchedFiles', { changes: other });
    // A project file's event after the burst: analysed, and no load came before it.
    writeFile(client.root, 'dags/x.dag.json', '{"dag": {"nodes": ["A"], "edges": [["A", "B"]]}}\n');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [event('dags/x.dag.json', 1)] });
    await client.diagnosticsOf('dags/x.dag.json', 'the dangling edge', (ds) => ds.some((d) => d.code === 'RL037'));
    assert.equal(loads(), 1, "other packages' files load nothing");
    // pip installs cursus: its package's files, then its dist-info; one load for the burst.
    const cursus = Object.entries(installed('.venv/')).filter(([rel]) => rel !== '.venv/pyvenv.cfg');
    for (const [rel, text] of cursus) writeFile(client.root, rel, text);
    await client.notify('workspace/didChangeWatchedFiles', { changes: cursus.map(([rel]) => event(rel, 1)) });
    await client.diagnosticsOf('dags/e2e.dag.json', "the DAG judged against the package's steps", (ds) =>
      ds.some((d) => d.code === 'RL039'),
    );
    await client.diagnosticsOf('pyproject.toml', 'cursus found', (ds) => !absent(ds));
    await loaded(2);
    // pip uninstalls cursus: said absent again.
    rmSync(client.abs(`${site}/cursus`), { recursive: true });
    rmSync(client.abs(`${site}/cursus-2.9.32.dist-info`), { recursive: true });
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: cursus.map(([rel]) => event(rel, 3)),
    });
    await client.diagnosticsOf('pyproject.toml', 'cursus said absent again', absent);
    await loaded(3);
    // A request answered after every change before it: no load is left to come.
    await client.request(Methods.contexts, { uri: client.uri('dags/e2e.dag.json') });
    assert.equal(loads(), 3);
    assert.deepEqual(
      [...client.diagnostics].filter(([uri, ds]) => uri.includes('/.venv/') && ds.length > 0),
      [],
    );
  });

  it('watches the dist-info names in an environment outside the folder that lacks the framework: an install loads again', async () => {
    const env = writeTree({ 'pyvenv.cfg': '', [`${SITE}/six.py`]: '' });
    const site = realpathSync(join(env, SITE));
    const client = (c = await TestClient.start(new Map(Object.entries(PROJECT)), {
      settings: { python: { environment: env } },
    }));
    await client.diagnosticsOf('pyproject.toml', 'cursus said absent', (ds) => ds.some((d) => d.code === 'RL079'));
    const watched = await client.waitFor('the watcher of the environment', () =>
      client.registrations
        .flatMap((r) => (r.registerOptions as { watchers?: { globPattern: unknown }[] } | undefined)?.watchers ?? [])
        .map((w) => w.globPattern)
        .find((g): g is { baseUri: string; pattern: string } => typeof g === 'object'),
    );
    assert.equal(watched.baseUri, pathToFileURL(site).href);
    assert.match(watched.pattern, /cursus-\*\.dist-info/);
    assert.match(watched.pattern, /omnibase_core-\*\.dist-info/);
    const files = Object.entries(installed('')).filter(([rel]) => rel !== 'pyvenv.cfg');
    for (const [rel, text] of files) writeFile(env, rel, text);
    const info = join(site, 'cursus-2.9.32.dist-info', 'RECORD');
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(info).href, type: 1 }] });
    await client.diagnosticsOf('dags/e2e.dag.json', "the DAG judged against the package's steps", (ds) =>
      ds.some((d) => d.code === 'RL039'),
    );
  });

  it('watches an environment outside the folder where the framework lies: an upgrade there loads again', async () => {
    const env = writeTree(installed(''));
    const site = realpathSync(join(env, SITE));
    const client = (c = await TestClient.start(new Map(Object.entries(PROJECT)), {
      settings: { python: { environment: env } },
    }));
    await client.diagnosticsOf('dags/e2e.dag.json', 'the misspelt node', (ds) => ds.some((d) => d.code === 'RL039'));
    const watched = await client.waitFor('the watcher of the installed package', () =>
      client.registrations
        .flatMap((r) => (r.registerOptions as { watchers?: { globPattern: unknown }[] } | undefined)?.watchers ?? [])
        .map((w) => w.globPattern)
        .find((g): g is { baseUri: string; pattern: string } => typeof g === 'object'),
    );
    assert.equal(watched.baseUri, pathToFileURL(site).href);
    assert.match(watched.pattern, /cursus\/\*\*/);
    const step = join(site, 'cursus', 'steps', 'interfaces', 'xgboost_trainng.step.yaml');
    const from = join(site, 'cursus', 'steps', 'interfaces', 'xgboost_training.step.yaml');
    writeFileSync(step, readFileSync(from, 'utf8').replace('XGBoostTraining', 'XGBoostTrainng'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(step).href, type: 1 }] });
    await client.diagnosticsOf('dags/e2e.dag.json', 'the node named by the upgrade', (ds) =>
      ds.every((d) => d.code !== 'RL039'),
    );
  });
});

describe("lsp: an installed framework's files are library code (registryLens/contexts)", function () {
  this.timeout(120_000);
  withoutActivatedEnvironment();
  let c: TestClient | undefined;
  afterEach(() => c?.stop());

  const LOADER = 'cursus/registry/interface_registry_loader.py';
  const contextsOf = (client: TestClient, uri: string): Promise<FolderContexts[]> =>
    client.request<FolderContexts[]>(Methods.contexts, { uri });

  it('says a file of the .venv in the folder is installed cursus 2.9.32; a project file is not library code', async () => {
    const client = (c = await TestClient.start(new Map(Object.entries({ ...PROJECT, ...installed('.venv/') }))));
    await client.diagnosticsOf('dags/e2e.dag.json', 'the misspelt node', (ds) => ds.some((d) => d.code === 'RL039'));
    const [installedFile] = await contextsOf(client, client.uri(`.venv/${SITE}/${LOADER}`));
    assert.deepEqual(installedFile?.library, { name: 'cursus', version: '2.9.32' });
    const [project] = await contextsOf(client, client.uri('dags/e2e.dag.json'));
    assert.equal(project?.library, undefined);
    assert.equal(project?.current, 'core');
  });

  it('says so of the file go to definition opens in an environment outside the folder, by its real place', async () => {
    const env = writeTree(installed(''));
    const client = (c = await TestClient.start(new Map(Object.entries(PROJECT)), {
      settings: { python: { environment: env } },
    }));
    await client.diagnosticsOf('dags/e2e.dag.json', 'the misspelt node', (ds) => ds.some((d) => d.code === 'RL039'));
    const real = pathToFileURL(realpathSync(join(env, SITE, ...LOADER.split('/')))).href;
    const [folder] = await contextsOf(client, real);
    assert.equal(folder?.folder, client.uri(''));
    assert.deepEqual(folder?.library, { name: 'cursus', version: '2.9.32' });
    // Another file outside the folder is nothing of the environment's.
    const [elsewhere] = await contextsOf(client, pathToFileURL(join(env, 'pyvenv.cfg')).href);
    assert.equal(elsewhere?.library, undefined);
  });
});
