// `npm run bench:cache [-- --org large --rounds 3]`: what `check --cache` (host/checkCache.ts) saves, side
// by side in one run, each check a process of its own (cliPeak.ts: wall time, peak RSS): a check without
// cache, the first check with an empty cache (it writes one), a second with nothing changed, and one after
// a workspace registry changed; then the cache's size against the org's text; and `mcp` started without and with
// `--cache` (the unchanged root's cache): the time to its first `check` answer (mcpFirst.ts), and without it to a
// first check of that workspace registry's path (answered during the load); and after the change,
// each with a copy of the cache it left stale, `mcp --cache` to its first answer to a whole-root check and to what an
// agent asks about that registry (a check of its path, explain and locate of one of its steps), which come before the
// rest of the root is analysed. Rounds alternate the kinds, so machine load falls on all of them alike; medians are
// reported. Then `check --daemon`: a check without it, and just after it the hook's first call, `--daemon --files` of
// that registry (it checks in its own process and starts the root's daemon), then, once the daemon has loaded, a
// second with nothing changed, one after the registry changed by a comment and by a step's type, and `--files` of
// that registry changed again.
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCheck, type Run } from './cliPeak';
import { mcpFirstCheck, type McpFirst, type ToolCall } from './mcpFirst';
import { GENERATED } from './generate';
import { workloadOf } from './orgs';
import { median } from './stats';
import { ensureWritten } from './workload';
import { option } from './options';
import { daemonUp, stopDaemon } from './daemonStatus';

