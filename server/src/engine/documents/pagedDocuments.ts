// The paged answers of check, list and graph, one builder for every front end that pages them: the MCP
// server's tools and the editor's language-model tools (through the language server) return the same
// document for the same arguments — the CLI's `--format json` document led by its summary, one page of
// its long array (paging.ts) and `page`, saying which part this is and how to ask for the next.
import type { ContextInfo, DependencyGraph, ListRow, Summary } from '../api';
import type { ContextId, Diagnostic, ResolutionMode } from '../types';
import { checkDocument, emptyGraphNote, graphDocument, listDocument, type JsonDocument } from './jsonDocuments';
import { MAX_LIMIT, pageOf, type Page } from '../render/paging';

/** Items per page unless a `limit` says otherwise: diagnostics, entries, nodes (each with its outgoing edges). */
export const PAGE_SIZES = { check: 20, list: 25, graph: 10 } as const;

/** What page a caller asks for: `limit` items (default: the tool's page size) from its `cursor`. */
export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

/** Why `limit` or `cursor` of a request is not one (for callers no input schema checked); null when they are. */
export function pageRequestError(p: { limit?: unknown; cursor?: unknown }): string | null {
  if (
    p.limit !== undefined &&
    !(Number.isSafeInteger(p.limit) && (p.limit as number) >= 0 && (p.limit as number) <= MAX_LIMIT)
  )
    return `'limit' must be a whole number from 0 to ${MAX_LIMIT} (0: the summary only)`;
  if (p.cursor !== undefined && (typeof p.cursor !== 'string' || p.cursor === '' || p.cursor.length > 200))
    return "'cursor' must be the 'page.nextCursor' of a previous answer";
  return null;
}

/** check's document with one page of the diagnostics kept; `summary` counts them all. */
export function pagedCheckDocument(
  kept: readonly Diagnostic[],
  summary: Summary,
  ms: number,
  p: PageRequest,
): { document: JsonDocument; page: Page } {
  const { items, page } = pageOf('check', kept, p.limit, p.cursor, PAGE_SIZES.check);
  return { document: { ...checkDocument(items, summary, ms), page }, page };
}

/** list's document led by a summary of the whole list (and every context of the root), with one page of entries. */
export function pagedListDocument(
  rows: readonly ListRow[],
  contexts: readonly ContextInfo[],
  context: ContextId,
  mode: ResolutionMode,
  p: PageRequest,
): { document: JsonDocument; items: ListRow[]; page: Page } {
  const { items, page } = pageOf('list', rows, p.limit, p.cursor, PAGE_SIZES.list);
  const bySource: Record<string, number> = {};
  for (const r of rows) bySource[r.source] = (bySource[r.source] ?? 0) + 1;
  const summary = {
    entries: rows.length,
    conflicting: rows.filter((r) => r.conflicts.length > 0).length,
    bySource,
    contexts: contexts.map((c) => ({ id: c.id, dir: c.dir })),
  };
  const { version, ...doc } = listDocument(items, context, mode);
  return { document: { version, summary, ...doc, page }, items, page };
}

/**
 * graph's document led by a summary of the whole graph, with one page of nodes and the edges going out of them
 * (order, blocked and cycles whole); its note says why the whole graph is empty, never why a page's nodes have
 * no edges.
 */
export function pagedGraphDocument(g: DependencyGraph, p: PageRequest): { document: JsonDocument; page: Page } {
  const { items, page } = pageOf('graph', g.nodes, p.limit, p.cursor, PAGE_SIZES.graph);
  const ids = new Set(items.map((n) => n.id));
  const flow = g.edges.filter((e) => e.kind === 'flow').length;
  const summary = {
    nodes: g.nodes.length,
    dependencyEdges: g.edges.length - flow,
    flowEdges: flow,
    cycles: g.cycles.length,
    blocked: g.blocked.length,
  };
  const {
    version,
    note: _pageNote,
    ...doc
  } = graphDocument({
    ...g,
    nodes: items,
    edges: g.edges.filter((e) => ids.has(e.from)),
  });
  const note = emptyGraphNote(g);
  return { document: { version, summary, ...doc, ...(note === null ? {} : { note }), page }, page };
}
