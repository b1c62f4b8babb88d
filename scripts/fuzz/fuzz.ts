// `npm run fuzz -- --seconds 120 [--seed N] [--server-share 0.25] [--cpu-factor 1]`: mutates the example
// roots and checks the invariants of hostile input — no crash, no analysis over 1 s of CPU (times
// --cpu-factor, which CI raises on its shared machine) per file-equivalent (100 KB of input, at least one), no
// super-linear growth (an input far over the linear budget is timed again with its runs halved, and
// when that doubling costs over ×2.8, with them doubled: both doublings over ×2.8 fail; quadratic gives ×4), ranges inside the file under LSP line rules, start ≤ end, sorted output,
// incremental equal to from scratch — in the engine (a child process, so even a V8 abort is caught and
// its input kept in fuzz-failures/) and through the language server (dist/server.js over stdio, edits
// of open documents compared with a fresh analysis of the same texts), and every mutated Python registry
// read by the skeleton parse equal to the full parse or declined (python/skeleton.ts), every mutated workspace
// registry read by the names reader equal to the whole read or declined (model/entries/wsNames.ts), and every mutated
// YAML file read by the YAML fast path equal to the parser or declined (yaml/fastYaml.ts), and every mutated
// `.onextree` read by its line scanner equal to the YAML reading or declined (families/onex/artifacts/treeScanner.ts). Exits 1 on any failure.
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { RegistryEngine } from '../../server/src/engine/engine';
import { skeletonFacts, treeFacts } from '../../server/src/engine/python/facts';
import { scanOnextree } from '../../server/src/engine/families/onex/artifacts/treeScanner';
import { readOnextreeYaml } from '../../server/src/engine/families/onex/artifacts/onextree';
import { fastYamlLit, fullYamlLit } from '../../server/src/engine/yaml/yamlLit';
import type { Diagnostic } from '../../server/src/engine/types';
import { mutate, random, scaleRuns, type Random } from './mutate';
import { violations } from './invariants';
import { TestClient } from '../../test/lsp/client';
import { hostileFailures, hostileSummary, hostileTreePhase } from './hostileTrees';
import { daemonRequestPhase } from './daemonRequests';
import { cacheCorruptionPhase } from './cacheCorruption';
import { hostileEnvironmentPhase } from './hostileEnvironments';
import { namesFastPath } from '../../test/engine/wsNamesProof';

const EXAMPLES = join(__dirname, '../../examples');
const ROOTS = [
  'demo-workspace',
  'hybrid-workspace',
  'meta-workspace',
  'apcore-extensions',
  'interface-workspace',
  'onex-registry',
  'onex-contracts',
];
/**
 * A root of no example, for the engine phase: the pin files (requirements*.txt, pyproject.toml's dependencies) and a
 * module the ONEX topic gate scans (src/omnibase_infra, the gate in .pre-commit-config.yaml), mutated like the others.
 */
const PINS_AND_TOPICS = 'pins-and-topics';
const SYNTHETIC: Record<string, Record<string, string>> = {
  [PINS_AND_TOPICS]: {
    'requirements.txt':
      'cursus==2.9.1\napcore [sdk] == 0.19.2 ; python_version >= "3.10"  # pinned\nomnibase_core>=0.40\n',
    'requirements-dev.txt': '# tools\nomnibase-infra===0.30.0\n',
    'pyproject.toml':
      '[project]\nname = "infra"\ndependencies = [\n    "omnibase-core==0.47.1",\n    "omnibase-spi [x] == 0.2.0",\n]\n\n' +
      '[tool.poetry.dependencies]\napcore = "0.20.0"\n',
    '.pre-commit-config.yaml':
      'repos:\n  - repo: local\n    hooks:\n      - id: topic-naming-lint\n' +
      '        entry: bash scripts/validation/run_topic_lint.sh\n        language: system\n',
    'src/omnibase_infra/__init__.py': '',
    'src/omnibase_infra/topics.py':
      'A = "onex.evt.platform.ok.v1"\nB = ("onex.evt.bad_p"  # split\n     ".b.v1")\n' +
      'C = (\'o\' "nex" \\\n  ".cmd.x.v2")\nD = f"{A}onex.evt.bad_p.f.v1"\n',
  },
};
/** The engine phase's roots: the examples and the synthetic ones (the other phases copy examples from disk). */
const ENGINE_ROOTS = [...ROOTS, ...Object.keys(SYNTHETIC)];
const FAILURES = join(__dirname, '../../fuzz-failures');
const CPU_SECONDS_PER_EQUIVALENT = 1;
const EQUIVALENT_CHARS = 100_000;
/**
 * Linear analysis of the examples costs well under 1 ms of CPU per KB; an input over this (times
 * --cpu-factor) and SUSPECT_MIN_MS is timed again at full size and with its runs halved.
 */