const KINDS = ['no cache', 'first, empty cache', 'second, unchanged', 'second, a workspace registry changed'] as const;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => option(args, name, dflt);
  const org = opt('--org', 'large');
  const rounds = Number(opt('--rounds', '3'));
  // `--daemon-only`: the `check --daemon` rows alone.
  const daemonOnly = args.includes('--daemon-only');
  const cli = join(__dirname, 'cli.js');
  const g = ensureWritten(join(GENERATED, org), workloadOf(org).generated, org, (s) => console.log(s));
  const developers = join(g.root, 'developer_workspaces', 'developers');
  const first = readdirSync(developers).sort()[0];
  if (first === undefined) throw new Error(`${org}: no developer workspace (a cursus 1.x org is needed)`);
  const registry = join(developers, first, 'src', 'cursus_dev', 'registry', 'workspace_registry.py');
  const original = readFileSync(registry);
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-cache-bench-'));
  const runs = new Map<string, Run[]>(KINDS.map((k) => [k, []]));
  const mcp = {
    plain: [] as McpFirst[],
    /** Without `--cache`, a check of the registry's path: answered during the load, after a walk finds no change. */
    plainPaths: [] as McpFirst[],
    cached: [] as McpFirst[],
    stale: new Map<string, McpFirst[]>(STALE_KINDS.map((k) => [k, []])),
  };
  const daemon = new Map<string, Run[]>(DAEMON_KINDS.map((k) => [k, []]));
  let cacheBytes = 0;
  const peak = join(temp, 'peak');
  /** One round of the cache's and the MCP server's kinds. */
  const cacheRound = async (round: number): Promise<void> => {
    const cache = join(temp, `cache-${round}`);
    const flags = ['--cache', '--cache-location', cache, g.root];
    runs.get(KINDS[0])?.push(runCheck(cli, [g.root], peak));
    runs.get(KINDS[1])?.push(runCheck(cli, flags, peak));
    runs.get(KINDS[2])?.push(runCheck(cli, flags, peak));
    cacheBytes = statSync(join(cache, readdirSync(cache)[0] as string)).size;
    mcp.plain.push(await mcpFirstCheck(cli, [g.root]));
    mcp.plainPaths.push(await mcpFirstCheck(cli, [g.root], registryCheck(g.root, registry)));
    mcp.cached.push(await mcpFirstCheck(cli, flags));
    appendFileSync(registry, `# bench edit ${round}\n`);
    try {
      // The cache as this change left it, for each server: a load that ends keeps its result there.
      const stale = (): string[] => {
        const copy = join(temp, `stale-${round}`);
        rmSync(copy, { recursive: true, force: true });
        cpSync(cache, copy, { recursive: true });
        return ['--cache', '--cache-location', copy, g.root];
      };
      for (const [kind, call] of staleCalls(g.root, registry, first))
        mcp.stale.get(kind)?.push(await mcpFirstCheck(cli, stale(), call));
      runs.get(KINDS[3])?.push(runCheck(cli, flags, peak));
    } finally {
      writeFileSync(registry, original);
    }
  };
  try {
    for (let round = 0; round < rounds; round++) {
      if (!daemonOnly) await cacheRound(round);
      daemonRound(cli, g.root, registry, original, peak, round, daemon);
      console.log(`round ${round + 1}/${rounds} done`);
    }
  } finally {
    writeFileSync(registry, original);
    rmSync(temp, { recursive: true, force: true });
  }
  if (!daemonOnly) {
    const firstMs = median((runs.get(KINDS[1]) ?? []).map((r) => r.ms));
    const plainRss = median((runs.get(KINDS[0]) ?? []).map((r) => r.peakRssMb));
    console.log(
      `\ncheck --cache on ${org} (${g.files} files, ${(g.bytes / 2 ** 20).toFixed(1)} MiB), ${rounds} rounds:`,
    );
    for (const kind of KINDS) {
      const rs = runs.get(kind) ?? [];
      const ms = median(rs.map((r) => r.ms));
      const rss = median(rs.map((r) => r.peakRssMb));
      console.log(
        `  ${kind.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ×${(ms / firstMs).toFixed(2)} of the first` +
          `  peak RSS ${rss.toFixed(0)} MB (×${(rss / plainRss).toFixed(2)} of no cache)` +
          `  ${rs.map((r) => r.diagnostics).join('/')} diagnostics`,
      );
    }
    console.log(
      `  cache size ${(cacheBytes / 2 ** 20).toFixed(1)} MiB: ×${(cacheBytes / g.bytes).toFixed(3)} of the org's text`,
    );
    const counts = new Set([...mcp.plain, ...mcp.cached].map((r) => r.counts));
    if (counts.size !== 1) throw new Error(`mcp answers differ: ${[...counts].join(' / ')}`);
    const plainMs = median(mcp.plain.map((r) => r.ms));
    const cachedMs = median(mcp.cached.map((r) => r.ms));
    console.log(`  mcp, start → first check answer (${[...counts].join('')}):`);
    console.log(`    without --cache ${plainMs.toFixed(0).padStart(6)} ms`);
    console.log(`    with --cache    ${cachedMs.toFixed(0).padStart(6)} ms  ×${(cachedMs / plainMs).toFixed(2)}`);
    const pathsMs = median(mcp.plainPaths.map((r) => r.ms));
    const early = mcp.plainPaths.filter((r) => r.loading).length;
    console.log(
      `    without --cache, a check of one workspace registry's path ${pathsMs.toFixed(0)} ms ` +
        `×${(pathsMs / plainMs).toFixed(2)} (${early} of ${mcp.plainPaths.length} before the rest was analysed)`,
    );
    const wholeMs = median((mcp.stale.get(STALE_KINDS[0]) ?? []).map((r) => r.ms));
    console.log('  mcp --cache after a workspace registry changed, start → first answer:');
    for (const kind of STALE_KINDS) {
      const rs = mcp.stale.get(kind) ?? [];
      if (new Set(rs.map((r) => r.counts)).size !== 1) throw new Error(`${kind}: the answers differ between rounds`);
      const ms = median(rs.map((r) => r.ms));
      const early = rs.filter((r) => r.loading).length;
      console.log(
        `    ${kind.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ×${(ms / wholeMs).toFixed(2)}` +
          (kind.startsWith('check') ? `  (${early} of ${rs.length} before the rest was analysed)` : ''),
      );
    }
  }
  console.log(`\ncheck --daemon on ${org}, ${rounds} rounds (the first starts the root's daemon, the others ask it):`);
  const beside = daemon.get(DAEMON_KINDS[0]) ?? [];
  const plainMs0 = median(beside.map((r) => r.ms));
  const firsts = daemon.get(DAEMON_KINDS[1]) ?? [];
  console.log(
    `    the first / the check just before it (median of each round's ratio) ` +
      `×${median(firsts.map((r, i) => r.ms / (beside[i]?.ms ?? NaN))).toFixed(2)}`,
  );
  for (const kind of DAEMON_KINDS) {
    const rs = daemon.get(kind) ?? [];
    const ms = median(rs.map((r) => r.ms));
    console.log(
      `    ${kind.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ×${(ms / plainMs0).toFixed(2)} of the check without it` +
        `  ${rs.map((r) => r.diagnostics).join('/')} diagnostics`,
    );
  }
}

