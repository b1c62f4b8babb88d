// The `list` tool: every entry visible in a context (steps, apcore modules, ONEX artifacts) as the
// CLI's `list --format json` document (one builder); the text names the contexts there are.
import { cursusAbsent } from '../../host/frameworkReport';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { PAGE_SIZES, pagedListDocument } from '../../engine/documents/pagedDocuments';
import { pageLine } from '../../engine/render/paging';
import { listDocument as listSchema, modeInput, workspaceInput } from '../schemas';
import { pageInput, pageOutput } from '../paging';
import { answer, contextOf, type ToolContext } from '../toolContext';

/** Names the text shows before it refers to the structured content. */
const FIRST = 40;

const PAGE = PAGE_SIZES.list;

const DESCRIPTION =
  "Lists every entry visible in a context: cursus steps (core, a workspace's local steps and overrides), apcore " +
  'modules and ONEX artifacts, each with its source, file and range, SageMaker step type, builder and config ' +
  'class names, and the other sources that define the same name (conflicts).\n' +
  'Use it to see what exists before adding a step, to pick a name, or to find the workspaces (contexts) of the ' +
  'root — the text names them.\n' +
  "'workspace' picks a developer workspace's context (default: core); 'conflictsOnly' keeps only names defined " +
  'more than once.\n' +
  "Returns the JSON document of 'registry-lens list --format json', led by a summary (counts, the contexts of " +
  `the root) and one page of entries at a time ('limit', default ${PAGE}, 0 for the summary only; 'cursor' from ` +
  "'page.nextCursor' for the next).";

export function registerList(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'list',
    {
      title: 'List steps',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        workspace: workspaceInput.optional(),
        mode: modeInput.optional(),
        conflictsOnly: z.boolean().optional().describe('only entries whose name has conflicting definitions'),
        ...pageInput(PAGE, 'entries'),
      }),
      outputSchema: listSchema.extend({ summary: listSummary, page: pageOutput }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ workspace, mode, conflictsOnly, limit, cursor }) =>
      root.ask((engine) => {
        const context = contextOf(engine, workspace);
        const resolution = mode ?? engine.resolutionMode;
        const rows = engine.list({ context, mode: resolution, conflictsOnly: conflictsOnly === true });
        const contexts = engine.contexts();
        const { document, items, page } = pagedListDocument(rows, contexts, context, resolution, { limit, cursor });
        const absent = rows.length === 0 ? cursusAbsent(engine) : null;
        const lines = [
          ...(absent === null ? [] : [`No entries: ${absent}`]),
          `${rows.length} entries in context '${context}' (${resolution} mode). ` +
            `Contexts of this root: ${contexts.map((c) => c.id).join(', ')}.`,
          ...items
            .slice(0, FIRST)
            .map(
              (r) =>
                `${r.name}  (${r.source})${r.conflicts.length > 0 ? `  conflicts: ${r.conflicts.join(', ')}` : ''}`,
            ),
          ...(items.length > FIRST ? [`… and ${items.length - FIRST} more in structuredContent.steps.`] : []),
          pageLine(page, 'entries'),
        ];
        return answer(lines.filter((l) => l !== '').join('\n'), document);
      }),
  );
}

const listSummary = z
  .object({
    entries: z.number().int().describe('entries in all pages'),
    conflicting: z.number().int().describe('entries whose name is defined more than once'),
    bySource: z.record(z.string(), z.number().int()).describe('entries per source'),
    contexts: z
      .array(z.object({ id: z.string(), dir: z.string().nullable().describe('the workspace folder (null: core)') }))
      .describe("every context of the root: core and each developer workspace's id (what 'workspace' takes)"),
  })
  .describe('the whole list in a few numbers, and the contexts of the root');
