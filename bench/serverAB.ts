// Two or more builds of the language server side by side on one generated org, in alternating rounds
// (the machine's speed moves between runs: only figures taken in turn compare): each start is the
// bench's server load (a workspace registry opened right after `initialized`, until the status that
// ends the initial analysis), printed with its CPU time, then the medians per build. With `--edits N` each
// start then plays N edits of the bench's script (a workspace registry and its companion in turn, spaced
// like a user's), timed from the change to the file's diagnostics, the RSS right after them (a point on V8's sawtooth:
// what the edits promoted waits for the next full collection) and once the idle server stopped shrinking.
//   node --expose-gc dist/benchAB.js [--org large] [--rounds N] [--edits N] A/dist/server.js B/dist/server.js ...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOrg, ensureGenerated, GENERATED, ORGS } from './generate';
import { editScript, idleRss, loadServer, openFiles, playEdits, startServer } from './serverScenario';
import { median, percentile } from './stats';

interface Start {
  allMs: number;
  openMs: number;
  rssMb: number;
  cpuMs: number;
  /** With `--edits`: RSS right after them and once idle, and each edit → its file's diagnostics (ms). */
  rssAfterEditsMb?: number;
  rssIdleMb?: number;
  editMs?: number[];
}

/** User and system CPU time of a live process (ms), from /proc. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function usage(msg: string): never {
  process.stderr.write(
    `bench:ab: ${msg}\nusage: node --expose-gc dist/benchAB.js [--org small|large|xlarge] [--rounds N] [--edits N] SERVER_JS SERVER_JS...\n`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let org: keyof typeof ORGS = 'large';
  let rounds = 4;
  let edits = 0;
  const servers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--org') {
      const v = args[++i];
      if (v !== 'small' && v !== 'large' && v !== 'xlarge') usage(`unknown org ${v ?? ''}`);
      org = v;
    } else if (a === '--rounds') {
      rounds = Number(args[++i]);
      if (!Number.isInteger(rounds) || rounds < 1) usage('--rounds takes a positive integer');
    } else if (a === '--edits') {
      edits = Number(args[++i]);
      if (!Number.isInteger(edits) || edits < 0) usage('--edits takes a whole number');
    } else if (a.startsWith('--')) usage(`unknown argument ${a}`);
    else servers.push(a);
  }
  if (servers.length < 2) usage('give at least two server.js files');
  const root = join(GENERATED, org);
  const model = buildOrg(ORGS[org]);
  ensureGenerated(root, model, (s) => console.log(s));
  const script = editScript(model, Math.max(1, Math.ceil(edits / 2)), 0);
  script.edits.length = edits;
  const starts = new Map<string, Start[]>(servers.map((s) => [s, []]));
  for (let r = 1; r <= rounds; r++) {
    for (const server of servers) {
      const c = await startServer(server, root);
      try {
        const l = await loadServer(c, root, script);
        const s: Start = {
          allMs: l.coldMs,
          openMs: l.openFileMs,
          rssMb: l.rssAfterLoadMb,
          cpuMs: cpuMsOf(c.proc.pid ?? -1),
        };
        starts.get(server)?.push(s);
        console.log(
          `round ${r} ${server}: all diagnostics ${Math.round(s.allMs)} ms, the open registry's ${Math.round(s.openMs)} ms (${(s.openMs / s.allMs).toFixed(2)}×), RSS after load ${Math.round(s.rssMb)} MB, server CPU ${s.cpuMs} ms`,
        );
        if (edits > 0) {
          const kinds = ['meta', 'registry'] as const;
          await openFiles(c, root, { ...script, opened: script.opened.filter((o) => o !== l.early) }, [...kinds]);
          const played = await playEdits(c, root, script, [...kinds], () => undefined);
          s.editMs = [...played.meta, ...played.registry];
          s.rssAfterEditsMb = c.rssMb();
          s.rssIdleMb = await idleRss(c);
          console.log(
            `  ${s.editMs.length} edits: p50 ${percentile(s.editMs, 0.5).toFixed(1)} ms, p95 ${percentile(s.editMs, 0.95).toFixed(1)} ms, RSS right after them ${Math.round(s.rssAfterEditsMb)} MB, once idle ${Math.round(s.rssIdleMb)} MB`,
          );
        }
      } finally {
        await c.stop();
      }
    }
  }
  console.log(`\nmedians of ${rounds} rounds (${org} org):`);
  for (const [server, list] of starts) {
    const m = (f: (s: Start) => number): number => median(list.map(f));
    console.log(
      `${server}: all diagnostics ${Math.round(m((s) => s.allMs))} ms, the open registry's ${Math.round(m((s) => s.openMs))} ms, ratio ${m((s) => s.openMs / s.allMs).toFixed(2)}×, RSS after load ${Math.round(m((s) => s.rssMb))} MB, server CPU ${Math.round(m((s) => s.cpuMs))} ms`,
    );
    if (edits > 0) {
      // Pooled over the rounds: a p95 of 1,000 edits is their 50th slowest.
      const all = list.flatMap((s) => s.editMs ?? []);
      console.log(
        `  edits: p50 ${percentile(all, 0.5).toFixed(1)} ms, p95 ${percentile(all, 0.95).toFixed(1)} ms (${all.length} pooled), RSS after ${edits} edits ${Math.round(m((s) => s.rssAfterEditsMb ?? NaN))} MB, once idle ${Math.round(m((s) => s.rssIdleMb ?? NaN))} MB`,
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
