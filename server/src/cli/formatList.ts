// `list`: the steps (and other families' entries, e.g. ONEX artifacts) visible in a context, as an aligned table for
// people or JSON for scripts.
import type { ListRow } from '../engine/api';
import type { ContextId, ResolutionMode } from '../engine/types';
import { listDocument } from '../engine/documents/jsonDocuments';
import { LIST_COLUMNS } from '../engine/engine';

const HEADERS = ['NAME', 'SOURCE', ...LIST_COLUMNS.map((c) => c.header), 'CONFLICTS'];

/** The table; `empty`, what to say instead of "0 steps" when there are none (why none are known). */
export function formatListTable(rows: ListRow[], empty?: string): string {
  const details = rows.some((r) => r.detail !== undefined);
  const headers = details ? [...HEADERS, 'DETAIL'] : HEADERS;
  const cells = rows.map((r) => [
    r.name,
    r.source,
    ...LIST_COLUMNS.map((c) => r.columns[c.key] ?? '-'),
    r.conflicts.length === 0 ? '-' : r.conflicts.join(', '),
    ...(details ? [r.detail ?? '-'] : []),
  ]);
  const table = [headers, ...cells];
  const widths = headers.map((_, col) => Math.max(...table.map((row) => (row[col] ?? '').length)));
  const lines = table.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.push(
    '',
    rows.length === 0 && empty !== undefined ? empty : `${rows.length} ${rows.length === 1 ? 'step' : 'steps'}`,
  );
  return lines.join('\n') + '\n';
}

export function formatListJson(rows: ListRow[], context: ContextId, mode: ResolutionMode): string {
  return JSON.stringify(listDocument(rows, context, mode), null, 2) + '\n';
}
