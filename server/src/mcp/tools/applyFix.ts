// The `apply_fix` tool, the one tool that writes: one proposed fix, by id or as the fix itself,
// written inside the root only (writeFix.ts: containment, staleness and overlap checked before
// anything is written). The next call sees the result, as every call sees the disk.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { applyDocument, fixInput } from '../schemas';
import { answer, type ToolContext } from '../toolContext';
import { writeFix } from '../writeFix';

const DESCRIPTION = `Writes one quick fix proposed by 'fixes': pass its 'id' (or the fix itself as 'fix': its edits, createFiles and basis). Every path must lie inside the root; the fix is refused, and nothing written, when a file it edits changed since it was proposed (call 'fixes' again), when a file it creates exists, or when its edits overlap.
Returns the files written ('edited' or 'created'). Run 'check' afterwards to see the result.`;

export function registerApplyFix(server: McpServer, { root, fixes }: ToolContext): void {
  server.registerTool('apply_fix', {
    title: 'Apply a quick fix',
    description: DESCRIPTION,
    inputSchema: z.strictObject({
      id: z.string().min(1).max(100).optional().describe("a fix id returned by 'fixes' in this session"),
      fix: fixInput.optional(),
    }),
    outputSchema: applyDocument,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  }, ({ id, fix }) => root.run((_engine, opened) => {
    if ((id === undefined) === (fix === undefined)) throw new Error("give exactly one of 'id' and 'fix'");
    const chosen = fix ?? fixes.get(id ?? '');
    if (chosen === undefined) throw new Error(`no fix '${id ?? ''}' was proposed in this session; call 'fixes' first`);
    const files = writeFix(root.dir, chosen, opened.folder.maxFileBytes);
    if (id !== undefined) fixes.forget(id);
    return answer(`Applied: ${files.map((f) => `${f.action} ${f.path}`).join(', ')}.`, { applied: true, files });
  }));
}
