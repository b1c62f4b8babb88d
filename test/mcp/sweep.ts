// Every read-only tool of the MCP server called with every input a tree gives it, through the official
// SDK client (which checks each answer against the tool's advertised output schema and throws -32602
// when it does not match): check, then per context and mode list, graph and explain of every name
// listed, locate of every name, and fixes of every file a diagnostic or an entry is in. What failed is
// collected, not thrown, so one run reports every mismatch of a tree.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

export interface SweepResult {
  calls: number;
  failures: string[];
  names: number;
  contexts: number;
  files: number;
}

interface Doc {
  [key: string]: unknown;
}

export async function sweep(client: Client): Promise<SweepResult> {
  const failures: string[] = [];
  let calls = 0;
  const call = async (name: string, args: Record<string, unknown>): Promise<Doc | undefined> => {
    calls++;
    try {
      const r = await client.callTool({ name, arguments: args });
      if (r.isError === true) {
        failures.push(`${name} ${JSON.stringify(args)}: tool error ${JSON.stringify(r.content)}`);
        return undefined;
      }
      return r.structuredContent as Doc;
    } catch (e) {
      failures.push(`${name} ${JSON.stringify(args)}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  const check = await call('check', all({ reportUnusedSuppressions: true }));
  const files = new Set<string>(((check?.['diagnostics'] ?? []) as { file: string }[]).map((d) => d.file));
  const contexts = await contextIds(call);
  const names = new Set<string>();
  for (const workspace of contexts) {
    for (const mode of ['isolated', 'hybrid']) {
      const args = { ...(workspace === 'core' ? {} : { workspace }), mode };
      const steps = ((await call('list', all(args)))?.['steps'] ?? []) as { name: string; file: string }[];
      await call('graph', all(args));
      for (const s of steps) {
        names.add(s.name);
        files.add(s.file);
        await call('explain', { ...args, name: s.name });
      }
    }
  }
  for (const name of names) await call('locate', { name });
  for (const file of files) await call('fixes', { file });
  return { calls, failures, names: names.size, contexts: contexts.length, files: files.size };
}

/** A paginated tool's arguments asking for everything at once. */
function all(args: Record<string, unknown>): Record<string, unknown> {
  return { ...args, limit: 100_000 };
}

/** The contexts of the root, as the summary of 'list' names them. */
async function contextIds(
  call: (name: string, args: Record<string, unknown>) => Promise<Doc | undefined>,
): Promise<string[]> {
  const summary = (await call('list', { limit: 0 }))?.['summary'] as { contexts: { id: string }[] } | undefined;
  return summary?.contexts.map((c) => c.id) ?? [];
}
