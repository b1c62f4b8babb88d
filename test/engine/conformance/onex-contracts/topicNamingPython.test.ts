// omnibase_infra's topic-naming gate, its `--scan-python` half (lint_topic_names.py:288-375, run by the
// pre-commit hook through run_topic_lint.sh:61): the real script, copied beside modules of every tricky
// shape, run by the repository's Python (3.12; skipped where it is not installed), must print exactly the
// violations Registry Lens reports; then where the half runs, its baseline and its noqa. infra's tests
// have no case of this half (tests/unit/scripts/validation/test_lint_topic_names.py tests `lint_topic` and
// `scan_contracts` only): the cases here are the script's own behaviour, recorded by running it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RegistryEngine } from '../../../../server/src/engine/engine';
import type { Diagnostic, SettingsInput } from '../../../../server/src/engine/types';
import { initParsers, wasm } from '../../helpers';
import { readTopicModule } from '../../../../server/src/engine/families/onex/contracts/topicPython';

const PYTHON = join(homedir(), '.pyenv/versions/3.12.1/bin/python');
const SCRIPT = '/work/real/omnibase_infra/scripts/validation/lint_topic_names.py';

const HOOK =
  'repos:\n  - repo: local\n    hooks:\n      - id: topic-naming-lint\n' +
  '        entry: bash scripts/validation/run_topic_lint.sh\n        language: system\n';
const CI =
  'jobs:\n  topic-naming-lint:\n    steps:\n      - run: |\n' +
  '          uv run python scripts/validation/lint_topic_names.py \\\n            --scan-contracts src/omnibase_infra/nodes\n';
const PYPROJECT = '[project]\nname = "omnibase-infra"\n\n[project.entry-points."onex.nodes"]\n';

/** Modules of every shape the AST walk treats its own way, under `src/omnibase_infra/`. */
const MODULES: Record<string, string> = {
  'docstring.py': '"""onex.evt.platform.Doc.v1"""\n\ndef f():\n    """onex.evt.bad_p.fn-doc.v1"""\n',
  'concat.py':
    'A = ("onex.evt.plat"  # split\n     "form.Bad.v1")\nB = "" "onex.evt.bad_p.b.v1"\n' +
    'C = ("onex.evt.skill"\n     ".c.v1")\n',
  'fstrings.py':
    'x = 1\nA = f"onex.evt.platform.Pre.v1{x}"\nB = f"{x}onex.cmd.rsd.after.v2"\n' +
    'C = f"""head\n{x}onex.evt.bad_p.line3.v1{x}\n"""\nD = f"{x:onex.evt.bad_p.spec.v1}"\n' +
    'E = f"onex.evt.bad_p.dbg.v1{x=}"\nF = ("onex.evt.bad_p" f".merged.v1{x}")\n' +
    'G = f"{\'onex.evt.bad_p.inner.v1\'}"\nH = f"{x}" "onex.evt.bad_p.tail.v1"\nI = f"a{{onex.evt.x.y.v1}}"\n',
  'escapes.py':
    'A = "onex\\x2eevt.platform.Esc.v1"\nB = "\\x6fnex.evt.bad_p.hex.v1"\nC = "onex.evt.platform.oct.v\\061"\n' +
    'D = r"onex.evt.platform.raw\\x.v1"\nE = "onex.evt.bad_p.cont\\\n.v1"\nF = "onex.evt.bad_p.tab\\t.v1"\n',
  'noqa.py':
    'A = "onex.evt.bad_p.a.v1"  # noqa: topic-naming-lint\nB = ("onex.evt.bad_p.b.v1"  # noqa: topic-naming-lint\n     "")\n' +
    'C = (""\n     "onex.evt.bad_p.c.v1")  # noqa: topic-naming-lint\n# a\f noqa: topic-naming-lint\nD = "onex.evt.bad_p.ff.v1"\n',
  'syntax_error.py': 'A = "onex.evt.bad_p.a.v1"\ndef (:\n',
  'mixed_bytes.py': 'A = b"x" "onex.evt.bad_p.a.v1"\n',
  'bytes.py': 'A = b"onex.evt.bad_p.a.v1"\nB = "onex.evt.platform.fine.v1"\n',
  'newline.py': 'A = "onex.evt.bad_p.nl.v1\\n"\nB = "onex.evt.bad_p.two.v1\\n\\n"\nC = "onex.evt.bad_p.v\\u0661"\n',
  'digits.py':
    'A = "onex.evt.platform.d.v\u0661"\nB = "onex.evt.platform.d.v0"\nC = "onex.x.v1"\nD = "onex.evt.platform."\n',
  'crlf.py': 'A = 1\r\nB = """x\r\n"""\r\nC = "onex.evt.bad_p.crlf.v1"\r\n',
  'sub/deep/annotations.py':
    'def f(x: "onex.evt.bad_p.ann.v1") -> None:\n    match x:\n        case "onex.evt.bad_p.case.v1":\n            pass\n',
  'nested_quotes.py': 'x = {}\nA = f"{x["onex.evt.bad_p.pep701.v1"]}"\n',
};

