// Analysis time is linear in the input on the hostile shapes that were not (shared/repro R13: nested
// unclosed brackets before a long run of blanks, 3.7 s for 60 KB, minutes for 500 KB): each shape is
// analysed at two sizes in one run, and the ratio of the CPU times (medians, so other processes on the
// machine cost little) must stay far below what quadratic growth gives (×16 for ×4 the size). The ONEX
// shapes (R41) grow a pyproject's `onex.nodes` table, or one entry point's value, beside one node package; the pin
// files' (R42) and the topic gate's modules' (R43) grow the runs their patterns once split every way. The
// environment shapes (R44, R45) grow an installed framework's metadata — RECORD, `.pth`, setuptools' finder module,
// METADATA — as the host reads it (host/installedFrameworks.ts), each under the 256 KB a metadata file may have.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RegistryEngine } from '../../server/src/engine/engine';
import { installedFrameworks } from '../../server/src/host/installedFrameworks';
import type { PythonEnvironment } from '../../server/src/host/pythonEnv';

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};
const REG = 'developer_workspaces/developers/big/src/cursus_dev/registry/workspace_registry.py';
const META = 'src/steps/builders/builder_q_step_meta.yaml';
const TS = 'extensions/m.ts';
const VALUE = 'LOCAL_STEPS = {"S": {"builder_step_name": ';
const blanks = (n: number): string => ' '.repeat(n);
const CORE = 'src/cursus/registry/step_names.py';
/** A core registry of 300 steps named S0…S299, for the shapes whose names are ranked against it. */
const CORE_STEPS = {
  [CORE]: `STEP_NAMES = {\n${Array.from({ length: 300 }, (_, i) => `    "S${i}": {"config_class": "S${i}Config", "sagemaker_step_type": "Processing", "description": "d"},\n`).join('')}}\n`,
};
const ENTRY =
  '{"config_class": "AConfig", "builder_step_name": "ABuilder", "sagemaker_step_type": "Processing", "description": "d"}';

/** An ONEX repository of one node package (`demo.nodes.node_x`, class NodeX) and an 8-module re-export chain to it. */
const ONEX_NODE = {
  'src/demo/__init__.py': '',
  'src/demo/nodes/__init__.py': '',
  'src/demo/nodes/node_x/__init__.py': 'class NodeX:\n    pass\n',
  'src/demo/nodes/node_x/contract.yaml':
    'name: "node_x"\nnode_type: "EFFECT_GENERIC"\ndescription: "d"\ncontract_version: "1.0.0"\nnode_version: "1.0.0"\n',
  'src/demo/chain/__init__.py': '',
  'src/demo/chain/m0.py': 'from demo.nodes.node_x import NodeX\n',
  ...Object.fromEntries(
    Array.from({ length: 7 }, (_, k) => [`src/demo/chain/m${k + 1}.py`, `from .m${k} import NodeX\n`]),
  ),
};
/** A repository whose pre-commit hook runs the ONEX topic-naming gate over `src/omnibase_infra`. */
const TOPIC_GATE = {
  '.pre-commit-config.yaml':
    'repos:\n  - repo: local\n    hooks:\n      - id: topic-naming-lint\n' +
    '        entry: bash scripts/validation/run_topic_lint.sh\n        language: system\n',
  'src/omnibase_infra/__init__.py': '',
};
const TOPICS = 'src/omnibase_infra/topics.py';
/** A pyproject of about `n` characters: `onex.nodes` entry points, each line made by `line` from its index. */
const entryPoints = (n: number, line: (i: number) => string): string => {
  const lines = ['[project]\nname = "demo"\n\n[project.entry-points."onex.nodes"]\nnode_x = "demo.nodes.node_x:NodeX"'];
  for (let i = 0, size = 0; size < n; i++) size += lines[lines.push(line(i)) - 1]?.length ?? 0;
  return `${lines.join('\n')}\n`;
};

/** The smaller size (characters of the shape's run); the larger is ×4. */
const SIZE = 50_000;
const GROWTH = 4;
/** Linear growth gives ×4, quadratic ×16: above this the shape is super-linear. */
const MAX_RATIO = 9;
/** CPU per 100 KB beyond which the smaller size alone fails (the fuzzer's bound), before the larger one is tried. */
const BUDGET_MS_PER_100KB = 1000;
const RUNS = 5;
/** The smaller size's CPU below which the ratio is taken against this instead: the larger stays under 9 × 25 ms. */
const FLOOR_MS = 25;
/** Measures of the two sizes before a shape is judged super-linear. */
const ATTEMPTS = 3;