const DAEMON_KINDS = [
  'a check without --daemon just before',
  'first --files that registry (starts the daemon)',
  'second, unchanged',
  'a workspace registry changed (a comment)',
  "a workspace registry changed (a step's type)",
  '--files that registry, changed again',
] as const;

/**
 * One round of `check --daemon`: each kind in turn, the registry changed as the kind says (restored after), the
 * daemon stopped at the end so the next round's first check starts one.
 */
function daemonRound(
  cli: string,
  root: string,
  registry: string,
  original: Buffer,
  peak: string,
  round: number,
  out: Map<string, Run[]>,
): void {
  const text = original.toString('utf8');
  const retyped = text.replace(
    /"sagemaker_step_type": "(\w+)"/,
    (_, t: string) => `"sagemaker_step_type": "${t === 'Training' ? 'Processing' : 'Training'}"`,
  );
  if (retyped === text) throw new Error(`${registry}: no sagemaker_step_type to change`);
  const time = (kind: (typeof DAEMON_KINDS)[number], args: string[]): void => {
    out.get(kind)?.push(runCheck(cli, args, peak));
  };
  const files = ['--root', root, '--files', '--', registry];
  try {
    // The hook's first call, side by side with a plain check: it answers here while the daemon starts.
    time(DAEMON_KINDS[0], [root]);
    time(DAEMON_KINDS[1], ['--daemon', ...files]);
    // Untimed: the daemon the first call started as it exited listens, then its load (which began then) is done.
    daemonUp(cli, root);
    runCheck(cli, ['--daemon', root], peak);
    time(DAEMON_KINDS[2], ['--daemon', root]);
    appendFileSync(registry, `# bench edit ${round}\n`);
    time(DAEMON_KINDS[3], ['--daemon', root]);
    writeFileSync(registry, retyped);
    time(DAEMON_KINDS[4], ['--daemon', root]);
    writeFileSync(registry, `${retyped}# bench edit ${round}\n`);
    time(DAEMON_KINDS[5], ['--daemon', ...files]);
  } finally {
    writeFileSync(registry, original);
    stopDaemon(cli, root);
  }
}

const STALE_KINDS = ['check, whole root', 'check, paths: that registry', 'explain a step of it', 'locate it'] as const;

/** The calls timed after the change: the whole root, then what an agent asks about the registry it changed. */
function staleCalls(root: string, registry: string, workspace: string): [string, ToolCall | undefined][] {
  const step = /^\s+"(\w+)": \{/m.exec(readFileSync(registry, 'utf8'))?.[1];
  if (step === undefined) throw new Error(`${registry}: no step found`);
  return [
    [STALE_KINDS[0], undefined],
    [STALE_KINDS[1], registryCheck(root, registry)],
    [STALE_KINDS[2], { name: 'explain', arguments: { name: step, workspace } }],
    [STALE_KINDS[3], { name: 'locate', arguments: { name: step } }],
  ];
}

/** A check of one registry's path, as an agent asks after editing it. */
function registryCheck(root: string, registry: string): ToolCall {
  return { name: 'check', arguments: { paths: [relative(root, registry)], limit: 1 } };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
