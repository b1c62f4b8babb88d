// What the MCP server's re-scan before each call costs an agent that edits between calls: a server on ROOT whose load
// is done, then ROUNDS times a call with nothing changed and a call right after a line is appended to FILE (restored
// at the end); prints both series of times, for a build or two side by side (`--cli` files, alternating):
//   node scripts/mcp/rescanTimes.mjs ROOT FILE [ROUNDS] [--cli OLD/dist/cli.js --cli dist/cli.js]
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const { values, positionals } = parseArgs({
  options: { cli: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const [rootArg, fileArg, roundsArg] = positionals;
if (rootArg === undefined || fileArg === undefined) throw new Error('usage: rescanTimes.mjs ROOT FILE [ROUNDS]');
const root = resolve(rootArg);
const file = join(root, fileArg);
const rounds = Number(roundsArg ?? '5');
const clis = (values.cli ?? [join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js')]).map((c) =>
  resolve(c),
);
const original = readFileSync(file);

async function series(cli) {
  const client = new Client({ name: 'rescan-times', version: '0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', '--root', root], stderr: 'ignore' }),
  );
  const call = async () => {
    const start = performance.now();
    await client.callTool({ name: 'check', arguments: { limit: 1 } }, undefined, { timeout: 600_000 });
    return Math.round(performance.now() - start);
  };
  try {
    await call(); // the load
    const unchanged = [];
    const edited = [];
    for (let i = 0; i < rounds; i++) {
      unchanged.push(await call());
      appendFileSync(file, `# rescanTimes edit ${i}\n`);
      edited.push(await call());
    }
    return { unchanged, edited };
  } finally {
    writeFileSync(file, original);
    await client.close();
  }
}

try {
  for (let pass = 0; pass < 2; pass++)
    for (const cli of clis) {
      const { unchanged, edited } = await series(cli);
      console.log(`${cli}: nothing changed ${unchanged.join(' ')} ms | after an edit ${edited.join(' ')} ms`);
    }
} finally {
  writeFileSync(file, original);
}
