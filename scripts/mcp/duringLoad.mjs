// The MCP server's answers to calls that come while its root loads, against a real tree: each call is the first of
// a server of its own (so it comes during the load: with `--cache` and an empty cache folder the load starts at that
// call; without, it starts with the server), compared with the answer of a server whose load is done. For each of up
// to N files with diagnostics, a check of its path: its own diagnostics must be the loaded server's and nothing else
// may be one the loaded server lacks (those of other files related to it may be missing while `loading`); then
// explain and locate of the first names `list` gives, and list and graph, which must be the loaded server's:
//   node scripts/mcp/duringLoad.mjs /work/real/cursus [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');
const root = resolve(process.argv[2] ?? '.');
const most = Number(process.argv[3] ?? '12');
const temp = mkdtempSync(join(tmpdir(), 'registry-lens-during-load-'));

async function server(cache) {
  const client = new Client({ name: 'during-load', version: '0' });
  const flags = cache ? ['--cache', '--cache-location', mkdtempSync(join(temp, 'cache-'))] : [];
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, 'mcp', '--root', root, ...flags],
    stderr: 'ignore',
  });
  await client.connect(transport);
  return client;
}

/** The first call of a fresh server: its answer and how long it took from the start. */
async function firstCall(cache, name, args) {
  const start = performance.now();
  const client = await server(cache);
  try {
    const r = await client.callTool({ name, arguments: args });
    return { r, ms: performance.now() - start };
  } finally {
    await client.close();
  }
}

const withoutMs = (x) => JSON.stringify(x, (k, v) => (k === 'ms' || k === 'loading' ? undefined : v));
const loaded = await server(false);
let failures = 0;
const fail = (what) => {
  failures++;
  console.log(`DIFFERS ${what}`);
};
try {
  const all = (await loaded.callTool({ name: 'check', arguments: { limit: 100_000 } })).structuredContent;
  const files = [...new Set(all.diagnostics.map((d) => d.file))].slice(0, most);
  for (const cache of [true, false]) {
    let early = 0;
    let whole = 0;
    const times = [];
    for (const file of files) {
      const args = { paths: [file], limit: 100_000 };
      const { r, ms } = await firstCall(cache, 'check', args);
      times.push(ms);
      const got = r.structuredContent;
      const want = (await loaded.callTool({ name: 'check', arguments: args })).structuredContent;
      const own = (doc) => JSON.stringify(doc.diagnostics.filter((d) => d.file === file));
      if (own(got) !== own(want)) fail(`${file}: its own diagnostics`);
      const known = new Set(want.diagnostics.map((d) => JSON.stringify(d)));
      if (!got.diagnostics.every((d) => known.has(JSON.stringify(d)))) fail(`${file}: a diagnostic the load lacks`);
      if (got.loading === true) early++;
      if (withoutMs(got) === withoutMs(want)) whole++;
    }
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `${cache ? 'with --cache (empty)' : 'without --cache'}: ${files.length} checks of a path, ` +
        `${early} answered before the rest was analysed, ${whole} the loaded answer exactly; ` +
        `median ${median.toFixed(0)} ms from start`,
    );
  }
  const names = (await loaded.callTool({ name: 'list', arguments: { limit: 4 } })).structuredContent.steps.map(
    (s) => s.name,
  );
  const calls = [
    ...names.flatMap((name) => [
      ['explain', { name }],
      ['locate', { name }],
    ]),
    ['list', {}],
    ['graph', {}],
  ];
  let same = 0;
  for (const cache of [true, false])
    for (const [name, args] of calls) {
      const { r } = await firstCall(cache, name, args);
      if (withoutMs(r) === withoutMs(await loaded.callTool({ name, arguments: args }))) same++;
      else fail(`${name} ${JSON.stringify(args)}${cache ? ' (--cache)' : ''}`);
    }
  console.log(`explain, locate, list, graph: ${same} of ${calls.length * 2} the loaded answer`);
} finally {
  await loaded.close();
  rmSync(temp, { recursive: true, force: true });
}
process.exitCode = failures > 0 ? 1 : 0;
