// The packaged extension: `vsce package` (as `npm run package` runs it) ships exactly the bundles,
// the wasm files, schemas/, syntaxes/, the walkthrough's media, README, CHANGELOG and LICENSE -- no sources, no source maps,
// no node_modules -- and the bundled server and CLI work from the unpacked .vsix with no
// node_modules anywhere above them.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { readZip, type ZipEntry } from './zip';

const REPO = path.join(__dirname, '..', '..');
const DEMO = path.join(REPO, 'examples', 'demo-workspace');
const ALICE = 'developer_workspaces/developers/alice_ml/src/cursus_dev/registry/workspace_registry.py';
const VSCE = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(REPO, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

describe('the packaged .vsix', function () {
  this.timeout(180_000);
  let tmp: string;
  let entries: ZipEntry[];
  let unpacked: string;

  before(function () {
    if (!existsSync(path.join(REPO, 'dist', 'server.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
    tmp = mkdtempSync(path.join(tmpdir(), 'registry-lens-vsix-'));
    const vsix = path.join(tmp, 'registry-lens.vsix');
    // the command of `npm run package`, minus the build (done by `npm test`), into a temp file
    execFileSync(
      process.execPath,
      [
        VSCE,
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        vsix,
      ],
      { cwd: REPO, stdio: 'pipe' },
    );
    entries = readZip(vsix);
    unpacked = path.join(tmp, 'unpacked');
    for (const e of entries) {
      const to = path.join(unpacked, e.name);
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, e.data());
    }
  });

  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('ships exactly the bundles, the wasm files, schemas/, syntaxes/, media/walkthrough/, the diagnostics reference, README, CHANGELOG and LICENSE', () => {
    const shipped = entries.map((e) => e.name).sort();
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/action/dist/cli.js',
      'extension/action/dist/tree-sitter-python.wasm',
      'extension/action/dist/web-tree-sitter.wasm',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/browserClient.js',
      'extension/dist/browserServer.js',
      'extension/dist/cli.js',
      'extension/dist/web-tree-sitter.wasm',
      'extension/dist/tree-sitter-python.wasm',
      'extension/dist/webview/main.js',
      'extension/dist/webview/style.css',
      'extension/docs/diagnostics.md',
      ...filesUnder('schemas').map((f) => `extension/${f}`),
      ...filesUnder('syntaxes').map((f) => `extension/${f}`),
      ...filesUnder('media/walkthrough').map((f) => `extension/${f}`),
    ].sort();
    assert.deepEqual(shipped, expected);
    assert.ok(!shipped.some((f) => f.endsWith('.map') || f.includes('node_modules/') || f.endsWith('.ts')));
  });

  it('ships every file the walkthrough shows, and its links run commands the extension contributes', () => {
    const pkg = JSON.parse(
      entries
        .find((e) => e.name === 'extension/package.json')!
        .data()
        .toString('utf8'),
    ) as {
      contributes: {
        commands: { command: string }[];
        walkthroughs: { steps: { description: string; media: Record<string, string> }[] }[];
      };
    };
    const steps = pkg.contributes.walkthroughs.flatMap((w) => w.steps);
    const media = steps.flatMap((st) =>
      [st.media['markdown'], st.media['svg'], st.media['image']].filter((m): m is string => m !== undefined),
    );
    assert.deepEqual(
      media.filter((m) => !entries.some((e) => e.name === `extension/${m}`)),
      [],
    );
    const ours = new Set(pkg.contributes.commands.map((c) => c.command));
    const linked = steps.flatMap((st) =>
      [...st.description.matchAll(/\(command:(registryLens\.[\w.]+)/g)].map((m) => m[1]!),
    );
    assert.ok(linked.length > 0);
    assert.deepEqual(
      linked.filter((c) => !ours.has(c)),
      [],
    );
  });

  it('the bundles are complete: nothing left to require but Node built-ins and vscode', () => {
    for (const f of ['client.js', 'server.js', 'cli.js']) {
      const text = entries
        .find((e) => e.name === `extension/dist/${f}`)!
        .data()
        .toString('utf8');
      // (not inside a string: ajv keeps `'require("ajv/dist/runtime/equal")'` as code-generation text)
      const required = [...text.matchAll(/(?<!['"`\w.])require\(["']([^"'./][^"']*)["']\)/g)].map((m) => m[1]!);
      const foreign = [...new Set(required)].filter(
        (m) => !m.startsWith('node:') && !isBuiltin(m) && !(f === 'client.js' && m === 'vscode'),
      );
      assert.deepEqual(foreign, [], `${f} requires packages that are not bundled`);
    }
  });

  it('the web bundles require nothing a browser lacks: the client only vscode, the worker nothing', () => {
    for (const [f, allowed] of [
      ['browserClient.js', ['vscode']],
      ['browserServer.js', []],
    ] as const) {
      const text = entries
        .find((e) => e.name === `extension/dist/${f}`)!
        .data()
        .toString('utf8');
      const required = [...text.matchAll(/(?<!['"`\w.])require\(["']([^"']+)["']\)/g)].map((m) => m[1]!);
      assert.deepEqual([...new Set(required)], allowed, `${f} requires what no web worker has`);
    }
  });

  it('the CLI runs from the unpacked .vsix', () => {
    assertNoNodeModulesAbove(path.join(unpacked, 'extension', 'dist'));
    const out = execFileSync(
      process.execPath,
      [path.join(unpacked, 'extension', 'dist', 'cli.js'), 'check', DEMO, '--format', 'json', '--fail-on', 'never'],
      { cwd: tmp, encoding: 'utf8', env: cleanEnv() },
    );
    const diagnostics = (JSON.parse(out) as { diagnostics: { code: string; file: string }[] }).diagnostics;
    assert.ok(diagnostics.some((d) => d.code === 'RL002' && d.file === ALICE));
  });

  it('the bundled server starts from the unpacked .vsix and analyses the example over LSP', async () => {
    const server = path.join(unpacked, 'extension', 'dist', 'server.js');
    assertNoNodeModulesAbove(path.dirname(server));
    const proc = spawn(process.execPath, [server, '--stdio'], {
      cwd: tmp,
      env: cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const lsp = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const diagnostics = new Map<string, { code?: string | number }[]>();
    let changed = (): void => {};
    lsp.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; diagnostics: { code?: string | number }[] }) => {
        diagnostics.set(p.uri, p.diagnostics);
        changed();
      },
    );
    lsp.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    lsp.onRequest('client/registerCapability', () => null);
    lsp.onRequest('window/workDoneProgress/create', () => null);
    lsp.listen();
    try {
      const root = pathToFileURL(DEMO).href;
      const init = await lsp.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'demo-workspace' }],
        capabilities: {},
      });
      assert.ok(init.serverInfo?.name, 'serverInfo');
      await lsp.sendNotification('initialized', {});
      const alice = `${root}/${ALICE}`;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no RL002 for ${ALICE} within 60 s; server stderr:\n${stderr}`)),
          60_000,
        );
        changed = () => {
          if (diagnostics.get(alice)?.some((d) => d.code === 'RL002')) {
            clearTimeout(timer);
            resolve();
          }
        };
        changed();
      });
      const hover = await lsp.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: alice },
        position: { line: 69, character: 8 },
      });
      assert.match(hover?.contents.value ?? '', /override:alice_ml/);
      await lsp.sendRequest('shutdown');
      await lsp.sendNotification('exit');
      await exited(proc);
    } finally {
      lsp.dispose();
      proc.kill();
    }
  });
});

function isBuiltin(m: string): boolean {
  return builtinModules.includes(m) || builtinModules.includes(m.split('/')[0]!);
}

/** The environment without NODE_PATH, so only the files beside the bundle can be found. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_PATH'];
  return env;
}

function assertNoNodeModulesAbove(dir: string): void {
  for (let d = dir; ; d = path.dirname(d)) {
    const nm = path.join(d, 'node_modules');
    assert.ok(
      !(existsSync(nm) && statSync(nm).isDirectory()),
      `${nm} exists: the test cannot prove the bundle is self-contained`,
    );
    if (path.dirname(d) === d) return;
  }
}

function exited(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
}
