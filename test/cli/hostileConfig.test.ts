// Configuration is data (issue 55, R21, R19): every example with hostile keys in each configuration
// file (`__proto__`, `constructor`, `prototype`; dotted in .vscode/settings.json, nested in YAML) is
// checked by the CLI twice: once with Object.prototype, Array.prototype and Function.prototype frozen
// (a write to them throws in strict code), once unfrozen with a witness that fails the run when they
// gained or changed a property. The analysis goes on (nothing excluded), both runs agree, the settings
// file is named in a warning; in the MCP server the same file leaves `tools/list` answered.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO } from './helpers';
import { McpTestClient } from '../mcp/client';

const EXAMPLES = join(REPO, 'examples');
const PROTOS = 'const protos = [Object.prototype, Array.prototype, Function.prototype];';

/** Preloads: one freezes the prototypes; the other notes their properties and says at exit whether they changed. */
const FREEZE = `${PROTOS} for (const p of protos) Object.freeze(p);\n`;
const WITNESS = `${PROTOS}
const snap = () => protos.map((p) => Object.getOwnPropertyNames(p).map((k) => k + ':' + typeof Object.getOwnPropertyDescriptor(p, k).value).join());
const before = snap();
process.on('exit', () => { if (snap().join('|') !== before.join('|')) process.stderr.write('PROTOTYPE CHANGED\\n'); });
`;

const HOSTILE_SETTINGS =
  '"__proto__.exclude": ["**"], "constructor.prototype.exclude": ["**"], "__proto__": {"exclude": ["**"]}, ' +
  '"registryLens.__proto__.exclude": ["**"], "registryLens.onex.pins": {"__proto__": {"x": "1.0.0"}, "constructor": "1.0.0"}, ' +
  '"files.exclude": {"__proto__": true, "constructor": true}, ';
const HOSTILE_YAML =
  '\n__proto__:\n  exclude: ["**"]\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** A copy of an example with hostile keys in its settings and in every YAML file. */
function hostileCopy(example: string): string {
  const root = mkdtempSync(join(tmpdir(), 'registry-lens-hostile-'));
  cpSync(join(EXAMPLES, example), root, { recursive: true });
  rmSync(join(root, 'EXPECTED.json'), { force: true });
  const settings = join(root, '.vscode', 'settings.json');
  mkdirSync(join(root, '.vscode'), { recursive: true });
  const old = existsSync(settings) ? readFileSync(settings, 'utf8') : '{}';
  writeFileSync(settings, old.replace('{', `{ ${HOSTILE_SETTINGS}`).replace(/,\s*}\s*$/, ' }\n'));
  for (const f of files(root))
    if (/\.ya?ml$/.test(f)) writeFileSync(f, readFileSync(f, 'utf8').replace(/\n?$/, HOSTILE_YAML));
  return root;
}

function check(root: string, preload: string): { code: number | null; json: Record<string, unknown>; stderr: string } {
  const pre = join(root, '..', `${root.split('/').pop() ?? 'x'}-preload.cjs`);
  writeFileSync(pre, preload);
  try {
    const r = spawnSync(process.execPath, ['--require', pre, CLI, 'check', root, '--format', 'json'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.doesNotMatch(r.stderr, /internal error|PROTOTYPE CHANGED/, r.stderr);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    (json['summary'] as Record<string, unknown>)['ms'] = 0;
    return { code: r.status, json, stderr: r.stderr };
  } finally {
    rmSync(pre, { force: true });
  }
}

describe('cli: configuration is data (prototype keys in every configuration file)', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  after(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  for (const example of readdirSync(EXAMPLES).filter((n) => statSync(join(EXAMPLES, n)).isDirectory())) {
    it(`${example}: nothing writes to a prototype, the analysis goes on, the settings file is named`, () => {
      const root = hostileCopy(example);
      roots.push(root);
      const frozen = check(root, FREEZE);
      const witnessed = check(root, WITNESS);
      assert.deepEqual(frozen.json, witnessed.json);
      assert.equal(frozen.code, witnessed.code);
      assert.notEqual(frozen.code, 3, 'every file was excluded');
      // Sources counted, or findings on the files read (a project whose framework is installed elsewhere has none).
      const sources = Number((frozen.json['summary'] as Record<string, unknown>)['sources']);
      assert.ok(sources > 0 || (frozen.json['diagnostics'] as unknown[]).length > 0, 'nothing analysed');
      assert.match(
        frozen.stderr,
        /\.vscode\/settings\.json: ignoring the key "__proto__\.exclude" and \d+ more \(a name of JavaScript's prototypes/,
      );
    });
  }

  it('mcp: a settings file with prototype keys leaves the analysis and tools/list answered', async () => {
    const c = McpTestClient.startOnCopy(join(EXAMPLES, 'demo-workspace'));
    try {
      await c.handshake();
      const clean = await c.call('check', {});
      mkdirSync(join(c.root, '.vscode'), { recursive: true });
      writeFileSync(join(c.root, '.vscode', 'settings.json'), `{ ${HOSTILE_SETTINGS.replace(/, $/, '')} }`, {
        flag: 'w',
      });
      const hostile = await c.call('check', {});
      assert.notEqual(hostile.isError, true);
      const summary = (r: typeof clean): unknown => ({ ...(r.structuredContent?.['summary'] as object), ms: 0 });
      assert.deepEqual(summary(hostile), summary(clean));
      const list = await c.request('tools/list', {});
      assert.equal(list.error, undefined, JSON.stringify(list.error));
    } finally {
      await c.dispose();
    }
  });
});
