// `npm run bench`: performance of the engine on synthetic orgs, as medians and ratios (against the
// walk+read+parse floor, between org sizes, and against bench/baseline.json), and of the real server
// over stdio beside it. Each org is measured in a child process of its own so that memory figures and
// GC pressure belong to that org alone; the server is a process of its own too.
//   npm run bench                       both orgs, compared with the baseline
//   npm run bench -- --quick            small org only, fewer runs (a fast check)
//   npm run bench -- --save-baseline    also record these results as the new baseline
//   options: --org NAME,... (bench/orgs.ts)  --runs N  --edits N  --rounds N  --regen
//            --no-server  --server-edits N (per kind: meta and registry; the core gets 5)
//            --profile DIR   write CPU profiles of the last cold run, the edit rounds and the core edits (slows them)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOrg, GENERATED, ORGS } from './generate';
import { DEFAULT_ORGS, ORG_NAMES, QUICK_ORGS, workloadOf } from './orgs';
import { ensureWritten } from './workload';
import { measureOrg, type MeasureOptions, type OrgResult } from './scenarios';
import {
  baselineTable,
  breakdown,
  describeOrg,
  growth,
  loadBaseline,
  loadWarning,
  machineOf,
  mainTable,
  saveBaseline,
  type Env,
} from './report';
import { editScript, measureServer, workloadScript } from './serverScenario';
import { cliPeak } from './cliPeak';

const REPO = resolve(__dirname, '..');
const BASELINE = join(REPO, 'bench', 'baseline.json');

interface Args {
  orgs: string[];
  quick: boolean;
  saveBaseline: boolean;
  regen: boolean;
  measure: MeasureOptions;
  /** Edits per kind (meta, registry) through the server; 0 skips the server-level measurement. */
  serverEdits: number;
  /** `registry-lens check` runs, each in a process of its own (the product's peak memory for one load); 0 skips them. */
  cliRuns: number;
  child: { org: string; out: string } | null;
}

