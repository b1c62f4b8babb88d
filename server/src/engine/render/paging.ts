// Pages of the long arrays of check, list and graph (cursus answers 28 kB, 20 kB and 120 kB whole): an
// agent pays for every byte it reads, so each answer leads with a compact summary and carries one page
// of items; `limit` sizes the page (0: the summary only) and the opaque `cursor` an answer returns
// asks for the next. A cursor names its tool and offset; one of another tool, or past the end, is refused.
// The MCP server's tools and the editor's language-model tools page alike, with these functions.

/** The largest page a caller may ask for. */
export const MAX_LIMIT = 100_000;

export interface Page {
  total: number;
  offset: number;
  returned: number;
  nextCursor: string | null;
}

/**
 * The page of `items` the limit and cursor ask for, and its description; an Error (a tool error) for
 * a cursor that is not this tool's.
 */
export function pageOf<T>(
  tool: string,
  items: readonly T[],
  limit: number | undefined,
  cursor: string | undefined,
  first: number,
): { items: T[]; page: Page } {
  const offset = cursor === undefined ? 0 : offsetOf(tool, cursor);
  if (offset > items.length) {
    throw new Error(`the cursor is past the end (${items.length} items now); call ${tool} again without it`);
  }
  const size = limit ?? first;
  const end = Math.min(items.length, offset + size);
  const next =
    size > 0 && end < items.length ? Buffer.from(JSON.stringify({ tool, offset: end })).toString('base64url') : null;
  const page = { total: items.length, offset, returned: end - offset, nextCursor: next };
  return { items: items.slice(offset, end), page };
}

/** The page's one line for the text answer. */
export function pageLine(page: Page, items: string): string {
  if (page.total === 0) return '';
  const shown =
    page.returned === 0
      ? `no ${items} in this answer (limit 0)`
      : `${items} ${page.offset + 1}–${page.offset + page.returned} of ${page.total}`;
  return page.nextCursor === null
    ? `Showing ${shown}.`
    : `Showing ${shown}; pass cursor "${page.nextCursor}" for the next page.`;
}

function offsetOf(tool: string, cursor: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const c = parsed as { tool?: unknown; offset?: unknown } | undefined;
  if (c?.tool !== tool || typeof c.offset !== 'number' || !Number.isSafeInteger(c.offset) || c.offset < 0) {
    throw new Error(`not a cursor of ${tool}: pass the 'page.nextCursor' of a previous ${tool} answer`);
  }
  return c.offset;
}
