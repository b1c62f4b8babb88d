// `npm run bench:daemon [-- --org large --rounds 5 --cli PATH]`: what the `registry-lens-daemon` pre-commit hook costs, side by
// side in one run with the `registry-lens` hook. A copy of the org is made a git repository (one commit); each round
// a workspace registry is changed and the hook's first call, `check --daemon --base HEAD --files` of it (no daemon
// runs: it answers in its own process and starts one), is timed beside a plain `check --base HEAD --files` of it, in
// an order that alternates between rounds, so machine load falls on both alike. Then, the daemon's load waited for
// (an untimed call), the later calls, each after another change of the registry: what every commit after the first
// pays. The daemon is stopped at the end of each round (and waited for), so the next round's first call starts one,
// and no daemon's load runs beside a timed call. Each check is a process of its own (cliPeak.ts); their answers are
// checked equal, and `daemon --status` that the first call was answered in its own process and the later ones by the
// daemon. Reported: the median of each round's ratio to the plain check beside it, and the daemon's RSS once it has
// answered the later calls (what it holds while it waits for the next commit).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck, type Run } from './cliPeak';
import { GENERATED } from './generate';
import { workloadOf } from './orgs';
import { median } from './stats';
import { ensureWritten } from './workload';
import { option } from './options';
import { daemonStatus, daemonUp, stopDaemon } from './daemonStatus';
import { rssKb } from './lspClient';

/** The later calls of a round, each after its own change of the registry. */
const LATER = ['a comment added', "a step's type changed"] as const;

interface Round {
  plain: Run;
  first: Run;
  later: Run[];
  daemonRssMb: number;
}

function main(): void {
  const args = process.argv.slice(2);
  const org = option(args, '--org', 'large');
  const rounds = Number(option(args, '--rounds', '5'));
  // `--cli PATH`: another build's CLI (a copy of an earlier commit, built), to compare builds in turn.
  const cli = option(args, '--cli', join(__dirname, 'cli.js'));
  const g = ensureWritten(join(GENERATED, org), workloadOf(org).generated, org, (s) => console.log(s));
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-daemon-bench-'));
  // The daemon's socket lives under the temporary folder of the process that starts it: this run's own.
  process.env['TMPDIR'] = temp;
  const root = join(temp, 'org');
  const peak = join(temp, 'peak');
  const out: Round[] = [];
  try {
    console.log(`copying ${org} and committing it to git…`);
    cpSync(g.root, root, { recursive: true });
    git(root, 'init', '--quiet');
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'org');
    const registry = firstRegistry(root);
    const original = readFileSync(registry, 'utf8');
    const hook = ['--root', root, '--base', 'HEAD', '--files', '--', registry];
    for (let round = 0; round < rounds; round++) {
      out.push(daemonRound(cli, root, registry, original, hook, peak, round));
      console.log(`round ${round + 1}/${rounds}: ${describe(out[out.length - 1] as Round)}`);
    }
  } finally {
    spawnSync(process.execPath, [cli, 'daemon', '--stop', root]);
    rmSync(temp, { recursive: true, force: true });
  }
  const ratios = (of: (r: Round) => number[]): number[] => out.flatMap((r) => of(r).map((ms) => ms / r.plain.ms));
  const counts = new Set(out.flatMap((r) => [r.plain, r.first, ...r.later].map((x) => x.diagnostics)));
  console.log(`\nthe registry-lens-daemon hook on ${org} (${g.files} files), ${rounds} rounds, alternating:`);
  console.log(`  plain check --base HEAD --files        ${median(out.map((r) => r.plain.ms)).toFixed(0)} ms (median)`);
  console.log(
    `  first check --daemon (starts it)       ${median(out.map((r) => r.first.ms)).toFixed(0)} ms  ` +
      `×${median(ratios((r) => [r.first.ms])).toFixed(2)} of the plain check beside it ` +
      `(median of ${rounds} rounds: ${ratios((r) => [r.first.ms])
        .map((x) => x.toFixed(2))
        .join(', ')})`,
  );
  console.log(
    `  later check --daemon (${LATER.length} a round)       ${median(out.flatMap((r) => r.later.map((x) => x.ms))).toFixed(0)} ms  ` +
      `×${median(ratios((r) => r.later.map((x) => x.ms))).toFixed(2)} of the plain check of their round`,
  );
  console.log(
    `  the daemon's RSS after them          ${median(out.map((r) => r.daemonRssMb)).toFixed(0)} MB (median; ${out.map((r) => r.daemonRssMb.toFixed(0)).join(', ')})`,
  );
  console.log(`  diagnostics of every answer: ${[...counts].join(' / ')}`);
  if (counts.size !== 1) throw new Error('the answers differ');
}

/** One round: the two first calls in the round's order, then the later ones; the daemon stopped after. */
function daemonRound(
  cli: string,
  root: string,
  registry: string,
  original: string,
  hook: string[],
  peak: string,
  round: number,
): Round {
  const retyped = original.replace(
    /"sagemaker_step_type": "(\w+)"/,
    (_, t: string) => `"sagemaker_step_type": "${t === 'Training' ? 'Processing' : 'Training'}"`,
  );
  if (retyped === original) throw new Error(`${registry}: no sagemaker_step_type to change`);
  try {
    writeFileSync(registry, `${original}# bench edit ${round}\n`);
    if (daemonStatus(cli, root) !== null) throw new Error('a daemon serves the copy before the first call');
    const first = (): Run => {
      const r = runCheck(cli, ['--daemon', ...hook], peak);
      const status = daemonUp(cli, root);
      if (status.answered !== 0) throw new Error(`the first call was not answered in its own process: ${status.text}`);
      // Untimed: waits for the daemon's load, which began as the first call ended, so no later call competes with it.
      runCheck(cli, ['--daemon', ...hook], peak);
      return r;
    };
    const plain = (): Run => runCheck(cli, hook, peak);
    let p: Run;
    let f: Run;
    if (round % 2 === 0) {
      p = plain();
      f = first();
    } else {
      f = first();
      p = plain();
    }
    const later = LATER.map((_, i) => {
      writeFileSync(registry, i === 0 ? `${original}# bench edit ${round} again\n` : retyped);
      return runCheck(cli, ['--daemon', ...hook], peak);
    });
    const status = daemonStatus(cli, root);
    if (status?.answered !== 1 + LATER.length)
      throw new Error(`the daemon did not answer the later calls: ${status?.text}`);
    return { plain: p, first: f, later, daemonRssMb: rssKb(status.pid) / 1024 };
  } finally {
    writeFileSync(registry, original);
    stopDaemon(cli, root);
  }
}

function git(root: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** The first developer's workspace registry (a cursus 1.x org). */
function firstRegistry(root: string): string {
  const developers = join(root, 'developer_workspaces', 'developers');
  const first = readdirSync(developers).sort()[0];
  if (first === undefined) throw new Error(`${root}: no developer workspace (a cursus 1.x org is needed)`);
  return join(developers, first, 'src', 'cursus_dev', 'registry', 'workspace_registry.py');
}

function describe(r: Round): string {
  return (
    `plain ${r.plain.ms.toFixed(0)} ms, first --daemon ${r.first.ms.toFixed(0)} ms ` +
    `(×${(r.first.ms / r.plain.ms).toFixed(2)}), later ${r.later.map((x) => x.ms.toFixed(0)).join('/')} ms, ` +
    `the daemon's RSS then ${r.daemonRssMb.toFixed(0)} MB`
  );
}

main();