function usage(msg: string): never {
  process.stderr.write(
    `bench: ${msg}\nusage: npm run bench -- [--quick] [--save-baseline] [--org NAME,...] [--runs N] [--edits N] [--rounds N] [--regen] [--no-server] [--server-edits N] [--cli-runs N] [--no-cli] [--profile DIR]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  const orgNames: string[] = [];
  let quick = false;
  let saveBaseline = false;
  let regen = false;
  let runs: number | null = null;
  let edits = 100;
  let rounds: number | null = null;
  let childOrg: string | null = null;
  let out: string | null = null;
  let profileDir: string | null = null;
  let serverEdits: number | null = null;
  let cliRuns: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    const count = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage(`${a} needs a positive integer`);
      return n;
    };
    switch (a) {
      case '--quick':
        quick = true;
        break;
      case '--save-baseline':
        saveBaseline = true;
        break;
      case '--regen':
        regen = true;
        break;
      case '--org':
        orgNames.push(...value().split(','));
        break;
      case '--runs':
        runs = count();
        break;
      case '--edits':
        edits = count();
        break;
      case '--rounds':
        rounds = count();
        break;
      case '--child':
        childOrg = value();
        break;
      case '--out':
        out = value();
        break;
      case '--profile':
        profileDir = resolve(value());
        break;
      case '--no-server':
        serverEdits = 0;
        break;
      case '--server-edits':
        serverEdits = count();
        break;
      case '--cli-runs':
        cliRuns = count();
        break;
      case '--no-cli':
        cliRuns = 0;
        break;
      default:
        usage(`unknown argument ${a ?? ''}`);
    }
  }
  const orgs = orgNames.length > 0 ? orgNames : quick ? QUICK_ORGS : DEFAULT_ORGS;
  for (const n of [...orgs, ...(childOrg ? [childOrg] : [])])
    if (!ORG_NAMES.includes(n)) usage(`unknown org ${n} (${ORG_NAMES.join(', ')})`);
  const measure: MeasureOptions = {
    runs: runs ?? (quick ? 3 : 5),
    editRounds: rounds ?? (quick ? 2 : 3),
    editsPerRound: edits,
    warmupEdits: 10,
    profileDir,
  };
  return {
    orgs,
    quick,
    saveBaseline,
    regen,
    measure,
    serverEdits: serverEdits ?? (quick ? 15 : 30),
    cliRuns: cliRuns ?? (quick ? 1 : 3),
    child: childOrg && out ? { org: childOrg, out } : null,
  };
}

function wasmBytes(): { treeSitter: Uint8Array; python: Uint8Array } {
  return {
    treeSitter: readFileSync(join(__dirname, 'web-tree-sitter.wasm')),
    python: readFileSync(join(__dirname, 'tree-sitter-python.wasm')),
  };
}

function log(s: string): void {
  process.stderr.write(`${s}\n`);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function env(): Env {
  const head = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  // The baseline is the bench's own output: a run saving the larger orgs after the default ones is still of a clean tree.
  const dirty = git(['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/baseline.json']) !== '';
  const machine = machineOf(cpus()[0]?.model ?? 'an unknown CPU', cpus().length, totalmem(), release());
  return {
    node: process.version,
    cpus: cpus().length,
    loadavg: loadavg(),
    commit: `${head}${dirty ? '+dirty' : ''}`,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    machine,
  };
}

/** Measures one org in a fresh process (same node flags, plus --expose-gc). */
function measureInChild(org: string, a: Args): OrgResult {
  const dir = mkdtempSync(join(tmpdir(), 'registry-lens-bench-'));
  const out = join(dir, 'result.json');
  try {
    const flags = process.execArgv.includes('--expose-gc') ? process.execArgv : [...process.execArgv, '--expose-gc'];
    const args = [
      ...flags,
      __filename,
      '--child',
      org,
      '--out',
      out,
      '--runs',
      String(a.measure.runs),
      '--rounds',
      String(a.measure.editRounds),
      '--edits',
      String(a.measure.editsPerRound),
      ...(a.measure.profileDir ? ['--profile', a.measure.profileDir] : []),
    ];
    const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`measuring ${org} failed (exit ${res.status ?? res.signal})`);
    return JSON.parse(readFileSync(out, 'utf8')) as OrgResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (a.child) {
    const result = await measureOrg(workloadOf(a.child.org), join(GENERATED, a.child.org), wasmBytes(), a.measure, log);
    writeFileSync(a.child.out, JSON.stringify(result));
    return;
  }
  const e = env();
  for (const org of a.orgs) {
    if (a.regen) rmSync(join(GENERATED, org), { recursive: true, force: true });
    const t0 = Date.now();
    const g = ensureWritten(join(GENERATED, org), workloadOf(org).generated, org, log);
    log(
      `${org} org: ${g.reused ? 'reusing' : 'generated'} ${g.root} (${g.files} files, ${(g.bytes / 2 ** 20).toFixed(1)} MiB${g.reused ? '' : `, ${((Date.now() - t0) / 1000).toFixed(1)} s`})`,
    );
  }
  const results: OrgResult[] = [];
  for (const org of a.orgs) {
    log(`measuring ${org} (${a.measure.runs} runs; edits ${a.measure.editRounds} × ${a.measure.editsPerRound}) ...`);
    const result = measureInChild(org, a);
    // A cursus 1.x org's script edits its companion, a workspace registry and the core registry; another
    // family's plays its workload's pooled edits (twice as many, in place of meta + registry) and central-file edits.
    const params = ORGS[org as keyof typeof ORGS] as (typeof ORGS)[keyof typeof ORGS] | undefined;
    const root = join(GENERATED, org);
    const n = Math.max(1, a.serverEdits);
    const script =
      a.serverEdits > 0 || a.cliRuns > 0
        ? params
          ? editScript(buildOrg(params), n, 5)
          : workloadScript(workloadOf(org), root, 2 * n, 5)
        : undefined;
    if (script && a.serverEdits > 0) {
      log(
        `measuring ${org} through the server (${params ? `${a.serverEdits} meta + ${a.serverEdits} registry` : `${2 * a.serverEdits} pooled`} + 5 central-file edits) ...`,
      );
      result.server = await measureServer(org, script, root, join(__dirname, 'server.js'), log);
    }
    if (a.cliRuns > 0) {
      // The registry the server opens first is the one file `check --files` is given: a one-file commit.
      const staged = script?.opened.find((o) => o.kind === 'registry')?.file;
      const then = staged ? `, then check --files ${staged}` : '';
      log(`measuring ${org} through the CLI (registry-lens check${then}, ${a.cliRuns} runs, one process each) ...`);
      result.cli = cliPeak(join(__dirname, 'cli.js'), root, a.cliRuns, staged);
      const files = result.cli.files ? `; --files ${result.cli.files.ms.map((m) => Math.round(m)).join(', ')} ms` : '';
      const peaks = result.cli.peakRssMb.map((m) => Math.round(m)).join(', ');
      log(`  ${org} CLI: peak RSS ${peaks} MB; ${result.cli.ms.map((m) => Math.round(m)).join(', ')} ms${files}`);
    }
    results.push(result);
  }
  const base = loadBaseline(BASELINE);
  const warning = loadWarning(e, results);
  const grown = growth(results);
  const out = [
    '',
    `Registry Lens bench — node ${e.node}, ${e.machine}, load avg ${e.loadavg.map((l) => l.toFixed(1)).join('/')} at start, commit ${e.commit}, ${e.date}`,
    ...(warning ? [warning] : []),
    ...results.map(describeOrg),
    '',
    mainTable(results),
    '',
    breakdown(results, e.cpus),
    '',
    ...(grown ? [grown, ''] : []),
    baselineTable(results, base, e.machine),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (a.saveBaseline) {
    if (warning) process.stdout.write('saving anyway, as asked: the baseline records the load average of this run\n');
    saveBaseline(BASELINE, results, e, base);
    process.stdout.write(`baseline saved to bench/baseline.json (${results.map((r) => r.org).join(', ')})\n`);
  }
  if (results.some((r) => !r.correctness.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(2);
});
