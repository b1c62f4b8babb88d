// The `apply_fixes` tool: every unambiguous fix of a file (of one code, when asked) in one write, as
// ESLint's fix-all and the editor's "Fix all" (`source.fixAll.registryLens`: the engine's fixAll, which
// skips a fix whose edits would clash with one taken). One call instead of N fixes/apply_fix round
// trips, each of which would make the file's other proposals stale. Written like apply_fix
// (writeFix.ts: all checked before anything is written); not listed in read-only mode.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { Diagnostic } from '../../engine/types';
import { withBasis } from '../fixProposals';
import { applyDocument } from '../schemas';
import { answer, pathInRoot, type ToolContext } from '../toolContext';
import { writeFix } from '../writeFix';

const DESCRIPTION =
  `Writes every unambiguous quick fix of one file at once (the editor's "Fix all"): missing builder/config ` +
  'stubs, misspelt names, unused suppression comments, … — each diagnostic whose one fix is certain; a fix whose ' +
  "edits would overlap another's is left for later. Give 'file' (root-relative) and optionally 'code' (e.g. " +
  'RL005) to fix only that code.\n' +
  'It edits or creates files in the project (never in a .git folder, never through a link, never outside the ' +
  "root), all checked before anything is written. Returns the files written; run 'check' afterwards. Fixes that " +
  "need a choice (which name, suppress or not) stay with 'fixes' and 'apply_fix'.";

export function registerApplyFixes(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'apply_fixes',
    {
      title: 'Apply all fixes of a file',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        file: z.string().min(1).max(4096).describe('root-relative path of the file whose diagnostics to fix'),
        code: z
          .string()
          .regex(/^RL\d{3}$/)
          .optional()
          .describe('only diagnostics of this code'),
      }),
      outputSchema: applyDocument,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
    },
    ({ file, code }) => {
      const rel = pathInRoot(root.dir, file);
      return root.run((engine, opened) => {
        const all = engine.fixAll(rel, code as Diagnostic['code'] | undefined);
        if (all === null)
          throw new Error(
            `no unambiguous fix for ${rel}${code ? ` (${code})` : ''}; ` +
              "'fixes' lists every fix, to apply one by one with 'apply_fix'",
          );
        const files = writeFix(
          root.dir,
          withBasis(all, (path) => engine.text(path)),
          opened.folder.maxFileBytes,
        );
        return answer(`${all.title}. Written: ${files.map((f) => `${f.action} ${f.path}`).join(', ')}.`, {
          applied: true,
          files,
        });
      });
    },
  );
}
