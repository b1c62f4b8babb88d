// Typing in a large Python registry with a syntax error: how long the server's event loop stays blocked
// (the longest answer to a request that waits for nothing), and how long from the first keystroke to the
// answer of a request after the last one. Each server bundle given runs at the same time as the others,
// so they share the machine's load: compare them side by side, never across runs.
//   npx tsx bench/brokenEdit.ts [--kb 200] [SERVER_JS ...]   (default: dist/server.js)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const REG = 'developer_workspaces/developers/w/src/cursus_dev/registry/workspace_registry.py';
const KEYS = 8;
const KEY_GAP_MS = 150;
const PING_GAP_MS = 20;

/** A workspace registry whose entry's dict is broken by one line of `e,` of about `kb` kilobytes. */
function brokenRegistry(kb: number): string {
  return `LOCAL_STEPS = {\n    "A": {"config_class": "AConfig",\n    ${'e,'.repeat(kb * 512)}\n}\n`;
}

async function typeInto(server: string, kb: number): Promise<{ blockMs: number; answeredMs: number }> {
  const root = mkdtempSync(join(tmpdir(), 'rl-broken-'));
  const text = brokenRegistry(kb);
  mkdirSync(join(root, REG, '..'), { recursive: true });
  mkdirSync(join(root, 'src/cursus/registry'), { recursive: true });
  writeFileSync(join(root, REG), text);
  writeFileSync(join(root, 'src/cursus/registry/step_names.py'), 'STEP_NAMES = {}\n');
  const c = await LspClient.start({ command: process.execPath, args: [server, '--stdio'], root });
  try {
    await c.notify('initialized', {});
    const uri = pathToFileURL(join(root, REG)).href;
    const hover = (target: string): Promise<unknown> =>
      c.connection.sendRequest('textDocument/hover', {
        textDocument: { uri: target },
        position: { line: 0, character: 0 },
      });
    await c.open(uri, 'python', text);
    await hover(uri); // the opened document is analysed
    let blockMs = 0;
    let typing = true;
    const pings = (async () => {
      while (typing) {
        const t = performance.now();
        await hover(pathToFileURL(join(tmpdir(), 'outside-any-folder.py')).href);
        blockMs = Math.max(blockMs, performance.now() - t);
        await new Promise((r) => setTimeout(r, PING_GAP_MS));
      }
    })();
    const start = performance.now();
    let typed = text;
    for (let i = 0; i < KEYS; i++) {
      const at = typed.indexOf('AConfig') + 7;
      typed = `${typed.slice(0, at)}x${typed.slice(at)}`;
      await c.change(uri, typed);
      await new Promise((r) => setTimeout(r, KEY_GAP_MS));
    }
    await hover(uri);
    const answeredMs = performance.now() - start;
    typing = false;
    await pings;
    return { blockMs: Math.round(blockMs), answeredMs: Math.round(answeredMs) };
  } finally {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--kb');
  const kb = at >= 0 ? Number(args.splice(at, 2)[1]) : 200;
  const servers = (args.length > 0 ? args : ['dist/server.js']).map((s) => resolve(s));
  const results = await Promise.all(servers.map((s) => typeInto(s, kb)));
  for (const [i, r] of results.entries())
    console.log(
      `${servers[i]}: ${kb} KB broken line, longest block ${r.blockMs} ms, ` +
        `first keystroke to last edit's answer ${r.answeredMs} ms`,
    );
}

void main();
