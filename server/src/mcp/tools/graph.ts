// The `graph` tool: a context's dependency graph with its cycles as the CLI's `graph --format json`
// document (one builder); the text says what the graph holds, its cycles, and why it is empty when
// it is (where its edges would come from).
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { DependencyGraph } from '../../engine/api';
import { EDGE_SOURCES } from '../../engine/engine';
import { emptyGraphNote } from '../../engine/documents/jsonDocuments';
import { PAGE_SIZES, pagedGraphDocument } from '../../engine/documents/pagedDocuments';
import { pageLine } from '../../engine/render/paging';
import { graphDocument as graphSchema, modeInput, workspaceInput } from '../schemas';
import { pageInput, pageOutput } from '../paging';
import { answer, contextOf, type ToolContext } from '../toolContext';

const PAGE = PAGE_SIZES.graph;

const DESCRIPTION =
  'Returns the dependency graph of a context: nodes (steps, apcore modules, the workspace itself), edges (from ' +
  "depends on to, declared at file/range; kind 'flow' = data flows producer -> consumer), the registration order " +
  '(dependencies first), the nodes blocked by a cycle, and the cycles themselves.\n' +
  'Use it to find dependency cycles (RL023), to see what a step depends on or what depends on it, or the order ' +
  'steps register in.\n' +
  "'workspace' picks a developer workspace's context (default: core). Edges come from " +
  `${EDGE_SOURCES.join('; ')}. An empty graph means none of these is declared; the text says so.\n` +
  "Returns the JSON document of 'registry-lens graph --format json' (order, blocked and cycles whole), led by a " +
  `summary and one page of nodes at a time with the edges going out of them ('limit', default ${PAGE}, 0 for the ` +
  "summary only; 'cursor' from 'page.nextCursor' for the next).";

export function registerGraph(server: McpServer, { root }: ToolContext): void {
  server.registerTool(
    'graph',
    {
      title: 'Dependency graph',
      description: DESCRIPTION,
      inputSchema: z.strictObject({
        workspace: workspaceInput.optional(),
        mode: modeInput.optional(),
        ...pageInput(PAGE, 'nodes (each with its outgoing edges)'),
      }),
      outputSchema: graphSchema.extend({ summary: graphSummary, page: pageOutput }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ workspace, mode, limit, cursor }) =>
      root.ask((engine) => {
        const g = engine.graph({ context: contextOf(engine, workspace), mode: mode ?? engine.resolutionMode });
        const { document, page } = pagedGraphDocument(g, { limit, cursor });
        return answer([text(g), pageLine(page, 'nodes')].filter((l) => l !== '').join('\n'), document);
      }),
  );
}

const graphSummary = z
  .object({
    nodes: z.number().int().describe('nodes in all pages'),
    dependencyEdges: z.number().int(),
    flowEdges: z.number().int().describe("edges of kind 'flow'"),
    cycles: z.number().int(),
    blocked: z.number().int().describe('nodes that cannot be ordered'),
  })
  .describe('the whole graph in a few numbers');

function text(g: DependencyGraph): string {
  const empty = emptyGraphNote(g);
  if (empty !== null) return `${empty[0]?.toUpperCase() ?? ''}${empty.slice(1)}`;
  const flow = g.edges.filter((e) => e.kind === 'flow').length;
  const lines = [
    `Context '${g.context}' (${g.mode} mode): ${g.nodes.length} nodes, ` +
      `${g.edges.length - flow} dependency edges, ${flow} data-flow edges.`,
  ];
  lines.push(
    g.cycles.length === 0
      ? 'No cycle.'
      : `${g.cycles.length} cycle(s): ${g.cycles.map((c) => [...c, c[0]].join(' -> ')).join('; ')}.`,
  );
  if (g.blocked.length > 0) lines.push(`Blocked by a cycle: ${g.blocked.join(', ')}.`);
  if (g.order.length > 0) lines.push(`Registration order: ${g.order.join(', ')}.`);
  return lines.join('\n');
}
