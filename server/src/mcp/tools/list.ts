// The `list` tool: every entry visible in a context (steps, apcore modules, ONEX artifacts) as the
// CLI's `list --format json` document (one builder); the text names the contexts there are.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { listDocument } from '../../engine/render/jsonDocuments';
import { listDocument as listSchema, modeInput, workspaceInput } from '../schemas';
import { answer, contextOf, type ToolContext } from '../toolContext';

/** Names the text shows before it refers to the structured content. */
const FIRST = 40;

const DESCRIPTION = `Lists every entry visible in a context: cursus steps (core, a workspace's local steps and overrides), apcore modules and ONEX artifacts, each with its source, file and range, SageMaker step type, builder and config class names, and the other sources that define the same name (conflicts).
Use it to see what exists before adding a step, to pick a name, or to find the workspaces (contexts) of the root — the text names them.
'workspace' picks a developer workspace's context (default: core); 'conflictsOnly' keeps only names defined more than once.
Returns the same JSON document as 'registry-lens list --format json'.`;

export function registerList(server: McpServer, { root }: ToolContext): void {
  server.registerTool('list', {
    title: 'List steps',
    description: DESCRIPTION,
    inputSchema: z.strictObject({
      workspace: workspaceInput.optional(),
      mode: modeInput.optional(),
      conflictsOnly: z.boolean().optional().describe('only entries whose name has conflicting definitions'),
    }),
    outputSchema: listSchema,
    annotations: { readOnlyHint: true, openWorldHint: false },
  }, ({ workspace, mode, conflictsOnly }) => root.run((engine) => {
    const context = contextOf(engine, workspace);
    const resolution = mode ?? engine.resolutionMode;
    const rows = engine.list({ context, mode: resolution, conflictsOnly: conflictsOnly === true });
    const contexts = engine.contexts().map((c) => c.id);
    const lines = [
      `${rows.length} entries in context '${context}' (${resolution} mode). Contexts of this root: ${contexts.join(', ')}.`,
      ...rows.slice(0, FIRST).map((r) => `${r.name}  (${r.source})${r.conflicts.length > 0 ? `  conflicts: ${r.conflicts.join(', ')}` : ''}`),
      ...(rows.length > FIRST ? [`… and ${rows.length - FIRST} more in structuredContent.steps.`] : []),
    ];
    return answer(lines.join('\n'), listDocument(rows, context, resolution));
  }));
}