/** An infra-shaped repository: the hook, its modules, and `extra` files. */
function infra(extra: Record<string, string> = {}, gate = HOOK): Record<string, string> {
  const files: Record<string, string> = { 'pyproject.toml': PYPROJECT, 'src/omnibase_infra/__init__.py': '' };
  if (gate) files['.pre-commit-config.yaml'] = gate;
  for (const [p, t] of Object.entries(MODULES)) files[`src/omnibase_infra/${p}`] = t;
  return { ...files, ...extra };
}

/** An engine fed the files (and the directories it asks about), analysed. */
async function engineOf(files: Record<string, string>, settings: SettingsInput = {}): Promise<RegistryEngine> {
  const engine = await RegistryEngine.create(wasm, settings);
  for (const [p, t] of Object.entries(files)) engine.setFile(p, t);
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) for (let d = dirname(p); d !== '.'; d = dirname(d)) dirs.add(d);
  engine.setTree({ links: [], directories: [...dirs].filter((d) => engine.interest().wantsDirectory(d)) });
  engine.update();
  return engine;
}

/** Our Python-half violations as the script prints them: `path:lineno: violation`, each violation of a diagnostic. */
function printed(ds: readonly Diagnostic[]): string[] {
  return ds
    .filter((d) => d.code === 'RL057' && d.file.endsWith('.py'))
    .flatMap((d) =>
      [d.message, ...(d.related ?? []).map((r) => r.message)].map(
        (m) => `${d.file}:${d.range.start.line + 1}: ${m.replace(/^Topic Naming Lint \[\w+\]: /, '')}`,
      ),
    )
    .sort();
}

