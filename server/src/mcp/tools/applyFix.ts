// The `apply_fix` tool: writes one fix that 'fixes' proposed in this session, by its id (a fix the
// caller wrote itself only when the server was started with --allow-unproposed-fixes), inside the
// root only (writeFix.ts: the host's rule for writing, staleness, bounds and overlap checked before
// anything is written). Not listed in read-only mode. The next call sees the result.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { applyDocument, fixInput } from '../schemas';
import { answer, type ToolContext } from '../toolContext';
import { writeFix } from '../writeFix';

const DESCRIPTION =
  "Writes one quick fix that 'fixes' proposed in this session: pass its 'id'. It edits or creates files in the " +
  'project (never in a .git folder, never through a link, never outside the root); the fix is refused, and ' +
  "nothing written, when a file it edits changed since it was proposed (call 'fixes' again), when a file it " +
  'creates exists, or when its edits overlap or lie outside the file.\n' +
  "Returns the files written ('edited' or 'created'). Run 'check' afterwards to see the result. To apply every " +
  "fix of a file at once, use 'apply_fixes'.";

const UNPROPOSED =
  "\nThis server was started with --allow-unproposed-fixes: instead of 'id', 'fix' may give a fix whole " +
  '(its edits, createFiles and basis).';

export function registerApplyFix(server: McpServer, { root, fixes, options }: ToolContext): void {
  const id = z.string().min(1).max(100).describe("a fix id returned by 'fixes' in this session");
  server.registerTool(
    'apply_fix',
    {
      title: 'Apply a quick fix',
      description: options.allowUnproposedFixes ? `${DESCRIPTION}${UNPROPOSED}` : DESCRIPTION,
      inputSchema: options.allowUnproposedFixes
        ? z.strictObject({ id: id.optional(), fix: fixInput.optional() })
        : z.strictObject({ id }),
      outputSchema: applyDocument,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    (args: { id?: string; fix?: z.infer<typeof fixInput> }) =>
      root.run((_engine, opened) => {
        if ((args.id === undefined) === (args.fix === undefined)) throw new Error("give exactly one of 'id' and 'fix'");
        const chosen = args.fix ?? fixes.get(args.id ?? '');
        if (chosen === undefined && fixes.wasApplied(args.id ?? ''))
          throw new Error(
            `the fix '${args.id ?? ''}' was already applied in this session; nothing was written ` +
              "(call 'check' to see the result, 'fixes' for the fixes there are now)",
          );
        if (chosen === undefined)
          throw new Error(`no fix '${args.id ?? ''}' was proposed in this session; call 'fixes' first`);
        const files = writeFix(root.dir, chosen, opened.folder.maxFileBytes);
        if (args.id !== undefined) fixes.applied(args.id);
        return answer(`Applied: ${files.map((f) => `${f.action} ${f.path}`).join(', ')}.`, { applied: true, files });
      }),
  );
}
