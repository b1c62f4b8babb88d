// The `fixes` tool: the quick fixes the editor offers (the engine's code actions) for the diagnostics
// of a file — those overlapping a range, of a code, or all of them — as proposed text edits with an id
// for apply_fix. Nothing is written.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { fixesDocument, rangeInput } from '../schemas';
import { answer, pathInRoot, type ToolContext } from '../toolContext';

/** The whole of any file. */
const WHOLE = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };

const DESCRIPTION =
  'Proposes the quick fixes for the diagnostics of one file, as text edits (root-relative path, 0-based range, ' +
  'newText) and files to create — the same fixes the editor offers: add a missing field, create a builder stub, ' +
  'correct a misspelt name, move a step to STEP_OVERRIDES, suppress a code on a line, …\n' +
  "Give 'file' (root-relative) and optionally 'range' (the diagnostic's range, from 'check') or 'code' (e.g. " +
  "RL005); with neither, every fix of the file is proposed. Nothing is written: pass a fix's 'id' to 'apply_fix' " +
  "to write it. A fix is computed from the files as they are now ('basis': their sha256); once a file it edits " +
  "changes, apply_fix refuses it and 'fixes' must be called again.";

export function registerFixes(server: McpServer, { root, fixes }: ToolContext): void {
  server.registerTool(
    'fixes',
    {
      title: 'Propose quick fixes',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        file: z.string().min(1).max(4096).describe('root-relative path of the file with the diagnostics'),
        range: rangeInput
          .optional()
          .describe("only diagnostics overlapping this 0-based range (as 'check' returned it)"),
        code: z
          .string()
          .regex(/^RL\d{3}$/)
          .optional()
          .describe('only diagnostics of this code'),
      }),
      outputSchema: fixesDocument,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ file, range, code }) => {
      const rel = pathInRoot(root.dir, file);
      return root.run((engine) => {
        const found = engine
          .fixes(rel, range ?? WHOLE)
          .filter(({ diagnostic }) => code === undefined || diagnostic.code === code);
        const proposals = found.map(({ diagnostic, fix }) => fixes.propose(diagnostic, fix, (p) => engine.text(p)));
        const text =
          proposals.length === 0
            ? `No quick fix for ${rel}${code ? ` (${code})` : ''}${range ? ' in that range' : ''}` +
              `${engine.has(rel) ? '' : ': Registry Lens does not analyse this file'}.`
            : [
                `${proposals.length} fix(es) for ${rel}:`,
                ...proposals.map(
                  (p) => `${p.id}  ${p.diagnostic.code} line ${p.diagnostic.range.start.line + 1}: ${p.title}`,
                ),
              ].join('\n');
        return answer(text, { file: rel, fixes: proposals });
      });
    },
  );
}