describe('ONEX conformance: the topic-naming gate’s --scan-python half (lint_topic_names.py:288-375)', () => {
  it('reports what the real script prints on every shape, word for word and line for line', async function () {
    if (!existsSync(PYTHON) || !existsSync(SCRIPT)) this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'topic-python-'));
    try {
      // The script imports yaml at the top (for its contract half): a stub stands for it.
      mkdirSync(join(dir, 'stub'));
      writeFileSync(join(dir, 'stub/yaml.py'), '');
      mkdirSync(join(dir, 'scripts/validation'), { recursive: true });
      copyFileSync(SCRIPT, join(dir, 'scripts/validation/lint_topic_names.py'));
      for (const [p, t] of Object.entries(MODULES)) {
        const at = join(dir, 'src/omnibase_infra', p);
        mkdirSync(dirname(at), { recursive: true });
        writeFileSync(at, t);
      }
      const run = spawnSync(
        PYTHON,
        ['scripts/validation/lint_topic_names.py', '--scan-python', join(dir, 'src/omnibase_infra'), '--no-baseline'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(dir, 'stub') } },
      );
      const real = run.stderr
        .split('\n')
        .filter((l) => l.startsWith('ERROR: '))
        .map((l) => l.slice('ERROR: '.length).replace(`${dir}/`, ''))
        .sort();
      assert.ok(real.length > 20, run.stderr);
      assert.deepEqual(printed((await engineOf(infra())).allDiagnostics()), real);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an error on the literal, where the hook runs; not where only CI’s --scan-contracts step does, nor without a gate', async () => {
    const hooked = (await engineOf(infra())).diagnostics('src/omnibase_infra/concat.py');
    const b = hooked.find((d) => d.range.start.line === 2);
    assert.equal(b?.severity, 'error');
    assert.deepEqual(b?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 28 } });
    assert.match(b?.message ?? '', /^Topic Naming Lint \[producer\]: invalid producer 'bad_p'/);
    for (const gate of [CI, '']) {
      const files = infra({}, '');
      if (gate) files['.github/workflows/ci.yml'] = gate;
      assert.deepEqual(printed((await engineOf(files)).allDiagnostics()), []);
    }
    // The workflow running the wrapper counts too.
    const wf = infra(
      {
        '.github/workflows/lint.yml':
          'jobs:\n  l:\n    steps:\n      - run: bash scripts/validation/run_topic_lint.sh\n',
      },
      '',
    );
    assert.ok(printed((await engineOf(wf)).allDiagnostics()).length > 0);
  });

  it('the setting decides instead of the gate files', async () => {
    const on = await engineOf(infra({}, ''), { onexValidators: ['topic-naming'] });
    assert.ok(printed(on.allDiagnostics()).length > 0);
    const off = await engineOf(infra(), { onexValidators: ['auto-wiring'] });
    assert.deepEqual(printed(off.allDiagnostics()), []);
  });

  it('scans src/omnibase_infra of the repository whose hook runs it, nested under the root too, and nothing else', async () => {
    const bad = 'A = "onex.evt.bad_p.a.v1"\n';
    const files: Record<string, string> = {
      'infra/pyproject.toml': PYPROJECT,
      'infra/.pre-commit-config.yaml': HOOK,
      'infra/src/omnibase_infra/m.py': bad,
      'infra/src/other/m.py': bad,
      'infra/tests/m.py': bad,
      // Another repository beside it, without the hook.
      'core/src/omnibase_infra/m.py': bad,
    };
    assert.deepEqual(
      printed((await engineOf(files)).allDiagnostics()).map((l) => l.split(':')[0]),
      ['infra/src/omnibase_infra/m.py'],
    );
  });

  it('the baseline: a line appearing in `{py_path}:{lineno}: {violation}` drops it, the hook’s absolute path’s end included', async () => {
    const module = {
      'src/omnibase_infra/m.py': 'A = "onex.evt.skill.a.v1"\nB = "onex.evt.router.b.v1"\nC = "onex.evt.rsd.c.v1"\n',
    };
    const baseline = (lines: string): Record<string, string> => ({
      ...module,
      'scripts/validation/topic_naming_baseline.txt': lines,
    });
    const left = async (lines: string): Promise<string[]> =>
      printed((await engineOf(infra(baseline(lines)))).allDiagnostics())
        .filter((l) => l.startsWith('src/omnibase_infra/m.py'))
        .map((l) => /topic '([^']+)'/.exec(l)?.[1] ?? l);
    assert.deepEqual(await left('# tracked\nonex.evt.skill.a.v1\n'), ['onex.evt.router.b.v1', 'onex.evt.rsd.c.v1']);
    assert.deepEqual(await left('/src/omnibase_infra/m.py:2: unknown\nrsd\n'), ['onex.evt.skill.a.v1']);
    assert.deepEqual(await left('omnibase_infra/m.py\n'), []);
  });

  it('an edit of a module, of the gate file, judges again', async () => {
    const engine = await engineOf(infra());
    const file = 'src/omnibase_infra/bytes.py';
    const count = (): number => engine.diagnostics(file).filter((d) => d.code === 'RL057').length;
    assert.equal(count(), 0);
    engine.setFile(file, 'A = "onex.evt.bad_p.a.v1"\n');
    engine.update();
    assert.equal(count(), 1);
    engine.setFile('.pre-commit-config.yaml', 'repos: []\n');
    engine.update();
    assert.equal(count(), 0);
  });

  it('hostile modules: runs of quotes, blanks and comments after an `o` are read in linear time; a huge module is read', async () => {
    await initParsers();
    // Each would take exponential or quadratic time in a prefilter that tried every way to split the quotes.
    for (const text of [
      `"o${'"'.repeat(200_000)}z`,
      `'o'${' \n'.repeat(200_000)}x`,
      `"o"  #${'x'.repeat(200_000)}\n`,
      `"o\\\n`.repeat(50_000),
      // a comment of `#` after a string `'o'`: every cut of the run into comments was tried (R43)
      `X = 'o' ${'#'.repeat(200_000)}\n`,
      `X = '.' ${'#'.repeat(200_000)}\n`,
      // strings and comments on one line, each `:o'` a place to start
      `X = 1  # ${":o' # ".repeat(50_000)}\n${' '.repeat(100_000)}`,
    ])
      assert.deepEqual(readTopicModule(text), []);
    // split by comments and continued lines between the pieces, still read
    assert.deepEqual(
      readTopicModule('A = ("o"  # a ## comment\n     "nex" \\\n  ".evt.bad_p.q." # v\n  f"v" \'1\')\n').map(
        (t) => t.value,
      ),
      ['onex.evt.bad_p.q.v1'],
    );
    const big = `${'x = "onex.evt.platform.ok.v1"\n'.repeat(20_000)}y = ("onex.evt.bad_p" ".z.v1")\n`;
    assert.deepEqual(
      readTopicModule(big)
        .map((t) => [t.value, t.line])
        .slice(-1),
      [['onex.evt.bad_p.z.v1', 20_001]],
    );
  });
});
