// A cold start of the language server on a generated org, and how long its event loop stays blocked
// meanwhile: from `initialized`, a request that waits for nothing (a hover outside every folder) is sent
// every 20 ms for `--seconds`, and the longest answers are the longest blocks. Servers given run in turn,
// round after round (compare them side by side, never across runs).
//   npx tsx bench/loadBlock.ts [--org large] [--rounds 2] [--seconds 7] [SERVER_JS ...]   (default: dist/server.js)
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildOrg, ensureGenerated, GENERATED, ORGS } from './generate';
import { LspClient } from './lspClient';
import { SERVER_NODE_ARGS } from '../server/src/lsp/protocol';

const PING_GAP_MS = 20;

/** The answer times (ms) of the pings sent during `seconds` from `initialized`. */
async function coldStart(server: string, root: string, seconds: number): Promise<number[]> {
  const c = await LspClient.start({ command: process.execPath, args: [...SERVER_NODE_ARGS, server, '--stdio'], root });
  const outside = pathToFileURL(join(tmpdir(), 'outside-any-folder.py')).href;
  const answers: number[] = [];
  try {
    await c.notify('initialized', {});
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const t = performance.now();
      await c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: outside },
        position: { line: 0, character: 0 },
      });
      answers.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, PING_GAP_MS));
    }
  } finally {
    await c.stop();
  }
  return answers;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(name);
    return at >= 0 ? (args.splice(at, 2)[1] ?? fallback) : fallback;
  };
  const org = option('--org', 'large') as keyof typeof ORGS;
  const rounds = Number(option('--rounds', '2'));
  const seconds = Number(option('--seconds', '7'));
  if (!(org in ORGS)) throw new Error(`unknown org ${org}`);
  const root = join(GENERATED, org);
  ensureGenerated(root, buildOrg(ORGS[org]), (s) => console.log(s));
  const servers = (args.length > 0 ? args : ['dist/server.js']).map((s) => resolve(s));
  for (let round = 1; round <= rounds; round++)
    for (const server of servers) {
      const answers = await coldStart(server, root, seconds);
      const longest = [...answers]
        .sort((a, b) => b - a)
        .slice(0, 3)
        .map(Math.round);
      console.log(`round ${round} ${server}: ${answers.length} pings, longest answers ${longest.join(', ')} ms`);
    }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