const LINEAR_MS_PER_KB = 2;
const SUSPECT_MIN_MS = 250;
/** Twice the runs may cost at most this many times as much: linear gives 2, quadratic 4 (R13's second shape, exponent 1.6: 3). */
const MAX_DOUBLING_RATIO = 2.8;

const wasm = {
  treeSitter: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')),
  python: readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')),
};

interface Tally {
  inputs: number;
  crashes: number;
  slow: number;
  retimed: number;
  superlinear: number;
  invalid: number;
  mismatches: number;
  fastChecked: number;
  fastAnswered: number;
  fastMismatches: number;
  namesChecked: number;
  namesAnswered: number;
  namesMismatches: number;
  yamlChecked: number;
  yamlAnswered: number;
  yamlMismatches: number;
  treeChecked: number;
  treeAnswered: number;
  treeMismatches: number;
  serverEdits: number;
  serverMismatches: number;
  maxCpuMs: number;
}
const tally = (): Tally => ({
  inputs: 0,
  crashes: 0,
  slow: 0,
  retimed: 0,
  superlinear: 0,
  invalid: 0,
  mismatches: 0,
  fastChecked: 0,
  fastAnswered: 0,
  fastMismatches: 0,
  namesChecked: 0,
  namesAnswered: 0,
  namesMismatches: 0,
  yamlChecked: 0,
  yamlAnswered: 0,
  yamlMismatches: 0,
  treeChecked: 0,
  treeAnswered: 0,
  treeMismatches: 0,
  serverEdits: 0,
  serverMismatches: 0,
  maxCpuMs: 0,
});

