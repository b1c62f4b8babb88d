// An agent's session with `registry-lens mcp`, driven by the official SDK client (which validates every
// answer against the advertised output schema): first as the VS Code extension starts it (--read-only:
// no writing tool listed), reading compact summaries and pages; then, on a copy under /tmp with writes
// opted in, the certain fixes of one file applied in one call (apply_fixes) and checked:
//   node scripts/mcp/agentSession.mjs /work/real/cursus
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');
const root = resolve(process.argv[2] ?? '.');
const say = (s) => console.log(s);
const bytes = (r) => JSON.stringify(r.structuredContent ?? r.content).length;

async function connect(args) {
  const client = new Client({ name: 'agent-session', version: '0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...args], stderr: 'ignore' }),
  );
  return client;
}

async function call(client, name, args) {
  const r = await client.callTool({ name, arguments: args });
  const text = r.content.map((c) => c.text).join('\n');
  say(`> ${name} ${JSON.stringify(args)}  [${bytes(r)} bytes structured${r.isError ? ', tool error' : ''}]`);
  say(
    text
      .split('\n')
      .slice(0, 6)
      .map((l) => `  ${l.length > 160 ? `${l.slice(0, 160)}…` : l}`)
      .join('\n'),
  );
  return r;
}

say(`# ${root}: read-only, as the extension starts it (registry-lens mcp --root ROOT --read-only)`);
const ro = await connect(['--root', root, '--read-only']);
say(`tools: ${(await ro.listTools()).tools.map((t) => t.name).join(', ')}`);
const whole = {};
for (const tool of ['check', 'list', 'graph'])
  whole[tool] = bytes(await ro.callTool({ name: tool, arguments: { limit: 100000 } }));
say(
  `whole answers: ${Object.entries(whole)
    .map(([t, b]) => `${t} ${b} bytes`)
    .join(', ')}`,
);
const check = await call(ro, 'check', {});
await call(ro, 'list', { limit: 0 });
await call(ro, 'graph', { limit: 0 });
const first = check.structuredContent.diagnostics[0];
if (first) await call(ro, 'fixes', { file: first.file });
await call(ro, 'apply_fixes', { file: first?.file ?? '.' }).catch((e) => say(`> apply_fixes: ${e.message}`));
await ro.close();

const copy = mkdtempSync(join(tmpdir(), 'registry-lens-agent-'));
try {
  cpSync(root, copy, { recursive: true });
  say(`\n# a copy in ${copy}, writes opted in (registry-lens mcp --root COPY)`);
  const rw = await connect(['--root', copy]);
  say(`tools: ${(await rw.listTools()).tools.map((t) => t.name).join(', ')}`);
  const certain = async () => {
    const all = (await rw.callTool({ name: 'check', arguments: { limit: 100000 } })).structuredContent;
    for (const file of new Set(all.diagnostics.map((d) => d.file))) {
      const r = await rw.callTool({ name: 'apply_fixes', arguments: { file } });
      if (!r.isError) return { all, fixed: { file, r } };
    }
    return { all, fixed: undefined };
  };
  let { all, fixed } = await certain();
  if (fixed === undefined) {
    say(
      'no file of the tree has a certain fix; the agent creates a workspace (its template names a step without a builder)',
    );
    await call(rw, 'init_workspace', { id: 'agent_demo' });
    ({ all, fixed } = await certain());
  }
  if (fixed === undefined) say('no file has a certain fix');
  else {
    const before = all.diagnostics.filter((d) => d.file === fixed.file).map((d) => d.code);
    say(`> apply_fixes {"file":"${fixed.file}"}\n  ${fixed.r.content[0].text}`);
    const after = (await rw.callTool({ name: 'check', arguments: { paths: [fixed.file], limit: 100000 } }))
      .structuredContent;
    say(
      `  ${fixed.file}: before ${before.join(', ') || 'none'}; after ${
        after.diagnostics
          .filter((d) => d.file === fixed.file)
          .map((d) => d.code)
          .join(', ') || 'none'
      }`,
    );
    say(
      `  root: ${all.summary.errors} errors, ${all.summary.warnings} warnings before; ${after.summary.errors !== undefined ? '' : ''}${(await rw.callTool({ name: 'check', arguments: { limit: 0 } })).structuredContent.summary.errors} errors after`,
    );
  }
  await rw.close();
} finally {
  rmSync(copy, { recursive: true, force: true });
}
