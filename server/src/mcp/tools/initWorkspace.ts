// The `init_workspace` tool: a new cursus developer workspace, as `registry-lens init-workspace` and
// cursus's own init-workspace make it (host/writeScaffold.ts: every path admitted under the
// containment rule first, one refusal writes nothing, an existing file is never overwritten). Not
// listed in read-only mode.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { WORKSPACE_TEMPLATES } from '../../engine/engine';
import { initWorkspace } from '../../host/writeScaffold';
import { answer, type ToolContext } from '../toolContext';

const DESCRIPTION =
  "Creates a cursus developer workspace as 'cursus init-workspace' (and 'registry-lens init-workspace ID') does: " +
  'its folder under the workspaces root, its workspace_registry.py (from a template, or a copy of another ' +
  "workspace's package) and the package folders. Files that exist are kept, never overwritten; nothing is " +
  'written outside the root, and nothing at all when any path would lead out of it.\n' +
  "'id' is the new workspace's id (a Python identifier); 'template' minimal, standard (default) or advanced; " +
  "'layout' builders (cursus 1.x) or interfaces (2.x; default: as the core registry); 'copyFrom' an existing " +
  'workspace id to copy instead of a template.\n' +
  "Returns the workspace folder and the files created and kept; run 'check' afterwards.";

export function registerInitWorkspace(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'init_workspace',
    {
      title: 'Create a developer workspace',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        id: z.string().min(1).max(200).describe("the new workspace's id, e.g. 'alice_ml'"),
        template: z.enum(WORKSPACE_TEMPLATES).optional().describe('default: standard'),
        layout: z
          .enum(['builders', 'interfaces'])
          .optional()
          .describe('builders (cursus 1.x) or interfaces (2.x); default: as core'),
        copyFrom: z
          .string()
          .min(1)
          .max(500)
          .optional()
          .describe('an existing workspace id whose package to copy instead of a template'),
      }),
      outputSchema: z.object({
        dir: z.string().describe("the workspace's folder, root-relative"),
        layout: z.enum(['builders', 'interfaces']),
        copiedFrom: z.string().nullable(),
        created: z.array(z.string()).describe('root-relative files created'),
        kept: z.array(z.string()).describe('root-relative files that existed and were kept'),
      }),
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ id, template, layout, copyFrom }) =>
      root.run(async (engine) => {
        const r = await initWorkspace(engine, root.dir, { id, template: template ?? 'standard', layout, copyFrom });
        if ('error' in r) throw new Error(r.error);
        const text = [
          `Workspace '${id}' in ${r.dir} ` +
            `(${r.copiedFrom !== null ? `copy of ${r.copiedFrom}` : `${template ?? 'standard'} template`}, ` +
            `${r.layout} layout).`,
          ...r.created.map((f) => `created ${f}`),
          ...r.kept.map((f) => `kept    ${f} (exists; not overwritten)`),
        ].join('\n');
        return answer(text, r);
      }),
  );
}
