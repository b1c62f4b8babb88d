// The versions the root's pin files pin (uv.lock, poetry.lock, pdm.lock, requirements*.txt, pyproject.toml), which
// one is believed, and RL080 where a pin is of a framework whose built-in rules are of another minor version.
import { strict as assert } from 'node:assert';
import type { InstalledVersion } from '../../server/src/engine/api';
import { analyze, checkDiagnostics } from './helpers';

const pinsOf = async (text: string, installed: InstalledVersion[] = []): Promise<string[]> => {
  const { engine } = await analyze(text);
  engine.setInstalled(installed);
  engine.update();
  return engine.frameworkPins().map((p) => `${p.name} ${p.version} ${p.file}:${p.range.start.line}`);
};

describe('framework pins', () => {
  it("reads each lock's [[package]] name and version, not the project's own (editable, virtual, directory) entries", async () => {
    assert.deepEqual(
      await pinsOf(`
//- /uv.lock
version = 1

[[package]]
name = "omnibase-core"
version = "0.47.57"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "omnibase-infra"
version = "0.38.4"
source = { editable = "." }

[[package]]
name = "workspace-member"
version = "1.0.0"
source = { virtual = "." }
`),
      ['omnibase_core 0.47.57 uv.lock:4'],
    );
    assert.deepEqual(
      await pinsOf(`
//- /poetry.lock
[[package]]
name = "Cursus"
version = "2.9.32"
description = "x"

[[package]]
name = "apcore"
version = "0.18.0"
develop = true

[package.source]
type = "directory"
url = "."

[metadata]
lock-version = "2.0"
`),
      ['cursus 2.9.32 poetry.lock:2'],
    );
    assert.deepEqual(
      await pinsOf(`
//- /pdm.lock
[metadata]
groups = ["default"]

[[package]]
name = "apcore"
version = "0.20.1"
requires_python = ">=3.10"

[[package]]
name = "cursus"
version = "2.9.0"
editable = true
path = "."
`),
      ['apcore 0.20.1 pdm.lock:5'],
    );
  });

  it('reads `==` pins of requirements*.txt and pyproject.toml (PEP 621, Poetry); ranges, wildcards and ^ are no pins', async () => {
    assert.deepEqual(
      await pinsOf(`
//- /requirements-dev.txt
# tools
cursus[sdk] == 2.9.32 ; python_version >= "3.10"  # pinned
apcore>=0.19
omnibase_core==0.46.*
//- /pyproject.toml
[project]
name = "demo"
dependencies = [
    "omnibase-core==0.47.1",
    "omnibase-infra>=0.30",
]

[tool.poetry.dependencies]
apcore = "0.20.0"
cursus = "^2.9"
`),
      [
        'apcore 0.20.0 pyproject.toml:8',
        'cursus 2.9.32 requirements-dev.txt:1',
        'omnibase_core 0.47.1 pyproject.toml:3',
      ],
    );
  });

  // Conformance: pip-compile's and `uv pip compile --generate-hashes`'s output, as pip 23.2.1 parses it:
  //   $ printf 'apcore==0.18.0 --hash=sha256:aaaa --hash=sha256:bbbb\n    # via fraud\ncursus==2.6.0 \\\n' \
  //       '    --hash=sha256:cccc \\\n    --hash=sha256:dddd\n    # via fraud\n' > requirements.txt
  //   $ python -c "from pip._internal.req.req_file import parse_requirements as p
  //       from pip._internal.network.session import PipSession as S
  //       for r in p('requirements.txt', session=S()): print(repr(r.requirement), r.options, r.comes_from)"
  //   'apcore==0.18.0' {'hashes': {'sha256': ['aaaa', 'bbbb']}} -r requirements.txt (line 1)
  //   'cursus==2.6.0    ' {'hashes': {'sha256': ['cccc', 'dddd']}} -r requirements.txt (line 3)
  it('reads pip-compile and uv pins with --hash options, on one line or continued with \\, at their first line', async () => {
    assert.deepEqual(
      await pinsOf(`
//- /requirements.txt
apcore==0.18.0 --hash=sha256:aaaa --hash=sha256:bbbb
    # via fraud
cursus==2.6.0 \\
    --hash=sha256:cccc \\
    --hash=sha256:dddd
    # via fraud
omnibase-core==0.46.8 \\
    # a comment line ends the continuation
omnibase-infra==0.38.4 \\
    --hash=sha256:eeee
`),
      [
        'apcore 0.18.0 requirements.txt:0',
        'cursus 2.6.0 requirements.txt:2',
        'omnibase_core 0.46.8 requirements.txt:6',
        'omnibase_infra 0.38.4 requirements.txt:8',
      ],
    );
    // CRLF line ends: the `\` before `\r` continues the line.
    assert.deepEqual(await pinsOf('//- /requirements.txt\ncursus==2.6.0 \\\r\n    --hash=sha256:cccc\r\n'), [
      'cursus 2.6.0 requirements.txt:0',
    ]);
  });

  it('hostile pin files: runs of blanks between a name and no operator, and a comment of `"a[` runs, in linear time', async () => {
    const blanks = ' '.repeat(200_000);
    const started = process.cpuUsage();
    assert.deepEqual(
      await pinsOf(
        `//- /requirements.txt\ncursus [sdk]${blanks}== 2.9.32\na${blanks}x\na==${blanks}1${blanks}x\n` +
          `//- /pyproject.toml\n[project]\nname = "x"\ndependencies = ["a${blanks}x", "apcore  [e]  ==  0.20.0"]\n` +
          `# ${'"a['.repeat(100_000)}\n` +
          `//- /requirements-hashes.txt\nomnibase-core==0.46.8 ${'\\\n -'.repeat(100_000)}\n${'a -'.repeat(100_000)}\n`,
      ),
      [
        'apcore 0.20.0 pyproject.toml:2',
        'cursus 2.9.32 requirements.txt:0',
        'omnibase_core 0.46.8 requirements-hashes.txt:0',
      ],
    );
    // Quadratic readers took minutes here; linear ones a few hundred milliseconds on a busy machine.
    const used = process.cpuUsage(started);
    assert.ok(used.user + used.system < 20_000_000, `${(used.user + used.system) / 1000} ms`);
  });

  it('believes a lock before a requirements file before pyproject.toml, and reads only the root', async () => {
    assert.deepEqual(
      await pinsOf(`
//- /pyproject.toml
[project]
dependencies = ["apcore==0.21.0", "cursus==2.9.1"]
//- /requirements.txt
apcore==0.20.0
//- /uv.lock
[[package]]
name = "apcore"
version = "0.19.2"
//- /sub/uv.lock
[[package]]
name = "cursus"
version = "1.0.0"
`),
      ['apcore 0.19.2 uv.lock:2', 'cursus 2.9.1 pyproject.toml:1'],
    );
  });

  it('a pin that is not TOML or has no version pins nothing, and says nothing', async () => {
    const { engine } = await analyze(`
//- /pyproject.toml
[project
dependencies = ["apcore==0.1.0"]
//- /uv.lock
[[package]]
name = "apcore"
`);
    assert.deepEqual(engine.frameworkPins(), []);
    assert.deepEqual(
      engine.allDiagnostics().filter((d) => d.code === 'RL080'),
      [],
    );
  });

  it('RL080 on the version line of a pin of another minor version than the built-in rules; none when covered', async () => {
    const diags = await checkDiagnostics(
      `
//- /uv.lock
[[package]]
name = "omnibase-core"
version = "0.47.57"
^^^^^^^^^^^^^^^^^^^ RL080 omnibase_core 0.47.57 is pinned here, and no Python environment found holds it: the checks assume omnibase_core 0.46.8
//- /requirements.txt
apcore==0.19.4
`,
      {},
      { only: ['RL080'] },
    );
    assert.ok(diags.every((d) => d.severity === 'information' && d.message.length <= 200));
  });

  it('RL080 goes when the environment installs the framework (the host says so), and comes back when it does not', async () => {
    const { engine } = await analyze(`
//- /poetry.lock
[[package]]
name = "apcore"
version = "0.21.0"
`);
    const rl080 = (): string[] =>
      engine
        .allDiagnostics()
        .filter((d) => d.code === 'RL080')
        .map((d) => `${d.file}:${d.range.start.line} ${d.message.slice(0, 40)}`);
    assert.deepEqual(rl080(), ['poetry.lock:2 apcore 0.21.0 is pinned here, and no Pyt']);
    engine.setInstalled([{ name: 'apcore', version: '0.21.0' }]);
    engine.update();
    assert.deepEqual(rl080(), []);
    engine.setInstalled([]);
    engine.update();
    assert.equal(rl080().length, 1);
  });

  it("RL079 names cursus's pinned version and points at the pin", async () => {
    const { engine } = await analyze(`
//- /requirements.txt
cursus==2.9.32
//- /pipelines/train.dag.json
{"nodes": [], "edges": []}
`);
    const rl079 = engine.allDiagnostics().filter((d) => d.code === 'RL079');
    assert.equal(rl079.length, 1);
    assert.match(rl079[0]?.message ?? '', /^cursus 2\.9\.32 is in neither this folder nor its Python environment/);
    assert.deepEqual(
      rl079[0]?.related.map((r) => `${r.file}:${r.range.start.line} ${r.message}`),
      ['requirements.txt:0 cursus 2.9.32 is pinned here'],
    );
  });
});

describe('frameworks in use', () => {
  it("names a built-in framework only where the root has its files: a CI workflow or pyproject.toml is anyone's", async () => {
    const inUse = async (text: string): Promise<string[]> => (await analyze(text)).engine.frameworksInUse();
    // A cursus repository: its CI workflow and pyproject.toml say nothing of ONEX or apcore.
    assert.deepEqual(
      await inUse(
        '//- /src/cursus/registry/step_names.py\nSTEP_NAMES = {}\n//- /.github/workflows/ci.yml\non: push\n' +
          '//- /pyproject.toml\n[project]\nname = "cursus"\n',
      ),
      [],
    );
    assert.deepEqual(await inUse('//- /src/nodes/node_x/contract.yaml\nname: node_x\n'), ['omnibase_core']);
    assert.deepEqual(await inUse('//- /bindings/x.binding.yaml\nbindings: []\n'), ['apcore']);
  });
});