/** Each shape: a file and its text for a run of about `n` characters, and the files beside it (of a fixed size). */
const SHAPES: Record<string, [string, (n: number) => string, Record<string, string>?]> = {
  'R27: a step name of capitals (snake_case file names)': [
    CORE,
    (n) => `STEP_NAMES = {\n    "${'A'.repeat(n)}": ${ENTRY},\n}\n`,
  ],
  'R27: a step name of capitals and digits, then a capitalised word': [
    CORE,
    (n) => `STEP_NAMES = {\n    "${'A1'.repeat(n / 2)}Word": ${ENTRY},\n}\n`,
  ],
  'R26: an overridden step name of one letter that starts every core step (did you mean)': [
    REG,
    (n) => `STEP_OVERRIDES = {\n    "${'S'.repeat(n)}": ${ENTRY},\n}\n`,
    CORE_STEPS,
  ],
  'R13: 60 unclosed [ then blanks': [REG, (n) => `${VALUE}${'['.repeat(60)}${blanks(n)}\n}\n`],
  'R13 slow-11: 1,000 [, 481 ], blanks, a string, blanks, 519 ]': [
    REG,
    (n) =>
      `LOCAL_STEPS = {"S": {"spec_type": ${'['.repeat(1000)}"F"${']'.repeat(481)}${blanks(n / 8)}ur"x"${blanks(n - n / 8)}${']'.repeat(519)},\n}}\n`,
  ],
  'unclosed { ( nested, then blanks and an unclosed string': [
    REG,
    (n) => `${VALUE}${'{('.repeat(30)}${blanks(n)}"x\n}\n`,
  ],
  "100 unclosed [ (past the reader's depth bound), then tabs and a run of ]": [
    REG,
    (n) => `${VALUE}${'['.repeat(100)}${'\t'.repeat(n)}${']'.repeat(50)}\n}\n`,
  ],
  'blank runs between unclosed brackets': [REG, (n) => `${VALUE}${`[${blanks(999)}`.repeat(n / 1000)}\n}\n`],
  'an unclosed bracket on every line': [REG, (n) => `${VALUE}${'[\n'.repeat(n / 2)}}\n`],
  'unclosed entries on every line': [REG, (n) => `LOCAL_STEPS = {\n${'    "A": {\n'.repeat(n / 11)}`],
  "strings on lines below a long line (the reader's implicit concatenation)": [
    REG,
    (n) => `LOCAL_STEPS = {"a": [${blanks(n / 2)}"a"${'\n"b"'.repeat(n / 8)}\n`,
  ],
  "blanks after a registry variable's =, then no dict (the recovery's line-start pattern)": [
    REG,
    (n) => `LOCAL_STEPS =${blanks(n)}x\n(\n`,
  ],
  'a docstring left open before a run of comment lines (tree-sitter)': [REG, (n) => `"""\nx\n${'\n#\n'.repeat(n / 3)}`],
  'a string left open, then a run of CRLF blank lines in what tree-sitter reads as a format specifier (tree-sitter)': [
    REG,
    (n) => `X = "\r\n{"k":${'\r\n'.repeat(n / 2)}`,
  ],
  'a string left open, then CRLF blank lines read as a format specifier, then an indented line (the parse budget)': [
    REG,
    (n) => `X = "\r\n{"k":${'\r\n'.repeat(n / 2)}    1}`,
  ],
  'a string left open, then CRLF blank lines read as a format specifier, then a string (the parse budget)': [
    REG,
    (n) => `X = "\r\n{"k":${'\r\n'.repeat(n / 2)}"a"}`,
  ],
  'a closed triple-quoted f-string whose format specifier spans a run of blank lines (tree-sitter)': [
    REG,
    (n) => `X = f"""{x:${' \n'.repeat(n / 2)}}"""\n`,
  ],
  "an rf-string's nested field left open at its line's end, then CRLF blank lines and a string (tree-sitter)": [
    REG,
    (n) => `X = rf"{x:{y:\r\n${' \r\n'.repeat(n / 3)}"a"}}"\r\n`,
  ],
  "a chain of unary minus on a line in a broken dict, then short lines (tree-sitter's error recovery: the parse budget)":
    [REG, (n) => `X = {\na: x\nb${'- '.repeat(n / 4)}: 1\n${'b: 1\n'.repeat(n / 10)}`],
  "R31: a broken dict, then a line of commas around a name (tree-sitter's error recovery: commaRuns.ts)": [
    REG,
    (n) => `LOCAL_STEPS = {\n    "A": {"config_class": "AConfig",\n    ${','.repeat(1000)}e${','.repeat(n)}\n}\n`,
  ],
  'line continuations inside unclosed brackets (tree-sitter)': [
    REG,
    (n) => `${VALUE}${'['.repeat(60)}${'\\\n'.repeat(n / 2)}}\n`,
  ],
  'R41: onex.nodes entry points naming one class (a duplicate contract name each)': [
    'pyproject.toml',
    (n) => entryPoints(n, (i) => `node_${i}_effect = "demo.nodes.node_x:NodeX"`),
    ONEX_NODE,
  ],
  'R41: onex.nodes entry points naming missing modules (a load failure each)': [
    'pyproject.toml',
    (n) => entryPoints(n, (i) => `node_${i}_effect = "demo.nodes.node_${i}_effect:Node${i}"`),
    ONEX_NODE,
  ],
  'R41: onex.nodes entry points naming distinct top-level packages': [
    'pyproject.toml',
    (n) => entryPoints(n, (i) => `node_${i}_effect = "pkg${i}.nodes.node:Node"`),
    ONEX_NODE,
  ],
  'R41: onex.nodes entry points naming one class through an 8-module re-export chain': [
    'pyproject.toml',
    (n) => entryPoints(n, (i) => `node_${i}_effect = "demo.chain.m7:NodeX"`),
    ONEX_NODE,
  ],
  "R41: an onex.nodes entry point naming a module with a run of blanks (the objection's message without citations)": [
    'pyproject.toml',
    (n) => entryPoints(1, () => `node_y_effect = "demo.nodes.node_y${blanks(n)}]x"`),
    ONEX_NODE,
  ],
  'pins: a pyproject pinning a framework, its strings runs of blanks after a name (where a pin line is looked for)': [
    'pyproject.toml',
    (n) =>
      `[project]\nname = "demo"\ndependencies = ["omnibase_core==0.1.0"]\n\n[tool.x]\ndoc = ["a${blanks(n / 2)}", "b ${blanks(n / 2)}[e]"]\n`,
    ONEX_NODE,
  ],
  'R42: a requirements.txt line of a name, blanks and no operator (pinning cursus beside it)': [
    'requirements.txt',
    (n) => `cursus==1.0.0\na${blanks(n)}x\n`,
  ],
  'R42: a requirements.txt line with runs around the extras, the operator and the version': [
    'requirements.txt',
    (n) => `cursus==1.0.0\na${blanks(n / 4)}[e]${blanks(n / 4)}==${blanks(n / 4)}1${blanks(n / 4)}x\n`,
  ],
  'R42: a pyproject dependency string of a name, blanks and no operator': [
    'pyproject.toml',
    (n) => `[project]\nname = "x"\ndependencies = ["cursus==1.0.0", "a${blanks(n)}x"]\n`,
  ],
  'R42: a pyproject pinning cursus, and a comment line of `"a[` (where the pin line is looked for)': [
    'pyproject.toml',
    (n) => `[project]\nname = "x"\ndependencies = ["cursus==1.0"]\n# ${'"a['.repeat(n / 3)}\n`,
  ],
  'R43: a module the topic gate scans: a string `o`, then a comment of `#`': [
    TOPICS,
    (n) => `X = 'o' ${'#'.repeat(n)}\n`,
    TOPIC_GATE,
  ],
  'R43: a module the topic gate scans: a string `.`, then a comment of `#`': [
    TOPICS,
    (n) => `X = '.' ${'#'.repeat(n)}\n`,
    TOPIC_GATE,
  ],
  "R43: a module the topic gate scans: one comment line of `:o' #`, each a place to start": [
    TOPICS,
    (n) => `X = 1  # ${":o' # ".repeat(n / 6)}\n`,
    TOPIC_GATE,
  ],
  'R43: a module the topic gate scans: `o` after a run of quotes': [
    TOPICS,
    (n) => `X = '${"'".repeat(n)}o'\n`,
    TOPIC_GATE,
  ],
  'YAML: a flow sequence left open, then blanks': [META, (n) => `description: d\nmetadata: [${blanks(n)}\n`],
  'YAML: 60 nested flow sequences left open, then blanks and closers': [
    META,
    (n) => `description: d\nmetadata: ${'['.repeat(60)}${blanks(n)}${']'.repeat(30)}\n`,
  ],
  'YAML: 100 nested flow mappings left open (the nesting bound), then blanks': [
    META,
    (n) => `description: d\nmetadata: ${'{"k": '.repeat(100)}${blanks(n)}\n`,
  ],
  'YAML: a flow sequence opened on every line': [META, (n) => `description: d\nmetadata: [${'\n  ['.repeat(n / 4)}\n`],
  "YAML: a quoted value wrapped over lines, a long run of spaces inside its first line (the fast reader's trim)": [
    META,
    (n) => `description: "d${' '.repeat(n)}x\n  y"\n`,
  ],
  'TS module: 60 unclosed object literals, then blanks': [
    TS,
    (n) => `export const a = ${'{a: '.repeat(60)}${blanks(n)}\n`,
  ],
  "TS module: 100 nested arrays left open (past the reader's nesting bound), then commas": [
    TS,
    (n) => `export const a = ${'['.repeat(100)}${','.repeat(n)}\n`,
  ],
  'TS module: an object literal opened on every line': [TS, (n) => `export const a = {\n${'k: {\n'.repeat(n / 5)}`],
  'TS module: export declare repeated on one line': [TS, (n) => 'export declare '.repeat(n / 15)],
  'TS module: template substitutions opened and never closed': [TS, (n) => `export default ${'`${'.repeat(n / 3)}`],
  'TS module: type arguments opened and never closed': [TS, (n) => `export const a: ${'Array<'.repeat(n / 6)}`],
  'TS module: nested classes in field initialisers': [TS, (n) => `export class A { ${'x = class { '.repeat(n / 12)}`],
  'TS module: a call left open on every line': [TS, (n) => 'export const a = f(\n'.repeat(n / 20)],
};

/**
 * CPU milliseconds of this process per analysis of `text`, over `repeat` analyses measured together (fresh engines,
 * made outside the measure): the kernel accounts CPU time in ticks of a few milliseconds, so the smaller size is
 * measured over as much work as the larger one.
 */
async function cpuOf(file: string, text: string, beside: Record<string, string> = {}, repeat = 1): Promise<number> {
  const engines: RegistryEngine[] = [];
  for (let r = 0; r < repeat; r++) {
    const engine = await RegistryEngine.create(wasm);
    for (const [path, t] of Object.entries(beside)) engine.setFile(path, t);
    engines.push(engine);
  }
  const before = process.cpuUsage();
  for (const engine of engines) {
    engine.setFile(file, text);
    engine.update();
    engine.allDiagnostics();
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / repeat;
}

async function medianCpu(file: string, text: string, beside?: Record<string, string>, repeat = 1): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) times.push(await cpuOf(file, text, beside, repeat));
  return times.sort((a, b) => a - b)[RUNS >> 1] as number;
}

/** CPU milliseconds of one shape at its smaller size (`large`: ×GROWTH), over `repeat` analyses measured together. */
type Measure = (large: boolean, repeat: number) => Promise<number>;

/**
 * Fails unless a shape of `chars` characters and the same ×GROWTH cost CPU in a linear ratio: `once` times one
 * analysis, `median` the median of RUNS.
 */
async function assertLinear(chars: number, once: Measure, median: Measure): Promise<void> {
  const budget = BUDGET_MS_PER_100KB * Math.max(1, chars / 100_000);
  // The first analysis compiles what the others run; far over the budget, the shape fails at once.
  const first = await once(false, 1);
  assert.ok(first <= 3 * budget, `${first.toFixed(0)} ms CPU for ${chars} characters`);
  // A super-linear shape exceeds the ratio in every attempt; a pair spoilt once (a collection or a preemption in
  // the larger's samples) does not fail the shape.
  const tried: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const a = await median(false, GROWTH);
    assert.ok(a <= budget, `${a.toFixed(0)} ms CPU for ${chars} characters`);
    const b = await median(true, 1);
    // A floor on the smaller: below it the ratio measures the optimising compiler's tiers and the collector's
    // steps more than the shape (a linear one took 14–21 ms → 159–205 ms beside other jobs, ×10–14).
    const ratio = b / Math.max(a, FLOOR_MS);
    if (ratio < MAX_RATIO) return;
    tried.push(`×${ratio.toFixed(1)} (${a.toFixed(0)} ms → ${b.toFixed(0)} ms)`);
  }
  assert.fail(`×${GROWTH} the size took ${tried.join(', then ')} the CPU`);
}

describe('linear time on hostile shapes (CPU at two sizes, one run)', function () {
  this.timeout(300_000);

  for (const [name, [file, text, beside]] of Object.entries(SHAPES)) {
    it(name, () => {
      const texts = [text(SIZE), text(SIZE * GROWTH)] as const;
      const at = (large: boolean): string => texts[large ? 1 : 0];
      return assertLinear(
        texts[0].length,
        (large, repeat) => cpuOf(file, at(large), beside, repeat),
        (large, repeat) => medianCpu(file, at(large), beside, repeat),
      );
    });
  }

  it('R13: the unclosed form still reports where it is broken', async () => {
    const engine = await RegistryEngine.create(wasm);
    engine.setFile(REG, `${VALUE}${'['.repeat(60)}${blanks(60_000)}\n}\n`);
    engine.update();
    const ds = engine.diagnostics(REG).filter((d) => d.code === 'RL030');
    assert.ok(
      ds.some((d) => d.message.startsWith("Syntax error: '[' was never closed") && d.range.start.line === 0),
      JSON.stringify(ds.slice(0, 3)),
    );
  });
});

const SITE = 'lib/python3.11/site-packages';
const INFO = `${SITE}/cursus-2.9.32.dist-info`;
const PTH = `${SITE}/__editable__.cursus-2.9.32.pth`;
const FINDER = `${SITE}/__editable___cursus_finder.py`;
/** An editable cursus (its package folder absent) whose files are `files` (site-relative paths under SITE). */
const editable = (files: Record<string, string>): Record<string, string> => ({
  'pyvenv.cfg': '',
  [`${INFO}/METADATA`]: 'Metadata-Version: 2.1\nName: cursus\nVersion: 2.9.32\n',
  [`${INFO}/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n',
  [PTH]: 'import __editable___cursus_finder\n',
  [FINDER]: "MAPPING = {'cursus': '/nowhere/cursus'}\n",
  ...files,
});
/** A finder module of 90 KB whose `MAPPING={` runs are never closed (R45's), for the shapes that import it often. */
const OPEN_FINDER = 'MAPPING={'.repeat(10_000);

/** Each shape: an environment's files for a run of about `n` characters. */
const ENVIRONMENT_SHAPES: Record<string, (n: number) => Record<string, string>> = {
  'R44: RECORD listing one .pth over and over, the .pth of as many lines naming no folder': (n) =>
    editable({
      [`${INFO}/RECORD`]: '__editable__.cursus-2.9.32.pth,,\n'.repeat(n / 66),
      [PTH]: '/x\n'.repeat(n / 6),
    }),
  'a .pth of distinct absolute lines naming no folder (a stat each)': (n) =>
    editable({ [PTH]: Array.from({ length: n / 8 }, (_, i) => `/x${i}\n`).join('') }),
  'R45: a finder module of `MAPPING={` repeated, never closed': (n) =>
    editable({ [FINDER]: 'MAPPING={'.repeat(n / 9) }),
  'R45: a finder module of `MAPPING:` annotations repeated on one line, no `=`': (n) =>
    editable({ [FINDER]: 'MAPPING: x '.repeat(n / 11) }),
  'R45: a .pth importing one never-closed finder module on every line': (n) =>
    editable({ [PTH]: 'import __editable___cursus_finder\n'.repeat(n / 34), [FINDER]: OPEN_FINDER }),
  'a .pth importing a distinct missing finder module on every line': (n) =>
    editable({
      [PTH]: Array.from({ length: n / 40 }, (_, i) => `import __editable___m${i}_finder\n`).join(''),
    }),
  "METADATA: a header's value a run of blanks, then a line separator": (n) =>
    editable({ [`${INFO}/METADATA`]: `Name:${' '.repeat(n)}x\u2028y\n` }),
};

/** Writes `files` into a fresh environment folder: the environment the host finds there. */
function environmentOf(files: Record<string, string>): PythonEnvironment {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lens-linear-env-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, source: 'given', sitePackages: [join(dir, SITE)] };
}

/** CPU milliseconds of this process per reading of `env`'s frameworks, over `repeat` readings measured together. */
function envCpu(env: PythonEnvironment, repeat: number): number {
  const before = process.cpuUsage();
  for (let r = 0; r < repeat; r++) installedFrameworks(env);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / repeat;
}

describe("linear time on hostile environments (the host's reading of an installed framework, CPU at two sizes)", function () {
  this.timeout(300_000);
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, shape] of Object.entries(ENVIRONMENT_SHAPES)) {
    it(name, async () => {
      const envs = [environmentOf(shape(SIZE)), environmentOf(shape(SIZE * GROWTH))] as const;
      made.push(...envs.map((e) => e.dir));
      const at = (large: boolean): PythonEnvironment => envs[large ? 1 : 0];
      const median = (large: boolean, repeat: number): Promise<number> => {
        const times = Array.from({ length: RUNS }, () => envCpu(at(large), repeat)).sort((x, y) => x - y);
        return Promise.resolve(times[RUNS >> 1] as number);
      };
      await assertLinear(SIZE, (large, repeat) => Promise.resolve(envCpu(at(large), repeat)), median);
    });
  }
});
