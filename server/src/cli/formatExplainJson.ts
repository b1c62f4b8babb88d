// `explain --format json`: the SPEC §7 object plus the legacy entry and derived-registry rows, built
// by the one builder the MCP server's `explain` tool returns too.
import type { Explanation } from '../engine/api';
import { explainDocument } from '../engine/documents/jsonDocuments';

export function formatExplainJson(e: Explanation): string {
  return JSON.stringify(explainDocument(e), null, 2) + '\n';
}
