// `npm run bench:server-cache [-- --org large --rounds 3]`: what the language server's diagnostics cache
// (lsp/diagnosticCache.ts, setting registryLens.cache.enabled) saves when a folder is reopened unchanged, side by side
// in one run: a start without the cache, a first start with an empty cache (it writes one), and a reopen with it,
// in alternating rounds, each the server load of the bench (bench/serverScenario.ts: a workspace registry opened right
// after `initialized`). Per start: `initialized` → every file showing its final list (the lists a start without the
// cache ends with), → the status that ends the analysis, → the open registry's final list, and the RSS after the load.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { GENERATED } from './generate';
import { LspClient } from './lspClient';
import { workloadOf } from './orgs';
import { loadServer, type EditScript } from './serverScenario';
import { median } from './stats';
import { ensureWritten } from './workload';
import { option } from './options';
import { SERVER_NODE_ARGS } from '../server/src/lsp/protocol';

const KINDS = ['no cache', 'first, empty cache', 'reopen, unchanged'] as const;

interface Start {
  allMs: number;
  statusMs: number;
  openFileMs: number;
  rssMb: number;
}

/** One start on `root` with these `registryLens` settings; `expected`: the final lists (JSON) by URI, to time against. */
async function start(
  root: string,
  settings: Record<string, unknown>,
  script: EditScript,
  expected: Map<string, string>,
): Promise<{ start: Start; final: Map<string, string> }> {
  const server = join(__dirname, 'server.js');
  const c = await LspClient.start({
    command: process.execPath,
    args: [...SERVER_NODE_ARGS, server, '--stdio'],
    root,
    configuration: (section) => (section === 'registryLens' ? settings : null),
  });
  try {
    // Files whose list is not the expected one yet (a missing list is an empty one), and when the last one became so.
    const now = new Map<string, string>();
    const off = (uri: string): boolean => (now.get(uri) ?? '[]') !== (expected.get(uri) ?? '[]');
    let wrong = expected.size;
    let allAt = Number.NaN;
    c.onPublish = (uri, json) => {
      const was = off(uri);
      now.set(uri, json);
      const before = wrong;
      wrong += (off(uri) ? 1 : 0) - (was ? 1 : 0);
      if (wrong === 0 && before > 0) allAt = performance.now();
    };
    const t0 = performance.now();
    const loaded = await loadServer(c, root, script);
    const final = new Map([...now].filter(([, json]) => json !== '[]'));
    const statusMs = loaded.coldMs;
    return {
      start: { allMs: allAt - t0, statusMs, openFileMs: loaded.openFileMs, rssMb: loaded.rssAfterLoadMb },
      final,
    };
  } finally {
    await c.stop();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: string): string => option(args, name, dflt);
  const org = opt('--org', 'large');
  const rounds = Number(opt('--rounds', '3'));
  const g = ensureWritten(join(GENERATED, org), workloadOf(org).generated, org, (s) => console.log(s));
  const developers = join(g.root, 'developer_workspaces', 'developers');
  const first = readdirSync(developers).sort()[0];
  if (first === undefined) throw new Error(`${org}: no developer workspace (a cursus 1.x org is needed)`);
  const file = `developer_workspaces/developers/${first}/src/cursus_dev/registry/workspace_registry.py`;
  const script: EditScript = {
    opened: [{ kind: 'registry', file, text: readFileSync(join(g.root, file), 'utf8') }],
    edits: [],
  };
  const temp = mkdtempSync(join(tmpdir(), 'registry-lens-server-cache-bench-'));
  const runs = new Map<string, Start[]>(KINDS.map((k) => [k, []]));
  try {
    // A start without the cache first: its final lists are what every start is timed against.
    const expected = (await start(g.root, {}, script, new Map())).final;
    for (let round = 0; round < rounds; round++) {
      const cached = { cache: { enabled: true, location: join(temp, `cache-${round}`) } };
      for (const [kind, settings] of [
        [KINDS[0], {}],
        [KINDS[1], cached],
        [KINDS[2], cached],
      ] as const) {
        const r = await start(g.root, settings, script, expected);
        if (JSON.stringify([...r.final].sort()) !== JSON.stringify([...expected].sort()))
          throw new Error(`${kind}: the final lists differ from a start without the cache`);
        runs.get(kind)?.push(r.start);
        console.log(
          `  round ${round + 1} ${kind}: all ${r.start.allMs.toFixed(0)} ms, status ${r.start.statusMs.toFixed(0)} ms,` +
            ` open registry ${r.start.openFileMs.toFixed(0)} ms, RSS ${r.start.rssMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  const base = (f: (s: Start) => number): number => median((runs.get(KINDS[0]) ?? []).map(f));
  console.log(`\nserver diagnostics cache on ${org} (${g.files} files), ${rounds} rounds, medians:`);
  for (const kind of KINDS) {
    const rs = runs.get(kind) ?? [];
    const m = (f: (s: Start) => number): string => {
      const v = median(rs.map(f));
      return `${v.toFixed(0)} (×${(v / base(f)).toFixed(2)})`;
    };
    console.log(
      `  ${kind.padEnd(20)} initialized → all diagnostics ${m((s) => s.allMs)} ms, → status ${m((s) => s.statusMs)} ms,` +
        ` → open registry ${m((s) => s.openFileMs)} ms, RSS ${m((s) => s.rssMb)} MB`,
    );
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
