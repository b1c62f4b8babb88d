// The time from starting `registry-lens mcp` to its first `check` answer, through the MCP SDK's client as an
// agent connects (bench/cliCache.ts: without and with `--cache`).
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export interface McpFirst {
  ms: number;
  /** The answer's summary counts, which the runs compared must share. */
  counts: string;
}

export async function mcpFirstCheck(cli: string, args: readonly string[]): Promise<McpFirst> {
  const start = performance.now();
  const client = new Client({ name: 'registry-lens-bench', version: '0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...args], stderr: 'ignore' }),
  );
  try {
    const r = await client.callTool({ name: 'check', arguments: { limit: 1 } }, undefined, { timeout: 600_000 });
    const ms = performance.now() - start;
    const s = (r.structuredContent as { summary: Record<string, number> }).summary;
    return { ms, counts: `${s['errors']}E ${s['warnings']}W ${s['information']}I ${s['hints']}H` };
  } finally {
    await client.close();
  }
}
