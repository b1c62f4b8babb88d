// A real MCP session against `registry-lens mcp`, driven by the official SDK's own client
// (@modelcontextprotocol/sdk/client over stdio): lists the tools, explains a step, checks one path,
// and prints what came back with the wall-clock time of each call. For the closing note of issue 41
// and for trying the server on any tree:
//   node scripts/mcp/session.mjs --root /work/real/cursus-6a2e2022 --step XGBoostTraining --path src/cursus/registry
// Options: --root DIR (default .), --step NAME (default XGBoostTraining), --path REL (default: the
// winner's file of the step), --cli FILE (default dist/cli.js beside this repository).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { root: { type: 'string' }, step: { type: 'string' }, path: { type: 'string' }, cli: { type: 'string' } },
});
const root = resolve(values.root ?? '.');
const step = values.step ?? 'XGBoostTraining';
const cli = resolve(values.cli ?? join(repo, 'dist', 'cli.js'));

const timed = async (label, work) => {
  const start = performance.now();
  const result = await work();
  console.log(`\n## ${label}  (${(performance.now() - start).toFixed(0)} ms)`);
  return result;
};
const text = (r) =>
  r.content
    .filter((c) => c.type === 'text')
    .map((c) => c.text)
    .join('\n');
const at = (file, range) => `${file}:${range.start.line + 1}:${range.start.character + 1}`;

console.log(
  `registry-lens mcp on ${root}\nserver: node ${cli} mcp --root ${root}\nclient: @modelcontextprotocol/sdk Client + StdioClientTransport`,
);
const client = new Client({ name: 'registry-lens-session', version: '1.0.0' });
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [cli, 'mcp', '--root', root],
  stderr: 'ignore',
});
await timed('connect (spawn, initialize, initialized)', () => client.connect(transport));
const info = client.getServerVersion();
console.log(
  `server ${info?.name} ${info?.version}; tools capability: ${JSON.stringify(client.getServerCapabilities()?.tools)}`,
);

const { tools } = await timed('tools/list', () => client.listTools());
for (const t of tools) {
  const hints = t.annotations?.readOnlyHint ? 'read-only' : 'writes';
  console.log(
    `- ${t.name.padEnd(9)} ${hints.padEnd(9)} in: {${Object.keys(t.inputSchema.properties ?? {}).join(', ')}}  out: {${Object.keys(t.outputSchema?.properties ?? {}).join(', ')}}`,
  );
}

// The SDK's client validates structured content against each tool's output schema (ajv).
const explained = await timed(`tools/call explain {name: ${step}}  (first call: waits for the initial load)`, () =>
  client.callTool({ name: 'explain', arguments: { name: step } }),
);
if (explained.isError) {
  console.log(text(explained));
} else {
  const e = explained.structuredContent;
  console.log(`found: ${e.found}; winner: ${e.winner.source} at ${at(e.winner.file, e.winner.range)}`);
  console.log(`trace: ${e.trace.map((t) => `${t.layer}${t.hit ? ' (hit)' : ''}`).join(' -> ')}`);
  for (const [kind, c] of Object.entries(e.components))
    console.log(`${kind.padEnd(9)} ${c ? `${c.class ?? '-'}  ${at(c.file, c.range)}` : 'not found'}`);
  console.log(
    `dependencies: ${e.dependencies.length}, dependents: ${e.dependents.length}, conflicts: ${e.conflicts.length}, shadowed: ${e.shadowed.length}`,
  );
}
const again = await timed(
  `tools/call explain {name: ${step}} again (warm: a re-scan of the root finding nothing changed)`,
  () => client.callTool({ name: 'explain', arguments: { name: step } }),
);
console.log(`same answer: ${JSON.stringify(again.structuredContent) === JSON.stringify(explained.structuredContent)}`);

const path = values.path ?? explained.structuredContent?.winner?.file ?? '.';
const checked = await timed(`tools/call check {paths: [${path}]}`, () =>
  client.callTool({ name: 'check', arguments: { paths: [path] } }),
);
console.log(text(checked));
if (!checked.isError) console.log(`structuredContent.summary: ${JSON.stringify(checked.structuredContent.summary)}`);

const whole = await timed('tools/call check {} (the whole root)', () =>
  client.callTool({ name: 'check', arguments: {} }),
);
if (!whole.isError)
  console.log(
    `structuredContent.summary: ${JSON.stringify(whole.structuredContent.summary)}; diagnostics: ${whole.structuredContent.diagnostics.length}`,
  );

await client.close();