function readRoot(name: string): Map<string, string> {
  const synthetic = SYNTHETIC[name];
  if (synthetic) return new Map(Object.entries(synthetic));
  const root = join(EXAMPLES, name);
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const abs = join(dir, entry);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(py|ya?ml)$|^\.onextree$|^\.wip$|^pyproject\.toml$|^requirements[^/]*\.txt$/.test(entry))
        files.set(relative(root, abs).split(sep).join('/'), readFileSync(abs, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/**
 * Feeds an engine as the host does (Feeder.feedRoot): the directories it asks about (every directory
 * holding a file; the ONEX family resolves version directories by them) with `setTree`, then the files.
 */
function feed(engine: RegistryEngine, files: Map<string, string>): void {
  const dirs = new Set<string>();
  for (const f of files.keys())
    for (let i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) dirs.add(f.slice(0, i));
  engine.commit();
  const interest = engine.interest();
  engine.setTree({ links: [], directories: [...dirs].filter((d) => interest.wantsDirectory(d)).sort() });
  for (const [f, text] of files) engine.setFile(f, text);
}

const registryLike = (f: string): boolean =>
  /(step_names(_original)?\.py|workspace_registry\.py|interface_registry_loader\.py|_meta\.yaml|\.step\.yaml|apcore\.yaml|id_map\.yaml|registry\.yaml|\.onex\.yaml|cli_tool\.yaml|runtime\.yaml|\.onextree|pyproject\.toml|contract\.yaml|requirements[^/]*\.txt|omnibase_infra\/[^/]+\.py)$/.test(
    f,
  );
const show = (ds: Diagnostic[]): string =>
  JSON.stringify(ds.map((d) => [d.file, d.code, d.range, d.message, d.severity, d.related.length]));

function failure(kind: string, detail: string, files: Map<string, string>): void {
  mkdirSync(FAILURES, { recursive: true });
  const name = join(FAILURES, `${kind}-${Date.now()}.json`);
  writeFileSync(name, JSON.stringify({ kind, detail, files: Object.fromEntries(files) }));
  console.error(`fuzz: ${kind}: ${detail.slice(0, 300)} (input in ${relative(process.cwd(), name)})`);
}

/** A fresh engine's analysis of `files`, with the CPU milliseconds it took. */
async function analysed(
  files: Map<string, string>,
): Promise<{ engine: RegistryEngine; all: Diagnostic[]; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const engine = await RegistryEngine.create(wasm);
  feed(engine, files);
  engine.update();
  const all = engine.allDiagnostics();
  const used = process.cpuUsage(cpu);
  return { engine, all, cpuMs: (used.user + used.system) / 1000 };
}

/** The median CPU of three analyses of `files`. */
async function medianCpu(files: Map<string, string>): Promise<number> {
  const ms: number[] = [];
  for (let k = 0; k < 3; k++) ms.push((await analysed(files)).cpuMs);
  return ms.sort((a, b) => a - b)[1] as number;
}

/**
 * The growth of an input's analysis time: its mutated files with their runs halved (`scaleRuns`) and
 * as they are, each timed three times, and a way to time them doubled; null when halving changes nothing.
 */
async function doublingRatio(
  files: Map<string, string>,
  mutated: Map<string, string>,
): Promise<{ half: number; full: number; double: () => Promise<number> } | null> {
  const scaled = (factor: number): Map<string, string> => {
    const out = new Map(mutated);
    for (const [f, text] of mutated) if (text !== files.get(f)) out.set(f, scaleRuns(text, factor));
    return out;
  };
  const half = scaled(0.5);
  if ([...half].every(([f, text]) => text === mutated.get(f))) return null;
  return { half: await medianCpu(half), full: await medianCpu(mutated), double: () => medianCpu(scaled(2)) };
}

/** The child: engine iterations until `deadline`; the input under analysis is written first, so a crash keeps it. */
async function child(seed: number, deadline: number, current: string, cpuFactor: number): Promise<void> {
  const r = random(seed);
  const t = tally();
  const incremental = new Map<string, RegistryEngine>();
  // One unmeasured analysis of every root first, so the CPU bound is not charged with compiling the engine.
  for (const name of ENGINE_ROOTS) {
    const warm = await RegistryEngine.create(wasm);
    feed(warm, readRootCached(name));
    warm.update();
  }
  while (Date.now() < deadline) {
    const rootName = ENGINE_ROOTS[Math.floor(r() * ENGINE_ROOTS.length)] as string;
    const files = readRootCached(rootName);
    const targets = [...files.keys()].filter(registryLike);
    const mutated = new Map(files);
    for (let n = 1 + Math.floor(r() * 2); n > 0; n--) {
      const f = targets[Math.floor(r() * targets.length)] as string;
      mutated.set(f, mutate(r, mutated.get(f) ?? ''));
    }
    writeFileSync(current, JSON.stringify({ root: rootName, files: Object.fromEntries(mutated) }));
    const chars = [...mutated.values()].reduce((n, s) => n + s.length, 0);
    const { engine: fresh, all, cpuMs } = await analysed(mutated);
    t.inputs++;
    t.maxCpuMs = Math.max(t.maxCpuMs, cpuMs);
    if (cpuMs > 1000 * CPU_SECONDS_PER_EQUIVALENT * cpuFactor * Math.max(1, chars / EQUIVALENT_CHARS)) {
      t.slow++;
      failure('slow', `${cpuMs.toFixed(0)} ms CPU for ${chars} chars`, mutated);
    } else if (cpuMs > SUSPECT_MIN_MS && cpuMs > (LINEAR_MS_PER_KB * cpuFactor * chars) / 1000) {
      const growth = await doublingRatio(files, mutated);
      if (growth) {
        t.retimed++;
        // Confirmed by a second doubling: a collector that starts working harder once the heap grows
        // can cost ×2.8 over one doubling at a few hundred milliseconds; quadratic growth costs ×4 over both.
        if (growth.full > MAX_DOUBLING_RATIO * growth.half) {
          const double = await growth.double();
          if (double > MAX_DOUBLING_RATIO * growth.full) {
            t.superlinear++;
            failure(
              'superlinear',
              `runs halved: ${growth.half.toFixed(0)} ms CPU, as mutated: ${growth.full.toFixed(0)} ms (${chars} chars), runs doubled: ${double.toFixed(0)} ms`,
              mutated,
            );
          }
        }
      }
    }
    const bad = violations(all, (f) => fresh.text(f));
    if (bad.length) {
      t.invalid++;
      failure('invalid', bad.join('\n'), mutated);
    }
    // The same texts as edits of a long-lived engine of the root.
    let inc = incremental.get(rootName);
    if (!inc) {
      inc = await RegistryEngine.create(wasm);
      feed(inc, files);
      inc.update();
      incremental.set(rootName, inc);
    }
    for (const f of new Set([...inc.files(), ...mutated.keys()])) {
      const text = mutated.get(f);
      if (text === undefined) inc.deleteFile(f);
      else inc.setFile(f, text);
    }
    inc.update();
    if (show(inc.allDiagnostics()) !== show(all)) {
      t.mismatches++;
      failure('mismatch', `incremental != from scratch in ${rootName}`, mutated);
    }
    for (const [f, text] of mutated) {
      if (!/\.ya?ml$|\.onextree$/.test(f) || text === files.get(f)) continue;
      const fast = yamlFastPath(text, f.endsWith('.step.yaml'));
      t.yamlChecked++;
      if (fast !== 'declined') t.yamlAnswered++;
      if (fast === 'differs') {
        t.yamlMismatches++;
        failure('yaml-fast-path', `${rootName}/${f}: the YAML fast path differs from the parser`, mutated);
      }
      if (!f.endsWith('.onextree')) continue;
      const tree = treeFastPath(f, text);
      t.treeChecked++;
      if (tree !== 'declined') t.treeAnswered++;
      if (tree === 'differs') {
        t.treeMismatches++;
        failure('tree-fast-path', `${rootName}/${f}: the .onextree scanner differs from the YAML reading`, mutated);
      }
    }
    for (const [f, text] of mutated) {
      if (!f.endsWith('.py') || text === files.get(f)) continue;
      const fast = fastPath(text);
      t.fastChecked++;
      if (fast !== 'declined') t.fastAnswered++;
      if (fast === 'differs') {
        t.fastMismatches++;
        failure('fast-path', `${rootName}/${f}: the skeleton parse differs from the full parse`, mutated);
      }
      if (!f.endsWith('/workspace_registry.py')) continue;
      const names = namesFastPath(text);
      t.namesChecked++;
      if (names !== 'declined') t.namesAnswered++;
      if (names === 'differs') {
        t.namesMismatches++;
        failure('names-fast-path', `${rootName}/${f}: the names reader differs from the whole read`, mutated);
      }
    }
  }
  process.send?.(t);
}

/** Whether the fast path of registry files (python/skeleton.ts) declines, or gives what the full parse gives. */
function fastPath(text: string): 'declined' | 'equal' | 'differs' {
  const fast = skeletonFacts(text, true);
  if (fast === null) return 'declined';
  return isDeepStrictEqual(fast, treeFacts(text, true)) ? 'equal' : 'differs';
}

/** Whether the YAML fast path (yaml/fastYaml.ts) declines, or gives what the parser gives. */
function yamlFastPath(text: string, pyyaml: boolean): 'declined' | 'equal' | 'differs' {
  const fast = fastYamlLit(text, pyyaml);
  if (fast === null) return 'declined';
  return isDeepStrictEqual(fast, fullYamlLit(text, { pyyaml })) ? 'equal' : 'differs';
}

/** Whether the `.onextree` scanner declines, or gives the tree (and no error) the YAML reading gives. */
function treeFastPath(file: string, text: string): 'declined' | 'equal' | 'differs' {
  const fast = scanOnextree(file, text);
  if (fast === null) return 'declined';
  const yaml = readOnextreeYaml(file, text);
  return yaml.local.length === 0 && isDeepStrictEqual(fast, yaml.tree) ? 'equal' : 'differs';
}

const rootCache = new Map<string, Map<string, string>>();
function readRootCached(name: string): Map<string, string> {
  let m = rootCache.get(name);
  if (!m) rootCache.set(name, (m = readRoot(name)));
  return m;
}

/** Edits of open documents through the server, compared with a fresh analysis of the same texts. */
async function serverPhase(r: Random, deadline: number, t: Tally): Promise<void> {
  while (Date.now() < deadline) {
    const rootName = ROOTS[Math.floor(r() * ROOTS.length)] as string;
    const files = readRoot(rootName);
    const c = await TestClient.start(files);
    try {
      const targets = [...files.keys()].filter(registryLike);
      const texts = new Map(files);
      const open = targets[Math.floor(r() * targets.length)] as string;
      await c.open(open, texts.get(open) ?? '');
      for (let edit = 0; edit < 40 && Date.now() < deadline; edit++) {
        const before = texts.get(open) ?? '';
        const after = mutate(r, before);
        texts.set(open, after);
        const lines = before.split(/\r\n|\r|\n/);
        const last = lines.length - 1;
        await c.change(
          open,
          { start: { line: 0, character: 0 }, end: { line: last, character: (lines[last] ?? '').length } },
          after,
        );
        t.serverEdits++;
        if (edit % 4 !== 3) continue;
        const fresh = await RegistryEngine.create(wasm);
        feed(fresh, texts);
        fresh.update();
        const expected = (f: string): string =>
          JSON.stringify(fresh.diagnostics(f).map((d) => [d.code, d.range, d.message]));
        const got = (f: string): string =>
          JSON.stringify((c.diagnostics.get(c.uri(f)) ?? []).map((d) => [d.code, d.range, d.message]));
        const differs = async (): Promise<string[]> => {
          await c.request('registryLens/contexts', {});
          return [...texts.keys()].filter((f) => expected(f) !== got(f));
        };
        let diff = await differs();
        // Background reads after a relevance change publish a moment later: settle once more before judging.
        if (diff.length) {
          await new Promise((res) => setTimeout(res, 1500));
          diff = await differs();
        }
        if (diff.length) {
          t.serverMismatches++;
          failure(
            'server-mismatch',
            `${rootName}: ${diff.join(', ')}: server ${got(diff[0] as string)} vs fresh ${expected(diff[0] as string)}`,
            texts,
          );
          break;
        }
      }
    } finally {
      await c.stop().catch(() => undefined);
    }
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
  };
  if (args[0] === '--child') return child(Number(args[1]), Number(args[2]), args[3] as string, Number(args[4]));
  const seconds = Number(opt('--seconds', '60'));
  let seed = Number(opt('--seed', String(Date.now() % 1_000_000)));
  const serverShare = Number(opt('--server-share', '0.25'));
  const cpuFactor = Number(opt('--cpu-factor', '1'));
  const start = Date.now();
  const engineDeadline = start + seconds * 1000 * (1 - serverShare);
  const t = tally();
  console.log(`fuzz: ${seconds} s, seed ${seed}, CPU bound ${cpuFactor} s per file-equivalent`);
  const current = join(FAILURES, '.current.json');
  mkdirSync(FAILURES, { recursive: true });
  while (Date.now() < engineDeadline - 500) {
    const part = await new Promise<Tally | null>((resolve) => {
      let got: Tally | null = null;
      const p = fork(__filename, ['--child', String(seed), String(engineDeadline), current, String(cpuFactor)], {
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      });
      p.on('message', (m) => {
        got = m as Tally;
      });
      p.on('exit', (code, signal) => {
        if (code !== 0 || got === null) {
          t.crashes++;
          const input = JSON.parse(readFileSync(current, 'utf8')) as { files: Record<string, string> };
          failure('crash', `child exited with ${signal ?? code} (seed ${seed})`, new Map(Object.entries(input.files)));
        }
        resolve(got);
      });
    });
    if (part)
      for (const k of Object.keys(t) as (keyof Tally)[])
        t[k] = k === 'maxCpuMs' ? Math.max(t[k], part[k]) : t[k] + part[k];
    seed++;
  }
  await serverPhase(random(seed), start + seconds * 1000 * (1 - serverShare / 2), t);
  // The other half of the server's share goes to hostile trees (links and special files: scripts/fuzz/hostileTrees.ts).
  const hostile = await hostileTreePhase(random(seed + 1), start + seconds * 1000, {
    roots: ROOTS,
    readRoot,
    registryLike,
    failure,
  });
  // Short and seeded (a few seconds past --seconds): damaged caches of `check --cache` (scripts/fuzz/cacheCorruption.ts).
  const cache = cacheCorruptionPhase(random(seed + 2), ROOTS, failure);
  // As short: malformed requests to the check daemon (scripts/fuzz/daemonRequests.ts).
  const daemon = await daemonRequestPhase(random(seed + 3), ROOTS, failure);
  // As short: hostile Python environments and planted lock entries (scripts/fuzz/hostileEnvironments.ts).
  const environments = hostileEnvironmentPhase(random(seed + 4), failure);
  console.log(
    `fuzz: ${t.inputs} inputs (max ${t.maxCpuMs.toFixed(0)} ms CPU), ${t.crashes} crashes, ${t.slow} over ${cpuFactor} s per file-equivalent, ` +
      `${t.superlinear} super-linear of ${t.retimed} timed again with their runs halved, ` +
      `${t.invalid} with invalid ranges or order, ${t.mismatches} incremental mismatches; registry fast path: answered ${t.fastAnswered} ` +
      `of ${t.fastChecked} mutated Python registries, ${t.fastMismatches} mismatches; workspace names reader: answered ${t.namesAnswered} ` +
      `of ${t.namesChecked} mutated workspace registries, ${t.namesMismatches} mismatches; YAML fast path: answered ${t.yamlAnswered} ` +
      `of ${t.yamlChecked} mutated YAML files, ${t.yamlMismatches} mismatches; .onextree scanner: answered ${t.treeAnswered} ` +
      `of ${t.treeChecked} mutated trees, ${t.treeMismatches} mismatches; ` +
      `server: ${t.serverEdits} edits, ${t.serverMismatches} mismatches`,
  );
  console.log(`fuzz: ${hostileSummary(hostile)}`);
  console.log(
    `fuzz: check --cache with a damaged, forged or linked cache: ${cache.runs} runs, ${cache.failures} differ or crash`,
  );
  console.log(`fuzz: the check daemon: ${daemon.runs} malformed requests, ${daemon.failures} failures`);
  console.log(
    `fuzz: hostile environments and lock entries: ${environments.runs} checks and writes, ${environments.failures} failures`,
  );
  process.exit(
    t.crashes +
      t.slow +
      t.superlinear +
      t.invalid +
      t.mismatches +
      t.fastMismatches +
      t.namesMismatches +
      t.yamlMismatches +
      t.treeMismatches +
      t.serverMismatches +
      hostileFailures(hostile) +
      cache.failures +
      daemon.failures +
      environments.failures >
      0
      ? 1
      : 0,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
