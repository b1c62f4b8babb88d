// The time from starting `registry-lens mcp` to its first answer (a whole-root `check` unless another call is given),
// through the MCP SDK's client as an agent connects (bench/cliCache.ts: without and with `--cache`).
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export interface McpFirst {
  ms: number;
  /** The answer's summary counts (a check) or its structured content (another tool), which runs compared must share. */
  counts: string;
  /** The answer came before the rest of the root was analysed (`loading` in a check's answer). */
  loading: boolean;
}

/** A tool call: the whole-root `check` unless said otherwise. */
export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

const WHOLE_CHECK: ToolCall = { name: 'check', arguments: { limit: 1 } };

export async function mcpFirstCheck(cli: string, args: readonly string[], call = WHOLE_CHECK): Promise<McpFirst> {
  const start = performance.now();
  const client = new Client({ name: 'registry-lens-bench', version: '0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...args], stderr: 'ignore' }),
  );
  try {
    const r = await client.callTool(call, undefined, { timeout: 600_000 });
    const ms = performance.now() - start;
    if (r.isError === true) throw new Error(`${call.name}: ${JSON.stringify(r.content)}`);
    const doc = r.structuredContent as { summary?: Record<string, number>; loading?: boolean };
    const s = doc.summary;
    const counts =
      call.name === 'check' && s
        ? `${s['errors']}E ${s['warnings']}W ${s['information']}I ${s['hints']}H`
        : JSON.stringify(doc, (k, v: unknown) => (k === 'ms' ? 0 : v));
    return { ms, counts, loading: doc.loading === true };
  } finally {
    await client.close();
  }
}
